// Longer than 500 lines on purpose: this is the whole public surface of the one field reader (about
// 400 lines of code, the rest its Javadoc). Its wording lives in FieldWording and its line-keeping
// tree reader in core.internal.LocatedTree; splitting the getters further would spread one API
// over several classes.
package dev.cxkit.core.io;

import dev.cxkit.core.internal.LocatedTree;
import dev.cxkit.core.io.FieldWording.Kind;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Reads typed fields out of a parsed YAML or JSON document (a Jackson tree) and collects every
 * problem, with its path ({@code given.incident.items[0].price}) and its line where known, instead of
 * throwing, so that a file or a line is refused with all its problems at once, in words a person can
 * act on. It is the one field reader of cxkit's structured inputs: journey definitions, incident
 * and customer lines, scenario files.
 *
 * <pre>{@code
 * DocumentFields root = DocumentFields.of(tree, DocumentFields.Style.AFTER_PATH);
 * root.onlyKnown(Set.of("name", "given"));
 * String name = root.requiredText("name");
 * DocumentFields given = root.object("given", true);
 * Instant now = given == null ? null : given.instant("now");
 * if (!root.problems().isEmpty()) { ... every problem, each with its path ... }
 * }</pre>
 *
 * <h2>Values</h2>
 * A key that is absent, {@code null} or a blank string is <em>missing</em>: an optional getter then
 * returns null (or its default), a required one also reports it. A value of the wrong kind or that
 * cannot be read is reported and read as missing. Text is stripped. Enum constants are matched
 * ignoring case, with {@code -} and space read as {@code _}, and a wrong one is reported with the
 * list of valid ones. In JSON a text field takes a string or a whole number (ids are often numbers
 * in exports) and an enum only a string; in YAML every scalar is text, as YAML writes it.
 *
 * <h2>Problems</h2>
 * Each problem has the path of the field, the line (0 when the tree was not read by
 * {@link #read(JsonParser, Style)}) and a message worded in the document's {@link Style}. A problem
 * already reported (same path and message) is not reported again, so reading a field twice is
 * harmless.
 *
 * <h2>Threads</h2>
 * The tree is only read. The fields of one document share its problem list, so a document is read
 * on one thread; different documents are independent. All other state is final.
 *
 * @since 0.1.0
 */
public final class DocumentFields {

    /**
     * How a document's problems are shown, and so how their messages are worded. The wording of
     * each style is part of cxkit's messages that rule authors and analysts act on; it does not
     * change between releases without a note.
     */
    public enum Style {
        /**
         * Each message is a sentence that names its field by its full path, for problems shown as
         * one line of text (the reason a JSON line is rejected): {@code customer.id is missing},
         * {@code type 'WRONG_ITEMS' is not one of WRONG_ITEM, ...}, {@code unknown field 'tire' (did
         * you mean 'tier'?)}. Kinds are named in JSON's words (object, array, string).
         */
        SENTENCE,
        /**
         * Each message is shown after its path and does not repeat it: {@code given.incident.id: is
         * required}, {@code given.incident.order_valeu: unknown key (did you mean order_value?)}.
         * Kinds are named in YAML's words (mapping, list, text).
         */
        AFTER_PATH,
        /**
         * Each message is shown beside its line and path, and names its key: {@code line 15
         * (promises[0].factor): factor is missing (one of product, people, timeliness,
         * resolution)}; an unknown key lists the keys known there. Kinds are named in YAML's words;
         * enum constants are listed in lower case, as snake_case documents write them.
         */
        WITH_LINE
    }

    /**
     * One thing wrong with a document.
     *
     * <p>Immutable and thread-safe.
     *
     * @param path the field's path ({@code stages[1].touchpoints[0].channel}), empty for the whole
     *     document
     * @param line the 1-based line, or 0 when unknown
     * @param message what is wrong, worded in the document's {@link Style}
     */
    public record FieldProblem(String path, int line, String message) {

        /**
         * Validates the problem.
         *
         * @throws NullPointerException if the path or message is null
         * @throws IllegalArgumentException if the line is negative
         */
        public FieldProblem {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
            if (line < 0) {
                throw new IllegalArgumentException("line must be >= 0: " + line);
            }
        }

        /** Returns {@code line N: path: message}, leaving out an unknown line and an empty path. */
        @Override
        public String toString() {
            return (line > 0 ? "line " + line + ": " : "") + (path.isEmpty() ? "" : path + ": ") + message;
        }
    }

    /** What the fields of one document share. */
    private static final class Document {
        final FieldWording wording;
        final LocatedTree tree;
        final List<FieldProblem> problems = new ArrayList<>();

        Document(Style style, LocatedTree tree) {
            this.wording = new FieldWording(Objects.requireNonNull(style, "style"));
            this.tree = tree;
        }

        void add(FieldProblem problem) {
            if (!problems.contains(problem)) {
                problems.add(problem);
            }
        }
    }

    private final Document document;
    private final JsonNode node;
    private final String path;
    private final int line;

    private DocumentFields(Document document, JsonNode node, String path, int line) {
        this.document = document;
        this.node = node;
        this.path = path;
        this.line = line;
    }

    /**
     * Returns the fields of a tree read by any Jackson mapper; problems then carry no line.
     *
     * @param root the document's root value; null is read as an empty document
     * @param style how problems are worded
     * @return the fields of the root, at path {@code ""}
     * @throws NullPointerException if the style is null
     */
    public static DocumentFields of(@Nullable JsonNode root, Style style) {
        return new DocumentFields(new Document(style, null), root == null ? MissingNode.getInstance() : root, "", 0);
    }

    /**
     * Reads the next value from a JSON or YAML parser, keeping the line of every key and element so
     * that problems carry their line. A key given twice in one object is a problem ({@code key
     * 'name' is given twice (first on line 1)}) and its first value stands.
     *
     * @param parser the parser; read, not closed
     * @param style how problems are worded
     * @return the fields of the root, at path {@code ""}; its {@link #node()} is a missing node for
     *     an empty document
     * @throws tools.jackson.core.JacksonException if the text is not well-formed
     * @throws NullPointerException if an argument is null
     */
    public static DocumentFields read(JsonParser parser, Style style) {
        Objects.requireNonNull(parser, "parser");
        List<FieldProblem> duplicates = new ArrayList<>();
        LocatedTree tree = LocatedTree.read(parser, (at, keyLine, key, firstLine) -> duplicates.add(
                new FieldProblem(at, keyLine, FieldWording.duplicateKey(key, firstLine))));
        Document document = new Document(style, tree);
        duplicates.forEach(document::add);
        return new DocumentFields(document, tree.root(), "", tree.rootLine());
    }

    // ---- where ----------------------------------------------------------------------------------

    /** @return the value these fields read (an object, unless the root is something else) */
    public JsonNode node() {
        return node;
    }

    /** @return the path of this value, {@code ""} for the root */
    public String path() {
        return path;
    }

    /**
     * @param key a key of this object, or a relative path such as {@code fired[1]}
     * @return its path from the root, for example {@code given.incident.currency}
     */
    public String path(String key) {
        if (key.isEmpty()) {
            return path;
        }
        return path.isEmpty() || key.startsWith("[") ? path + key : path + "." + key;
    }

    /** @return the line where this value starts, or 0 when unknown */
    public int line() {
        return line;
    }

    /**
     * @param key a key of this object
     * @return the line of the key, or this object's line when the key is absent or lines are unknown
     */
    public int line(String key) {
        int keyLine = document.tree == null || !node.isObject() ? 0 : document.tree.keyLine(node, key);
        return keyLine > 0 ? keyLine : line;
    }

    // ---- problems -------------------------------------------------------------------------------

    /** @return every problem of the document so far, in the order found (a read-only live view) */
    public List<FieldProblem> problems() {
        return Collections.unmodifiableList(document.problems);
    }

    /**
     * Reports a problem with this value as a whole, at its path and line.
     *
     * @param message what is wrong, a whole sentence
     */
    public void problem(String message) {
        document.add(new FieldProblem(path, line, message));
    }

    /**
     * Reports a problem with a field, at its path and line. The message says what is wrong without
     * naming the field ({@code is before occurred_at 2025-06-14T19:30:00Z}); in the
     * {@link Style#SENTENCE} style it is preceded by the field's path.
     *
     * @param key the field's key, or a relative path such as {@code fired[1]}
     * @param message what is wrong
     */
    public void problem(String key, String message) {
        add(key, line(key), wording().about(path(key), message));
    }

    private void add(String key, int at, String message) {
        document.add(new FieldProblem(path(key), at, message));
    }

    private FieldWording wording() {
        return document.wording;
    }

    private void wrongKind(String key, int at, JsonNode value, Kind kind) {
        add(key, at, wording().wrongKind(path(key), key, value, kind));
    }

    // ---- shape ----------------------------------------------------------------------------------

    /**
     * Returns whether this value is an object, and reports it if not ({@code expected a mapping
     * (key: value), not a list}).
     *
     * @return true for an object
     */
    public boolean requireObject() {
        if (node.isObject()) {
            return true;
        }
        wrongKind("", line, node, Kind.OBJECT);
        return false;
    }

    /**
     * Reports every key of this object outside {@code known}, suggesting the closest known key where
     * one is within two edits (not in the {@link Style#WITH_LINE} style, which lists the known keys
     * beside the line instead).
     *
     * @param known the keys this object may have
     */
    public void onlyKnown(Set<String> known) {
        if (!node.isObject()) {
            return;
        }
        List<String> sorted = List.copyOf(new TreeSet<>(known));
        String list = String.join(", ", sorted);
        for (String key : node.propertyNames()) {
            if (!known.contains(key)) {
                String suggestion = closest(key, sorted);
                add(key, line(key), wording().unknownKey(path(key), key, suggestion,
                        suggestion == null ? null : path(suggestion), list));
            }
        }
    }

    /**
     * @param key a key
     * @return whether this object has a value for it that is not {@code null} or blank
     */
    public boolean has(String key) {
        return value(key) != null;
    }

    /**
     * Reports a key that is missing ({@code given.incident.id: is required}, {@code incident_id is
     * missing}).
     *
     * @param key the key
     * @return whether the key has a value
     */
    public boolean require(String key) {
        if (has(key)) {
            return true;
        }
        add(key, line(key), wording().missing(path(key), key));
        return false;
    }

    private JsonNode value(String key) {
        JsonNode value = node.isObject() ? node.get(key) : null;
        if (value == null || value.isNull() || value.isMissingNode()
                || value.isString() && value.stringValue().isBlank()) {
            return null;
        }
        return value;
    }

    // ---- scalars --------------------------------------------------------------------------------

    /**
     * @param key the key
     * @return the stripped text, or null when missing or (reported) not text
     */
    public @Nullable String text(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return null;
        }
        String text = textOf(value, false);
        if (text == null) {
            wrongKind(key, line(key), value, Kind.TEXT);
        }
        return text;
    }

    /**
     * @param key the key
     * @return the stripped text, or null when missing (reported) or not text (reported)
     */
    public @Nullable String requiredText(String key) {
        String text = text(key);
        require(key);
        return text;
    }

    /**
     * An enum constant by name, ignoring case; a wrong name is reported with the valid ones.
     *
     * @param <E> the enum
     * @param key the key
     * @param type the enum's class
     * @param defaultValue returned when the key is missing or its value is wrong
     * @return the constant
     */
    public <E extends Enum<E>> @Nullable E enumValue(String key, Class<E> type, @Nullable E defaultValue) {
        JsonNode value = value(key);
        if (value == null) {
            return defaultValue;
        }
        // JSON names constants with strings only; YAML writes every scalar as text
        String text = value.isString() || !wording().json() ? textOf(value, true) : null;
        if (text == null) {
            add(key, line(key), wording().enumNotText(path(key), key, value, wording().names(type)));
            return defaultValue;
        }
        String constant = text.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(constant)) {
                return e;
            }
        }
        add(key, line(key), wording().notOneOf(path(key), key, text, wording().names(type)));
        return defaultValue;
    }

    /**
     * An enum constant that must be given ({@code type is missing (one of WRONG_ITEM, ...)}).
     *
     * @param <E> the enum
     * @param key the key
     * @param type the enum's class
     * @return the constant, or null when missing or wrong (reported)
     */
    public <E extends Enum<E>> @Nullable E requiredEnum(String key, Class<E> type) {
        if (!has(key)) {
            add(key, line(key), wording().missingOneOf(path(key), key, wording().names(type)));
            return null;
        }
        return enumValue(key, type, null);
    }

    /**
     * A whole number of any sign: a number ({@code 12} or {@code 12.0}) or a numeric string.
     *
     * @param key the key
     * @return the number, or null when missing or (reported) not a whole {@code int}
     */
    public @Nullable Integer integer(String key) {
        return integer(key, Integer.MIN_VALUE, "");
    }

    /**
     * A whole number at least {@code min} ({@code minutes_waited -5 must not be negative}).
     *
     * @param key the key
     * @param min the smallest value accepted
     * @param belowMin what a smaller value breaks, for example {@code must not be negative}
     * @return the number, or null when missing or (reported) not a whole number at least {@code min}
     */
    public @Nullable Integer integer(String key, int min, String belowMin) {
        BigDecimal number = number(key, "a whole number");
        if (number == null) {
            return null;
        }
        int value;
        try {
            value = number.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            add(key, line(key), wording().named(path(key), key, number.toPlainString() + " is not a whole number"));
            return null;
        }
        if (value < min) {
            add(key, line(key), wording().named(path(key), key, value + " " + belowMin));
            return null;
        }
        return value;
    }

    /**
     * A decimal number: a number or a numeric string.
     *
     * @param key the key
     * @return the number, or null when missing or (reported) not a number
     */
    public @Nullable BigDecimal decimal(String key) {
        return number(key, "a number");
    }

    private BigDecimal number(String key, String what) {
        JsonNode value = value(key);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        String text = textOf(value, true);
        if (text == null) {
            add(key, line(key), wording().wrongKind(path(key), key, value, what, what));
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            add(key, line(key), wording().notNumber(path(key), key, value, what));
            return null;
        }
    }

    /**
     * A boolean: {@code true} or {@code false}, also as a string in any case.
     *
     * @param key the key
     * @return the boolean, or null when missing or (reported) neither
     */
    public @Nullable Boolean bool(String key) {
        JsonNode value = value(key);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isContainer()) {
            add(key, line(key), wording().wrongKind(path(key), key, value, "true or false", "true or false"));
            return null;
        }
        String text = FieldWording.written(value).strip();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text.toLowerCase(Locale.ROOT));
        }
        add(key, line(key), wording().notBoolean(path(key), key, value));
        return null;
    }

    /**
     * A boolean with a default.
     *
     * @param key the key
     * @param defaultValue returned when the key is missing or (reported) not a boolean
     * @return the boolean
     */
    public boolean bool(String key, boolean defaultValue) {
        Boolean value = bool(key);
        return value == null ? defaultValue : value;
    }

    /**
     * An ISO-8601 instant ({@code 2026-03-01T10:15:30Z}) or date-time with an offset or zone; a
     * space may stand for the {@code T}. A date-time without a zone is reported as such.
     *
     * @param key the key
     * @return the instant, or null when missing or (reported) not an instant
     */
    public @Nullable Instant instant(String key) {
        return parsed(key, "a time", DocumentFields::parseInstant);
    }

    /**
     * A duration: a whole number and a unit ({@code 20 min}, {@code 90 s}, {@code 2 h},
     * {@code 1 d}) or ISO-8601 ({@code PT20M}); it may be negative (the caller says why that is
     * wrong).
     *
     * @param key the key
     * @return the duration, or null when missing or (reported) not a duration
     */
    public @Nullable Duration duration(String key) {
        return parsed(key, "a duration", Durations::parse);
    }

    /**
     * A value read from the text of a scalar by {@code parser}, for values this class does not
     * know (amounts, currencies, due times). A JSON number is read as its plain text.
     *
     * @param <T> the value's type
     * @param key the key
     * @param what what the value is, for the message when it is not a scalar ({@code an amount})
     * @param parser reads the text; throws {@link IllegalArgumentException} whose message says what
     *     is wrong without naming the field ({@code '46,00' is not an amount}), which is reported as
     *     by {@link #problem(String, String)}
     * @return the value, or null when missing or (reported) unreadable
     */
    public <T> @Nullable T parsed(String key, String what, Function<String, ? extends T> parser) {
        JsonNode value = value(key);
        if (value == null) {
            return null;
        }
        String text = textOf(value, true);
        if (text == null) {
            add(key, line(key), wording().wrongKind(path(key), key, value, what, what));
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            problem(key, e.getMessage());
            return null;
        }
    }

    /**
     * The text of a scalar this style takes as text, or null: a string; in YAML any scalar; in JSON
     * a whole number, or any number when {@code anyNumber}.
     */
    private String textOf(JsonNode value, boolean anyNumber) {
        if (value.isString()) {
            return value.stringValue().strip();
        }
        if (!value.isValueNode() || value.isNull()) {
            return null;
        }
        if (!wording().json() || value.isIntegralNumber() || anyNumber && value.isNumber()) {
            return FieldWording.written(value);
        }
        return null;
    }

    // ---- containers -----------------------------------------------------------------------------

    /**
     * A nested object.
     *
     * @param key the key
     * @param required whether a missing object is reported
     * @return its fields, reporting into this document; null when missing or (reported) not an object
     */
    public @Nullable DocumentFields object(String key, boolean required) {
        JsonNode value = container(key, required, Kind.OBJECT);
        return value == null ? null : new DocumentFields(document, value, path(key), containerLine(value, line(key)));
    }

    /**
     * The objects of a list; an element that is not an object is reported and left out.
     *
     * @param key the key
     * @param required whether a missing or empty list is reported ({@code stages is empty})
     * @return their fields, in order; empty when missing or (reported) not a list
     */
    public List<DocumentFields> objects(String key, boolean required) {
        JsonNode list = list(key, required);
        List<DocumentFields> out = new ArrayList<>();
        for (int i = 0; list != null && i < list.size(); i++) {
            JsonNode element = list.get(i);
            String at = key + "[" + i + "]";
            int elementLine = elementLine(list, i, key);
            if (element.isObject()) {
                out.add(new DocumentFields(document, element, path(at), containerLine(element, elementLine)));
            } else {
                wrongKind(at, elementLine, element, Kind.OBJECT);
            }
        }
        return out;
    }

    /**
     * The texts of a list; an element that is not text, or is blank, is reported and left out.
     *
     * @param key the key
     * @param required whether a missing or empty list is reported
     * @return the stripped texts, in order; empty when missing or (reported) not a list
     */
    public List<String> texts(String key, boolean required) {
        JsonNode list = list(key, required);
        List<String> out = new ArrayList<>();
        for (int i = 0; list != null && i < list.size(); i++) {
            JsonNode element = list.get(i);
            String text = textOf(element, true);
            if (text == null || text.isEmpty()) {
                wrongKind(key + "[" + i + "]", elementLine(list, i, key), element, Kind.TEXT);
            } else {
                out.add(text);
            }
        }
        return out;
    }

    private JsonNode list(String key, boolean required) {
        JsonNode value = container(key, required, Kind.ARRAY);
        if (value != null && required && value.isEmpty()) {
            add(key, line(key), wording().empty(path(key), key));
        }
        return value;
    }

    /**
     * An object of scalar values, as text (numbers in plain notation); {@code null} values are left
     * out and any other value is reported.
     *
     * @param key the key
     * @return the entries in document order; empty when missing or (reported) not an object
     */
    public Map<String, String> strings(String key) {
        DocumentFields object = object(key, false);
        Map<String, String> out = new LinkedHashMap<>();
        if (object == null) {
            return out;
        }
        for (Map.Entry<String, JsonNode> e : object.node.properties()) {
            JsonNode value = e.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isValueNode()) {
                out.put(e.getKey(), FieldWording.written(value));
            } else {
                object.wrongKind(e.getKey(), object.line(e.getKey()), value, Kind.TEXT);
            }
        }
        return out;
    }

    /**
     * The object or array at {@code key}, or null when missing (reported if required) or of another
     * kind (reported).
     */
    private JsonNode container(String key, boolean required, Kind kind) {
        JsonNode value = value(key);
        if (value == null) {
            if (required) {
                require(key);
            }
            return null;
        }
        if (kind == Kind.OBJECT ? !value.isObject() : !value.isArray()) {
            wrongKind(key, line(key), value, kind);
            return null;
        }
        return value;
    }

    private int containerLine(JsonNode container, int fallback) {
        int at = document.tree == null ? 0 : document.tree.line(container);
        return at > 0 ? at : fallback;
    }

    private int elementLine(JsonNode list, int index, String key) {
        int at = document.tree == null ? 0 : document.tree.elementLine(list, index);
        return at > 0 ? at : line(key);
    }

    // ---- helpers --------------------------------------------------------------------------------

    /**
     * Parses an ISO-8601 instant or date-time with an offset or zone, as {@link #instant(String)}.
     *
     * @param text the text
     * @return the instant
     * @throws IllegalArgumentException with a message that quotes the text and says what is wrong
     */
    private static Instant parseInstant(String text) {
        String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11)
                : text;
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
            LocalDateTime.parse(iso);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 timestamp (like 2026-03-01T10:15:30Z "
                    + "or 2026-03-01T11:15:30+01:00)");
        }
        throw new IllegalArgumentException("'" + text + "' has no time zone (add Z for UTC or an offset like +01:00)");
    }

    /**
     * Returns the known key closest to {@code key} within two edits (Levenshtein distance, ignoring
     * case), for "did you mean"; on a tie, the first in {@code known}'s order.
     *
     * @param key the unknown key
     * @param known the known keys
     * @return the closest known key, or null when none is within two edits
     */
    public static @Nullable String closest(String key, Collection<String> known) {
        return FieldWording.closest(key, known);
    }

    /**
     * Names a value's kind in JSON's words, for messages: {@code an object}, {@code an array},
     * {@code a string}, {@code a number}, {@code a boolean}, {@code null}.
     *
     * @param value the value
     * @return its kind
     */
    public static String describe(JsonNode value) {
        return FieldWording.describe(value);
    }
}
