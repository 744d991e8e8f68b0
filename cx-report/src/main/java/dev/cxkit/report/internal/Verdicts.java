package dev.cxkit.report.internal;

import dev.cxkit.core.journey.loop.ControlChart.Share;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.stats.Interval;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sentences a report writes from numbers: the recovery verdict and the consistency findings.
 * They use {@link Figures}, so their numbers are the ones in the tables and the JSON. Stateless.
 */
public final class Verdicts {

    private Verdicts() {
    }

    /**
     * Two sentences: recovered against not recovered, then recovered against no failure (the paradox).
     *
     * @param metric the metric
     * @param recoveredVsNotRecovered recovered minus not recovered, empty when a side is too small
     * @param recoveredVsNoFailure recovered minus no failure, empty when a side is too small
     * @return the verdict
     */
    public static String recovery(Metric metric, Optional<Comparison> recoveredVsNotRecovered,
            Optional<Comparison> recoveredVsNoFailure) {
        return sentence(metric, recoveredVsNotRecovered,
                "There are too few responses to compare recovered with unrecovered journeys.",
                "Recovered and unrecovered journeys do not differ beyond sampling noise (%s).",
                "Recovery works: recovered journeys score higher than unrecovered ones (%s).",
                "Recovered journeys score lower than unrecovered ones (%s): look at how recoveries are done.")
                + " " + sentence(metric, recoveredVsNoFailure,
                "There are too few responses to compare recovered journeys with journeys without a failure.",
                "Recovered journeys score about as well as journeys without a failure (%s): no recovery paradox, but"
                        + " the failure's cost is won back.",
                "The recovery paradox holds here: recovered journeys score higher than journeys without a failure"
                        + " (%s).",
                "No recovery paradox: recovered journeys still score below journeys without a failure (%s).");
    }

    /** The sentence that fits the comparison, with its numbers in place of {@code %s}. */
    private static String sentence(Metric metric, Optional<Comparison> comparison, String tooFew, String withinNoise,
            String higher, String lower) {
        if (comparison.isEmpty()) {
            return tooFew;
        }
        Comparison c = comparison.get();
        String template = !c.significant() ? withinNoise : c.difference() > 0 ? higher : lower;
        return template.replace("%s", numbers(metric, c));
    }

    /** {@code +12.3 points, 95% interval [4.0, 20.6], p = 0.0031}. */
    private static String numbers(Metric metric, Comparison c) {
        String unit = Figures.differenceUnit(metric);
        return Figures.difference(metric, c.difference()).text() + (unit.isEmpty() ? "" : " " + unit) + ", "
                + Figures.confidence(c.interval().confidence()) + " interval " + Figures.range(metric, c.interval())
                + ", p " + pEquals(c.pValue());
    }

    /** {@code = 0.031} or {@code < 0.0001}. */
    public static String pEquals(double p) {
        String text = Figures.pValue(p).text();
        return text.startsWith("<") ? text : "= " + text;
    }

    /**
     * {@code Leith: the share of NPS promoters (9–10), 22.0% in 2026-03, lies below the control limits
     * [35.1%, 61.0%] that sampling noise explains.}
     */
    public static String swing(String where, Metric metric, Share share, String period, double value,
            Interval limits) {
        return where + ": the share of " + share(metric, share) + ", " + Figures.percent(value).text()
                + " in " + period + ", lies " + (value < limits.lower() ? "below" : "above")
                + " the control limits [" + Figures.percent(limits.lower()).text() + ", "
                + Figures.percent(limits.upper()).text() + "] that sampling noise explains.";
    }

    /**
     * {@code Leith: the share of NPS promoters (9–10) goes up and down in turn over 6 periods (2026-01 to
     * 2026-06: 62.0%, 30.1%, ...): instability or gaming, not improvement.}
     */
    public static String alternation(String where, Metric metric, Share share, List<String> periods,
            List<Double> values) {
        String shares = values.stream().map(v -> Figures.percent(v).text()).collect(Collectors.joining(", "));
        return where + ": the share of " + share(metric, share) + " goes up and down in turn over "
                + periods.size() + " periods (" + periods.get(0) + " to " + periods.get(periods.size() - 1) + ": "
                + shares + "): instability or gaming, not improvement.";
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
