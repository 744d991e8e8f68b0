package dev.cxkit.core.score;

import java.util.List;

/**
 * A mutable accumulator of the ratings of one metric, ungrouped: a {@link ScoreTable} with a
 * single group.
 *
 * <pre>{@code
 * ScoreAccumulator nps = ScoreAccumulator.of(Metric.NPS);
 * nps.record(10);
 * nps.record(6);
 * Score score = Score.of(nps.snapshot());
 * }</pre>
 *
 * <p>Records allocate nothing. Accumulators {@linkplain #merge(ScoreAccumulator) merge}, so
 * per-thread or per-partition accumulators combine exactly.
 *
 * <p><b>Not thread-safe.</b> Use one accumulator per thread and merge them.
 *
 * @since 0.1.0
 */
public final class ScoreAccumulator {

    private final ScoreTable table;

    private ScoreAccumulator(Metric metric) {
        this.table = ScoreTable.create(metric, List.of());
        this.table.group(List.of());
    }

    /**
     * Creates an empty accumulator.
     *
     * @param metric the metric every rating belongs to
     * @return the accumulator
     */
    public static ScoreAccumulator of(Metric metric) {
        return new ScoreAccumulator(metric);
    }

    /** Returns the metric. */
    public Metric metric() {
        return table.metric();
    }

    /**
     * Records one rating with weight 1.
     *
     * @param rating a rating on the metric's scale
     * @throws IllegalArgumentException if the rating is off the scale
     */
    public void record(int rating) {
        table.record(0, rating);
    }

    /**
     * Records one rating with a survey weight.
     *
     * @param rating a rating on the metric's scale
     * @param weight a positive finite weight
     * @throws IllegalArgumentException if the rating or weight is invalid
     */
    public void record(int rating, double weight) {
        table.record(0, rating, weight);
    }

    /**
     * Records {@code ratings[from..to)} with weight 1, all or nothing.
     *
     * @param ratings ratings on the metric's scale
     * @param from the first index, inclusive
     * @param to the last index, exclusive
     * @throws IllegalArgumentException if a rating is off the scale (nothing is recorded)
     * @throws IndexOutOfBoundsException if the range does not fit the array
     */
    public void record(byte[] ratings, int from, int to) {
        table.record(0, ratings, from, to);
    }

    /**
     * Adds everything {@code other} recorded into this accumulator; {@code other} is unchanged.
     *
     * @param other an accumulator of the same metric
     * @throws IllegalArgumentException if the metrics differ
     */
    public void merge(ScoreAccumulator other) {
        table.merge(other.table);
    }

    /**
     * Adds a snapshot's ratings, as if they had been recorded here.
     *
     * @param ratings ratings of this accumulator's metric
     * @throws IllegalArgumentException if the metric differs
     * @since 0.1.0
     */
    public void add(RatingDistribution ratings) {
        table.add(0, ratings);
    }

    /** Returns an immutable snapshot of the ratings so far. */
    public RatingDistribution snapshot() {
        return table.snapshot(0);
    }
}
