package dev.cxkit.core.journey.loop;

import java.io.Serializable;

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
 * @param familyAlpha the false-alarm budget of one report's charts of this dimension: every point
 *     judged is one test of the family, and a point is flagged only when its exact binomial tail
 *     is below familyAlpha / (2 × points judged) (Bonferroni), so that pure noise flags any point
 *     in at most about familyAlpha of reports; 0 turns the budget off (each point against the
 *     fixed {@code sigmas} limits alone, as before round 2)
 * @param minPointN a period with fewer (effective) responses is drawn but not judged: its share
 *     is too noisy to say anything
 * @param laneyMinPoints the fewest periods judged from which a chart's overdispersion is
 *     estimated and, when there is some, Laney's p′ limits used (6; with fewer moving ranges
 *     Laney's σ<sub>z</sub> is too unstable); 0 turns Laney's limits off
 * @since 0.1.0
 */
public record ConsistencyRules(double sigmas, double swingSigmas, int alternations, double familyAlpha,
        double minPointN, int laneyMinPoints) implements Serializable {

    /** The default limits: 3 sigma. */
    public static final double DEFAULT_SIGMAS = 3;
    /** The default swing threshold: 2 sigma of the difference. */
    public static final double DEFAULT_SWING_SIGMAS = 2;
    /** The default run: 4 alternating swings (5 periods). */
    public static final int DEFAULT_ALTERNATIONS = 4;
    /** The default false-alarm budget of a dimension's charts: 0.05. */
    public static final double DEFAULT_FAMILY_ALPHA = 0.05;
    /** The default smallest number of responses of a period that is judged: 30. */
    public static final double DEFAULT_MIN_POINT_N = 30;
    /** The default fewest periods judged for Laney's limits: 6. */
    public static final int DEFAULT_LANEY_MIN_POINTS = 6;

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
        if (!(familyAlpha >= 0 && familyAlpha < 1) || !(minPointN >= 0) || !Double.isFinite(minPointN)) {
            throw new IllegalArgumentException("familyAlpha must be in [0, 1) and minPointN >= 0: " + familyAlpha
                    + ", " + minPointN);
        }
        if (laneyMinPoints < 0 || laneyMinPoints == 1) {
            throw new IllegalArgumentException("laneyMinPoints must be 0 (off) or at least 2: " + laneyMinPoints);
        }
    }

    /**
     * Returns 3-sigma limits widened to a 0.05 false-alarm budget, runs of 4 alternating 2-sigma
     * swings, periods of 30 responses or more judged, and Laney's limits from 6 periods judged.
     *
     * @return the rules
     */
    public static ConsistencyRules defaults() {
        return new ConsistencyRules(DEFAULT_SIGMAS, DEFAULT_SWING_SIGMAS, DEFAULT_ALTERNATIONS, DEFAULT_FAMILY_ALPHA,
                DEFAULT_MIN_POINT_N, DEFAULT_LANEY_MIN_POINTS);
    }

    /**
     * Returns these rules with another false-alarm budget.
     *
     * @param alpha the budget, in [0, 1); 0 turns it off
     * @return the rules
     * @throws IllegalArgumentException if alpha is outside [0, 1)
     */
    public ConsistencyRules withFamilyAlpha(double alpha) {
        return new ConsistencyRules(sigmas, swingSigmas, alternations, alpha, minPointN, laneyMinPoints);
    }

    /**
     * Returns these rules with another smallest judged period.
     *
     * @param n the smallest number of responses, 0 or more
     * @return the rules
     * @throws IllegalArgumentException if n is negative
     */
    public ConsistencyRules withMinPointN(double n) {
        return new ConsistencyRules(sigmas, swingSigmas, alternations, familyAlpha, n, laneyMinPoints);
    }

    /**
     * Returns these rules with another run length.
     *
     * @param swings the number of alternating swings that make a run, at least 2
     * @return the rules
     * @throws IllegalArgumentException if {@code swings} is below 2
     */
    public ConsistencyRules withAlternations(int swings) {
        return new ConsistencyRules(sigmas, swingSigmas, swings, familyAlpha, minPointN, laneyMinPoints);
    }

    /**
     * Returns these rules with Laney's limits used from another number of periods judged.
     *
     * @param points the fewest periods judged, at least 2; 0 turns Laney's limits off
     * @return the rules
     * @throws IllegalArgumentException if {@code points} is negative or 1
     */
    public ConsistencyRules withLaneyMinPoints(int points) {
        return new ConsistencyRules(sigmas, swingSigmas, alternations, familyAlpha, minPointN, points);
    }
}
