package dev.cxkit.report.section;

import static dev.cxkit.report.internal.Checks.requireMetric;

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
 * @param recoveredVsNotRecovered recovered minus not recovered; empty when either is too small
 * @param recoveredVsNoFailure recovered minus no failure (the recovery paradox when
 *     significantly positive); empty when either is too small
 */
public record RecoveryEffectiveness(Metric metric, Score noFailure, Score recovered, Score notRecovered,
        Optional<Comparison> recoveredVsNotRecovered, Optional<Comparison> recoveredVsNoFailure) {

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
        Objects.requireNonNull(recoveredVsNotRecovered, "recoveredVsNotRecovered");
        Objects.requireNonNull(recoveredVsNoFailure, "recoveredVsNoFailure");
    }

    /**
     * Returns the verdict in two sentences: whether recovery beats no recovery, and whether
     * the recovery paradox holds, with the numbers the page shows.
     */
    public String verdict() {
        return Verdicts.recovery(metric, recoveredVsNotRecovered, recoveredVsNoFailure);
    }
}
