package dev.cxkit.core.score;

import dev.cxkit.core.internal.ByteForm;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of the ratings of one metric: how many responses gave each rating and,
 * when responses were weighted, the sum of their weights. This is what scores, intervals and
 * comparisons are computed from.
 *
 * <p>Weighted responses follow Kish (1965, <i>Survey Sampling</i>, §11.7): shares and means are
 * weighted, and every interval uses the effective sample size n<sub>eff</sub> = (Σw)² / Σw² in
 * place of n. Without weights every weight is 1, so n<sub>eff</sub> = Σw = n.
 *
 * <p>Snapshots combine with {@link #plus(RatingDistribution)}: unweighted counts combine exactly;
 * weight sums combine as floating-point sums.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RatingDistribution {

    private final Metric metric;
    private final long[] counts;
    /** Sum of weights per rating; null when unweighted (every weight is 1). */
    private final double[] weights;
    private final double sumSquaredWeights;
    private final long n;

    private RatingDistribution(Metric metric, long[] counts, double[] weights, double sumSquaredWeights) {
        this.metric = metric;
        this.counts = counts;
        this.weights = weights;
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        this.n = total;
        this.sumSquaredWeights = weights == null ? total : sumSquaredWeights;
    }

    /**
     * An unweighted distribution from counts by rating, lowest rating first.
     *
     * @param metric the metric
     * @param counts one count per rating on the metric's scale, from {@code min} to {@code max}
     * @return the distribution
     * @throws IllegalArgumentException if the number of counts does not match the scale or a
     *     count is negative
     */
    public static RatingDistribution ofCounts(Metric metric, long... counts) {
        Objects.requireNonNull(metric, "metric");
        checkLength(metric, counts.length);
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("counts must not be negative: " + Arrays.toString(counts));
            }
        }
        return new RatingDistribution(metric, counts.clone(), null, 0);
    }

    /**
     * A weighted distribution.
     *
     * @param metric the metric
     * @param counts the number of responses per rating, lowest rating first
     * @param weights the sum of weights per rating, lowest rating first
     * @param sumSquaredWeights the sum of squared weights over all responses
     * @return the distribution
     * @throws IllegalArgumentException if lengths do not match the scale, a value is negative or
     *     not finite, or a rating has weight without responses (or responses without weight)
     */
    public static RatingDistribution ofWeights(Metric metric, long[] counts, double[] weights,
            double sumSquaredWeights) {
        Objects.requireNonNull(metric, "metric");
        checkLength(metric, counts.length);
        checkLength(metric, weights.length);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0 || !(weights[i] >= 0) || !Double.isFinite(weights[i]) || (counts[i] == 0) != (weights[i] == 0)) {
                throw new IllegalArgumentException("rating " + (metric.min() + i) + ": count " + counts[i]
                        + " and weight " + weights[i] + " are inconsistent");
            }
        }
        if (!(sumSquaredWeights >= 0) || !Double.isFinite(sumSquaredWeights)) {
            throw new IllegalArgumentException("sum of squared weights must be finite and >= 0: " + sumSquaredWeights);
        }
        return new RatingDistribution(metric, counts.clone(), weights.clone(), sumSquaredWeights);
    }

    /** An empty distribution (n = 0): its score has no value. */
    public static RatingDistribution empty(Metric metric) {
        return new RatingDistribution(Objects.requireNonNull(metric, "metric"), new long[metric.points()], null, 0);
    }

    /** Wraps arrays the caller hands over and never touches again. */
    static RatingDistribution wrap(Metric metric, long[] counts, double[] weights, double sumSquaredWeights) {
        return new RatingDistribution(metric, counts, weights, sumSquaredWeights);
    }

    private static void checkLength(Metric metric, int length) {
        if (length != metric.points()) {
            throw new IllegalArgumentException(metric + " has " + metric.points() + " ratings, got " + length + " values");
        }
    }

    /** Returns the metric. */
    public Metric metric() {
        return metric;
    }

    /** Returns the number of responses, n. */
    public long n() {
        return n;
    }

    /** Returns whether there are no responses. */
    public boolean isEmpty() {
        return n == 0;
    }

    /** Returns whether the responses carried weights other than the implicit 1. */
    public boolean isWeighted() {
        return weights != null;
    }

    /**
     * Returns the number of responses with the given rating.
     *
     * @throws IllegalArgumentException if the rating is not on the metric's scale
     */
    public long count(int rating) {
        return counts[index(rating)];
    }

    /** Returns a copy of the counts by rating, lowest rating first. */
    public long[] counts() {
        return counts.clone();
    }

    /**
     * Returns the sum of the weights of the responses with the given rating (the count when
     * unweighted).
     *
     * @throws IllegalArgumentException if the rating is not on the metric's scale
     */
    public double weight(int rating) {
        int i = index(rating);
        return weights == null ? counts[i] : weights[i];
    }

    /** Returns Σw, the weighted number of responses (n when unweighted). */
    public double weightedN() {
        if (weights == null) {
            return n;
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        return sum;
    }

    /** Returns Σw², the sum of squared weights (n when unweighted). */
    public double sumSquaredWeights() {
        return sumSquaredWeights;
    }

    /**
     * Returns Kish's effective sample size (Σw)² / Σw², which equals n when unweighted and is 0
     * when empty.
     */
    public double effectiveN() {
        if (weights == null) {
            return n;
        }
        if (n == 0) {
            return 0;
        }
        double w = weightedN();
        return w * w / sumSquaredWeights;
    }

    /**
     * Returns the sum of weights of ratings in {@code [fromRating, toRating]} (counts when
     * unweighted); ratings outside the scale are ignored.
     */
    public double weightBetween(int fromRating, int toRating) {
        double sum = 0;
        for (int r = Math.max(fromRating, metric.min()); r <= Math.min(toRating, metric.max()); r++) {
            sum += weight(r);
        }
        return sum;
    }

    /** Returns the weighted share of positive ratings (promoters, top box, agree), or NaN if empty. */
    public double positiveShare() {
        return weightBetween(metric.positiveFrom(), metric.max()) / weightedN();
    }

    /** Returns the weighted share of negative ratings (detractors, below the top box), or NaN if empty. */
    public double negativeShare() {
        return weightBetween(metric.min(), metric.negativeUpTo()) / weightedN();
    }

    /** Returns the weighted mean rating, or NaN if empty. */
    public double mean() {
        double sum = 0;
        for (int r = metric.min(); r <= metric.max(); r++) {
            sum += r * weight(r);
        }
        return sum / weightedN();
    }

    /**
     * Returns the sample variance of the ratings: Σw(x − x̄)² / Σw × n<sub>eff</sub> /
     * (n<sub>eff</sub> − 1), which is the usual unbiased s² = Σ(x − x̄)² / (n − 1) when
     * unweighted. NaN when n<sub>eff</sub> ≤ 1.
     */
    public double variance() {
        double nEff = effectiveN();
        if (!(nEff > 1)) {
            return Double.NaN;
        }
        double mean = mean();
        double sum = 0;
        for (int r = metric.min(); r <= metric.max(); r++) {
            double d = r - mean;
            sum += d * d * weight(r);
        }
        return sum / weightedN() * nEff / (nEff - 1);
    }

    /**
     * Returns the weights scaled so that they sum to n<sub>eff</sub>: the "effective counts" by
     * rating that intervals use in place of raw counts. Equal to the counts when unweighted.
     */
    public double[] effectiveCounts() {
        double[] out = new double[counts.length];
        if (weights == null) {
            for (int i = 0; i < out.length; i++) {
                out[i] = counts[i];
            }
            return out;
        }
        double scale = n == 0 ? 0 : effectiveN() / weightedN();
        for (int i = 0; i < out.length; i++) {
            out[i] = weights[i] * scale;
        }
        return out;
    }

    /**
     * Returns the combination of this distribution and another of the same metric, as if all
     * their responses had been recorded together.
     *
     * @throws IllegalArgumentException if the metrics differ
     */
    public RatingDistribution plus(RatingDistribution other) {
        if (!metric.equals(other.metric)) {
            throw new IllegalArgumentException("cannot combine " + metric + " with " + other.metric);
        }
        long[] c = new long[counts.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.addExact(counts[i], other.counts[i]);
        }
        if (weights == null && other.weights == null) {
            return new RatingDistribution(metric, c, null, 0);
        }
        double[] w = new double[counts.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = weight(metric.min() + i) + other.weight(metric.min() + i);
        }
        return new RatingDistribution(metric, c, w, sumSquaredWeights + other.sumSquaredWeights);
    }

    /**
     * Compares this distribution with another of the same metric, for example this period with
     * the previous one: {@code ScoreComparison.of(this, other, options)}.
     *
     * @param other the second sample, for example the previous period
     * @param options the comparison method, confidence, equivalence margins and low-sample threshold
     * @return the difference this − other, its interval and test, and the verdict
     * @throws IllegalArgumentException if the metrics differ or the method does not apply
     * @since 0.1.0
     */
    public ScoreComparison compareWith(RatingDistribution other, ScoreOptions options) {
        return ScoreComparison.of(this, other, options);
    }

    /**
     * Returns the byte form of this distribution ({@code docs/format.md}, kind 1): the metric, the
     * counts as varints and, when weighted, the weights; 25 bytes for an NPS distribution of fewer
     * than 128 responses per rating.
     *
     * @return the bytes, which {@link #fromBytes(byte[])} reads back equal
     * @since 0.1.0
     */
    public byte[] toBytes() {
        ByteForm.Writer out = ByteForm.Writer.start(ByteForm.RATING_DISTRIBUTION, 16 + 2 * counts.length);
        out.metric(metric);
        out.u8(weights == null ? 0 : 1);
        ScoreBytes.writeCells(out, counts, 0, counts.length, weights, sumSquaredWeights);
        return out.finish();
    }

    /**
     * Reads a distribution from its byte form.
     *
     * @param bytes bytes written by {@link #toBytes()}
     * @return the distribution, equal to the one written
     * @throws ByteFormatException if the bytes are not a valid rating distribution of a version
     *     this library reads (never a wrong distribution)
     * @since 0.1.0
     */
    public static RatingDistribution fromBytes(byte[] bytes) {
        ByteForm.Reader in = ByteForm.Reader.open(bytes, ByteForm.RATING_DISTRIBUTION);
        Metric metric = in.metric();
        boolean weighted = ScoreBytes.readWeighted(in);
        RatingDistribution d = ScoreBytes.readCells(in, metric, weighted);
        in.end();
        return d;
    }

    /**
     * Merges two byte forms into the byte form of their {@link #plus(RatingDistribution) sum}:
     * the combine step of a distributed aggregate whose state is stored as bytes.
     *
     * @param a the byte form of one distribution
     * @param b the byte form of another of the same metric
     * @return the byte form of a + b
     * @throws ByteFormatException if either is not a valid byte form
     * @throws IllegalArgumentException if the metrics differ
     * @since 0.1.0
     */
    public static byte[] mergeBytes(byte[] a, byte[] b) {
        return fromBytes(a).plus(fromBytes(b)).toBytes();
    }

    private int index(int rating) {
        if (!metric.isValidRating(rating)) {
            throw new IllegalArgumentException("rating " + rating + " is outside " + metric.min() + ".." + metric.max()
                    + " for " + metric.id());
        }
        return rating - metric.min();
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof RatingDistribution d && d.metric.equals(metric) && Arrays.equals(d.counts, counts)
                && Arrays.equals(d.weights, weights) && Double.compare(d.sumSquaredWeights, sumSquaredWeights) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(metric, Arrays.hashCode(counts), Arrays.hashCode(weights), sumSquaredWeights);
    }

    @Override
    public String toString() {
        return metric + " n=" + n + " counts=" + Arrays.toString(counts)
                + (weights == null ? "" : " weights=" + Arrays.toString(weights));
    }
}
