package dev.cxkit.core.score;

import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * A thread-safe accumulator of the ratings of one metric, for host applications that record
 * responses from many request threads into one live score.
 *
 * <p>Each rating has its own {@link LongAdder}, so concurrent records to the same rating do not
 * contend on one memory word and a record allocates nothing once the adders have warmed up. A
 * {@link #snapshot()} sums the adders: records that complete before it starts are included,
 * records racing with it may or may not be, and no record is ever counted twice. For exact
 * per-interval results, or for weights, record into one {@link ScoreAccumulator} per thread and
 * {@linkplain ScoreAccumulator#merge(ScoreAccumulator) merge} them instead.
 *
 * <pre>{@code
 * ConcurrentScoreAccumulator live = ConcurrentScoreAccumulator.of(Metric.NPS);
 * // on any thread:
 * live.record(rating);
 * // on a reporting thread:
 * Score now = Score.of(live.snapshot());
 * }</pre>
 *
 * <p>Thread-safe. Unweighted only (every rating has weight 1).
 *
 * @since 0.1.0
 */
public final class ConcurrentScoreAccumulator {

    private final Metric metric;
    private final LongAdder[] counts;

    private ConcurrentScoreAccumulator(Metric metric) {
        this.metric = Objects.requireNonNull(metric, "metric");
        this.counts = new LongAdder[metric.points()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    /**
     * Creates an empty accumulator.
     *
     * @param metric the metric every rating belongs to
     * @return the accumulator
     */
    public static ConcurrentScoreAccumulator of(Metric metric) {
        return new ConcurrentScoreAccumulator(metric);
    }

    /** Returns the metric. */
    public Metric metric() {
        return metric;
    }

    /**
     * Records one rating. Safe to call from any number of threads.
     *
     * @param rating a rating on the metric's scale
     * @throws IllegalArgumentException if the rating is off the scale (nothing is recorded)
     */
    public void record(int rating) {
        if (!metric.isValidRating(rating)) {
            throw new IllegalArgumentException("rating " + rating + " is outside " + metric.min() + ".." + metric.max()
                    + " for " + metric.id());
        }
        counts[rating - metric.min()].increment();
    }

    /**
     * Adds everything a single-threaded accumulator recorded, for example a batch from one
     * thread. The other accumulator must not be recording concurrently.
     *
     * @param other an accumulator of the same metric
     * @throws IllegalArgumentException if the metrics differ or {@code other} holds weights
     */
    public void merge(ScoreAccumulator other) {
        RatingDistribution d = other.snapshot();
        if (!metric.equals(d.metric())) {
            throw new IllegalArgumentException("cannot merge " + d.metric() + " into " + metric);
        }
        if (d.isWeighted()) {
            throw new IllegalArgumentException("a concurrent accumulator is unweighted; merge weighted ratings into a "
                    + "ScoreAccumulator instead");
        }
        for (int r = metric.min(); r <= metric.max(); r++) {
            counts[r - metric.min()].add(d.count(r));
        }
    }

    /**
     * Returns a snapshot of the ratings recorded so far (see the class comment for what a
     * snapshot taken during concurrent records contains).
     *
     * @return the ratings
     */
    public RatingDistribution snapshot() {
        long[] c = new long[counts.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = counts[i].sum();
        }
        return RatingDistribution.wrap(metric, c, null, 0);
    }
}
