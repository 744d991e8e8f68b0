package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.score.Metric;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The snapshot of a {@link JourneyScoreAccumulator}: survey scores joined to journeys of one
 * definition, per metric (NPS, CSAT, CES in that order).
 *
 * <p>Immutable and thread-safe.
 *
 * @param definition the name of the journey definition
 * @param journeys the journeys recorded
 * @param journeysWithResponses the journeys with at least one response
 * @param responses the responses recorded
 * @param scores per metric: all journeys, then each stage followed by its touchpoints, in
 *     definition order; only rows with responses (unmodifiable)
 * @param failureImpact per metric: one row per failure type, touchpoint and factor, ranked (see
 *     {@link FailureImpact}; unmodifiable)
 * @param failureImpactByFactor per metric: one row per factor, ranked (unmodifiable)
 * @param recovery per metric: the recovery classes compared (unmodifiable)
 * @since 0.1.0
 */
public record JourneyScoreReport(String definition, long journeys, long journeysWithResponses, long responses,
        Map<Metric, List<JourneyScore>> scores, Map<Metric, List<FailureImpact>> failureImpact,
        Map<Metric, List<FailureImpact>> failureImpactByFactor, Map<Metric, RecoveryEffect> recovery) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if a count is negative or more journeys have responses
     *     than exist
     */
    public JourneyScoreReport {
        Objects.requireNonNull(definition, "definition");
        if (journeys < 0 || responses < 0 || journeysWithResponses < 0 || journeysWithResponses > journeys) {
            throw new IllegalArgumentException("invalid counts: " + journeys + " journeys, " + journeysWithResponses
                    + " with responses, " + responses + " responses");
        }
        scores = copy(scores);
        failureImpact = copy(failureImpact);
        failureImpactByFactor = copy(failureImpactByFactor);
        recovery = Collections.unmodifiableMap(new LinkedHashMap<>(recovery));
    }

    private static <T> Map<Metric, List<T>> copy(Map<Metric, List<T>> map) {
        Map<Metric, List<T>> out = new LinkedHashMap<>();
        map.forEach((metric, list) -> out.put(metric, List.copyOf(list)));
        return Collections.unmodifiableMap(out);
    }
}
