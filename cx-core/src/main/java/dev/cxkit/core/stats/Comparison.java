package dev.cxkit.core.stats;

import java.util.Objects;

/**
 * The comparison of two independent samples: the difference a − b, its standard error, the
 * interval of the difference, and the two-sided p-value of the test of no difference.
 *
 * <p>Immutable and thread-safe.
 *
 * @param difference the plain difference of the two estimates, a − b, in the metric's unit
 * @param standardError the standard error of the difference, in the metric's unit
 * @param interval the interval of the difference
 * @param pValue the two-sided p-value, in [0, 1]
 * @param significant whether {@code pValue < 1 − interval.confidence()}
 * @since 0.1.0
 */
public record Comparison(double difference, double standardError, Interval interval, double pValue,
        boolean significant) {

    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException if a number is not finite, the standard error is negative,
     *     or the p-value is outside [0, 1]
     * @throws NullPointerException if {@code interval} is null
     */
    public Comparison {
        Objects.requireNonNull(interval, "interval");
        if (!Double.isFinite(difference) || !Double.isFinite(standardError) || standardError < 0) {
            throw new IllegalArgumentException("difference and standard error must be finite, SE >= 0");
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("p-value must be in [0, 1]: " + pValue);
        }
    }

    /**
     * Builds a comparison whose {@code significant} flag follows from the p-value and the
     * interval's confidence level.
     *
     * @param difference a − b
     * @param standardError the standard error of the difference
     * @param interval the interval of the difference
     * @param pValue the two-sided p-value
     * @return the comparison
     */
    public static Comparison of(double difference, double standardError, Interval interval, double pValue) {
        return new Comparison(difference, standardError, interval, pValue, pValue < 1 - interval.confidence());
    }

    /**
     * Returns this comparison with the difference, standard error and interval multiplied by a
     * positive factor, for example shares to percent. The p-value does not change.
     *
     * @param factor a positive finite factor
     * @return the scaled comparison
     */
    public Comparison scale(double factor) {
        return new Comparison(difference * factor, standardError * factor, interval.scale(factor), pValue, significant);
    }
}
