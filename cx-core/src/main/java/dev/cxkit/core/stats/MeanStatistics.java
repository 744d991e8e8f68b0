package dev.cxkit.core.stats;

/** STUB until the stats branch lands. */
public final class MeanStatistics {
    private MeanStatistics() {}

    /** Stub. */
    public static Interval t(double mean, double var, double n, double c) {
        throw new UnsupportedOperationException();
    }

    /** Stub. */
    public static Comparison welch(double mA, double vA, double nA, double mB, double vB, double nB, double c) {
        throw new UnsupportedOperationException();
    }
}
