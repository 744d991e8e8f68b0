package dev.cxkit.cli.print;

import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.io.Rejection;
import dev.cxkit.core.score.GroupKey;
import dev.cxkit.core.score.GroupScore;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.stats.Interval;
import dev.cxkit.core.stats.IntervalMethod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns scores into JSON nodes, CSV cells and table text. Stateless. */
public final class ScoreText {


    private ScoreText() {
    }

    /** Orders results by metric (NPS, CSAT, CES) and then by group values, a missing value last. */
    public static List<GroupScore> sorted(List<GroupScore> scores) {
        List<GroupScore> out = new ArrayList<>(scores);
        out.sort(Comparator.<GroupScore>comparingInt(s -> s.score().metric().kind().ordinal())
                .thenComparing((x, y) -> compareKeys(x.group(), y.group())));
        return out;
    }

    private static int compareKeys(GroupKey a, GroupKey b) {
        for (int i = 0; i < Math.min(a.values().size(), b.values().size()); i++) {
            String x = a.values().get(i);
            String y = b.values().get(i);
            int c = x == null ? (y == null ? 0 : 1) : y == null ? -1 : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.values().size(), b.values().size());
    }

    /** One {@code results} entry: metric, group, counts, value, interval, low-sample flag. */
    public static ObjectNode entry(GroupScore groupScore) {
        Score score = groupScore.score();
        RatingDistribution ratings = score.ratings();
        Metric metric = score.metric();
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("metric", metric.id());
        ObjectNode group = node.putObject("group");
        GroupKey key = groupScore.group();
        for (int i = 0; i < key.names().size(); i++) {
            String value = key.values().get(i);
            if (value == null) {
                group.putNull(key.names().get(i));
            } else {
                group.put(key.names().get(i), value);
            }
        }
        node.put("n", ratings.n());
        node.put("weightedN", clean(ratings.weightedN()));
        node.put("effectiveN", clean(ratings.effectiveN()));
        if (score.value().isPresent()) {
            node.put("value", clean(score.value().getAsDouble()));
        } else {
            node.putNull("value");
        }
        if (score.interval().isPresent()) {
            node.set("interval", interval(score.interval().get()));
        } else {
            node.putNull("interval");
        }
        ObjectNode counts = node.putObject("counts");
        for (int r = metric.min(); r <= metric.max(); r++) {
            counts.put(Integer.toString(r), ratings.count(r));
        }
        node.put("lowSample", score.lowSample());
        if (metric.kind() == Metric.Kind.CES) {
            if (ratings.isEmpty()) {
                node.putNull("agreeShare");
            } else {
                node.put("agreeShare", clean(100 * ratings.positiveShare()));
            }
        }
        return node;
    }

