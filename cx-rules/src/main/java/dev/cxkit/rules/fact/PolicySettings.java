package dev.cxkit.rules.fact;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The numbers of a policy pack, kept out of the rules so that a rule author changes a limit
 * without touching DRL: {@code settings.minutes("acknowledge.inPerson.minutes")},
 * {@code settings.money("authority.frontline.limit")}.
 *
 * <p>Loaded from a {@code settings.properties} file beside the DRL files. Money amounts are in
 * the pack's {@code currency}. A missing or malformed value fails with the file and key, when the
 * rule that asks for it fires.
 *
 * <p>Immutable and thread-safe.
 */
public final class PolicySettings {

    private final String source;
    private final Map<String, String> values;
    /** Parsed numbers, so rules that read a setting per decision do not parse text each time. */
    private final Map<String, BigDecimal> numbers = new java.util.concurrent.ConcurrentHashMap<>();
    /** Amounts in the pack's currency, for the same reason (guards read a limit for every offer). */
    private final Map<String, Money> amounts = new java.util.concurrent.ConcurrentHashMap<>();

    private PolicySettings(String source, Map<String, String> values) {
        this.source = Objects.requireNonNull(source, "source");
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /**
     * Settings from a map.
     *
     * @param source where they came from, for messages (for example {@code restaurant/settings.properties})
     * @param values the values by key
     * @return the settings
     */
    public static PolicySettings of(String source, Map<String, String> values) {
        return new PolicySettings(source, values);
    }

    /** Returns empty settings: every lookup fails. */
    public static PolicySettings empty() {
        return new PolicySettings("(no settings)", Map.of());
    }

    /**
     * Reads settings in {@link Properties} format.
     *
     * @param source the file name, for messages
     * @param reader the text
     * @return the settings
     * @throws IOException if reading fails
     */
    public static PolicySettings read(String source, Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Map<String, String> map = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            map.put(key, properties.getProperty(key).trim());
        }
        return new PolicySettings(source, map);
    }

    /**
     * Returns these settings with some values replaced or added, for example a location that
     * allows a larger discount.
     *
     * @param overrides the values to replace, by key
     * @return the new settings (its source notes the overrides)
     */
    public PolicySettings with(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(values);
        merged.putAll(overrides);
        return new PolicySettings(source + " (with " + new TreeMap<>(overrides).keySet() + " overridden)", merged);
    }

    /** Returns where the settings came from. */
    public String source() {
        return source;
    }

    /** Returns all values by key. */
    public Map<String, String> values() {
        return values;
    }

    /**
     * Returns a text value.
     *
     * @param key the key
     * @return the value
     * @throws IllegalArgumentException if the key is missing
     */
    public String text(String key) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(source + ": setting '" + key + "' is missing");
        }
        return value;
    }

    /**
     * Returns a decimal value.
     *
     * @param key the key
     * @return the value
     * @throws IllegalArgumentException if the key is missing or not a number
     */
    public BigDecimal decimal(String key) {
        BigDecimal cached = numbers.get(key);
        if (cached != null) {
            return cached;
        }
        BigDecimal parsed = parse(key);
        numbers.put(key, parsed);
        return parsed;
    }

    private BigDecimal parse(String key) {
        String value = text(key);
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": setting '" + key + "' = '" + value + "' is not a number", e);
        }
    }

    /**
     * Returns a whole-number value, for example a count or a number of minutes.
     *
     * @param key the key
     * @return the value
     * @throws IllegalArgumentException if the key is missing or not a whole number
     */
    public int integer(String key) {
        try {
            return decimal(key).intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(source + ": setting '" + key + "' = '" + text(key)
                    + "' is not a whole number", e);
        }
    }

    /**
     * Returns a number of minutes (a whole number); the same as {@link #integer(String)}, named
     * for readable rules.
     *
     * @param key the key
     * @return the minutes
     */
    public int minutes(String key) {
        return integer(key);
    }

    /** Returns the pack's currency, from the {@code currency} key. */
    public Currency currency() {
        String code = text("currency");
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": setting 'currency' = '" + code + "' is not an ISO 4217 code", e);
        }
    }

    /**
     * Returns an amount in the pack's currency.
     *
     * @param key the key
     * @return the money
     * @throws IllegalArgumentException if the key is missing or the amount malformed
     */
    public Money money(String key) {
        Money cached = amounts.get(key);
        if (cached != null) {
            return cached;
        }
        Money parsed = parseMoney(key);
        amounts.put(key, parsed);
        return parsed;
    }

    private Money parseMoney(String key) {
        BigDecimal amount = decimal(key);
        try {
            return Money.of(amount, currency());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(source + ": setting '" + key + "' has more decimals than "
                    + currency() + " allows", e);
        }
    }

    @Override
    public String toString() {
        return source + " " + values;
    }
}
