package dev.cxkit.core.journey;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one closed journey came to, measured against its definition: the stages it reached and
 * completed, the first time at each touchpoint, every promise and contact check, and its service
 * failures with their recovery. Made by {@link JourneyAnalyzer}; recorded by
 * {@link dev.cxkit.core.journey.analytics.JourneyAccumulator}.
 *
 * <p>It is compact (no events) and carries the journey and customer ids, so survey responses can
 * be joined to it by journey id: the score of journeys with a failure against those without
 * ({@link #hasFailure(String, String)}), or by {@link #recovery()} class (no failure, recovered, not
 * recovered).
 *
 * <p>Immutable and thread-safe.
 *
 * @param journeyId the journey's id
 * @param customerId the journey's customer, or null
 * @param location the journey's location, or null
 * @param startedAt the time of the first event
 * @param endedAt the time of the last event
 * @param events the number of events (after dropping duplicates)
 * @param duplicates the number of duplicate events dropped while it was assembled
 * @param stages one result per stage of the definition, in order (unmodifiable)
 * @param touchpointTimes the first time at each touchpoint of the definition the journey passed,
 *     in definition order (unmodifiable)
 * @param promises the promise checks, in definition order; the recovery promise's last, one per
 *     failure (unmodifiable)
 * @param contacts the contact checks, by rule and then time (unmodifiable)
 * @param failures the service failures, by time (unmodifiable)
 * @param unknownTouchpoints the number of events at each touchpoint the definition does not know,
 *     by id (unmodifiable, sorted)
 * @since 0.1.0
 */
public record JourneyOutcome(String journeyId, @Nullable String customerId, @Nullable String location,
        Instant startedAt, Instant endedAt, int events, int duplicates, List<StageResult> stages,
        Map<String, Instant> touchpointTimes, List<PromiseCheck> promises, List<ContactCheck> contacts,
        List<ServiceFailure> failures, Map<String, Integer> unknownTouchpoints) {

    /** How a journey's failures were recovered, for comparing scores across the three classes. */
    public enum RecoveryClass {
        /** The journey had no service failure. */
        NO_FAILURE,
        /** Every failure was recovered in time. */
        RECOVERED,
        /** At least one failure was not recovered, or recovered late. */
        NOT_RECOVERED
    }

    /**
     * Validates the outcome and copies its collections.
     *
     * @throws NullPointerException if a field other than {@code customerId} and {@code location}
     *     is null
     * @throws IllegalArgumentException if the journey ends before it starts or a count is negative
     */
    public JourneyOutcome {
        Objects.requireNonNull(journeyId, "journeyId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        if (endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("journey " + journeyId + " ends before it starts");
        }
        if (events < 1 || duplicates < 0) {
            throw new IllegalArgumentException("journey " + journeyId + ": " + events + " events, " + duplicates
                    + " duplicates");
        }
        stages = List.copyOf(stages);
        touchpointTimes = Collections.unmodifiableMap(new LinkedHashMap<>(touchpointTimes));
        promises = List.copyOf(promises);
        contacts = List.copyOf(contacts);
        failures = List.copyOf(failures);
        unknownTouchpoints = Collections.unmodifiableMap(new java.util.TreeMap<>(unknownTouchpoints));
    }

    /**
     * Returns whether the journey reached a stage.
     *
     * @param stage a stage id
     * @return true when it had an event in that stage
     */
    public boolean reached(String stage) {
        return stages.stream().anyMatch(s -> s.stage().equals(stage) && s.reached());
    }

    /** Returns the ids of the stages reached, in definition order. */
    public List<String> stagesReached() {
        return stages.stream().filter(StageResult::reached).map(StageResult::stage).toList();
    }

    /** Returns whether every stage was completed. */
    public boolean completed() {
        return stages.stream().allMatch(StageResult::completed);
    }

    /** Returns the last stage (in definition order) the journey reached, or empty if none. */
    public Optional<String> furthestStage() {
        for (int i = stages.size() - 1; i >= 0; i--) {
            if (stages.get(i).reached()) {
                return Optional.of(stages.get(i).stage());
            }
        }
        return Optional.empty();
    }

    /** Returns the failures that are broken promises. */
    public List<ServiceFailure> breaches() {
        return failures.stream().filter(f -> f.source() == ServiceFailure.Source.PROMISE).toList();
    }

    /**
     * Returns whether the journey had a failure of a type at a touchpoint.
     *
     * @param type a failure type (see {@link ServiceFailure#type()}), or null for any
     * @param touchpoint a touchpoint id, or null for any
     * @return true when some failure matches both
     */
    public boolean hasFailure(@Nullable String type, @Nullable String touchpoint) {
        return failures.stream().anyMatch(f -> (type == null || f.type().equals(type))
                && (touchpoint == null || f.touchpoint().equals(touchpoint)));
    }

    /** Returns how the journey's failures were recovered. */
    public RecoveryClass recovery() {
        if (failures.isEmpty()) {
            return RecoveryClass.NO_FAILURE;
        }
        return failures.stream().allMatch(ServiceFailure::recovered) ? RecoveryClass.RECOVERED
                : RecoveryClass.NOT_RECOVERED;
    }
}
