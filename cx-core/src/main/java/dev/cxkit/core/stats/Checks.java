package dev.cxkit.core.stats;

/**
 * Argument checks shared by the statistics classes; every failure is an
 * {@link IllegalArgumentException} whose message names the argument. Not instantiable.
 */
final class Checks {
    private Checks() {}

    /** Throws unless {@code value} is finite and ≥ 0. */
    static double count(String name, double value) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be a finite count >= 0: " + value);
        }
        return value;
    }

    /** Throws unless {@code value} is finite. */
    static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite: " + value);
        }
        return value;
    }

    /** Throws unless {@code value} is finite and &gt; 0. */
    static double positive(String name, double value) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be finite and > 0: " + value);
        }
        return value;
    }

    /** Throws unless {@code 0 ≤ value ≤ 1}. */
    static double share(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a share in [0, 1]: " + value);
        }
        return value;
    }

    /** Throws unless {@code 0 < value < 1}. */
    static double openUnit(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be strictly between 0 and 1: " + value);
        }
        return value;
    }

    /** Returns the larger of 0 and {@code value}: guards variances against rounding below 0. */
    static double nonNegative(double value) {
        return value > 0 ? value : 0.0;
    }
}
