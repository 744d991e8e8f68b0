package dev.cxkit.core.stats;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The design-based (Taylor linearisation) variance of a weighted mean, optionally with the
 * observations clustered (for example, the responses of one customer). Every cxkit score is a
 * weighted mean of a per-response value ({@code Metric.contribution}: NPS ±100/0, CSAT 100/0, CES
 * the rating), so this gives any score's design-based standard error.
 *
 * <p><b>Method.</b> For the ratio ȳ = Σw<sub>i</sub>y<sub>i</sub> / Σw<sub>i</sub> = Σw·y / W,
 * the linearised value of observation i is z<sub>i</sub> = w<sub>i</sub>(y<sub>i</sub> − ȳ)/W;
 * summed per cluster c, z<sub>c</sub> = (Σ<sub>c</sub>w·y − ȳ·Σ<sub>c</sub>w)/W, and with m
 * clusters (an observation without a cluster is its own) the with-replacement variance estimator
 * is v(ȳ) = m/(m − 1)·Σ<sub>c</sub>z<sub>c</sub>² (Σz<sub>c</sub> = 0 by construction). This is
 * Woodruff's (1971) linearisation, the estimator of R's {@code survey::svymean} for
 * {@code svydesign(ids = ~cluster, weights = ~w)} (Lumley 2010, <i>Complex Surveys</i>, §2.2 and
 * §3.1; Särndal, Swensson and Wretman 1992, §5.6). The interval is ȳ ± z<sub>1−α/2</sub>·√v, as
 * {@code confint(svymean(...))} gives it. Compared with Kish's effective n, it uses how the
 * weights fall on high and low ratings, and it counts a customer who answered five times as one
 * cluster, not five independent answers.
 *
 * <p>Memory: five sums for the unclustered observations, plus two per cluster. Mergeable: the
 * merge of two accumulators equals one that saw both inputs (a cluster in both is one cluster).
 * Not thread-safe: use one per thread and {@linkplain #merge merge} them.
 *
 * @since 0.1.0
 */
public final class LinearizedMean {

    /** The linearised estimate of a weighted mean. */
    public record Estimate(double mean, double standardError, Interval interval, long observations,
            long clusters) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if the interval is null
         * @throws IllegalArgumentException if a count is negative, or the mean or standard
         *     error is not finite (the error also not negative)
         */
        public Estimate {
            Objects.requireNonNull(interval, "interval");
            Checks.finite("mean", mean);
            Checks.count("standardError", standardError);
            if (observations < 0 || clusters < 0 || clusters > observations) {
                throw new IllegalArgumentException("need 0 <= clusters <= observations: " + clusters + ", "
                        + observations);
            }
        }
    }

    // observations without a cluster: n, Σw, Σwy, Σw², Σw²y, Σw²y²
    private long singles;
    private double singleW;
    private double singleWy;
    private double singleW2;
    private double singleW2y;
    private double singleW2y2;
    private long clustered;
    private final Map<Object, double[]> clusters = new HashMap<>();

    /**
     * Records one observation.
     *
     * @param value the observation's value y (for a score, the rating's contribution)
     * @param weight its weight w, finite and &gt; 0
     * @param cluster the cluster it belongs to (for example a customer id), or null when it is
     *     independent of every other
     * @throws IllegalArgumentException if the value is not finite or the weight not positive and
     *     finite
     */
    public void add(double value, double weight, @Nullable Object cluster) {
        Checks.finite("value", value);
        Checks.positive("weight", weight);
        if (cluster == null) {
            singles++;
            singleW += weight;
            singleWy += weight * value;
            singleW2 += weight * weight;
            singleW2y += weight * weight * value;
            singleW2y2 += weight * weight * value * value;
        } else {
            clustered++;
            double[] sums = clusters.computeIfAbsent(cluster, c -> new double[2]);
            sums[0] += weight;
            sums[1] += weight * value;
        }
    }

    /**
     * Adds another accumulator's observations to this one; a cluster in both becomes one.
     *
     * @param other the other accumulator, unchanged
     * @return this accumulator
     */
    public LinearizedMean merge(LinearizedMean other) {
        singles += other.singles;
        singleW += other.singleW;
        singleWy += other.singleWy;
        singleW2 += other.singleW2;
        singleW2y += other.singleW2y;
        singleW2y2 += other.singleW2y2;
        clustered += other.clustered;
        other.clusters.forEach((key, sums) -> {
            double[] mine = clusters.computeIfAbsent(key, c -> new double[2]);
            mine[0] += sums[0];
            mine[1] += sums[1];
        });
        return this;
    }

    /**
     * Returns the estimate so far.
     *
     * @param confidence the confidence level of the interval, strictly between 0 and 1
     * @return the estimate; empty without observations
     * @throws IllegalArgumentException if the confidence is out of range
     */
    public Optional<Estimate> estimate(double confidence) {
        Checks.openUnit("confidence", confidence);
        long m = singles + clusters.size();
        if (m == 0) {
            return Optional.empty();
        }
        double w = singleW;
        double wy = singleWy;
        for (double[] sums : clusters.values()) {
            w += sums[0];
            wy += sums[1];
        }
        double mean = wy / w;
        // Σ (a − ȳ·b)² over clusters and singles, with a = Σw·y and b = Σw of each
        double squares = Math.max(0, singleW2y2 - 2 * mean * singleW2y + mean * mean * singleW2);
        for (double[] sums : clusters.values()) {
            double z = sums[1] - mean * sums[0];
            squares += z * z;
        }
        double variance = m > 1 ? m / (m - 1.0) * squares / (w * w) : 0;
        double se = Math.sqrt(variance);
        double half = Distributions.normalQuantile(1 - (1 - confidence) / 2) * se;
        return Optional.of(new Estimate(mean, se, new Interval(mean - half, mean + half, confidence,
                IntervalMethod.LINEARIZED), singles + clustered, m));
    }
}
