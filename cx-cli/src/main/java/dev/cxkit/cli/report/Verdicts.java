package dev.cxkit.cli.report;

import dev.cxkit.cli.report.ReportModel.Alternation;
import dev.cxkit.cli.report.ReportModel.PeriodScore;
import dev.cxkit.cli.report.ReportModel.RecoveryEffectiveness;
import dev.cxkit.cli.report.ReportModel.Swing;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.stats.Comparison;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sentences a report writes from numbers: the recovery verdict and the consistency findings.
 * They use {@link Figures}, so their numbers are the ones in the tables and the JSON. Stateless.
 */
final class Verdicts {

    private Verdicts() {
    }

    /** Two sentences: recovered against not recovered, then recovered against no failure (the paradox). */
    static String recovery(RecoveryEffectiveness e) {
        return sentence(e.metric(), e.recoveredVsNotRecovered(),
                "There are too few responses to compare recovered with unrecovered journeys.",
                "Recovered and unrecovered journeys do not differ beyond sampling noise (%s).",
                "Recovery works: recovered journeys score higher than unrecovered ones (%s).",
                "Recovered journeys score lower than unrecovered ones (%s): look at how recoveries are done.")
                + " " + sentence(e.metric(), e.recoveredVsNoFailure(),
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
    static String pEquals(double p) {
        String text = Figures.pValue(p).text();
        return text.startsWith("<") ? text : "= " + text;
    }

    /** {@code Leith: NPS 12.0 in 2026-03 lies outside the control limits [21.4, 44.9] that sampling noise explains.} */
    static String swing(Swing s) {
        double value = s.score().value().getAsDouble();
        return s.where() + ": " + name(s.metric()) + " " + Figures.score(s.metric(), value).text() + " in " + s.period()
                + " lies " + (value < s.controlLimits().lower() ? "below" : "above") + " the control limits "
                + Figures.range(s.metric(), s.controlLimits()) + " that sampling noise explains.";
    }

    /** {@code Leith: NPS goes up and down in turn over 6 periods (2026-01 to 2026-06: 40.0, 12.0, ...).} */
    static String alternation(Alternation a) {
        String values = a.run().stream().map(p -> Figures.score(a.metric(), p.score().value().getAsDouble()).text())
                .collect(Collectors.joining(", "));
        PeriodScore first = a.run().get(0);
        PeriodScore last = a.run().get(a.run().size() - 1);
        return a.where() + ": " + name(a.metric()) + " goes up and down in turn over " + a.run().size()
                + " periods (" + first.period() + " to " + last.period() + ": " + values
                + "): instability or gaming, not improvement.";
    }

    /** {@code NPS}, {@code CSAT}, {@code CES}. */
    static String name(Metric metric) {
        return metric.kind().name();
    }
}
