package dev.cxkit.core.score;

import dev.cxkit.core.internal.ByteForm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

// Over 500 lines: recording (single, weighted, columnar hot loops) and the ways in and out of the
// one flat count array (merge, add, snapshots, byte form) share its layout and stay together.

/**
 * Grouped rating counts for one metric: the accumulator behind every grouped score.
 *
 * <p>Groups are registered once with {@link #group(List)}, which returns a dense int id; ratings
 * are then recorded against ids. All counts live in one flat {@code long[]} indexed
 * {@code group * points + (rating - min)}, so recording allocates nothing and the columnar
 * {@link #record(int[], byte[], int, int)} runs as fast as a hand-written counting loop.
 *
 * <p>Weighted recording (Kish): the first weighted record switches the table to also keep the sum
 * of weights per cell and the sum of squared weights per group; earlier records count with weight
 * 1. Recording the same ratings with weight 1 gives the same scores as recording them unweighted.
 *
 * <p>Tables {@linkplain #merge(ScoreTable) merge} by group key, so per-thread, per-partition or
 * per-day tables combine exactly (weight sums combine as floating-point sums).
 *
 * <p><b>Not thread-safe.</b> Use one table per thread and merge them, as with HdrHistogram.
 *
 * @since 0.1.0
 */
public final class ScoreTable {

    private final Metric metric;
    private final List<String> dimensions;
    private final int points;
    private final int min;
    /** Group ids by key values. Keys are ArrayLists so lookups with an ArrayList compare without iterators. */
    private final Map<List<String>, Integer> ids = new HashMap<>();
    /** For one-dimension tables: group ids by the single value, so a lookup hashes one String. */
    private final Map<String, Integer> singleIds = new HashMap<>();
    private final List<GroupKey> keys = new ArrayList<>();
    private int groupCount;
    private long[] counts;
    /** Sum of weights per cell; null until the first weighted record. */
    private double[] weights;
    /** Sum of squared weights per group; null until the first weighted record. */
    private double[] squaredWeights;

    private ScoreTable(Metric metric, List<String> dimensions) {
        this.metric = Objects.requireNonNull(metric, "metric");
        this.dimensions = List.copyOf(dimensions);
        if (this.dimensions.stream().distinct().count() != this.dimensions.size()) {
            throw new IllegalArgumentException("dimension names must be distinct: " + dimensions);
        }
        this.points = metric.points();
        this.min = metric.min();
        this.counts = new long[points * 16];
    }

    /**
     * Creates an empty table.
     *
     * @param metric the metric every rating belongs to
     * @param dimensions the names of the grouping dimensions, for example {@code touchpoint}
     * @return the table
     * @throws IllegalArgumentException if a name repeats
     */
    public static ScoreTable create(Metric metric, List<String> dimensions) {
        return new ScoreTable(metric, dimensions);
    }

    /**
     * Creates an empty table.
     *
     * @param metric the metric
     * @param dimensions the grouping dimension names
     * @return the table
     */
    public static ScoreTable create(Metric metric, String... dimensions) {
        return new ScoreTable(metric, Arrays.asList(dimensions));
    }

    /** Returns the metric. */
    public Metric metric() {
        return metric;
    }

    /** Returns the grouping dimension names. */
    public List<String> dimensions() {
        return dimensions;
    }

    /** Returns the number of registered groups; ids run from 0 to this minus 1. */
    public int groupCount() {
        return groupCount;
    }

    /**
     * Returns the id of the group with these values, registering it if new. Ids are dense and
     * stable for the life of the table.
     *
     * @param values one value per dimension (elements may be null: "no value")
     * @return the group id
     * @throws IllegalArgumentException if the number of values does not match the dimensions
     */
    public int group(List<@Nullable String> values) {
        Integer id = ids.get(values);
        if (id != null) {
            return id;
        }
        if (values.size() != dimensions.size()) {
            throw new IllegalArgumentException("expected " + dimensions.size() + " values for " + dimensions
                    + ", got " + values);
        }
        GroupKey key = GroupKey.of(dimensions, values);
        return register(key);
    }

    /**
     * Returns the id of the group with this value in a one-dimension table, registering it if
     * new: the fast path of {@link #group(List)} for the common single grouping field.
     *
     * @param value the value of the only dimension (may be null: "no value")
     * @return the group id
     * @throws IllegalArgumentException if the table does not have exactly one dimension
     */
    public int group(@Nullable String value) {
        Integer id = singleIds.get(value);
        return id != null ? id : group(Collections.singletonList(value));
    }

    /**
     * Returns the id of the group with these values, registering it if new.
     *
     * @param values one value per dimension
     * @return the group id
     */
    public int group(@Nullable String... values) {
        return group(Arrays.asList(values));
    }

