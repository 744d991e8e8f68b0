package dev.cxkit.core.stats;

/** STUB until the stats branch lands. */
public final class ProportionStatistics {
    private ProportionStatistics() {}

    /** Stub. */
    public static Interval interval(double x, double n, IntervalMethod m, double c) {
        throw new UnsupportedOperationException();
    }

    /** Stub. */
    public static Comparison compare(double xA, double nA, double xB, double nB, double c) {
        throw new UnsupportedOperationException();
    }
}
