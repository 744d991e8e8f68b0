package dev.cxkit.report.section;

import static dev.cxkit.report.internal.Checks.requireMetric;

import dev.cxkit.core.score.ComparisonVerdict;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.report.internal.Verdicts;
import java.util.Objects;
import java.util.Optional;

/**
 * Section 5: does recovery win customers back? The score of journeys without a failure, with
 * every failure recovered in time, and with a failure not recovered.
 *
 * @param metric the metric of the three scores
 * @param noFailure journeys without a service failure
 * @param recovered journeys whose failures were all recovered in time
 * @param notRecovered journeys with a failure not recovered, or recovered late
 * @param notRecoveredVerdict recovered against not recovered: different, equivalent within the
 *     margin, or cannot be told, with the difference recovered − not recovered
 * @param noFailureVerdict recovered against no failure (the recovery paradox when different and
 *     positive; the failure's cost won back only when equivalent), with the difference recovered −
 *     no failure
 * @since 0.1.0
 */
public record RecoveryEffectiveness(Metric metric, Score noFailure, Score recovered, Score notRecovered,
        ComparisonVerdict notRecoveredVerdict, ComparisonVerdict noFailureVerdict) {

    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if a score is of another metric
     */
    public RecoveryEffectiveness {
        Objects.requireNonNull(metric, "metric");
        requireMetric(noFailure, metric, "no failure");
        requireMetric(recovered, metric, "recovered");
        requireMetric(notRecovered, metric, "not recovered");
        Objects.requireNonNull(notRecoveredVerdict, "notRecoveredVerdict");
        Objects.requireNonNull(noFailureVerdict, "noFailureVerdict");
    }

    /**
     * Returns recovered minus not recovered.
     *
     * @return the difference; empty when either side is empty
     */
    public Optional<Comparison> recoveredVsNotRecovered() {
        return notRecoveredVerdict.difference();
    }

    /**
     * Returns recovered minus no failure.
     *
     * @return the difference; empty when either side is empty
     */
    public Optional<Comparison> recoveredVsNoFailure() {
        return noFailureVerdict.difference();
    }

    /**
     * Returns the verdict in two sentences: whether recovery beats no recovery, and whether
     * the recovery paradox holds, with the numbers the page shows.
     */
    public String verdict() {
        return Verdicts.recovery(metric, notRecoveredVerdict, noFailureVerdict);
    }
}
