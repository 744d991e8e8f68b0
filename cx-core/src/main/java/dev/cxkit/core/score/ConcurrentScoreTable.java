package dev.cxkit.core.score;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

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
 * <p><b>Recording</b> is lock-free, shares nothing between writer threads and allocates nothing
 * once a group exists in the thread's stripe: as in {@link java.util.concurrent.atomic.LongAdder},
 * each writer thread has its own stripe of plain cells, and a rating is one increment of the
 * thread's own cell between the stripe's enter and exit (one fenced store and one release store;
 * no atomic read-modify-write). Registering a group takes a lock, once per group.
 *
 * <p><b>Snapshots</b> follow HdrHistogram's {@code Recorder}, per stripe: each stripe has two
 * halves; a snapshot swaps them, waits for the stripe's writer to leave the old half (writers are
 * never blocked), and drains it. <b>Guarantee:</b> every record is in exactly one
 * {@link #intervalSnapshot()} (the first one after it returned), and {@link #snapshot()} is exact
 * at its return: the sum of everything recorded before the call began.
 *
 * <p><b>Memory</b>: per writer thread and group, two halves of 2 × points counts and points + 1
 * weights, plus the totals: for NPS (11 points) about 0.7 KiB per group and thread. A stripe stays
 * when its thread ends, and keeps a reference to that thread (as in a thread pool, threads are
 * expected to be few and long-lived).
 *
 * <p>The snapshots are the batch {@link ScoreTable}'s type, so every statistic works on them
 * unchanged. Thread-safe.
 *
 * @since 0.1.0
 */
public final class ConcurrentScoreTable {

    /** One half of a stripe: per group and rating, unweighted counts, weighted counts, weights; squares per group. */
    private static final class Cells {
        long[] counts = new long[0];
        long[] weightedCounts = new long[0];
        double[] weights = new double[0];
        double[] squares = new double[0];

        void ensure(int groups, int points) {
            if (squares.length < groups) {
                int capacity = Math.max(groups, squares.length * 2);
                counts = Arrays.copyOf(counts, capacity * points);
                weightedCounts = Arrays.copyOf(weightedCounts, capacity * points);
                weights = Arrays.copyOf(weights, capacity * points);
                squares = Arrays.copyOf(squares, capacity);
            }
        }
    }

    /**
     * Cache-line padding around a stripe's sequence, as in the Disruptor (a superclass's fields are
     * laid out first): without it, two writers' stripes allocated side by side shared a cache line
     * and every record invalidated the other core's copy (measured: 0.34x to 0.48x of a per-thread
     * table with padding and the slot lookup below).
     */
    @SuppressWarnings("unused")
    private abstract static class PaddedBefore {
        long p01, p02, p03, p04, p05, p06, p07, p08;
    }

    /** The sequence, between padding: two writer threads' sequences never share a cache line. */
    private abstract static class Sequenced extends PaddedBefore {
        volatile long sequence;
    }

    @SuppressWarnings("unused")
    private abstract static class PaddedAfter extends Sequenced {
        long q01, q02, q03, q04, q05, q06, q07, q08;
    }

    /**
     * One writer thread's cells: written by that thread only, drained by the reader. The writer's
     * sequence is odd while it is inside a record and even outside: a single-writer form of
     * HdrHistogram's {@code WriterReaderPhaser} that needs one fenced store per record instead of
     * two atomic increments (the stripe has one writer, so no read-modify-write is needed).
     */
    private static final class Stripe extends PaddedAfter {
        /** The writer thread; compared by identity to find a thread's stripe without a ThreadLocal. */
        final Thread owner = Thread.currentThread();
        volatile Cells active = new Cells();
        Cells inactive = new Cells();

        /** Enters a record: the volatile store orders it before the read of {@link #active}. */
        long enter() {
            long seq = (long) SEQUENCE.getOpaque(this);
            sequence = seq + 1;
            return seq + 2;
        }

        /** Leaves a record: a release store, so the reader that sees it sees the cells written. */
        void exit(long even) {
            SEQUENCE.setRelease(this, even);
        }
    }

    private static final VarHandle SEQUENCE;

    static {
        try {
            SEQUENCE = MethodHandles.lookup().findVarHandle(Sequenced.class, "sequence", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Metric metric;
    private final List<String> dimensions;
    private final int points;
    private final int min;
    private final Map<List<String>, Integer> ids = new ConcurrentHashMap<>();
    private volatile GroupKey[] keys = new GroupKey[0];
    private final List<Stripe> stripes = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Stripe> stripe = ThreadLocal.withInitial(this::newStripe);
    /**
     * Stripes by thread id modulo the length: a thread finds its own with one load and one identity
     * compare. A thread whose slot holds another's stripe uses the ThreadLocal.
     */
    private final Stripe[] slots = new Stripe[64];
    /** Guards registration, draining and the totals below. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Everything drained so far, and what was drained since the last interval snapshot. */
    private final Cells total = new Cells();
    private final Cells pending = new Cells();
    /** Whether any record carried a weight: snapshots are then weighted (unweighted records weigh 1). */
    private volatile boolean weighted;

    /** The value of every dimension of the overflow group of a {@linkplain #bounded bounded} table. */
    public static final String OVERFLOW = "(other)";

    /** Groups registered before lookups go to the overflow group. */
    private final int maxGroups;
    /** The overflow group's id, or -1 until the limit is first reached. */
    private volatile int overflowId = -1;
    private final LongAdder overflowed = new LongAdder();

    private ConcurrentScoreTable(Metric metric, int maxGroups, List<String> dimensions) {
        if (maxGroups < 1) {
            throw new IllegalArgumentException("a table needs room for at least 1 group: " + maxGroups);
        }
        this.maxGroups = maxGroups;
        this.metric = Objects.requireNonNull(metric, "metric");
        this.dimensions = ScoreTable.create(metric, dimensions).dimensions(); // the same checks as the batch table
        this.points = metric.points();
        this.min = metric.min();
    }

    private Stripe stripe() {
        Thread thread = Thread.currentThread();
        Stripe s = slots[(int) thread.getId() & (slots.length - 1)];
        return s != null && s.owner == thread ? s : stripe.get();
    }

    private Stripe newStripe() {
        Stripe s = new Stripe();
        stripes.add(s);
        int slot = (int) s.owner.getId() & (slots.length - 1);
        if (slots[slot] == null) {
            slots[slot] = s; // a racing thread of the same slot may win: the loser uses the ThreadLocal
        }
        return s;
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
        return new ConcurrentScoreTable(metric, Integer.MAX_VALUE, List.of(dimensions));
    }

    /**
     * Creates an empty table that holds at most {@code maxGroups} groups plus one overflow group:
     * once the limit is reached, {@link #group(String...)} returns the overflow group (every value
     * {@value #OVERFLOW}) for any new key, so that a bad or unbounded key (a request id where a
     * touchpoint was meant) cannot exhaust memory. Lookups that went there are
     * {@linkplain #overflowed() counted}.
     *
     * @param metric the metric
     * @param maxGroups the most groups registered before the overflow group, at least 1
     * @param dimensions the grouping dimensions, in order
     * @return the table
     * @throws IllegalArgumentException if a dimension repeats or the limit is below 1
     * @since 0.1.0
     */
    public static ConcurrentScoreTable bounded(Metric metric, int maxGroups, String... dimensions) {
        return new ConcurrentScoreTable(metric, maxGroups, List.of(dimensions));
    }

    /** Returns how many group lookups went to the overflow group because the table was full. */
    public long overflowed() {
        return overflowed.sum();
    }

    /** Returns the metric. */
    public Metric metric() {
        return metric;
    }

    /** Returns the grouping dimensions, in order. */
    public List<String> dimensions() {
        return dimensions;
    }

    /** Returns the number of registered groups; ids run from 0 to this minus 1. */
    public int groupCount() {
        return keys.length;
    }

    /**
     * Returns the id of a group, registering it the first time; from any thread.
     *
     * @param values one value per dimension (elements may be null)
     * @return the group id, for {@link #record(int, int)}
     * @throws IllegalArgumentException if the number of values differs from the dimensions
     */
    public int group(@Nullable String... values) {
        List<String> key = Collections.unmodifiableList(Arrays.asList(values.clone()));
        if (key.size() != dimensions.size()) {
            throw new IllegalArgumentException("need one value per dimension " + dimensions + ": " + key);
        }
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        int overflow = overflowId;
        if (overflow >= 0) { // full: no lock, no new key kept
            overflowed.increment();
            return overflow;
        }
        return register(key);
    }

    private int register(List<String> key) {
        lock.lock();
        try {
            Integer id = ids.get(key);
            if (id != null) {
                return id;
            }
            if (overflowId >= 0) {
                overflowed.increment();
                return overflowId;
            }
            if (keys.length == maxGroups) {
                List<String> other = Collections.nCopies(dimensions.size(), OVERFLOW);
                Integer existing = ids.get(other);
                overflowId = existing != null ? existing : add(other);
                overflowed.increment();
                return overflowId;
            }
            return add(key);
        } finally {
            lock.unlock();
        }
    }

    private int add(List<String> key) {
        int next = keys.length;
        GroupKey[] k = Arrays.copyOf(keys, next + 1);
        k[next] = GroupKey.of(dimensions, key);
        keys = k;
        ids.put(key, next);
        return next;
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
        Stripe s = stripe();
        long exit = s.enter();
        try {
            Cells c = s.active;
            c.ensure(group + 1, points);
            c.counts[group * points + offset]++;
        } finally {
            s.exit(exit);
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
        Stripe s = stripe();
        long exit = s.enter();
        try {
            Cells c = s.active;
            c.ensure(group + 1, points);
            int cell = group * points + offset;
            c.weightedCounts[cell]++;
            c.weights[cell] += weight;
            c.squares[group] += weight * weight;
        } finally {
            s.exit(exit);
        }
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
        lock.lock();
        try {
            drain();
            pending.ensure(keys.length, points);
            Map<GroupKey, RatingDistribution> out = read(pending);
            clear(pending);
            return out;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Returns everything recorded before this call began, exactly (the writers are not stopped).
     *
     * @return the ratings by group, in registration order
     */
    public Map<GroupKey, RatingDistribution> snapshot() {
        lock.lock();
        try {
            drain();
            total.ensure(keys.length, points);
            return read(total);
        } finally {
            lock.unlock();
        }
    }

    /** Moves every stripe's records into the totals and the pending interval (under the lock). */
    private void drain() {
        for (Stripe s : stripes) {
            // Dekker's pattern with the writer's enter(): swap (a volatile store), then read the
            // sequence (a volatile read). Either the writer's next record reads the new half, or
            // the sequence read here is odd and the writer is inside a record that may be using
            // the old half: wait for it to leave (its release store publishes the cells).
            Cells old = s.active;
            s.active = s.inactive;
            s.inactive = old;
            long seq = s.sequence;
            if ((seq & 1) != 0) {
                while (s.sequence == seq) {
                    Thread.onSpinWait();
                }
            }
            // The writer has left the old half: it is the reader's until the next swap. Read the
            // groups after the flip: a record's group was registered before the record returned.
            int groups = keys.length;
            total.ensure(groups, points);
            pending.ensure(groups, points);
            int n = Math.min(old.squares.length, groups);
            for (int i = 0; i < n * points; i++) {
                long c = old.counts[i];
                long wc = old.weightedCounts[i];
                double w = old.weights[i];
                total.counts[i] += c;
                pending.counts[i] += c;
                total.weightedCounts[i] += wc;
                pending.weightedCounts[i] += wc;
                total.weights[i] += w;
                pending.weights[i] += w;
            }
            for (int g = 0; g < n; g++) {
                total.squares[g] += old.squares[g];
                pending.squares[g] += old.squares[g];
            }
            clear(old);
        }
    }

    private static void clear(Cells c) {
        Arrays.fill(c.counts, 0);
        Arrays.fill(c.weightedCounts, 0);
        Arrays.fill(c.weights, 0);
        Arrays.fill(c.squares, 0);
    }

    /** The distributions of some cells; unweighted records weigh 1 when the table is weighted. */
    private Map<GroupKey, RatingDistribution> read(Cells cells) {
        GroupKey[] k = keys;
        boolean isWeighted = weighted;
        Map<GroupKey, RatingDistribution> out = new LinkedHashMap<>();
        for (int g = 0; g < k.length; g++) {
            long[] counts = new long[points];
            double[] w = new double[points];
            long ones = 0;
            for (int r = 0; r < points; r++) {
                int i = g * points + r;
                long c = cells.counts[i];
                counts[r] = c + cells.weightedCounts[i];
                w[r] = cells.weights[i] + c;
                ones += c;
            }
            out.put(k[g], isWeighted ? RatingDistribution.ofWeights(metric, counts, w, cells.squares[g] + ones)
                    : RatingDistribution.ofCounts(metric, counts));
        }
        return Collections.unmodifiableMap(out);
    }
}
