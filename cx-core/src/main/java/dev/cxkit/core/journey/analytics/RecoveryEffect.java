package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.score.ComparisonVerdict;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.score.ScoreComparison;
import dev.cxkit.core.stats.Comparison;
import java.util.Objects;
import java.util.Optional;

/**
 * Does recovery win customers back? The score, in one metric, of journeys with no failure, with
 * every failure recovered in time (within the definition's recovery promise), and with a failure
 * not recovered or recovered late ({@link dev.cxkit.core.journey.JourneyOutcome#recovery()}), with the pairwise tests
 * of {@link dev.cxkit.core.score.ScoreComparison}, and a plain verdict on the service-recovery
 * paradox (McCollough and Bharadwaj 1992; de Matos, Henrique and Rossi 2007, "Service recovery
 * paradox: a meta-analysis", <i>Journal of Service Research</i> 10(1)): a well-recovered failure
 * leaving the customer happier than no failure at all.
 *
 * <p>Immutable and thread-safe.
 *
 * @param noFailure the score of journeys without a failure
 * @param recovered the score of journeys whose failures were all recovered in time
 * @param notRecovered the score of journeys with a failure not recovered in time
 * @param recoveredVsNoFailure recovered − no failure; absent when either has no value
 * @param recoveredVsNotRecovered recovered − not recovered; absent when either has no value
 * @param noFailureVsNotRecovered no failure − not recovered; absent when either has no value
 * @param paradox the verdict on the paradox
 * @since 0.1.0
 */
public record RecoveryEffect(Score noFailure, Score recovered, Score notRecovered,
        Optional<Comparison> recoveredVsNoFailure, Optional<Comparison> recoveredVsNotRecovered,
        Optional<Comparison> noFailureVsNotRecovered, Paradox paradox) {

    /** The verdict on the service-recovery paradox, from recovered − no failure. */
    public enum Paradox {
        /** Recovered journeys score significantly above journeys without a failure. */
        HOLDS,
        /** Recovered journeys score significantly below journeys without a failure. */
        DOES_NOT_HOLD,
        /**
         * Recovered journeys score as well as journeys without a failure: equivalent within the
         * metric's margin by the two one-sided tests ({@link dev.cxkit.core.score.ComparisonVerdict}).
         * The failure's cost is won back; there is no paradox.
         */
        EQUIVALENT,
        /**
         * Both groups are large enough, but neither a difference nor equivalence is shown: cannot be
         * told ("not significant" is not "the same").
         */
        NOT_SIGNIFICANT,
        /** A group is empty or low-sample: cannot be told. */
        TOO_FEW
    }

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public RecoveryEffect {
        Objects.requireNonNull(noFailure, "noFailure");
        Objects.requireNonNull(recovered, "recovered");
        Objects.requireNonNull(notRecovered, "notRecovered");
        Objects.requireNonNull(recoveredVsNoFailure, "recoveredVsNoFailure");
        Objects.requireNonNull(recoveredVsNotRecovered, "recoveredVsNotRecovered");
        Objects.requireNonNull(noFailureVsNotRecovered, "noFailureVsNotRecovered");
        Objects.requireNonNull(paradox, "paradox");
    }

    /**
     * The verdict from recovered against no failure: {@link Paradox#TOO_FEW} when either group is
     * low-sample or the difference is undefined; else by the sign of a difference the comparison's
     * verdict calls; {@link Paradox#EQUIVALENT} when it shows equivalence; else
     * {@link Paradox#NOT_SIGNIFICANT}.
     */
    static Paradox verdict(ScoreComparison recoveredVsNoFailure) {
        ComparisonVerdict v = recoveredVsNoFailure.verdict();
        if (recoveredVsNoFailure.a().lowSample() || recoveredVsNoFailure.b().lowSample()
                || recoveredVsNoFailure.difference().isEmpty()) {
            return Paradox.TOO_FEW;
        }
        switch (v.outcome()) {
            case DIFFERENT:
                return recoveredVsNoFailure.difference().get().difference() > 0 ? Paradox.HOLDS : Paradox.DOES_NOT_HOLD;
            case EQUIVALENT:
                return Paradox.EQUIVALENT;
            default:
                return Paradox.NOT_SIGNIFICANT;
        }
    }
}
