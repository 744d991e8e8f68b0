package dev.cxkit.core.journey.loop;

/**
 * When a score's period-to-period movement is flagged as more than sampling noise: the width of
 * the p-chart limits and the alternating-run rule. See {@link ConsistencyAccumulator}.
 *
 * <p>Immutable and thread-safe. Start from {@link #defaults()}.
 *
 * @param sigmas the width of the control limits in standard deviations (3: Shewhart's limits)
 * @param swingSigmas how many standard deviations of the difference of two periods a move must
 *     exceed to count as a swing in an alternating run (2: about the 95% two-sided level)
 * @param alternations how many consecutive alternating swings (up, down, up, ... ) make a run that
 *     is flagged; at least 2
 */
public record ConsistencyRules(double sigmas, double swingSigmas, int alternations) {

    /** The default limits: 3 sigma. */
    public static final double DEFAULT_SIGMAS = 3;
    /** The default swing threshold: 2 sigma of the difference. */
    public static final double DEFAULT_SWING_SIGMAS = 2;
    /** The default run: 4 alternating swings (5 periods). */
    public static final int DEFAULT_ALTERNATIONS = 4;

    /**
     * Validates the rules.
     *
     * @throws IllegalArgumentException if a width is not positive and finite or the run is shorter
     *     than 2
     */
    public ConsistencyRules {
        if (!(sigmas > 0) || !Double.isFinite(sigmas) || !(swingSigmas > 0) || !Double.isFinite(swingSigmas)) {
            throw new IllegalArgumentException("sigmas must be positive and finite: " + sigmas + ", " + swingSigmas);
        }
        if (alternations < 2) {
            throw new IllegalArgumentException("an alternating run needs at least 2 swings, got " + alternations);
        }
    }

    /** Returns 3-sigma limits and runs of 4 alternating 2-sigma swings. */
    public static ConsistencyRules defaults() {
        return new ConsistencyRules(DEFAULT_SIGMAS, DEFAULT_SWING_SIGMAS, DEFAULT_ALTERNATIONS);
    }

    /**
     * Returns these rules with another run length.
     *
     * @param swings the number of alternating swings that make a run, at least 2
     * @return the rules
     * @throws IllegalArgumentException if {@code swings} is below 2
     */
    public ConsistencyRules withAlternations(int swings) {
        return new ConsistencyRules(sigmas, swingSigmas, swings);
    }
}
