package dev.cxkit.core.journey.analytics;

import java.util.Comparator;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * How often a promise or contact rule was broken at one touchpoint or location: a row of a
 * worst-offenders list. Lists are sorted worst first: most breaches, then highest breach rate, then
 * by name (no name last).
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the touchpoint or location, or null for journeys without a location
 * @param checks how many times it was checked
 * @param breaches how many of those broke it
 * @since 0.1.0
 */
public record Offender(@Nullable String name, long checks, long breaches) {

    /** Worst first. */
    static final Comparator<Offender> WORST_FIRST = Comparator.comparingLong(Offender::breaches).reversed()
            .thenComparing(o -> -o.rate().orElse(0))
            .thenComparing(Offender::name, Comparator.nullsLast(Comparator.naturalOrder()));

    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException if a count is negative or there are more breaches than checks
     */
    public Offender {
        if (checks < 0 || breaches < 0 || breaches > checks) {
            throw new IllegalArgumentException(name + ": " + breaches + " breaches in " + checks + " checks");
        }
    }

    /** Returns breaches / checks, or empty when there were no checks. */
    public OptionalDouble rate() {
        return checks == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) breaches / checks);
    }
}
