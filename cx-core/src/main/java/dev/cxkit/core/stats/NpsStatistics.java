package dev.cxkit.core.stats;

/** STUB until the stats branch lands. */
public final class NpsStatistics {
    private NpsStatistics() {}

    /** Stub. */
    public static Interval interval(double p, double pa, double d, IntervalMethod m, double c) {
        throw new UnsupportedOperationException();
    }

    /** Stub. */
    public static Comparison compare(double pA, double paA, double dA, double pB, double paB, double dB, IntervalMethod m, double c) {
        throw new UnsupportedOperationException();
    }
}
