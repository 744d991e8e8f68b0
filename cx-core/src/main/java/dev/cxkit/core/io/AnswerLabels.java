package dev.cxkit.core.io;

import dev.cxkit.core.score.Metric;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The answer texts a survey export may hold instead of numbers, and the rating each stands for.
 *
 * <p>{@link #standard()} knows the English label sets of the usual scales:
 * <ul>
 *   <li>CSAT, 5-point satisfaction: <i>Very</i> (or <i>Extremely</i>, <i>Completely</i>)
 *       <i>dissatisfied</i> 1, (<i>Somewhat</i>) <i>Dissatisfied</i> 2, <i>Neither satisfied nor
 *       dissatisfied</i> (or <i>Neutral</i>) 3, (<i>Somewhat</i>) <i>Satisfied</i> 4, <i>Very</i> (or
 *       <i>Extremely</i>, <i>Completely</i>) <i>satisfied</i> 5;
 *   <li>CES 2.0, 7-point agreement with "the company made it easy to handle my issue":
 *       <i>Strongly disagree</i> 1, <i>Disagree</i> 2, <i>Somewhat disagree</i> 3, <i>Neither agree nor
 *       disagree</i> (or <i>Neutral</i>) 4, <i>Somewhat agree</i> 5, <i>Agree</i> 6, <i>Strongly agree</i> 7;
 *   <li>any metric: a number followed by its label, as NPS exports write the ends of the scale:
 *       {@code 0 - Not at all likely}, {@code 10 – Extremely likely}, {@code 5 (Very satisfied)}.
 * </ul>
 * Labels are matched case-insensitively, with runs of spaces as one and a trailing full stop
 * ignored. {@link #read(Path)} adds the labels of a file, for other wordings and languages:
 * <pre>{@code
 * csat:
 *   Muy satisfecho: 5
 *   Satisfecho: 4
 * ces:
 *   Totalmente de acuerdo: 7
 * }</pre>
 * A label in the file wins over a standard one. Ratings are checked against the metric's scale.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class AnswerLabels {

    private static final AnswerLabels STANDARD = new AnswerLabels(standardLabels());

    private final Map<Metric.Kind, Map<String, Integer>> labels;

    private AnswerLabels(Map<Metric.Kind, Map<String, Integer>> labels) {
        this.labels = labels;
    }

    /**
     * Returns the standard English label sets.
     *
     * @return the standard labels
     */
    public static AnswerLabels standard() {
        return STANDARD;
    }

    /**
     * Returns the standard labels plus those of a YAML (or JSON) file: a mapping from a metric
     * ({@code nps}, {@code csat}, {@code ces}) to a mapping from label to rating.
     *
     * @param file the file
     * @return the labels
     * @throws UnreadableInputException if the file is not such a mapping, names an unknown metric, or
     *     gives a rating off the metric's scale (the message names the file and the label)
     * @throws IOException if the file cannot be read
     */
    public static AnswerLabels read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads labels from a stream, as {@link #read(Path)}.
     *
     * @param in the YAML or JSON text, not closed
     * @param source the name used in messages
     * @return the labels
     * @throws UnreadableInputException if the text is not such a mapping
     * @throws IOException if the stream cannot be read
     */
    public static AnswerLabels read(InputStream in, String source) throws IOException {
        ObjectMapper yaml = YAMLMapper.builder().build();
        JsonNode root;
        try {
            root = yaml.readTree(in);
        } catch (tools.jackson.core.JacksonException e) {
            throw new UnreadableInputException(source, 1, "not valid YAML: " + JsonMessages.plain(e.getOriginalMessage()));
        }
        Map<Metric.Kind, Map<String, Integer>> all = copy(STANDARD.labels);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new AnswerLabels(all);
        }
        if (!root.isObject()) {
            throw new UnreadableInputException(source, 1, "expected a mapping from nps, csat or ces to labels");
        }
        for (Map.Entry<String, JsonNode> metricEntry : root.properties()) {
            Metric metric;
            try {
                metric = Metric.parse(metricEntry.getKey());
            } catch (IllegalArgumentException e) {
                throw new UnreadableInputException(source, 1, e.getMessage());
            }
            JsonNode set = metricEntry.getValue();
            if (!set.isObject()) {
                throw new UnreadableInputException(source, 1, metric.id() + ": expected a mapping from label to rating");
            }
            for (Map.Entry<String, JsonNode> label : set.properties()) {
                JsonNode value = label.getValue();
                if (!value.isIntegralNumber() || value.asInt() < metric.min() || value.asInt() > metric.max()) {
                    throw new UnreadableInputException(source, 1, metric.id() + " label '" + label.getKey()
                            + "': rating " + value + " is not a whole number in " + metric.min() + ".." + metric.max());
                }
                all.get(metric.kind()).put(normalize(label.getKey()), value.asInt());
            }
        }
        return new AnswerLabels(all);
    }

    /**
     * Returns the rating a label stands for on a metric's scale.
     *
     * @param metric the metric
     * @param text the answer text
     * @return the rating, or empty when the text is not a label of that metric
     */
    public OptionalInt rating(Metric metric, CharSequence text) {
        Objects.requireNonNull(metric, "metric");
        String key = normalize(text);
        Integer known = labels.get(metric.kind()).get(key);
        if (known != null) {
            return OptionalInt.of(known);
        }
        return leadingNumber(key, metric);
    }

    /** {@code 10 - extremely likely}: a number, then a dash, colon, full stop or bracket, then words. */
    private static OptionalInt leadingNumber(String key, Metric metric) {
        int i = 0;
        int value = 0;
        while (i < key.length() && i < 3 && Character.isDigit(key.charAt(i))) {
            value = value * 10 + (key.charAt(i) - '0');
            i++;
        }
        if (i == 0 || i == key.length()) {
            return OptionalInt.empty();
        }
        int j = i;
        while (j < key.length() && key.charAt(j) == ' ') {
            j++;
        }
        if (j == key.length() || "-–—:.=(".indexOf(key.charAt(j)) < 0 || !hasLetter(key, j + 1)) {
            return OptionalInt.empty(); // 9.5 is a number, not a label
        }
        return value >= metric.min() && value <= metric.max() ? OptionalInt.of(value) : OptionalInt.empty();
    }

    private static boolean hasLetter(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Lower case, runs of white space as one space, trimmed, without a trailing full stop. */
    static String normalize(CharSequence text) {
        StringBuilder b = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                space = b.length() > 0;
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            b.append(Character.toLowerCase(c));
        }
        int end = b.length();
        while (end > 0 && b.charAt(end - 1) == '.') {
            end--;
        }
        b.setLength(end);
        return b.toString();
    }

    private static Map<Metric.Kind, Map<String, Integer>> copy(Map<Metric.Kind, Map<String, Integer>> from) {
        Map<Metric.Kind, Map<String, Integer>> copy = new EnumMap<>(Metric.Kind.class);
        for (Metric.Kind kind : Metric.Kind.values()) {
            copy.put(kind, new HashMap<>(from.get(kind)));
        }
        return copy;
    }

    private static Map<Metric.Kind, Map<String, Integer>> standardLabels() {
        Map<Metric.Kind, Map<String, Integer>> all = new EnumMap<>(Metric.Kind.class);
        for (Metric.Kind kind : Metric.Kind.values()) {
            all.put(kind, new HashMap<>());
        }
        Map<String, Integer> csat = all.get(Metric.Kind.CSAT);
        for (String strong : new String[] {"very", "extremely", "completely"}) {
            csat.put(strong + " dissatisfied", 1);
            csat.put(strong + " satisfied", 5);
        }
        for (String mild : new String[] {"", "somewhat ", "moderately ", "mostly "}) {
            csat.put(mild + "dissatisfied", 2);
            csat.put(mild + "satisfied", 4);
        }
        csat.put("neither satisfied nor dissatisfied", 3);
        csat.put("neither dissatisfied nor satisfied", 3);
        csat.put("neutral", 3);
        Map<String, Integer> ces = all.get(Metric.Kind.CES);
        ces.put("strongly disagree", 1);
        ces.put("completely disagree", 1);
        ces.put("disagree", 2);
        ces.put("somewhat disagree", 3);
        ces.put("neither agree nor disagree", 4);
        ces.put("neither disagree nor agree", 4);
        ces.put("neutral", 4);
        ces.put("somewhat agree", 5);
        ces.put("agree", 6);
        ces.put("strongly agree", 7);
        ces.put("completely agree", 7);
        return all;
    }
}
