package dev.cxkit.core.score;

/**
 * The survey weights a score can hold: from {@value #MIN} to {@value #MAX}. A weighted score keeps
 * the sum of the weights and the sum of their squares (for Kish's effective n); outside this range
 * a square overflows to infinity ({@code 1e200}) or underflows to zero ({@code 1e-200}), and the
 * score's interval would be undefined. Survey weights are ratios near 1 (post-stratification
 * weights of 0.05 to 20 are usual); weights outside the range are rescaled before use, which leaves
 * every score, interval and effective n unchanged. Readers reject such a row; accumulators reject
 * such a weight when it is recorded, never later. Not instantiable.
 *
 * @since 0.1.0
 */
public final class Weights {

    /** The smallest weight: {@value}. */
    public static final double MIN = 1e-6;
    /** The largest weight: {@value}. */
    public static final double MAX = 1e6;

    private Weights() {
    }

    /**
     * Returns whether a weight can be recorded.
     *
     * @param weight the weight
     * @return true when it is in [{@value #MIN}, {@value #MAX}] (so positive and finite)
     */
    public static boolean isValid(double weight) {
        return weight >= MIN && weight <= MAX;
    }

    /**
     * Checks a weight.
     *
     * @param weight the weight
     * @throws IllegalArgumentException if it is outside [{@value #MIN}, {@value #MAX}]
     */
    public static void check(double weight) {
        if (!isValid(weight)) {
            throw new IllegalArgumentException("weight " + weight + " " + problem());
        }
    }

    /** Says why a weight was refused, after the weight: {@code is outside 0.000001..1000000 ...}. */
    static String problem() {
        return "is outside 0.000001..1000000, the range scores can hold (rescale the weights: scores do not change)";
    }

    /**
     * Says why a weight read from a file was refused: {@code weight '1e200' is outside ...}.
     *
     * @param text the weight as written
     * @return the reason
     */
    public static String rejection(String text) {
        return "weight '" + text + "' " + problem();
    }
}
