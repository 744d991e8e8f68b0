package dev.cxkit.core.journey;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One check of a {@link Promise} in one journey. A touchpoint promise is checked at most once per
 * journey (not at all when it does not apply); the recovery promise once per service failure.
 *
 * <p>Immutable and thread-safe.
 *
 * @param promiseId the promise's id
 * @param status how it went
 * @param measured the time from {@code from} to {@code to} (negative when {@code to} came first),
 *     or null when an event is missing
 * @param touchpoint the touchpoint the promise is about: the one that would break it (see
 *     {@link ServiceFailure#touchpoint()})
 * @param location the location of that touchpoint's event, else the journey's; or null
 * @since 0.1.0
 */
public record PromiseCheck(String promiseId, Status status, @Nullable Duration measured, String touchpoint,
        @Nullable String location) {

    /** How a promise check went. */
    public enum Status {
        /** Kept: the measured time is within the limit. */
        KEPT,
        /** Broken: the measured time is outside the limit. */
        BROKEN,
        /** Broken because the promised event never happened (or a failure was never recovered). */
        MISSING
    }

    /**
     * Validates the check.
     *
     * @throws NullPointerException if {@code promiseId}, {@code status} or {@code touchpoint} is null
     * @throws IllegalArgumentException if {@code measured} is absent for a kept or broken check or
     *     present for a missing one
     */
    public PromiseCheck {
        Objects.requireNonNull(promiseId, "promiseId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(touchpoint, "touchpoint");
        if ((measured == null) != (status == Status.MISSING)) {
            throw new IllegalArgumentException("a " + status + " check " + (measured == null ? "needs" : "has no")
                    + " measured time");
        }
    }

    /** Returns whether the promise was broken (late, early or missing). */
    public boolean breached() {
        return status != Status.KEPT;
    }
}
