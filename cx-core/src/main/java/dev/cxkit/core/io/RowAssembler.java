package dev.cxkit.core.io;

import dev.cxkit.core.score.Metric;
import dev.cxkit.core.survey.Response;
import java.time.Instant;
import java.time.LocalDate;

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
    /** The snake_case names of the standard fields, by field number. */
    static final String[] NAMES = {"metric", "score", "weight", "submitted_at", "response_id", "customer_id",
        "journey_id", "touchpoint", "location", "channel"};

    private Metric metric;
    private String metricProblem;
    private boolean hasScore;
    private long score;
    private String scoreProblem;
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
        super(NAMES, METRIC, SCORE);
    }

    @Override
    void clear() {
        metric = null;
        metricProblem = null;
        hasScore = false;
        scoreProblem = null;
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
                metric = parseMetric(a, off, len);
                if (metric == null) {
                    metricProblem = "unknown metric '" + new String(a, off, len) + "' (expected nps, csat or ces)";
                }
                break;
            case SCORE:
                parseScore(a, off, len);
                break;
            case WEIGHT:
                parseWeight(a, off, len);
                break;
            case SUBMITTED_AT:
                timeProblem = timestamps.parse("submitted_at", a, off, len);
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

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** Accepts an optional sign, digits, and an optional fraction of zeros ({@code 9.0}). */
    private void parseScore(char[] a, int off, int len) {
        hasScore = true;
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
        if (whole && p < end && a[p] == '.') {
            p++;
            int zeros = p;
            while (p < end && a[p] == '0') {
                p++;
            }
            whole = p > zeros;
        }
        if (!whole || p != end) {
            scoreProblem = "score '" + new String(a, off, len) + "' is not a whole number";
            return;
        }
        if (overflow) {
            scoreProblem = "score " + new String(a, off, len) + " is outside the scale of any metric";
            return;
        }
        score = negative ? -value : value;
    }

    private void parseWeight(char[] a, int off, int len) {
        double w;
        if (len == 1 && a[off] >= '0' && a[off] <= '9') {
            w = a[off] - '0';
        } else if (isDecimal(a, off, len)) {
            try {
                w = Double.parseDouble(new String(a, off, len));
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
        weight = w;
    }

    /** Digits, signs, a point and exponents only: no NaN, Infinity, hex or type suffixes. */
    private static boolean isDecimal(char[] a, int off, int len) {
        boolean digit = false;
        for (int i = off; i < off + len; i++) {
            char c = a[i];
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return digit;
    }

    /**
     * Returns why the row must be rejected, checking in a fixed order (metric, score, weight,
     * submission time, then anything else), or null if it is a valid response.
     */
    @Override
    String problem() {
        if (metricProblem != null) {
            return metricProblem;
        }
        if (metric == null) {
            return "metric is missing (expected nps, csat or ces)";
        }
        if (scoreProblem != null) {
            return scoreProblem;
        }
        if (!hasScore) {
            return "score is missing";
        }
        if (score < metric.min() || score > metric.max()) {
            return "score " + score + " is outside " + metric.min() + ".." + metric.max() + " for metric " + metric.id();
        }
        if (weightProblem != null) {
            return weightProblem;
        }
        if (timeProblem != null) {
            return timeProblem;
        }
        return otherProblem();
    }

    @Override
    String idName() {
        return "response_id";
    }

    @Override
    String id() {
        return responseId;
    }

    @Override
    long idHash() {
        return responseIdHash;
    }

    @Override
    Response build() {
        return new Response(metric, (int) score, weight, responseId, customerId, journeyId, touchpoint, location,
                channel, submittedAt, submittedOn, attributes());
    }
}
