package dev.cxkit.core.score;

import java.io.Serializable;

/**
 * How far apart two scores may be and still count as equivalent, per metric, in the metric's
 * unit: the margin ±m of the two one-sided tests (TOST) behind {@link ComparisonVerdict}. The
 * defaults, {@value #DEFAULT_NPS} NPS points, {@value #DEFAULT_CSAT} CSAT percentage points and
 * {@value #DEFAULT_CES} on the 1–7 CES scale, are about a third of a typical period-to-period
 * standard deviation of a location's score; a business that acts on smaller changes sets smaller
 * margins (and then needs larger samples to show equivalence).
 *
 * <p>Immutable, thread-safe and serializable.
 *
 * @param nps the NPS margin, in points, positive
 * @param csat the CSAT margin, in percentage points, positive
 * @param ces the CES margin, on the 1–7 scale, positive
 * @since 0.1.0
 */
public record EquivalenceMargins(double nps, double csat, double ces) implements Serializable {

    /** The default NPS margin, in points. */
    public static final double DEFAULT_NPS = 5;
    /** The default CSAT margin, in percentage points. */
    public static final double DEFAULT_CSAT = 5;
    /** The default CES margin, on the 1–7 scale. */
    public static final double DEFAULT_CES = 0.25;

    private static final EquivalenceMargins DEFAULTS = new EquivalenceMargins(DEFAULT_NPS, DEFAULT_CSAT, DEFAULT_CES);

    /**
     * Checks the margins.
     *
     * @throws IllegalArgumentException if a margin is not positive and finite
     */
    public EquivalenceMargins {
        for (double m : new double[] {nps, csat, ces}) {
            if (!(m > 0) || !Double.isFinite(m)) {
                throw new IllegalArgumentException("an equivalence margin must be positive and finite: " + m);
            }
        }
    }

    /**
     * Returns the documented defaults.
     *
     * @return 5 NPS points, 5 CSAT points, 0.25 CES
     */
    public static EquivalenceMargins defaults() {
        return DEFAULTS;
    }

    /**
     * Returns the margin of a metric's kind.
     *
     * @param metric the metric
     * @return its margin, in its unit
     */
    public double of(Metric metric) {
        switch (metric.kind()) {
            case NPS:
                return nps;
            case CSAT:
                return csat;
            default:
                return ces;
        }
    }

    /**
     * Returns these margins with another one for a metric's kind.
     *
     * @param kind the kind
     * @param margin the margin, positive
     * @return the new margins
     * @throws IllegalArgumentException if the margin is not positive and finite
     */
    public EquivalenceMargins with(Metric.Kind kind, double margin) {
        switch (kind) {
            case NPS:
                return new EquivalenceMargins(margin, csat, ces);
            case CSAT:
                return new EquivalenceMargins(nps, margin, ces);
            default:
                return new EquivalenceMargins(nps, csat, margin);
        }
    }
}