    /** An interval as {@code {method, confidence, lower, upper}}. */
    public static ObjectNode interval(Interval interval) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("method", interval.method().id());
        node.put("confidence", interval.confidence());
        node.put("lower", clean(interval.lower()));
        node.put("upper", clean(interval.upper()));
        return node;
    }

    /** {@code {read, accepted, rejected, duplicates, filtered, unanswered, responses, undated}}. */
    public static ObjectNode rows(ReadSummary summary) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("read", summary.read());
        node.put("accepted", summary.accepted());
        node.put("rejected", summary.rejected());
        node.put("duplicates", summary.duplicates());
        node.put("filtered", summary.filtered());
        node.put("unanswered", summary.unanswered());
        node.put("responses", summary.records());
        node.put("undated", summary.undated());
        return node;
    }

    /**
     * Says what became of the rows, leaving out the counts that are zero:
     * {@code 13 read, 10 accepted, 2 rejected, 1 duplicate}.
     */
    public static String rowsSentence(ReadSummary summary) {
        StringBuilder b = new StringBuilder();
        b.append(summary.read()).append(" read, ").append(summary.accepted()).append(" accepted, ")
                .append(summary.rejected()).append(" rejected");
        if (summary.duplicates() > 0) {
            b.append(", ").append(summary.duplicates()).append(summary.duplicates() == 1 ? " duplicate" : " duplicates");
        }
        if (summary.filtered() > 0) {
            b.append(", ").append(summary.filtered()).append(" filtered out");
        }
        if (summary.unanswered() > 0) {
            b.append(", ").append(summary.unanswered()).append(" unanswered");
        }
        if (summary.records() != summary.accepted()) {
            b.append("; ").append(summary.records()).append(" responses");
        }
        if (summary.undated() > 0) {
            b.append("; ").append(summary.undated()).append(" undated");
        }
        return b.toString();
    }

    /**
     * One CSV line (RFC 4180), safe to open in a spreadsheet: a cell with a comma, quote, line end
     * or outer spaces is quoted, and a text cell that starts with {@code = + - @} (which Excel would
     * run as a formula, OWASP "CSV injection") gets a leading apostrophe; numbers stay numbers.
     *
     * @param cells the cells, in order
     * @return the line, without a line end
     */
    public static String csvLine(List<String> cells) {
        return dev.cxkit.report.format.CsvFormat.line(cells);
    }

    /** The kept rejections as {@code [{source, line, reason}]}. */
    public static ArrayNode rejections(List<Rejection> rejections) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (Rejection r : rejections) {
            ObjectNode node = array.addObject();
            node.put("source", r.source());
            node.put("line", r.line());
            node.put("reason", r.reason());
        }
        return array;
    }

    /** Formats a score value for people: NPS {@code 31.2}, CSAT {@code 87.5%}, CES {@code 5.21}. */
    public static String value(Metric metric, double value) {
        switch (metric.kind()) {
            case NPS:
                return String.format(Locale.ROOT, "%.1f", value);
            case CSAT:
                return String.format(Locale.ROOT, "%.1f%%", value);
            default:
                return String.format(Locale.ROOT, "%.2f", value);
        }
    }

    /** Formats a number for a CSV cell: no unit, one decimal (two for CES), as the table rounds it. */
    public static String plain(Metric metric, double value) {
        return String.format(Locale.ROOT, metric.kind() == Metric.Kind.CES ? "%.2f" : "%.1f", value);
    }

    /** Formats an interval for people: {@code [24.1, 38.0]}. */
    public static String range(Metric metric, Interval interval) {
        return "[" + value(metric, interval.lower()) + ", " + value(metric, interval.upper()) + "]";
    }

    /**
     * Rounds a computed number to 12 significant digits for output, so that floating-point noise
     * such as {@code 24.999999999999996} reads {@code 25.0}; far below any meaningful precision
     * of a survey score.
     */
    public static double clean(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return value;
        }
        return new java.math.BigDecimal(value).round(new java.math.MathContext(12)).doubleValue();
    }

    /** Formats the interval of a difference: {@code [7.7, 53.7]}, no unit. */
    public static String differenceRange(Metric metric, Interval interval) {
        String format = metric.kind() == Metric.Kind.CES ? "%.2f" : "%.1f";
        return "[" + String.format(Locale.ROOT, format, interval.lower()) + ", "
                + String.format(Locale.ROOT, format, interval.upper()) + "]";
    }

    /** Formats a difference for people, with its sign and unit. */
    public static String difference(Metric metric, double value) {
        String number;
        switch (metric.kind()) {
            case NPS:
                number = String.format(Locale.ROOT, "%+.1f points", value);
                break;
            case CSAT:
                number = String.format(Locale.ROOT, "%+.1f percentage points", value);
                break;
            default:
                number = String.format(Locale.ROOT, "%+.2f", value);
                break;
        }
        return number;
    }

    /** Formats a confidence level as a percentage: {@code 95%}, {@code 99.5%}. */
    public static String percent(double confidence) {
        double p = confidence * 100;
        return (p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f", p) : String.format(Locale.ROOT, "%s", p)) + "%";
    }

    /** Lists interval method ids: {@code wald, adjusted-wald, score}. */
    public static String ids(Set<IntervalMethod> methods) {
        return methods.stream().map(IntervalMethod::id).collect(Collectors.joining(", "));
    }

    /** Formats a count or effective n for a table: whole numbers without decimals. */
    public static String count(double n) {
        return n == Math.rint(n) ? String.format(Locale.ROOT, "%.0f", n) : String.format(Locale.ROOT, "%.1f", n);
    }
}
