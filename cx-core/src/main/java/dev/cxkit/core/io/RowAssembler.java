package dev.cxkit.core.io;

import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.Weights;
import dev.cxkit.core.survey.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Turns the fields of one row, given as character ranges, into a {@link Response} or the reason
 * it is rejected. One instance is reused for every row: it allocates only the strings and objects
 * the response keeps.
 *
 * <p>Values arrive trimmed and non-empty (an empty value is a missing one). Each setter parses its
 * value at once, because the characters may be overwritten afterwards; checks that need several
 * fields (the score against the metric's scale) run in {@link #problem()}.
 *
 * <p>Not thread-safe.
 */
final class RowAssembler extends RowParser<Response> {

    static final int METRIC = 0;
    static final int SCORE = 1;
    static final int WEIGHT = 2;
    static final int SUBMITTED_AT = 3;
    static final int RESPONSE_ID = 4;
    static final int CUSTOMER_ID = 5;
    static final int JOURNEY_ID = 6;
    static final int TOUCHPOINT = 7;
    static final int LOCATION = 8;
    static final int CHANNEL = 9;
    static final int COMMENT = 10;
    /** The first of the rating columns of a wide file, one per metric kind, in {@link Metric.Kind} order. */
    static final int RATING = 11;
    /** The snake_case names of the standard fields, by field number; rating columns are found only when mapped. */
    static final String[] NAMES = {"metric", "score", "weight", "submitted_at", "response_id", "customer_id",
        "journey_id", "touchpoint", "location", "channel", "comment", "(nps column)", "(csat column)",
        "(ces column)"};
    private static final Metric[] STANDARD = {Metric.NPS, Metric.CSAT, Metric.CES};
    /** The column roles a mapping can name, by field number: null where it names none. */
    private static final int[] MAPPABLE = {METRIC, SCORE, WEIGHT, SUBMITTED_AT, RESPONSE_ID, CUSTOMER_ID, COMMENT,
        RATING, RATING + 1, RATING + 2};

    private final ColumnMapping mapping;
    /** Whether rating columns are mapped: a row gives one response per answered metric. */
    private final boolean wide;
    /** The column a role is mapped to (by field number), or null where it is found by its standard name. */
    private final String[] mapped = new String[NAMES.length];
    private boolean decimalComma;
    private final boolean timeRequired;
    /** Per rating slot (0: the score column of a long file; 1 + kind: a wide file's column). */
    private final long[] slotScore = new long[4];
    private final boolean[] slotHas = new boolean[4];
    private final String[] slotProblem = new String[4];
    private final String[] slotLabel = new String[4];
    private boolean undated;

    private Metric metric;
    private String metricProblem;
    private double weight;
    private String weightProblem;
    private Instant submittedAt;
    private LocalDate submittedOn;
    private String timeProblem;
    private String responseId;
    private long responseIdHash;
    private String customerId;
    private String journeyId;
    private String touchpoint;
    private String location;
    private String channel;

    RowAssembler() {
        this(ColumnMapping.STANDARD, true);
    }

    /**
     * @param mapping which columns hold what
     * @param timeRequired whether a row whose time cannot be read is rejected (else it is kept, undated)
     */
    RowAssembler(ColumnMapping mapping, boolean timeRequired) {
        super(NAMES, METRIC, SCORE);
        this.mapping = mapping;
        this.wide = mapping.wide();
        this.decimalComma = Boolean.TRUE.equals(mapping.decimalComma());
        this.timeRequired = timeRequired;
        mapped[METRIC] = mapping.metricColumn();
        mapped[SCORE] = mapping.scoreColumn();
        mapped[WEIGHT] = mapping.weight();
        mapped[SUBMITTED_AT] = mapping.time();
        mapped[RESPONSE_ID] = mapping.id();
        mapped[CUSTOMER_ID] = mapping.customer();
        mapped[COMMENT] = mapping.comment();
        for (Metric metric : STANDARD) {
            mapped[RATING + metric.kind().ordinal()] = mapping.ratings().get(metric.kind());
        }
        timestamps.pattern(mapping.timeFormat());
        timestamps.zone(mapping.zone());
    }

    /**
     * Finds a column's role: a mapped column by its header or its question text, else a standard
     * name whose role is not mapped (in a wide file, {@code metric} and {@code score} are not
     * roles), else an attribute; a weight column is ignored with {@code noWeights}.
     */
    @Override
    int fieldOf(String name, String question) {
        for (int field : MAPPABLE) {
            if (mapped[field] != null && mapped[field].equalsIgnoreCase(name.trim())) {
                return roleOf(field);
            }
        }
        if (question != null) {
            for (int field : MAPPABLE) {
                if (mapped[field] != null && mapped[field].equalsIgnoreCase(question.trim())) {
                    return roleOf(field);
                }
            }
        }
        int standard = fieldOf(name);
        if (standard >= RATING || (standard >= 0 && mapped[standard] != null)) {
            return ATTRIBUTE;
        }
        if (wide && (standard == METRIC || standard == SCORE)) {
            return ATTRIBUTE;
        }
        return roleOf(standard);
    }

    private int roleOf(int field) {
        return field == WEIGHT && mapping.noWeights() ? IGNORED : field;
    }

    /** Checks that every mapped column was found, and that a long file has its metric and score. */
    @Override
    String headerProblem(int[] columnOf, String columns) {
        for (int field : MAPPABLE) {
            if (mapped[field] != null && columnOf[field] < 0 && !(field == WEIGHT && mapping.noWeights())) {
                return "the header has no column '" + mapped[field] + "' (mapped as " + role(field) + "; columns: "
                        + columns + ")";
            }
        }
        if (wide) {
            return null;
        }
        for (int field : new int[] {METRIC, SCORE}) {
            if (columnOf[field] < 0) {
                return "the header has no '" + name(field) + "' column (columns: " + columns + "); for one column "
                        + "per metric name them (--nps, --csat, --ces), for other names use --metric-column and "
                        + "--score-column";
            }
        }
        return null;
    }

    private static String role(int field) {
        switch (field) {
            case METRIC: return "metric-column";
            case SCORE: return "score-column";
            case SUBMITTED_AT: return "time";
            case RESPONSE_ID: return "id";
            case CUSTOMER_ID: return "customer";
            default: return field >= RATING ? STANDARD[field - RATING].id() : NAMES[field];
        }
    }

    @Override
    void delimiter(char delimiter) {
        decimalComma = mapping.decimalComma() != null ? mapping.decimalComma() : delimiter == ';';
    }

    @Override
    void timeZone(java.time.ZoneId zone) {
        if (mapping.zone() == null || zone != null) {
            timestamps.zone(zone != null ? zone : mapping.zone());
        }
    }

    @Override
    void clear() {
        metric = null;
        metricProblem = null;
        for (int i = 0; i < slotHas.length; i++) {
            slotHas[i] = false;
            slotProblem[i] = null;
            slotLabel[i] = null;
        }
        undated = false;
        weight = 1;
        weightProblem = null;
        submittedAt = null;
        submittedOn = null;
        timeProblem = null;
        responseId = null;
        customerId = null;
        journeyId = null;
        touchpoint = null;
        location = null;
        channel = null;
    }

    @Override
    void set(int field, char[] a, int off, int len) {
        switch (field) {
            case METRIC:
                metric = mapping.metricCodes().isEmpty() ? parseMetric(a, off, len) : metricByCode(a, off, len);
                if (metric == null) {
                    metricProblem = "unknown metric '" + new String(a, off, len) + "' (expected "
                            + (mapping.metricCodes().isEmpty() ? "nps, csat or ces"
                                    : String.join(", ", mapping.metricCodes().keySet()) + " (--metric-map)") + ")";
                }
                break;
            case SCORE:
                parseScore(0, a, off, len);
                break;
            case COMMENT:
                attribute("comment", a, off, len); // the closed loop's ClosedLoopAccumulator.COMMENT
                break;
            case RATING:
            case RATING + 1:
            case RATING + 2:
                parseScore(1 + field - RATING, a, off, len);
                break;
            case WEIGHT:
                parseWeight(a, off, len);
                break;
            case SUBMITTED_AT:
                timeProblem = timestamps.parse(mapped[SUBMITTED_AT] != null ? mapped[SUBMITTED_AT] : "submitted_at",
                        a, off, len);
                submittedAt = timestamps.instant;
                submittedOn = timestamps.date;
                break;
            case RESPONSE_ID:
                responseId = new String(a, off, len);
                responseIdHash = IdSet.hash(a, off, len);
                break;
            case CUSTOMER_ID:
                customerId = new String(a, off, len);
                break;
            case JOURNEY_ID:
                journeyId = new String(a, off, len);
                break;
            case TOUCHPOINT:
                touchpoint = strings.get(a, off, len);
                break;
            case LOCATION:
                location = strings.get(a, off, len);
                break;
            case CHANNEL:
                channel = strings.get(a, off, len);
                break;
            default:
                throw new IllegalArgumentException("not a standard field: " + field);
        }
    }

    private static Metric parseMetric(char[] a, int off, int len) {
        if (len == 3) {
            char c0 = lower(a[off]);
            char c1 = lower(a[off + 1]);
            char c2 = lower(a[off + 2]);
            if (c0 == 'n' && c1 == 'p' && c2 == 's') {
                return Metric.NPS;
            }
            if (c0 == 'c' && c1 == 'e' && c2 == 's') {
                return Metric.CES;
            }
        } else if (len == 4 && lower(a[off]) == 'c' && lower(a[off + 1]) == 's' && lower(a[off + 2]) == 'a'
                && lower(a[off + 3]) == 't') {
            return Metric.CSAT;
        }
        return null;
    }

    private Metric metricByCode(char[] a, int off, int len) {
        String code = new String(a, off, len);
        for (Map.Entry<String, Metric> e : mapping.metricCodes().entrySet()) {
            if (e.getKey().equalsIgnoreCase(code)) {
                return e.getValue();
            }
        }
        return parseMetric(a, off, len);
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /**
     * Accepts an optional sign, digits, and an optional fraction of zeros ({@code 9.0}, or
     * {@code 9,0} with a decimal comma); anything else is kept as a possible answer label, resolved
     * in {@link #problem()} once the metric is known.
     */
    private void parseScore(int slot, char[] a, int off, int len) {
        slotHas[slot] = true;
        int p = off;
        int end = off + len;
        boolean negative = false;
        if (a[p] == '-' || a[p] == '+') {
            negative = a[p] == '-';
            p++;
        }
        int digitsStart = p;
        long value = 0;
        boolean overflow = false;
        while (p < end && a[p] >= '0' && a[p] <= '9') {
            if (value > 1_000_000_000L) {
                overflow = true;
            } else {
                value = value * 10 + (a[p] - '0');
            }
            p++;
        }
        boolean whole = p > digitsStart;
        if (whole && p < end && (a[p] == '.' || (decimalComma && a[p] == ','))) {
            p++;
            int zeros = p;
            while (p < end && a[p] == '0') {
                p++;
            }
            whole = p > zeros;
        }
        if (!whole || p != end) {
            slotLabel[slot] = new String(a, off, len);
            return;
        }
        if (overflow) {
            slotProblem[slot] = "score " + new String(a, off, len) + " is outside the scale of any metric";
            return;
        }
        slotScore[slot] = negative ? -value : value;
    }

    /** Returns why a slot's rating is not valid for a metric (resolving a label), or null. */
    private String ratingProblem(int slot, Metric m) {
        if (slotProblem[slot] != null) {
            return slot == 0 ? slotProblem[slot] : slotProblem[slot].replaceFirst("^score", what(slot, m));
        }
        if (slotLabel[slot] != null) {
            OptionalInt rating = mapping.labels().rating(m, slotLabel[slot]);
            if (rating.isEmpty()) {
                return what(slot, m) + " '" + printable(slotLabel[slot]) + "' is not a whole number (nor an answer "
                        + "label of " + m.id() + "; --labels maps others)";
            }
            slotScore[slot] = rating.getAsInt();
            slotLabel[slot] = null;
        }
        long score = slotScore[slot];
        if (score < m.min() || score > m.max()) {
            return what(slot, m) + " " + score + " is outside " + m.min() + ".." + m.max() + " for metric " + m.id();
        }
        return null;
    }

    /** Shows control characters as {@code \\u0000}, so that a message prints as one clean line. */
    static String printable(String text) {
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                if (b == null) {
                    b = new StringBuilder(text.substring(0, i));
                }
                b.append(String.format("\\u%04x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? text : b.toString();
    }

    /** Names a rating's column in messages: {@code score}, or {@code nps (Q1)} in a wide file. */
    private String what(int slot, Metric m) {
        return slot == 0 ? "score" : m.id() + " (" + mapped[RATING + slot - 1] + ")";
    }

    private void parseWeight(char[] a, int off, int len) {
        double w;
        if (len == 1 && a[off] >= '0' && a[off] <= '9') {
            w = a[off] - '0';
        } else if (isDecimal(a, off, len)) {
            try {
                String text = new String(a, off, len);
                w = Double.parseDouble(decimalComma ? text.replace(',', '.') : text);
            } catch (NumberFormatException e) {
                w = Double.NaN;
            }
        } else {
            w = Double.NaN;
        }
        if (!(w > 0) || !Double.isFinite(w)) {
            weightProblem = "weight '" + new String(a, off, len) + "' is not a positive finite number";
            return;
        }
        if (!Weights.isValid(w)) {
            weightProblem = Weights.rejection(new String(a, off, len));
            return;
        }
        weight = w;
    }

    /** Digits, signs, a point and exponents only: no NaN, Infinity, hex or type suffixes. */
    private boolean isDecimal(char[] a, int off, int len) {
        boolean digit = false;
        for (int i = off; i < off + len; i++) {
            char c = a[i];
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != ',' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return digit;
    }

    /**
     * Returns why the row must be rejected, checking in a fixed order (metric, score, weight,
     * submission time, then anything else), or null if it is a valid response. In a wide file the
     * ratings are checked in metric order; a row without any rating is not a problem here (see
     * {@link #unanswered()}). A time that cannot be read is a problem only when times are required;
     * otherwise the row is kept {@linkplain #undated() undated}.
     */
    @Override
    String problem() {
        if (wide) {
            for (Metric m : STANDARD) {
                int slot = 1 + m.kind().ordinal();
                if (slotHas[slot]) {
                    String problem = ratingProblem(slot, m);
                    if (problem != null) {
                        return problem;
                    }
                }
            }
        } else {
            if (metricProblem != null) {
                return metricProblem;
            }
            if (metric == null) {
                return "metric is missing (expected nps, csat or ces)";
            }
            if (!slotHas[0]) {
                return "score is missing";
            }
            String problem = ratingProblem(0, metric);
            if (problem != null) {
                return problem;
            }
        }
        if (weightProblem != null) {
            return weightProblem;
        }
        if (timeProblem != null) {
            if (timeRequired) {
                return timeProblem;
            }
            undated = true;
            submittedAt = null;
            submittedOn = null;
        }
        return otherProblem();
    }

    @Override
    boolean multiple() {
        return wide;
    }

    @Override
    boolean unanswered() {
        return wide && !slotHas[1] && !slotHas[2] && !slotHas[3];
    }

    @Override
    boolean undated() {
        return undated;
    }

    @Override
    String idName() {
        return mapped[RESPONSE_ID] != null ? mapped[RESPONSE_ID] : "response_id";
    }

    @Override
    String id() {
        return responseId;
    }

    /** One id per response the row yields: the response id with its metric. */
    @Override
    int idCount() {
        if (responseId == null) {
            return 0;
        }
        if (!wide) {
            return 1;
        }
        int n = 0;
        for (int slot = 1; slot <= 3; slot++) {
            n += slotHas[slot] ? 1 : 0;
        }
        return n;
    }

    @Override
    long idHash(int k) {
        return IdSet.withKind(responseIdHash, metricOfId(k).kind().ordinal());
    }

    @Override
    String idLabel(int k) {
        return metricOfId(k).id();
    }

    private Metric metricOfId(int k) {
        if (!wide) {
            return metric;
        }
        int seen = 0;
        for (int slot = 1; slot <= 3; slot++) {
            if (slotHas[slot] && seen++ == k) {
                return STANDARD[slot - 1];
            }
        }
        throw new IndexOutOfBoundsException(k);
    }

    @Override
    Response build() {
        return response(metric, slotScore[0]);
    }

    @Override
    void build(Consumer<? super Response> out) {
        if (!wide) {
            out.accept(build());
            return;
        }
        for (int slot = 1; slot <= 3; slot++) {
            if (slotHas[slot]) {
                out.accept(response(STANDARD[slot - 1], slotScore[slot]));
            }
        }
    }

    private Response response(Metric m, long score) {
        return new Response(m, (int) score, weight, responseId, customerId, journeyId, touchpoint, location, channel,
                submittedAt, submittedOn, attributes());
    }
}
