package dev.cxkit.core.journey.analytics;

import java.util.Objects;

/**
 * The durations of one step of a journey: from the first event at an expected touchpoint to the
 * first event at the next expected touchpoint in the definition, over the journeys that had both.
 *
 * <p>Immutable and thread-safe.
 *
 * @param from the touchpoint the step starts at
 * @param to the next expected touchpoint
 * @param durations the durations
 * @since 0.1.0
 */
public record StepSummary(String from, String to, DurationSummary durations) {

    /**
     * Validates the step.
     *
     * @throws NullPointerException if a field is null
     */
    public StepSummary {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(durations, "durations");
    }
}
