package dev.cxkit.core.journey.loop;

import dev.cxkit.core.score.Metric;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A p-chart of one share (promoters or detractors, for NPS) of one unit (a touchpoint, location,
 * ...) over consecutive periods, with the periods outside the control limits and the runs of
 * alternating swings flagged. See {@link ConsistencyAccumulator} for the rules.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metric the metric
 * @param unit the value of the unit dimension (for example a location), or null for responses
 *     without one
 * @param share which share is charted
 * @param centre the centre line p̄: the share over all periods, in [0, 1]
 * @param dispersion the factor the binomial limits were widened by for overdispersion (Laney's
 *     σ<sub>z</sub>, see {@link ConsistencyAccumulator}); 1 for the plain p-chart, never less
 * @param points one point per period with responses, in period order (unmodifiable, not empty)
 * @param runs the alternating runs found (unmodifiable)
 * @since 0.1.0
 */
public record ControlChart(Metric metric, @Nullable String unit, Share share, double centre, double dispersion,
        List<Point> points, List<AlternatingRun> runs) {

    /** The share a chart follows. */
    public enum Share {
        /** Positive ratings: promoters (NPS), top box (CSAT), agree (CES). */
        POSITIVE,
        /** Negative ratings: detractors (NPS), up to {@link Metric#negativeUpTo()} otherwise. */
        NEGATIVE
    }

    /** Where a point lies against its limits. */
    public enum Signal {
        /** Within the limits. */
        WITHIN,
        /** Above the upper limit. */
        ABOVE,
        /** Below the lower limit. */
        BELOW
    }

    /**
     * One period of a chart.
     *
     * @param period the period's label
     * @param n the (effective) number of responses
     * @param proportion the share in this period, in [0, 1]
     * @param lower the lower control limit for this n, in [0, 1]
     * @param upper the upper control limit for this n, in [0, 1]
     * @param signal where the share lies against the limits
     */
    public record Point(String period, double n, double proportion, double lower, double upper, Signal signal) {

        /**
         * Validates the point.
         *
         * @throws NullPointerException if the period or signal is null
         * @throws IllegalArgumentException if n is not positive or a share or limit is outside
         *     [0, 1] or the limits are reversed
         */
        public Point {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(signal, "signal");
            if (!(n > 0) || !(proportion >= 0 && proportion <= 1) || !(lower >= 0 && lower <= upper && upper <= 1)) {
                throw new IllegalArgumentException("invalid point " + period + ": n " + n + ", p " + proportion
                        + ", limits " + lower + ".." + upper);
            }
        }
    }

    /**
     * Consecutive periods whose share swung up and down (or down and up) in turn, each swing more
     * than sampling noise.
     *
     * @param from the label of the first period of the run
     * @param to the label of the last period of the run
     * @param swings the number of swings (periods in the run minus 1)
     */
    public record AlternatingRun(String from, String to, int swings) {

        /**
         * Validates the run.
         *
         * @throws NullPointerException if a label is null
         * @throws IllegalArgumentException if there are fewer than 2 swings
         */
        public AlternatingRun {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (swings < 2) {
                throw new IllegalArgumentException("a run has at least 2 swings: " + swings);
            }
        }
    }

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a field other than {@code unit} is null
     * @throws IllegalArgumentException if there is no point, the centre is outside [0, 1] or the
     *     dispersion is below 1 or not finite
     */
    public ControlChart {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(share, "share");
        points = List.copyOf(points);
        runs = List.copyOf(runs);
        if (points.isEmpty() || !(centre >= 0 && centre <= 1)) {
            throw new IllegalArgumentException("a chart needs points and a centre in [0, 1]");
        }
        if (!(dispersion >= 1) || !Double.isFinite(dispersion)) {
            throw new IllegalArgumentException("the dispersion must be finite and >= 1: " + dispersion);
        }
    }

    /** Returns whether the limits were widened for overdispersion (Laney p′). */
    public boolean overdispersed() {
        return dispersion > 1;
    }

    /** Returns whether a period is outside the limits or an alternating run was found. */
    public boolean flagged() {
        return !runs.isEmpty() || points.stream().anyMatch(p -> p.signal() != Signal.WITHIN);
    }
}
