package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.journey.JourneyOutcome;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Journey analytics for one group of journeys (or all of them): the funnel, step durations,
 * promises, contact rules and service failures.
 *
 * <p>Immutable and thread-safe.
 *
 * @param journeys the number of journeys
 * @param completed the journeys that completed every stage
 * @param events the events in them
 * @param duplicates the duplicate events dropped while assembling them
 * @param funnel one entry per stage, in order (unmodifiable)
 * @param reachedNoStage the journeys with no event in any stage (only unknown touchpoints)
 * @param steps the durations between consecutive expected touchpoints, in order (unmodifiable)
 * @param promises one entry per promise of the definition, in order (unmodifiable)
 * @param contactRules one entry per contact rule, in order (unmodifiable)
 * @param failures the service failures
 * @param recovery the journeys by how their failures were recovered (unmodifiable)
 * @param unknownTouchpoints the events at touchpoints the definition does not know, by id, sorted
 *     (unmodifiable)
 * @since 0.1.0
 */
public record JourneySummary(long journeys, long completed, long events, long duplicates, List<FunnelStage> funnel,
        long reachedNoStage, List<StepSummary> steps, List<PromiseSummary> promises,
        List<ContactRuleSummary> contactRules, FailureSummary failures,
        Map<JourneyOutcome.RecoveryClass, Long> recovery, Map<String, Long> unknownTouchpoints) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if a count is negative or more journeys completed than exist
     */
    public JourneySummary {
        if (journeys < 0 || completed < 0 || completed > journeys || events < 0 || duplicates < 0
                || reachedNoStage < 0) {
            throw new IllegalArgumentException("invalid counts: " + journeys + " journeys, " + completed + " completed, "
                    + events + " events, " + duplicates + " duplicates, " + reachedNoStage + " without a stage");
        }
        funnel = List.copyOf(funnel);
        steps = List.copyOf(steps);
        promises = List.copyOf(promises);
        contactRules = List.copyOf(contactRules);
        java.util.Objects.requireNonNull(failures, "failures");
        recovery = Collections.unmodifiableMap(new EnumMap<>(recovery));
        unknownTouchpoints = Collections.unmodifiableMap(new TreeMap<>(unknownTouchpoints));
    }

    /**
     * Returns the summary of a promise.
     *
     * @param id the promise's id
     * @return the summary
     * @throws IllegalArgumentException if the definition has no such promise
     */
    public PromiseSummary promise(String id) {
        return promises.stream().filter(p -> p.promise().id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no promise '" + id + "'"));
    }

    /**
     * Returns the funnel entry of a stage.
     *
     * @param stage the stage's id
     * @return the entry
     * @throws IllegalArgumentException if the definition has no such stage
     */
    public FunnelStage stage(String stage) {
        return funnel.stream().filter(s -> s.stage().equals(stage)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stage '" + stage + "'"));
    }
}
