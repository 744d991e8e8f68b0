package dev.cxkit.rules.io;

import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Money;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads typed fields out of one JSON object and collects every problem in words a rule author can
 * act on ({@code type 'WRONG_ITEMS' is not one of WRONG_ITEM, ...}). A field that is absent, JSON
 * {@code null} or a blank string is missing. Getters return null (or the default) for a missing or
 * bad field; {@link #problems()} says what was bad.
 *
 * <p>Not thread-safe: one per object.
 */
final class Fields {

    private final ObjectNode object;
    private final String prefix;
    private final List<String> problems;

    Fields(ObjectNode object) {
        this(object, "", new ArrayList<>());
    }

    private Fields(ObjectNode object, String prefix, List<String> problems) {
        this.object = object;
        this.prefix = prefix;
        this.problems = problems;
    }

    /** Fields of a nested object, reporting into the same problem list with {@code name.} before each field. */
    Fields nested(ObjectNode child, String name) {
        return new Fields(child, prefix + name + ".", problems);
    }

    List<String> problems() {
        return problems;
    }

    boolean ok() {
        return problems.isEmpty();
    }

    void problem(String message) {
        problems.add(message);
    }

    String label(String name) {
        return prefix + name;
    }

    /** Rejects keys outside {@code known}, suggesting the closest known one. */
    void onlyKnown(Set<String> known) {
        for (String key : object.propertyNames()) {
            if (!known.contains(key)) {
                String suggestion = closest(key, known);
                problems.add("unknown field '" + label(key) + "'"
                        + (suggestion == null ? " (known: " + String.join(", ", known) + ")"
                                : " (did you mean '" + label(suggestion) + "'?)"));
            }
        }
    }

    private JsonNode value(String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull() || node.isMissingNode() || (node.isString() && node.stringValue().isBlank())) {
            return null;
        }
        return node;
    }

    boolean has(String name) {
        return value(name) != null;
    }

    /** Text of a string, or of a whole number (ids are often numbers in exports). */
    String text(String name) {
        JsonNode node = value(name);
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            return node.stringValue().trim();
        }
        if (node.isIntegralNumber()) {
            return node.asString();
        }
        problems.add(label(name) + " must be a string, not " + JsonLines.describe(node));
        return null;
    }

    String requiredText(String name) {
        boolean present = has(name);
        String text = text(name);
        if (!present) {
            problems.add(label(name) + " is missing");
        }
        return text;
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type, E defaultValue, boolean required) {
        JsonNode node = value(name);
        if (node == null) {
            if (required) {
                problems.add(label(name) + " is missing (one of " + names(type) + ")");
            }
            return defaultValue;
        }
        if (!node.isString()) {
            problems.add(label(name) + " must be a string, one of " + names(type) + "; not " + JsonLines.describe(node));
            return defaultValue;
        }
        String text = node.stringValue().trim();
        String constant = text.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(constant)) {
                return e;
            }
        }
        problems.add(label(name) + " '" + text + "' is not one of " + names(type));
        return defaultValue;
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /**
     * A whole number of any sign: a JSON number (12 or 12.0) or a numeric string. For fields whose
     * range a record checks with a message of its own.
     */
    Integer integer(String name) {
        return integer(name, Integer.MIN_VALUE, "");
    }

    /** A boolean, or null when missing (a value that is not a boolean is reported, and null). */
    Boolean boolOrNull(String name) {
        if (!has(name)) {
            return null;
        }
        int before = problems.size();
        boolean value = bool(name, false);
        return problems.size() == before ? value : null;
    }

    /** A whole number at least {@code min}: a JSON number (12 or 12.0) or a numeric string. */
    Integer integer(String name, int min, String minReason) {
        BigDecimal number = decimal(name, "a whole number");
        if (number == null) {
            return null;
        }
        int value;
        try {
            value = number.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            problems.add(label(name) + " " + number.toPlainString() + " is not a whole number");
            return null;
        }
        if (value < min) {
            problems.add(label(name) + " " + value + " " + minReason);
            return null;
        }
        return value;
    }

    private BigDecimal decimal(String name, String what) {
        JsonNode node = value(name);
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isString()) {
            try {
                return new BigDecimal(node.stringValue().trim());
            } catch (NumberFormatException e) {
                problems.add(label(name) + " '" + node.stringValue() + "' is not " + what);
                return null;
            }
        }
        problems.add(label(name) + " must be " + what + ", not " + JsonLines.describe(node));
        return null;
    }

    /** A non-negative amount in {@code currency} (null currency: a problem was already reported). */
    Money money(String name, Currency currency) {
        BigDecimal amount = decimal(name, "an amount");
        if (amount == null || currency == null) {
            return null;
        }
        if (amount.signum() < 0) {
            problems.add(label(name) + " " + amount.toPlainString() + " must not be negative");
            return null;
        }
        try {
            return Money.of(amount, currency);
        } catch (ArithmeticException e) {
            problems.add(label(name) + " " + amount.toPlainString() + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + currency.getDefaultFractionDigits() + ")");
            return null;
        }
    }

    Currency currency(String name, Currency defaultValue) {
        String code = text(name);
        if (code == null) {
            return defaultValue;
        }
        try {
            Currency currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
            if (currency.getDefaultFractionDigits() < 0) {
                problems.add(label(name) + " '" + code + "' has no fixed number of decimals; use a real currency");
                return null;
            }
            return currency;
        } catch (IllegalArgumentException e) {
            problems.add(label(name) + " '" + code + "' is not an ISO 4217 currency code (like EUR, USD, GBP)");
            return null;
        }
    }

    boolean bool(String name, boolean defaultValue) {
        JsonNode node = value(name);
        if (node == null) {
            return defaultValue;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isString()) {
            String text = node.stringValue().trim();
            if (text.equalsIgnoreCase("true")) {
                return true;
            }
            if (text.equalsIgnoreCase("false")) {
                return false;
            }
        }
        problems.add(label(name) + " " + (node.isString() ? "'" + node.stringValue() + "'" : node.toString())
                + " is not true or false");
        return defaultValue;
    }

    /** An ISO-8601 instant ({@code 2026-03-01T10:15:30Z}) or date-time with an offset or zone. */
    Instant instant(String name) {
        String text = text(name);
        if (text == null) {
            return null;
        }
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeException e) {
            // try with a zone id
        }
        try {
            return ZonedDateTime.parse(iso, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            // not zoned either
        }
        try {
            java.time.LocalDateTime.parse(iso);
            problems.add(label(name) + " '" + text + "' has no time zone (add Z for UTC or an offset like +01:00)");
        } catch (DateTimeException e) {
            problems.add(label(name) + " '" + text + "' is not an ISO-8601 timestamp (like 2026-03-01T10:15:30Z "
                    + "or 2026-03-01T11:15:30+01:00)");
        }
        return null;
    }

    /** A JSON object, or null when missing or (reported) not an object. */
    ObjectNode object(String name) {
        JsonNode node = value(name);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            problems.add(label(name) + " must be an object ({...}), not " + JsonLines.describe(node));
            return null;
        }
        return (ObjectNode) node;
    }

    /** A JSON array, or null when missing or (reported) not an array. */
    List<JsonNode> array(String name) {
        JsonNode node = value(name);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            problems.add(label(name) + " must be an array ([...]), not " + JsonLines.describe(node));
            return null;
        }
        return new ArrayList<>(node.values());
    }

    /** An object of scalar values, as text. */
    Map<String, String> strings(String name) {
        ObjectNode node = object(name);
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                continue;
            }
            if (v.isString() || v.isNumber() || v.isBoolean()) {
                out.put(e.getKey(), v.asString());
            } else {
                problems.add(label(name) + "." + e.getKey() + " must be a string, not " + JsonLines.describe(v));
            }
        }
        return out;
    }

    // ---- customers ------------------------------------------------------------------------------

    /** The fields of a customer object. */
    static final Set<String> CUSTOMER_FIELDS = Set.of("id", "tier", "lifetime_value", "currency", "contact_channel",
            "contact_address_kind", "recent_failures");

    /** The contact channel of a customer that names none. */
    static final Channel DEFAULT_CONTACT = Channel.EMAIL;

    /**
     * Reads a customer object.
     *
     * @param id the id to use when the object has none (null: the id is required)
     * @param currency the currency of {@code lifetime_value} when the object names none
     */
    Customer customer(String id, Currency currency) {
        onlyKnown(new java.util.TreeSet<>(CUSTOMER_FIELDS));
        String ownId = text("id");
        if (ownId == null && id == null && !has("id")) {
            problems.add(label("id") + " is missing");
        }
        Currency own = currency("currency", currency);
        Money lifetime = money("lifetime_value", own);
        Channel channel = enumValue("contact_channel", Channel.class, DEFAULT_CONTACT, false);
        AddressKind kind = enumValue("contact_address_kind", AddressKind.class, defaultAddress(channel), false);
        Integer recent = integer("recent_failures", 0, "must not be negative");
        if (!ok()) {
            return null;
        }
        return new Customer(ownId != null ? ownId : id, text("tier"), lifetime, new ContactPreference(channel, kind),
                recent == null ? 0 : recent);
    }

    /** The address a channel usually uses: EMAIL for email, MOBILE for SMS and phone, else OTHER. */
    static AddressKind defaultAddress(Channel channel) {
        switch (channel) {
            case EMAIL:
                return AddressKind.EMAIL;
            case SMS:
            case PHONE:
                return AddressKind.MOBILE;
            default:
                return AddressKind.OTHER;
        }
    }

    /** The known name closest to {@code key} within two edits, or null. */
    static String closest(String key, Set<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int d = distance(key.toLowerCase(Locale.ROOT), candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