    private int register(GroupKey key) {
        int id = groupCount++;
        ids.put(new ArrayList<>(key.values()), id);
        if (dimensions.size() == 1) {
            singleIds.put(key.values().get(0), id);
        }
        keys.add(key);
        int needed = groupCount * points;
        if (needed > counts.length) {
            int capacity = Math.max(needed, counts.length * 2);
            counts = Arrays.copyOf(counts, capacity);
            if (weights != null) {
                weights = Arrays.copyOf(weights, capacity);
                squaredWeights = Arrays.copyOf(squaredWeights, capacity / points);
            }
        }
        return id;
    }

    /** Returns the key of a group id. */
    public GroupKey key(int group) {
        checkGroup(group);
        return keys.get(group);
    }

    /**
     * Records one rating with weight 1.
     *
     * @param group a registered group id
     * @param rating a rating on the metric's scale
     * @throws IllegalArgumentException if the group is not registered or the rating is off the scale
     */
    public void record(int group, int rating) {
        checkGroup(group);
        int cell = group * points + checkRating(rating);
        counts[cell]++;
        if (weights != null) {
            weights[cell] += 1;
            squaredWeights[group] += 1;
        }
    }

    /**
     * Records one rating with a survey weight.
     *
     * @param group a registered group id
     * @param rating a rating on the metric's scale
     * @param weight a positive finite weight
     * @throws IllegalArgumentException if the group, rating or weight is invalid
     */
    public void record(int group, int rating, double weight) {
        checkGroup(group);
        int offset = checkRating(rating);
        checkWeight(weight);
        ensureWeights();
        int cell = group * points + offset;
        counts[cell]++;
        weights[cell] += weight;
        squaredWeights[group] += weight * weight;
    }

    /**
     * Records ratings column-wise: {@code ratings[i]} into group {@code groups[i]} for
     * {@code from <= i < to}. This is the hot path for bulk scoring.
     *
     * <p>All or nothing: if any element is invalid, nothing is recorded and the exception names
     * the first bad index.
     *
     * @param groups group ids, each registered
     * @param ratings ratings on the metric's scale
     * @param from the first index, inclusive
     * @param to the last index, exclusive
     * @throws IllegalArgumentException if a group id or rating is invalid
     * @throws IndexOutOfBoundsException if the range does not fit the arrays
     */
    public void record(int[] groups, byte[] ratings, int from, int to) {
        Objects.checkFromToIndex(from, to, groups.length);
        Objects.checkFromToIndex(from, to, ratings.length);
        if (weights != null) {
            checkColumns(groups, ratings, null, from, to);
            for (int i = from; i < to; i++) {
                int cell = groups[i] * points + ratings[i] - min;
                counts[cell]++;
                weights[cell] += 1;
                squaredWeights[groups[i]] += 1;
            }
            return;
        }
        int bad = metric.min() == 0 && points == NPS_POINTS
                ? countNps(counts, groups, ratings, from, to, groupCount)
                : count(counts, groups, ratings, from, to, groupCount, points, min);
        if (bad >= 0) {
            undo(groups, ratings, from, bad);
            checkColumns(groups, ratings, null, bad, bad + 1);
        }
    }

    private static final int NPS_POINTS = 11;

    /*
     * The hot loops. Range checks are one never-taken branch over two unsigned comparisons (0.82x
     * of the baseline loop; four signed comparisons: 0.77-0.80x), which measured faster than
     * branch-free sign-bit validation, of the whole column (0.44x) or of cache-sized blocks (0.52x). The 0..10 scale gets its own copy with
     * the scale as constants, so the JIT folds the multiply and the offset as in a hand-written
     * NPS loop. Each returns the index of the first invalid element, or -1; elements before it
     * have been counted.
     */

    private static int countNps(long[] c, int[] groups, byte[] ratings, int from, int to, int groupLimit) {
        for (int i = from; i < to; i++) {
            int g = groups[i];
            int r = ratings[i];
            // one unsigned comparison each (a negative value is a large unsigned one), one branch
            if (Integer.compareUnsigned(g, groupLimit) >= 0 | Integer.compareUnsigned(r, NPS_POINTS) >= 0) {
                return i;
            }
            c[g * NPS_POINTS + r]++;
        }
        return -1;
    }

    private static int count(long[] c, int[] groups, byte[] ratings, int from, int to, int groupLimit, int points,
            int min) {
        for (int i = from; i < to; i++) {
            int g = groups[i];
            int r = ratings[i] - min;
            if (Integer.compareUnsigned(g, groupLimit) >= 0 | Integer.compareUnsigned(r, points) >= 0) {
                return i;
            }
            c[g * points + r]++;
        }
        return -1;
    }

