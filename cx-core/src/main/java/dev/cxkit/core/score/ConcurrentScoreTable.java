package dev.cxkit.core.score;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * A score table that any number of threads record into at once, for host applications that score
 * live traffic per group (touchpoint, location), with interval snapshots taken while they write.
 *
 * <pre>{@code
 * ConcurrentScoreTable live = ConcurrentScoreTable.create(Metric.NPS, "touchpoint");
 * int counter = live.group("counter");          // once per group, from any thread
 * live.record(counter, 9);                        // request threads: lock-free, no allocation
 * Map<GroupKey, RatingDistribution> lastMinute = live.intervalSnapshot();   // a reporter thread
 * Map<GroupKey, RatingDistribution> sinceStart = live.snapshot();
 * }</pre>
 *
 * <p><b>Recording</b> is lock-free and allocates nothing once a group exists: each rating is one
 * atomic add on its group's cell (and, weighted, two compare-and-set adds of the weight and its
 * square). Registering a group takes a lock, once per group.
 *
 * <p><b>Interval snapshots</b> follow HdrHistogram's {@code Recorder}: writers record into the
 * active half of a pair of tables inside a {@link WriterReaderPhaser} critical section (a few
 * nanoseconds, never blocked); {@link #intervalSnapshot()} swaps the halves, waits for the writers
 * still in the old half to leave it, and reads and clears it. <b>Guarantee:</b> every record is in
 * exactly one interval snapshot (the one after it returned), and the cumulative
 * {@link #snapshot()} equals the sum of all interval snapshots taken plus what was recorded since
 * the last one. {@code snapshot()} reads the active half without swapping, so it may miss records
 * that are in flight at that moment (they show in the next one).
 *
 * <p><b>Memory</b>: per group, two halves of (points + 1) longs of counts and as many of weights,
 * plus the cumulative table: for NPS (11 points) about 0.6 KiB per group.
 *
 * <p>The snapshots are the batch {@link ScoreTable}'s type, so every statistic works on them
 * unchanged. Thread-safe.
 */
public final class ConcurrentScoreTable {

    /**
     * One half: per group, the counts of unweighted records by rating, the counts of weighted
     * records by rating, and their weights by rating then the sum of their squares (as double bits).
     */
    private static final class Half {
        volatile AtomicLongArray[] counts = new AtomicLongArray[0];
        volatile AtomicLongArray[] weightedCounts = new AtomicLongArray[0];
        volatile AtomicLongArray[] weights = new AtomicLongArray[0];

        void grow(int groups, int points) {
            AtomicLongArray[] c = Arrays.copyOf(counts, groups);
            AtomicLongArray[] wc = Arrays.copyOf(weightedCounts, groups);
            AtomicLongArray[] w = Arrays.copyOf(weights, groups);
            for (int g = counts.length; g < groups; g++) {
                c[g] = new AtomicLongArray(points);
                wc[g] = new AtomicLongArray(points);
                w[g] = new AtomicLongArray(points + 1);
            }
            counts = c;
            weightedCounts = wc;
            weights = w;
        }
    }

    private final Metric metric;
    private final List<String> dimensions;
    private final int points;
    private final int min;
    private final Map<List<String>, Integer> ids = new ConcurrentHashMap<>();
    private volatile GroupKey[] keys = new GroupKey[0];
    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile Half active = new Half();
    private Half inactive = new Half();
    /** The sum of the intervals taken so far, per group (guarded by the phaser's reader lock). */
    private long[][] takenCounts = new long[0][];
    private double[][] takenWeights = new double[0][];
    private double[] takenSquares = new double[0];
    /** Whether any record carried a weight: snapshots are then weighted (unweighted records weigh 1). */
    private volatile boolean weighted;

    private ConcurrentScoreTable(Metric metric, List<String> dimensions) {
        this.metric = Objects.requireNonNull(metric, "metric");
        this.dimensions = ScoreTable.create(metric, dimensions).dimensions(); // the same checks as the batch table
        this.points = metric.points();
        this.min = metric.min();
    }

    /**
     * Creates an empty table.
     *
     * @param metric the metric
     * @param dimensions the grouping dimensions, in order (none for a single group)
     * @return the table
     * @throws IllegalArgumentException if a dimension repeats
     */
    public static ConcurrentScoreTable create(Metric metric, String... dimensions) {
        return new ConcurrentScoreTable(metric, List.of(dimensions));
    }

    /** Returns the metric. */
    public Metric metric() {
        return metric;
    }

    /**
     * Returns the id of a group, registering it the first time; from any thread.
     *
     * @param values one value per dimension (elements may be null)
     * @return the group id, for {@link #record(int, int)}
     * @throws IllegalArgumentException if the number of values differs from the dimensions
     */
    public int group(String... values) {
        List<String> key = Collections.unmodifiableList(Arrays.asList(values.clone()));
        if (key.size() != dimensions.size()) {
            throw new IllegalArgumentException("need one value per dimension " + dimensions + ": " + key);
        }
        Integer id = ids.get(key);
        return id != null ? id : register(key);
    }

    private int register(List<String> key) {
        phaser.readerLock();
        try {
            Integer id = ids.get(key);
            if (id != null) {
                return id;
            }
            int next = keys.length;
            // both halves grow before the id is published, so a writer never indexes past either
            active.grow(next + 1, points);
            inactive.grow(next + 1, points);
            takenCounts = Arrays.copyOf(takenCounts, next + 1);
            takenCounts[next] = new long[points];
            takenWeights = Arrays.copyOf(takenWeights, next + 1);
            takenWeights[next] = new double[points];
            takenSquares = Arrays.copyOf(takenSquares, next + 1);
            GroupKey[] k = Arrays.copyOf(keys, next + 1);
            k[next] = GroupKey.of(dimensions, key);
            keys = k;
            ids.put(key, next);
            return next;
        } finally {
            phaser.readerUnlock();
        }
    }

    /**
     * Records one rating with weight 1; lock-free, from any thread.
     *
     * @param group a registered group id
     * @param rating a rating on the metric's scale
     * @throws IllegalArgumentException if the group or rating is invalid
     */
    public void record(int group, int rating) {
        int offset = check(group, rating);
        long stamp = phaser.writerCriticalSectionEnter();
        try {
            active.counts[group].getAndIncrement(offset);
        } finally {
            phaser.writerCriticalSectionExit(stamp);
        }
    }

    /**
     * Records one weighted rating; lock-free, from any thread.
     *
     * @param group a registered group id
     * @param rating a rating on the metric's scale
     * @param weight a weight in the accepted range ({@link Weights})
     * @throws IllegalArgumentException if the group, rating or weight is invalid
     */
    public void record(int group, int rating, double weight) {
        int offset = check(group, rating);
        Weights.check(weight);
        if (!weighted) {
            weighted = true;
        }
        long stamp = phaser.writerCriticalSectionEnter();
        try {
            Half h = active;
            h.weightedCounts[group].getAndIncrement(offset);
            AtomicLongArray w = h.weights[group];
            add(w, offset, weight);
            add(w, points, weight * weight);
        } finally {
            phaser.writerCriticalSectionExit(stamp);
        }
    }

    private static void add(AtomicLongArray bits, int i, double value) {
        long prev;
        long next;
        do {
            prev = bits.get(i);
            next = Double.doubleToRawLongBits(Double.longBitsToDouble(prev) + value);
        } while (!bits.compareAndSet(i, prev, next));
    }

    private int check(int group, int rating) {
        if (group < 0 || group >= keys.length) {
            throw new IllegalArgumentException("group " + group + " is not registered");
        }
        if (!metric.isValidRating(rating)) {
            throw new IllegalArgumentException("rating " + rating + " is outside " + metric.min() + ".." + metric.max()
                    + " for " + metric);
        }
        return rating - min;
    }

    /**
     * Returns what was recorded since the previous interval snapshot (or the start), and starts a
     * new interval. Writers are never blocked; every record is in exactly one interval.
     *
     * @return the interval's ratings by group, in registration order (groups with none included)
     */
    public Map<GroupKey, RatingDistribution> intervalSnapshot() {
        phaser.readerLock();
        try {
            Half old = active;
            active = inactive;
            inactive = old;
            phaser.flipPhase();
            // no writer is inside the old half now: read and clear it, and add it to the total
            GroupKey[] k = keys;
            boolean w = weighted;
            Map<GroupKey, RatingDistribution> out = new LinkedHashMap<>();
            long[] c = new long[points];
            long[] wc = new long[points];
            double[] ws = new double[points];
            for (int g = 0; g < k.length; g++) {
                for (int r = 0; r < points; r++) {
                    c[r] = old.counts[g].getAndSet(r, 0);
                    wc[r] = old.weightedCounts[g].getAndSet(r, 0);
                    ws[r] = Double.longBitsToDouble(old.weights[g].getAndSet(r, 0));
                    takenCounts[g][r] += c[r] + wc[r];
                    takenWeights[g][r] += ws[r] + c[r];
                }
                double sq = Double.longBitsToDouble(old.weights[g].getAndSet(points, 0));
                long unweighted = Arrays.stream(c).sum();
                takenSquares[g] += sq + unweighted;
                out.put(k[g], distribution(c, wc, ws, sq, w));
            }
            return Collections.unmodifiableMap(out);
        } finally {
            phaser.readerUnlock();
        }
    }

    /**
     * Returns everything recorded so far: the intervals taken plus the active one, read without
     * interrupting writers (records in flight at this moment may show only in the next snapshot).
     *
     * @return the ratings by group, in registration order
     */
    public Map<GroupKey, RatingDistribution> snapshot() {
        phaser.readerLock();
        try {
            GroupKey[] k = keys;
            boolean w = weighted;
            Half h = active;
            Map<GroupKey, RatingDistribution> out = new LinkedHashMap<>();
            for (int g = 0; g < k.length; g++) {
                long[] counts = new long[points];
                double[] weights = new double[points];
                for (int r = 0; r < points; r++) {
                    long c = h.counts[g].get(r);
                    counts[r] = takenCounts[g][r] + c + h.weightedCounts[g].get(r);
                    weights[r] = takenWeights[g][r] + c + Double.longBitsToDouble(h.weights[g].get(r));
                }
                long unweighted = 0;
                for (int r = 0; r < points; r++) {
                    unweighted += h.counts[g].get(r);
                }
                double squares = takenSquares[g] + unweighted + Double.longBitsToDouble(h.weights[g].get(points));
                out.put(k[g], w ? RatingDistribution.ofWeights(metric, counts, weights, squares)
                        : RatingDistribution.ofCounts(metric, counts));
            }
            return Collections.unmodifiableMap(out);
        } finally {
            phaser.readerUnlock();
        }
    }

    /** One group's interval: unweighted records weigh 1 when the table is weighted. */
    private RatingDistribution distribution(long[] unweighted, long[] weightedCounts, double[] weights, double squares,
            boolean isWeighted) {
        long[] counts = new long[points];
        double[] w = new double[points];
        long ones = 0;
        for (int r = 0; r < points; r++) {
            counts[r] = unweighted[r] + weightedCounts[r];
            w[r] = weights[r] + unweighted[r];
            ones += unweighted[r];
        }
        return isWeighted ? RatingDistribution.ofWeights(metric, counts, w, squares + ones)
                : RatingDistribution.ofCounts(metric, counts);
    }
}
