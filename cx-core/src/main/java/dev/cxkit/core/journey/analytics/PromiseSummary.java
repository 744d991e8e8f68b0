package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.journey.Promise;
import dev.cxkit.core.stats.Interval;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How one promise fared over the journeys of a group: how often it was kept and broken, the times
 * measured, and where it was broken most.
 *
 * <p>Immutable and thread-safe.
 *
 * @param promise the promise
 * @param kept the checks that kept it
 * @param broken the checks whose measured time was outside the limit
 * @param missing the checks where the promised event never happened (or, for the recovery promise,
 *     the failure was never recovered)
 * @param durations the measured times of the kept and broken checks
 * @param byTouchpoint breaches by the touchpoint that broke it, worst first (unmodifiable)
 * @param byLocation breaches by location, worst first (unmodifiable)
 * @since 0.1.0
 */
public record PromiseSummary(Promise promise, long kept, long broken, long missing, DurationSummary durations,
        List<Offender> byTouchpoint, List<Offender> byLocation) {

    /**
     * Validates the summary.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if a count is negative
     */
    public PromiseSummary {
        Objects.requireNonNull(promise, "promise");
        Objects.requireNonNull(durations, "durations");
        if (kept < 0 || broken < 0 || missing < 0) {
            throw new IllegalArgumentException("promise " + promise.id() + ": counts must not be negative");
        }
        byTouchpoint = List.copyOf(byTouchpoint);
        byLocation = List.copyOf(byLocation);
    }

    /** Returns the number of checks: kept, broken and missing. */
    public long checks() {
        return kept + broken + missing;
    }

    /** Returns the number of breaches: broken and missing. */
    public long breaches() {
        return broken + missing;
    }

    /** Returns breaches / checks, or empty when the promise was never checked. */
    public OptionalDouble breachRate() {
        return BreachRate.rate(breaches(), checks());
    }

    /**
     * Returns the Wilson interval of the breach rate.
     *
     * @param confidence the confidence level, strictly between 0 and 1
     * @return the interval in shares, or empty when the promise was never checked
     * @throws IllegalArgumentException if the confidence is not strictly between 0 and 1
     */
    public Optional<Interval> breachInterval(double confidence) {
        return BreachRate.interval(breaches(), checks(), confidence);
    }
}
