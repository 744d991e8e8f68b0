package dev.cxkit.report.section;

import static dev.cxkit.report.internal.Checks.requireShare;
import static dev.cxkit.report.internal.Checks.requireText;
import static dev.cxkit.report.internal.Checks.requireUnique;

import dev.cxkit.core.journey.loop.ControlChart.Share;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.stats.Interval;
import dev.cxkit.report.internal.Verdicts;
import java.util.List;
import java.util.Objects;

/**
 * Section 6: consistency findings, observations of shares that move more than sampling noise
 * explains, within a stated false-alarm budget.
 *
 * @param findings the findings, in the order found; empty when nothing moved beyond noise
 * @param family what was tested, for people: {@code 312 periods judged in 52 charts ..., false
 *     alarms held to 0.05 per report}
 * @since 0.1.0
 */
public record Consistency(List<Finding> findings, String family) {

    /**
     * Copies the findings.
     *
     * @throws NullPointerException if a finding is null
     */
    public Consistency {
        findings = List.copyOf(findings);
        java.util.Objects.requireNonNull(family, "family");
    }

    /**
     * A consistency finding: a swing beyond noise or an alternating pattern in the share of
     * positive ratings (NPS promoters) or of negative ratings (NPS detractors) of a unit, the
     * shares a p-chart follows.
     */
    public sealed interface Finding permits Swing, Alternation {

        /** Returns where it was found: a touchpoint or location, from the user's data. */
        String where();

        /** Returns the metric. */
        Metric metric();

        /** Returns which share of the ratings moved. */
        Share share();

        /** Returns the finding in a sentence, with the numbers the page shows. */
        String sentence();
    }

    /**
     * A period whose share of positive (or negative) ratings lies outside the control limits that
     * sampling noise explains.
     *
     * @param where the touchpoint or location
     * @param metric the metric
     * @param share which share: positive (promoters) or negative (detractors)
     * @param period the period
     * @param value the period's share, in [0, 1]
     * @param controlLimits the range sampling noise explains around the long-run share, in [0, 1]
     */
    public record Swing(String where, Metric metric, Share share, String period, double value,
            Interval controlLimits) implements Finding {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if a name is blank, the share or the limits lie outside
         *     [0, 1], or the share lies within the limits
         */
        public Swing {
            requireText(where, "where");
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(share, "share");
            requireText(period, "period");
            requireShare(value, where + " " + period + " share");
            Objects.requireNonNull(controlLimits, "controlLimits");
            requireShare(controlLimits.lower(), where + " " + period + " lower control limit");
            requireShare(controlLimits.upper(), where + " " + period + " upper control limit");
            if (controlLimits.contains(value)) {
                throw new IllegalArgumentException(where + " " + period + ": a swing lies outside its control limits");
            }
        }

        @Override
        public String sentence() {
            return Verdicts.swing(where, metric, share, period, value, controlLimits);
        }
    }

    /**
     * Consecutive periods whose share of positive (or negative) ratings goes up and down in turn,
     * each move beyond noise: gaming or instability, not improvement.
     *
     * @param where the touchpoint or location
     * @param metric the metric
     * @param share which share: positive (promoters) or negative (detractors)
     * @param run the periods in time order, at least four
     */
    public record Alternation(String where, Metric metric, Share share, List<PeriodShare> run) implements Finding {

        /** The fewest periods that make a pattern. */
        public static final int MIN_PERIODS = 4;

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if the name is blank, or the run is shorter than four or
         *     repeats a period
         */
        public Alternation {
            requireText(where, "where");
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(share, "share");
            run = List.copyOf(run);
            if (run.size() < MIN_PERIODS) {
                throw new IllegalArgumentException(where + ": an alternating pattern needs at least " + MIN_PERIODS
                        + " periods, got " + run.size());
            }
            requireUnique(run, PeriodShare::period, "period");
        }

        @Override
        public String sentence() {
            return Verdicts.alternation(where, metric, share, run.stream().map(PeriodShare::period).toList(),
                    run.stream().map(PeriodShare::value).toList());
        }
    }

    /**
     * A share of ratings in a period.
     *
     * @param period the period's label
     * @param value the share, in [0, 1]
     */
    public record PeriodShare(String period, double value) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if the period is null
         * @throws IllegalArgumentException if the period is blank or the share is outside [0, 1]
         */
        public PeriodShare {
            requireText(period, "period");
            requireShare(value, period + " share");
        }
    }
}
