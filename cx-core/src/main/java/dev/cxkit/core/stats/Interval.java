package dev.cxkit.core.stats;

import java.util.Objects;

/**
 * A two-sided confidence interval, in the unit of the estimate it belongs to (NPS points,
 * CSAT percent, CES scale points, or a difference of those).
 *
 * <p>Immutable and thread-safe.
 *
 * @param lower the lower limit, never greater than {@code upper}
 * @param upper the upper limit
 * @param confidence the confidence level, strictly between 0 and 1 (for example 0.95)
 * @param method how the interval was computed
 * @since 0.1.0
 */
public record Interval(double lower, double upper, double confidence, IntervalMethod method) {

    /**
     * Validates the limits and the level.
     *
     * @throws IllegalArgumentException if a limit is not finite, {@code lower > upper}, or the
     *     confidence is not strictly between 0 and 1
     * @throws NullPointerException if {@code method} is null
     */
    public Interval {
        Objects.requireNonNull(method, "method");
        if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("interval limits must be finite: [" + lower + ", " + upper + "]");
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower " + lower + " > upper " + upper);
        }
        Confidence.check(confidence);
    }

    /** Returns {@code upper - lower}. */
    public double width() {
        return upper - lower;
    }

    /** Returns half the width: the "±" a report shows. */
    public double halfWidth() {
        return (upper - lower) / 2;
    }

    /**
     * Returns whether {@code value} lies inside the interval, limits included.
     *
     * @param value the value to test
     * @return true when {@code lower <= value <= upper}
     */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }

    /**
     * Returns this interval clipped to {@code [min, max]}: how a share-based score keeps its
     * interval inside the score's range (for example NPS in [-100, 100]).
     *
     * @param min the smallest allowed value
     * @param max the largest allowed value
     * @return the clipped interval (this one when nothing changes)
     */
    public Interval clip(double min, double max) {
        double lo = Math.min(Math.max(lower, min), max);
        double hi = Math.max(Math.min(upper, max), min);
        return lo == lower && hi == upper ? this : new Interval(lo, hi, confidence, method);
    }

    /**
     * Returns this interval multiplied by a positive factor, for example shares to percent.
     *
     * @param factor a positive finite factor
     * @return the scaled interval
     */
    public Interval scale(double factor) {
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("factor must be positive and finite: " + factor);
        }
        return new Interval(lower * factor, upper * factor, confidence, method);
    }
}