    /**
     * Records {@code ratings[from..to)} into one group with weight 1, all or nothing: the bulk path
     * of an ungrouped {@link ScoreAccumulator}.
     *
     * @throws IllegalArgumentException if the group is not registered or a rating is off the scale
     *     (nothing is recorded)
     */
    void record(int group, byte[] ratings, int from, int to) {
        checkGroup(group);
        Objects.checkFromToIndex(from, to, ratings.length);
        for (int i = from; i < to; i++) {
            if (!metric.isValidRating(ratings[i])) {
                throw new IllegalArgumentException("index " + i + ": " + ratingError(ratings[i]));
            }
        }
        int base = group * points - min;
        for (int i = from; i < to; i++) {
            int cell = base + ratings[i];
            counts[cell]++;
            if (weights != null) {
                weights[cell] += 1;
                squaredWeights[group] += 1;
            }
        }
    }

    /**
     * Records weighted ratings column-wise, all or nothing.
     *
     * @param groups group ids, each registered
     * @param ratings ratings on the metric's scale
     * @param weightColumn positive finite weights
     * @param from the first index, inclusive
     * @param to the last index, exclusive
     * @throws IllegalArgumentException if a group id, rating or weight is invalid
     * @throws IndexOutOfBoundsException if the range does not fit the arrays
     */
    public void record(int[] groups, byte[] ratings, double[] weightColumn, int from, int to) {
        Objects.checkFromToIndex(from, to, groups.length);
        Objects.checkFromToIndex(from, to, ratings.length);
        Objects.checkFromToIndex(from, to, weightColumn.length);
        checkColumns(groups, ratings, weightColumn, from, to);
        ensureWeights();
        for (int i = from; i < to; i++) {
            int g = groups[i];
            int cell = g * points + ratings[i] - min;
            double w = weightColumn[i];
            counts[cell]++;
            weights[cell] += w;
            squaredWeights[g] += w * w;
        }
    }

    private void undo(int[] groups, byte[] ratings, int from, int to) {
        for (int i = from; i < to; i++) {
            counts[groups[i] * points + ratings[i] - min]--;
        }
    }

    private void checkColumns(int[] groups, byte[] ratings, double[] weightColumn, int from, int to) {
        for (int i = from; i < to; i++) {
            if (groups[i] < 0 || groups[i] >= groupCount) {
                throw new IllegalArgumentException("index " + i + ": group " + groups[i] + " is not registered (0.."
                        + (groupCount - 1) + ")");
            }
            if (!metric.isValidRating(ratings[i])) {
                throw new IllegalArgumentException("index " + i + ": " + ratingError(ratings[i]));
            }
            if (weightColumn != null && !Weights.isValid(weightColumn[i])) {
                throw new IllegalArgumentException("index " + i + ": weight " + weightColumn[i] + " "
                        + Weights.problem());
            }
        }
    }

    void ensureWeights() {
        if (weights != null) {
            return;
        }
        weights = new double[counts.length];
        squaredWeights = new double[counts.length / points];
        for (int cell = 0; cell < groupCount * points; cell++) {
            weights[cell] = counts[cell];
            squaredWeights[cell / points] += counts[cell];
        }
    }

    private void checkGroup(int group) {
        if (group < 0 || group >= groupCount) {
            throw new IllegalArgumentException("group " + group + " is not registered (0.." + (groupCount - 1) + ")");
        }
    }

    private int checkRating(int rating) {
        if (!metric.isValidRating(rating)) {
            throw new IllegalArgumentException(ratingError(rating));
        }
        return rating - min;
    }

    private String ratingError(int rating) {
        return "rating " + rating + " is outside " + metric.min() + ".." + metric.max() + " for " + metric.id();
    }

    static void checkWeight(double weight) {
        Weights.check(weight);
    }

    /**
     * Adds every group of {@code other} into this table, registering groups this table lacks.
     * {@code other} is not changed.
     *
     * @param other a table of the same metric and dimensions
     * @throws IllegalArgumentException if the metric or dimensions differ
     */
    public void merge(ScoreTable other) {
        if (!metric.equals(other.metric) || !dimensions.equals(other.dimensions)) {
            throw new IllegalArgumentException("cannot merge " + other.metric + " by " + other.dimensions + " into "
                    + metric + " by " + dimensions);
        }
        if (other.weights != null) {
            ensureWeights();
        }
        for (int og = 0; og < other.groupCount; og++) {
            add(group(other.keys.get(og).values()), other.snapshot(og));
        }
    }

