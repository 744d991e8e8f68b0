package dev.cxkit.report.internal;

import dev.cxkit.core.journey.loop.ControlChart.Share;
import dev.cxkit.core.score.ComparisonVerdict;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.stats.Interval;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sentences a report writes from numbers: the recovery verdict and the consistency findings.
 * They use {@link Figures}, so their numbers are the ones in the tables and the JSON. Stateless.
 */
public final class Verdicts {

    private Verdicts() {
    }

    /**
     * Two sentences: recovered against not recovered, then recovered against no failure (the
     * paradox). Each says only what its verdict allows: a difference when the interval excludes 0,
     * "the same" only when equivalence within the margin is shown, else that the data cannot tell.
     *
     * @param metric the metric
     * @param notRecovered recovered against not recovered
     * @param noFailure recovered against no failure
     * @return the verdict
     */
    public static String recovery(Metric metric, ComparisonVerdict notRecovered, ComparisonVerdict noFailure) {
        return sentence(metric, notRecovered,
                "Recovery works: recovered journeys score higher than unrecovered ones (%s).",
                "Recovered journeys score lower than unrecovered ones (%s): look at how recoveries are done.",
                "Recovered and unrecovered journeys score the same within ±%m (%e): recovery wins nothing back.",
                "The data cannot tell whether recovered journeys score differently from unrecovered ones (%s).")
                + " " + sentence(metric, noFailure,
                "The recovery paradox holds here: recovered journeys score higher than journeys without a failure"
                        + " (%s).",
                "No recovery paradox: recovered journeys still score below journeys without a failure (%s).",
                "Recovered journeys score as well as journeys without a failure, within ±%m (%e): the failure's "
                        + "cost is won back.",
                "The data cannot tell whether recovered journeys score as well as journeys without a failure (%s).");
    }

    /** The sentence that fits the verdict, with its numbers in place of {@code %s}, {@code %m} and {@code %e}. */
    private static String sentence(Metric metric, ComparisonVerdict v, String higher, String lower, String equivalent,
            String cannotTell) {
        if (v.difference().isEmpty() || v.reason().filter(r -> !r.equals("no variance")).isPresent()) {
            String why = v.reason().orElse("undefined").equals("low sample") ? "a group has too few responses"
                    : "a group has no responses";
            return cannotTell.replace(" (%s)", "").replace(".", "") + " (" + why + ").";
        }
        Comparison c = v.difference().get();
        String template = v.outcome() == ComparisonVerdict.Outcome.DIFFERENT ? (c.difference() > 0 ? higher : lower)
                : v.outcome() == ComparisonVerdict.Outcome.EQUIVALENT ? equivalent : cannotTell;
        String unit = Figures.differenceUnit(metric);
        return template.replace("%s", numbers(metric, c))
                .replace("%m", Figures.difference(metric, v.margin()).text().replace("+", "")
                        + (unit.isEmpty() ? "" : " " + unit))
                .replace("%e", v.equivalenceInterval().map(i -> "TOST, " + Figures.confidence(i.confidence())
                        + " interval " + Figures.range(metric, i)).orElse(""));
    }

    /** {@code +12.3 points, 95% interval [4.0, 20.6], p = 0.0031}. */
    private static String numbers(Metric metric, Comparison c) {
        String unit = Figures.differenceUnit(metric);
        return Figures.difference(metric, c.difference()).text() + (unit.isEmpty() ? "" : " " + unit) + ", "
                + Figures.confidence(c.interval().confidence()) + " interval " + Figures.range(metric, c.interval())
                + ", p " + pEquals(c.pValue());
    }

    /**
     * Names a verdict for a table cell: {@code different}, {@code equivalent within ±5.0},
     * {@code cannot tell}, {@code cannot tell (low sample)}.
     *
     * @param metric the metric
     * @param v the verdict
     * @return the label
     */
    public static String label(Metric metric, ComparisonVerdict v) {
        switch (v.outcome()) {
            case DIFFERENT:
                return "different";
            case EQUIVALENT:
                return "equivalent within ±" + Figures.difference(metric, v.margin()).text().replace("+", "");
            default:
                return "cannot tell" + v.reason().map(r -> " (" + r + ")").orElse("");
        }
    }

    /** {@code = 0.031} or {@code < 0.0001}. */
    public static String pEquals(double p) {
        String text = Figures.pValue(p).text();
        return text.startsWith("<") ? text : "= " + text;
    }

    /**
     * {@code Leith: the share of NPS promoters (9–10) in 2026-03, 22.0%, swings below what sampling
     * noise explains (control limits [35.1%, 61.0%]).}
     */
    public static String swing(String where, Metric metric, Share share, String period, double value,
            Interval limits) {
        return where + ": the share of " + share(metric, share) + " in " + period + ", "
                + Figures.percent(value).text() + ", swings " + (value < limits.lower() ? "below" : "above")
                + " what sampling noise explains (control limits [" + Figures.percent(limits.lower()).text() + ", "
                + Figures.percent(limits.upper()).text() + "]).";
    }

    /**
     * {@code Leith: the share of NPS promoters (9–10) goes up and down in turn over 6 periods (2026-01 to
     * 2026-06: 62.0%, 30.1%, ...), more than sampling noise explains. Unstable, or possible gaming?}
     */
    public static String alternation(String where, Metric metric, Share share, List<String> periods,
            List<Double> values) {
        String shares = values.stream().map(v -> Figures.percent(v).text()).collect(Collectors.joining(", "));
        return where + ": the share of " + share(metric, share) + " goes up and down in turn over "
                + periods.size() + " periods (" + periods.get(0) + " to " + periods.get(periods.size() - 1) + ": "
                + shares + "), more than sampling noise explains. Unstable, or possible gaming?";
    }

    /**
     * Names a share of ratings: {@code NPS promoters (9–10)}, {@code NPS detractors (0–6)},
     * {@code CSAT ratings 4–5}, {@code CES ratings 1–3}.
     */
    public static String share(Metric metric, Share share) {
        boolean positive = share == Share.POSITIVE;
        int from = positive ? metric.positiveFrom() : metric.min();
        int to = positive ? metric.max() : metric.negativeUpTo();
        String range = from + "–" + to;
        return metric.kind() == Metric.Kind.NPS ? "NPS " + (positive ? "promoters" : "detractors") + " (" + range + ")"
                : name(metric) + " ratings " + range;
    }

    /** {@code NPS}, {@code CSAT}, {@code CES}. */
    public static String name(Metric metric) {
        return metric.kind().name();
    }
}
