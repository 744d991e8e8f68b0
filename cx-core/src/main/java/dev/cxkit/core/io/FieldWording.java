package dev.cxkit.core.io;

import dev.cxkit.core.io.DocumentFields.Style;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The words of {@link DocumentFields}' messages in each {@link Style}, kept apart from the reading
 * so that every message a person reads about a document's fields is written here, once.
 *
 * <p>Each method takes the field's full {@code path} and its {@code key} (the last step of the
 * path); the style decides which of them, if any, the message names.
 *
 * <p>Immutable and thread-safe.
 */
final class FieldWording {

    /** The kinds a value may have to be, named in JSON's and YAML's words. */
    enum Kind {
        OBJECT("an object ({...})", "a mapping (key: value)"),
        ARRAY("an array ([...])", "a list"),
        TEXT("a string", "text");

        final String json;
        final String yaml;

        Kind(String json, String yaml) {
            this.json = json;
            this.yaml = yaml;
        }
    }

    private final Style style;

    FieldWording(Style style) {
        this.style = style;
    }

    /** Whether the document is worded in JSON's words: strings, objects, arrays. */
    boolean json() {
        return style == Style.SENTENCE;
    }

    /** A predicate about a field, after the subject the style names: its path, its key or nothing. */
    String named(String path, String key, String predicate) {
        String subject = switch (style) {
            case SENTENCE -> path;
            case WITH_LINE -> key;
            case AFTER_PATH -> "";
        };
        return subject.isEmpty() ? predicate : subject + " " + predicate;
    }

    /** A message about a field that does not name it: only a sentence names it, by its path. */
    String about(String path, String message) {
        return style == Style.SENTENCE && !path.isEmpty() ? path + " " + message : message;
    }

    String missing(String path, String key) {
        return named(path, key, style == Style.AFTER_PATH ? "is required" : "is missing");
    }

    /** A missing enum: a sentence and a line also list the constants. */
    String missingOneOf(String path, String key, String names) {
        return style == Style.AFTER_PATH ? missing(path, key) : named(path, key, "is missing (one of " + names + ")");
    }

    String empty(String path, String key) {
        return named(path, key, "is empty");
    }

    String wrongKind(String path, String key, JsonNode value, Kind kind) {
        return wrongKind(path, key, value, kind.json, kind.yaml);
    }

    String wrongKind(String path, String key, JsonNode value, String json, String yaml) {
        return json() ? named(path, key, "must be " + json + ", not " + describe(value))
                : "expected " + yaml + ", not " + describeYaml(value);
    }

    /** An enum that is not text: JSON names constants with strings only. */
    String enumNotText(String path, String key, JsonNode value, String names) {
        return json() ? named(path, key, "must be a string, one of " + names + "; not " + describe(value))
                : "expected one of " + names + ", not " + describeYaml(value);
    }

    String notOneOf(String path, String key, String text, String names) {
        return named(path, key, "'" + text + "' is not one of " + names);
    }

    /** A scalar that is not true or false; strings are quoted, other scalars written as they are. */
    String notBoolean(String path, String key, JsonNode value) {
        return named(path, key, (value.isString() ? "'" + written(value) + "'" : written(value))
                + " is not true or false");
    }

    /** Text that is not a number: {@code 'far' is not a whole number}. */
    String notNumber(String path, String key, JsonNode value, String what) {
        return named(path, key, "'" + written(value) + "' is not " + what);
    }

    /**
     * A key outside the known ones.
     *
     * @param suggestion the closest known key, or null
     * @param suggestionPath its path
     * @param known the known keys, sorted and joined
     */
    String unknownKey(String path, String key, String suggestion, String suggestionPath, String known) {
        return switch (style) {
            case SENTENCE -> "unknown field '" + path + "'" + (suggestion == null ? " (known: " + known + ")"
                    : " (did you mean '" + suggestionPath + "'?)");
            case AFTER_PATH -> "unknown key" + (suggestion == null ? "; known keys: " + known
                    : " (did you mean " + suggestion + "?)");
            // a line points at the typo; the known keys are listed beside it
            case WITH_LINE -> "unknown key '" + key + "' (known here: " + known + ")";
        };
    }

    static String duplicateKey(String key, int firstLine) {
        return "key '" + key + "' is given twice (first on line " + firstLine + ")";
    }

    /** The constants of an enum, as the style lists them: lower case beside a line, else as declared. */
    <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name)
                .map(name -> style == Style.WITH_LINE ? name.toLowerCase(Locale.ROOT) : name)
                .collect(Collectors.joining(", "));
    }

    /** A scalar as written: a string's text, a number in plain notation, true or false. */
    static String written(JsonNode scalar) {
        if (scalar.isString()) {
            return scalar.stringValue();
        }
        if (scalar.isNumber() && !scalar.isIntegralNumber()) {
            return scalar.decimalValue().toPlainString();
        }
        return scalar.asString();
    }

    /** See {@link DocumentFields#describe(JsonNode)}. */
    static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> value.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    /** Names a value in YAML's words: {@code a mapping}, {@code a list}, {@code nothing}, or the scalar quoted. */
    static String describeYaml(JsonNode value) {
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isNull() || value.isMissingNode()) {
            return "nothing";
        }
        return "'" + written(value) + "'";
    }

    /** See {@link DocumentFields#closest(String, Collection)}. */
    static String closest(String key, Collection<String> known) {
        String lower = key.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = 3;
        for (String candidate : known) {
            int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    /** The Levenshtein distance: the fewest insertions, deletions and substitutions from a to b. */
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