    /**
     * Adds a snapshot's ratings into one group, as if they had been recorded there: the way back
     * from snapshots (for example interval snapshots of a {@link ConcurrentScoreTable}) to a table.
     *
     * @param group a registered group id
     * @param ratings ratings of this table's metric; weighted ones make the table weighted
     * @throws IllegalArgumentException if the group is not registered or the metric differs
     * @since 0.1.0
     */
    public void add(int group, RatingDistribution ratings) {
        checkGroup(group);
        if (!ratings.metric().equals(metric)) {
            throw new IllegalArgumentException("cannot add " + ratings.metric() + " ratings to a " + metric + " table");
        }
        if (ratings.isWeighted()) {
            ensureWeights();
        }
        for (int r = 0; r < points; r++) {
            int cell = group * points + r;
            counts[cell] = Math.addExact(counts[cell], ratings.count(min + r));
            if (weights != null) {
                weights[cell] += ratings.weight(min + r);
            }
        }
        if (weights != null) {
            squaredWeights[group] += ratings.sumSquaredWeights();
        }
    }

    /**
     * A table holding a grouped snapshot, groups in the snapshot's order.
     *
     * @param metric the metric of every distribution
     * @param dimensions the grouping dimensions, the names of every key
     * @param groups distributions by group key, as {@link #snapshot()} and
     *     {@link ConcurrentScoreTable#intervalSnapshot()} return them
     * @return a new table
     * @throws IllegalArgumentException if a key's names are not the dimensions or a metric differs
     * @since 0.1.0
     */
    public static ScoreTable of(Metric metric, List<String> dimensions, Map<GroupKey, RatingDistribution> groups) {
        ScoreTable table = create(metric, dimensions);
        groups.forEach((key, ratings) -> {
            if (!key.names().equals(table.dimensions)) {
                throw new IllegalArgumentException("key " + key + " is not keyed by " + table.dimensions);
            }
            table.add(table.group(key.values()), ratings);
        });
        return table;
    }

    /** Returns whether the table keeps weights (a weighted record or merge happened). */
    boolean isWeighted() {
        return weights != null;
    }

    /**
     * Returns the byte form of the table ({@code docs/format.md}, kind 2): metric, dimensions, and
     * per group its key values and counts (with weights when weighted), in registration order.
     *
     * @return the bytes, which {@link #fromBytes(byte[])} reads back into an equal table
     * @since 0.1.0
     */
    public byte[] toBytes() {
        return ScoreBytes.write(this);
    }

    /**
     * Reads a table from its byte form; groups get the ids they had.
     *
     * @param bytes bytes written by {@link #toBytes()}
     * @return a new table with the same groups, counts and weights
     * @throws ByteFormatException if the bytes are not a valid score table of a version this
     *     library reads (never a wrong table)
     * @since 0.1.0
     */
    public static ScoreTable fromBytes(byte[] bytes) {
        return ScoreBytes.readTable(bytes);
    }

    /**
     * Merges two byte forms into the byte form of their {@link #merge(ScoreTable) merge} (groups of
     * {@code a} first, then those only {@code b} has): the combine step of a distributed aggregate
     * whose state is stored as bytes.
     *
     * @param a the byte form of one table
     * @param b the byte form of another of the same metric and dimensions
     * @return the byte form of the merged table
     * @throws ByteFormatException if either is not a valid byte form
     * @throws IllegalArgumentException if the metric or dimensions differ
     * @since 0.1.0
     */
    public static byte[] mergeBytes(byte[] a, byte[] b) {
        ScoreTable table = fromBytes(a);
        table.merge(fromBytes(b));
        return table.toBytes();
    }

    /**
     * Returns an immutable snapshot of one group.
     *
     * @param group a registered group id
     * @return the group's ratings
     */
    public RatingDistribution snapshot(int group) {
        checkGroup(group);
        int from = group * points;
        long[] c = Arrays.copyOfRange(counts, from, from + points);
        if (weights == null) {
            return RatingDistribution.wrap(metric, c, null, 0);
        }
        return RatingDistribution.wrap(metric, c, Arrays.copyOfRange(weights, from, from + points), squaredWeights[group]);
    }

    /** Returns an immutable snapshot of every group, in registration order. */
    public Map<GroupKey, RatingDistribution> snapshot() {
        Map<GroupKey, RatingDistribution> out = new LinkedHashMap<>();
        for (int g = 0; g < groupCount; g++) {
            out.put(keys.get(g), snapshot(g));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Returns the ratings of all groups combined. */
    public RatingDistribution total() {
        RatingDistribution sum = RatingDistribution.empty(metric);
        for (int g = 0; g < groupCount; g++) {
            sum = sum.plus(snapshot(g));
        }
        return sum;
    }

    /**
     * Evaluates every group, in registration order.
     *
     * @param options interval method, confidence and low-sample threshold
     * @return one score per group
     */
    public Map<GroupKey, Score> scores(ScoreOptions options) {
        Map<GroupKey, Score> out = new LinkedHashMap<>();
        for (int g = 0; g < groupCount; g++) {
            out.put(keys.get(g), Score.of(snapshot(g), options));
        }
        return Collections.unmodifiableMap(out);
    }
}
