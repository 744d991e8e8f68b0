package dev.cxkit.rules.fact;

import dev.cxkit.core.io.Durations;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers of a policy pack, kept out of the rules so that a rule author changes a limit
 * without touching DRL: {@code settings.minutes("acknowledge.inPerson.minutes")},
 * {@code settings.money("authority.frontline.limit")}.
 *
 * <p>Loaded from a {@code settings.properties} file beside the DRL files. Values are typed by
 * how a rule reads them:
 * <ul>
 *   <li>{@link #minutes}: a whole number of minutes ({@code 90}) or a duration with its unit
 *       ({@code 90m}, {@code 3h}, {@code 30d}, {@code PT2H}: {@link Durations});</li>
 *   <li>{@link #integer} and {@link #decimal}: a number, with a dot for decimals;</li>
 *   <li>{@link #money}: an amount in the pack's {@code currency} ({@code 12.50}), optionally with
 *       that currency written beside it ({@code 12.50 EUR}, {@code EUR 12.50});</li>
 *   <li>{@link #text}: anything not empty.</li>
 * </ul>
 * {@code cx rules check} and {@code Policy.compile} check every key a rule reads by name before
 * any rule runs; a value read any other way that is missing or malformed fails its decision with
 * {@code file:line: setting 'key' ...}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class PolicySettings {

    /** The key of the pack's currency. */
    public static final String CURRENCY = "currency";
    /**
     * The key that lists the flight fields a pack needs for every flight, by their input names
     * ({@code flight.required = distance_km, intra_eu}): the engine refuses a flight without one,
     * and {@code cx recover} rejects its line, naming the field.
     */
    public static final String FLIGHT_REQUIRED = "flight.required";

    private final String source;
    private final Map<String, String> values;
    /** The line of each key in its file, where known. */
    private final Map<String, Integer> lines;
    /** Parsed numbers, so rules that read a setting per decision do not parse text each time. */
    private final Map<String, BigDecimal> numbers = new java.util.concurrent.ConcurrentHashMap<>();
    /** Parsed minutes, for the same reason (their parsing runs a regular expression). */
    private final Map<String, Integer> minutes = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?\\d+");
    /** Amounts in the pack's currency, for the same reason (guards read a limit for every offer). */
    private final Map<String, Money> amounts = new java.util.concurrent.ConcurrentHashMap<>();

    private PolicySettings(String source, Map<String, String> values, Map<String, Integer> lines) {
        this.source = Objects.requireNonNull(source, "source");
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
        this.lines = Map.copyOf(lines);
    }

    /**
     * Settings from a map.
     *
     * @param source where they came from, for messages (for example {@code restaurant/settings.properties})
     * @param values the values by key
     * @return the settings
     */
    public static PolicySettings of(String source, Map<String, String> values) {
        return new PolicySettings(source, values, Map.of());
    }

    /** Returns empty settings: every lookup fails. */
    public static PolicySettings empty() {
        return new PolicySettings("(no settings)", Map.of(), Map.of());
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
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = reader.read(buffer)) > 0; ) {
            text.append(buffer, 0, n);
        }
        Properties properties = new Properties();
        properties.load(new StringReader(text.toString()));
        Map<String, String> map = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            map.put(key, properties.getProperty(key).trim());
        }
        return new PolicySettings(source, map, lines(text.toString()));
    }

    /** A key at the start of a properties line: up to an unescaped '=', ':' or blank. */
    private static final Pattern KEY = Pattern.compile("^[ \\t\\f]*((?:[^\\\\=: \\t\\f]|\\\\.)+)");

    /**
     * The line of each key, for messages; a continued value's next lines are skipped, and a key
     * given twice is at its last line, as {@link Properties} keeps the last value.
     */
    private static Map<String, Integer> lines(String text) {
        Map<String, Integer> out = new HashMap<>();
        String[] lines = text.split("\\R", -1);
        boolean continued = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (continued) {
                continued = endsWithOddBackslashes(line);
                continue;
            }
            String stripped = line.stripLeading();
            if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("!")) {
                continue; // a comment never continues
            }
            Matcher m = KEY.matcher(line);
            if (m.find()) {
                out.put(m.group(1).replaceAll("\\\\(.)", "$1"), i + 1);
            }
            continued = endsWithOddBackslashes(line);
        }
        return out;
    }

    private static boolean endsWithOddBackslashes(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
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
        Map<String, Integer> lines = new HashMap<>(this.lines);
        overrides.keySet().forEach(lines::remove); // their lines are not in this file
        return new PolicySettings(source + " (with " + new TreeMap<>(overrides).keySet() + " overridden)", merged, lines);
    }

    /** Returns where the settings came from. */
    public String source() {
        return source;
    }

    /**
     * Returns the line of a key in its file, for messages.
     *
     * @param key the key
     * @return the 1-based line, or 0 when unknown (settings from a map, or an override)
     */
    public int line(String key) {
        return lines.getOrDefault(key, 0);
    }

    /** Where a key's messages point: {@code restaurant/settings.properties:12: }. */
    private String at(String key) {
        int line = line(key);
        return source + (line > 0 ? ":" + line : "") + ": ";
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
            throw new IllegalArgumentException(at(key) + "setting '" + key + "' is missing");
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
        return number(key, text(key));
    }

    private BigDecimal number(String key, String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            String hint = value.matches("-?\\d+,\\d+") ? " (write decimals with a dot: " + value.replace(',', '.') + ")"
                    : value.matches("-?[\\d.,]+\\s*[A-Za-z]{3}|[A-Za-z]{3}\\s*-?[\\d.,]+") ? " (an amount with its currency is "
                    + "read by settings.money, not as a number)" : "";
            throw new IllegalArgumentException(at(key) + "setting '" + key + "' = '" + value + "' is not a number" + hint,
                    e);
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
            throw new IllegalArgumentException(at(key) + "setting '" + key + "' = '" + text(key)
                    + "' is not a whole number", e);
        }
    }

    /**
     * Returns a number of minutes: a whole number ({@code 90}), or a duration with its unit
     * ({@code 90m}, {@code 3h}, {@code 30d}, {@code PT2H}) that is a whole number of minutes.
     *
     * @param key the key
     * @return the minutes
     * @throws IllegalArgumentException if the key is missing, or the value is neither, or too large
     */
    public int minutes(String key) {
        Integer cached = minutes.get(key);
        if (cached != null) {
            return cached;
        }
        int parsed = parseMinutes(key);
        minutes.put(key, parsed);
        return parsed;
    }

    private int parseMinutes(String key) {
        String value = text(key);
        if (WHOLE_NUMBER.matcher(value).matches()) {
            return integer(key);
        }
        Duration duration;
        try {
            duration = Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at(key) + "setting '" + key + "' = '" + value + "' is not a number of "
                    + "minutes (write 90, 90m, 3h or 30d)", e);
        }
        if (duration.toSecondsPart() != 0 || duration.toMinutes() > Integer.MAX_VALUE
                || duration.toMinutes() < Integer.MIN_VALUE) {
            throw new IllegalArgumentException(at(key) + "setting '" + key + "' = '" + value + "' is not a whole number "
                    + "of minutes that fits");
        }
        return (int) duration.toMinutes();
    }

    /**
     * Returns the flight fields the pack needs ({@value #FLIGHT_REQUIRED}), in input names.
     *
     * @return the fields; empty when the pack needs none
     * @throws IllegalArgumentException if a name is not a field a pack can require
     */
    public java.util.List<String> requiredFlightFields() {
        String value = values.get(FLIGHT_REQUIRED);
        if (value == null || value.isBlank()) {
            return java.util.List.of();
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (String part : value.split(",")) {
            String field = part.strip();
            if (!FlightDisruption.REQUIRABLE.contains(field)) {
                throw new IllegalArgumentException(at(FLIGHT_REQUIRED) + "setting '" + FLIGHT_REQUIRED + "': '" + field
                        + "' is not a flight field a pack can require (" + String.join(", ",
                                new java.util.TreeSet<>(FlightDisruption.REQUIRABLE)) + ")");
            }
            out.add(field);
        }
        return java.util.List.copyOf(out);
    }

    /**
     * Returns the pack's currency when the settings give one, for amounts written without a
     * currency (a scenario's).
     *
     * @return the currency, or empty when there is no {@value #CURRENCY} key
     * @throws IllegalArgumentException if the key is not an ISO 4217 code
     */
    public java.util.Optional<Currency> givenCurrency() {
        return values.containsKey(CURRENCY) ? java.util.Optional.of(currency()) : java.util.Optional.empty();
    }

    /** Returns the pack's currency, from the {@value #CURRENCY} key. */
    public Currency currency() {
        String code = text(CURRENCY);
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at(CURRENCY) + "setting 'currency' = '" + code
                    + "' is not an ISO 4217 code", e);
        }
    }

    /**
     * Returns an amount in the pack's currency: {@code 12.50}, or with the currency written
     * beside it ({@code 12.50 EUR}, {@code EUR 12.50}), which must be the pack's.
     *
     * @param key the key
     * @return the money
     * @throws IllegalArgumentException if the key is missing, the amount malformed, or in another currency
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

    private static final Pattern WITH_CURRENCY = Pattern.compile(
            "([A-Za-z]{3})\\s*(-?[\\d.,]+)|(-?[\\d.,]+)\\s*([A-Za-z]{3})");

    private Money parseMoney(String key) {
        String value = text(key);
        Currency currency = currency();
        BigDecimal amount;
        Matcher m = WITH_CURRENCY.matcher(value);
        if (m.matches()) {
            String code = (m.group(1) != null ? m.group(1) : m.group(4)).toUpperCase(java.util.Locale.ROOT);
            if (!code.equals(currency.getCurrencyCode())) {
                throw new IllegalArgumentException(at(key) + "setting '" + key + "' = '" + value + "' is in " + code
                        + ", but this pack's currency is " + currency.getCurrencyCode());
            }
            amount = number(key, m.group(2) != null ? m.group(2) : m.group(3));
        } else {
            amount = decimal(key);
        }
        try {
            return Money.of(amount, currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(at(key) + "setting '" + key + "' has more decimals than "
                    + currency + " allows", e);
        }
    }

    @Override
    public String toString() {
        return source + " " + values;
    }
}
