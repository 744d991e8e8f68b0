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
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Section 4: what failures cost, one row per failure type and touchpoint, in the rank order
 * the analysis gives (most costly first).
 *
 * @param metric the metric the scores with and without the failure are of
 * @param ranking the rows, most costly first
 */
public record FailureImpactRanking(Metric metric, List<ImpactRow> ranking) {

    /**
     * Checks the rows' metric.
     *
     * @throws IllegalArgumentException if a row's scores are of another metric
     */
    public FailureImpactRanking {
        ranking = List.copyOf(ranking);
        requireMetrics(ranking, metric, ImpactRow::label, ImpactRow::with);
        requireMetrics(ranking, metric, ImpactRow::label, ImpactRow::without);
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
     */
    public record ImpactRow(String failureType, String touchpoint, SatisfactionFactor factor, long journeys,
            Score with, Score without, Optional<Comparison> difference, double detractorShare) {

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
        }

        /** Returns {@code failureType at touchpoint}. */
        public String label() {
            return failureType + " at " + touchpoint;
        }
    }
}
