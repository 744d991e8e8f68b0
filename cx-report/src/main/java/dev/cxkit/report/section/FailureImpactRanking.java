package dev.cxkit.report.section;

import static dev.cxkit.report.internal.Checks.requireCount;
import static dev.cxkit.report.internal.Checks.requireMetric;
import static dev.cxkit.report.internal.Checks.requireMetrics;
import static dev.cxkit.report.internal.Checks.requireShare;
import static dev.cxkit.report.internal.Checks.requireText;

import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.stats.MultipleTesting.Adjustment;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Section 4: failures and scores, one row per failure type and touchpoint, ranked by the
 * detractors they account for (most first): the score of journeys with the failure against
 * journeys without it (a marginal association), and the difference with the other failures held
 * equal. Neither is a cause.
 *
 * @param metric the metric the scores with and without the failure are of
 * @param ranking the rows, most costly first
 * @param adjustment how the rows' p-values were adjusted for being tested together (the family is
 *     every row with a difference)
 * @param alpha the error rate the adjusted p-values are compared with
 */
public record FailureImpactRanking(Metric metric, List<ImpactRow> ranking, Adjustment adjustment, double alpha) {

    /**
     * Checks the rows' metric.
     *
     * @throws IllegalArgumentException if a row's scores are of another metric
     */
    public FailureImpactRanking {
        ranking = List.copyOf(ranking);
        Objects.requireNonNull(adjustment, "adjustment");
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
        requireMetrics(ranking, metric, ImpactRow::label, ImpactRow::with);
        requireMetrics(ranking, metric, ImpactRow::label, ImpactRow::without);
    }

    /**
     * Returns how many tests the family holds: the rows with a difference.
     *
     * @return the family's size
     */
    public long tests() {
        return ranking.stream().filter(r -> r.difference().isPresent()).count();
    }

    /**
     * Describes the family for people: {@code 11 failures × 1 metric (NPS), Holm-adjusted at 0.05}.
     *
     * @return the sentence
     */
    public String family() {
        long n = tests();
        String alphaText = java.math.BigDecimal.valueOf(alpha).stripTrailingZeros().toPlainString();
        return n + (n == 1 ? " failure" : " failures") + " × 1 metric (" + metric.kind().name() + "), "
                + (adjustment == Adjustment.NONE ? "unadjusted, each at " + alphaText
                        : adjustment.label() + "-adjusted at " + alphaText);
    }

    /**
     * The cost of one failure type at one touchpoint: the score of journeys with it against
     * journeys without it.
     *
     * @param failureType the failure type, for example {@code late-meal}
     * @param touchpoint the touchpoint where it happened
     * @param factor the satisfaction factor it broke
     * @param journeys the journeys with this failure
     * @param with the score of journeys with the failure
     * @param without the score of journeys without it
     * @param difference with minus without, with interval and p-value; empty when either side has
     *     too few responses
     * @param detractorShare the share of all detractors whose journey had this failure, in [0, 1]
     * @param adjustedP the p-value adjusted for the family of the ranking; empty without a difference
     * @param heldEqual the failure's difference with the other failures held equal (a linear model
     *     with robust errors, {@code FailureEffectAccumulator}); empty when it could not be estimated
     */
    public record ImpactRow(String failureType, String touchpoint, SatisfactionFactor factor, long journeys,
            Score with, Score without, Optional<Comparison> difference, double detractorShare,
            OptionalDouble adjustedP, Optional<Comparison> heldEqual) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if a name is blank, the count is negative, the metrics
         *     differ or the share is outside [0, 1]
         */
        public ImpactRow {
            requireText(failureType, "failureType");
            requireText(touchpoint, "touchpoint");
            Objects.requireNonNull(factor, "factor");
            requireCount(journeys, "journeys");
            Objects.requireNonNull(with, "with");
            Objects.requireNonNull(without, "without");
            Objects.requireNonNull(difference, "difference");
            requireMetric(without, with.metric(), failureType + " at " + touchpoint);
            requireShare(detractorShare, "detractorShare");
            Objects.requireNonNull(adjustedP, "adjustedP");
            Objects.requireNonNull(heldEqual, "heldEqual");
        }

        /**
         * Returns whether the difference is significant after the family's adjustment, and neither
         * side is low-sample (a low-sample row never claims significance).
         *
         * @param alpha the family's error rate
         * @return true when significant
         */
        public boolean significant(double alpha) {
            return adjustedP.isPresent() && adjustedP.getAsDouble() < alpha && !with.lowSample() && !without.lowSample();
        }

        /** Returns {@code failureType at touchpoint}. */
        public String label() {
            return failureType + " at " + touchpoint;
        }
    }
}
