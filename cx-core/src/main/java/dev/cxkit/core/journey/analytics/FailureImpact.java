package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.score.Score;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.core.stats.Comparison;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one kind of service failure costs, in one metric: the score of the journeys that had it
 * against the score of those that did not, and how many of the negative ratings (detractors, for
 * NPS) it accounts for.
 *
 * <p>A row is either one failure {@code type} at one {@code touchpoint} (with the factor it broke),
 * or a whole factor ({@code type} and {@code touchpoint} null). "With" holds the responses of
 * journeys that had at least one such failure; "without" all other responses of the same
 * definition.
 *
 * <p><b>Ranking.</b> Rows are ranked by {@link #excessNegative()}, the negative ratings the failure
 * is responsible for beyond what the same journeys would have given at the rate of the journeys
 * without it: n<sub>with</sub> × (share<sub>with</sub> − share<sub>without</sub>). It weighs how
 * much worse the failure makes a customer by how often it happens (prevalence × effect), which is
 * what recovering or preventing it would win back; a rare failure with a large effect and a common
 * one with a small effect compare on one scale. It is an association, not a proof of cause: a
 * failure may travel with something else that lowers scores.
 *
 * <p>Immutable and thread-safe.
 *
 * @param factor the satisfaction factor broken
 * @param type the failure type (see {@link dev.cxkit.core.journey.ServiceFailure#type()}), or null for the whole factor
 * @param touchpoint the touchpoint, or null for the whole factor
 * @param with the score of responses whose journey had the failure
 * @param without the score of the other responses
 * @param difference with − without, with its interval and p-value (see
 *     {@link dev.cxkit.core.score.ScoreComparison}); absent when either side has no value
 * @param negativeShare the share of all negative ratings (detractors for NPS; for CSAT and CES the
 *     ratings up to {@link dev.cxkit.core.score.Metric#negativeUpTo()})
 *     that came from journeys with the failure, in [0, 1]; 0 when there are none at all
 * @param excessNegative the negative ratings attributable to the failure, n<sub>with</sub> ×
 *     (share<sub>with</sub> − share<sub>without</sub>); negative when journeys with it did better;
 *     0 when no response is without it
 * @since 0.1.0
 */
public record FailureImpact(SatisfactionFactor factor, @Nullable String type, @Nullable String touchpoint, Score with,
        Score without, Optional<Comparison> difference, double negativeShare, double excessNegative) {

    /** The ranking: most excess negative ratings first, then by share, factor, type and touchpoint. */
    static final Comparator<FailureImpact> RANKING = Comparator
            .comparingDouble(FailureImpact::excessNegative).reversed()
            .thenComparing(Comparator.comparingDouble(FailureImpact::negativeShare).reversed())
            .thenComparing(FailureImpact::factor)
            .thenComparing(FailureImpact::type, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(FailureImpact::touchpoint, Comparator.nullsFirst(Comparator.naturalOrder()));

    /**
     * Validates the row.
     *
     * @throws NullPointerException if {@code factor}, a score or {@code difference} is null
     * @throws IllegalArgumentException if only one of type and touchpoint is null, the metrics
     *     differ, the share is outside [0, 1] or the excess is not finite
     */
    public FailureImpact {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(with, "with");
        Objects.requireNonNull(without, "without");
        Objects.requireNonNull(difference, "difference");
        if ((type == null) != (touchpoint == null)) {
            throw new IllegalArgumentException("give both type and touchpoint, or neither");
        }
        if (!with.metric().equals(without.metric())) {
            throw new IllegalArgumentException("with and without are of different metrics");
        }
        if (!(negativeShare >= 0 && negativeShare <= 1) || !Double.isFinite(excessNegative)) {
            throw new IllegalArgumentException("share " + negativeShare + " or excess " + excessNegative + " invalid");
        }
    }

    /** Returns whether the row is a whole factor rather than one type at one touchpoint. */
    public boolean isFactor() {
        return type == null;
    }
}
