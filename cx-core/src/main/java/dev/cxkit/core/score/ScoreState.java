package dev.cxkit.core.score;

import dev.cxkit.core.internal.ByteForm;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The partial result of scoring one column of rows, as a SQL engine or a stream processor
 * aggregates it: the ratings of the rows that had a valid score, and how many rows had no score
 * or were rejected (a score off the metric's scale, or a weight outside {@link Weights}). So that
 * rows read = ratings + without score + rejected, always; nothing is dropped silently.
 *
 * <p>The metric may be unknown until the first row (an engine makes the empty state before it
 * sees a row); states of no metric merge with any. Byte form: kind 6 of {@code docs/format.md}.
 *
 * <pre>{@code
 * ScoreState state = ScoreState.of(Metric.NPS);
 * state.record(9, null);         // a rating, weight 1
 * state.record(null, null);      // a row without a score: counted, not scored
 * state.record(11, null);        // off the scale: rejected and counted
 * byte[] partial = state.toBytes();                     // store it, ship it, merge it later
 * Score score = Score.of(ScoreState.fromBytes(partial).ratings());
 * }</pre>
 *
 * <p><b>Not thread-safe.</b> One per thread or partition; merge them.
 *
 * @since 0.1.0
 */
public final class ScoreState {

    private @Nullable Metric metric;
    private @Nullable ScoreAccumulator ratings;
    private long withoutScore;
    private long rejected;

    private ScoreState(@Nullable Metric metric) {
        this.metric = metric;
        this.ratings = metric == null ? null : ScoreAccumulator.of(metric);
    }

    /** An empty state whose metric is set by the first {@link #record(Metric, Integer, Double)}. */
    public static ScoreState empty() {
        return new ScoreState(null);
    }

    /**
     * An empty state of a metric.
     *
     * @param metric the metric every score belongs to
     * @return the state
     */
    public static ScoreState of(Metric metric) {
        return new ScoreState(Objects.requireNonNull(metric, "metric"));
    }

    /** Returns the metric, or null while none is known. */
    public @Nullable Metric metric() {
        return metric;
    }

    /**
     * Records one row of this state's metric.
     *
     * @param score the score, or null when the row has none (counted, not scored)
     * @param weight the weight, or null for 1
     * @throws IllegalStateException if the state has no metric yet
     */
    public void record(@Nullable Integer score, @Nullable Double weight) {
        if (metric == null) {
            throw new IllegalStateException("the state has no metric yet: use record(metric, score, weight)");
        }
        record(metric, score, weight);
    }

    /**
     * Records one row's score with weight 1: the hot path of an engine reading a bare integer
     * column (no boxing, no metric check per row).
     *
     * @param score the score; off the scale it is counted as rejected
     * @throws IllegalStateException if the state has no metric yet
     */
    public void record(int score) {
        Metric known = metric;
        if (known == null) {
            throw new IllegalStateException("the state has no metric yet: use record(metric, score, weight)");
        }
        if (known.isValidRating(score)) {
            Objects.requireNonNull(ratings).record(score);
        } else {
            rejected++;
        }
    }

    /** Counts one row without a score. */
    public void recordWithoutScore() {
        withoutScore++;
    }

    /**
     * Records one row: a valid score becomes a rating, a null score is counted as without score,
     * an off-scale score or an invalid weight is counted as rejected.
     *
     * @param rowMetric the metric of the row; the first one sets the state's metric
     * @param score the score, or null when the row has none
     * @param weight the weight, or null for 1
     * @throws IllegalArgumentException if the row's metric differs from the state's
     */
    public void record(Metric rowMetric, @Nullable Integer score, @Nullable Double weight) {
        ScoreAccumulator into = accumulator(rowMetric);
        if (score == null) {
            withoutScore++;
        } else if (!rowMetric.isValidRating(score) || (weight != null && !Weights.isValid(weight))) {
            rejected++;
        } else if (weight == null || weight == 1) {
            into.record(score);
        } else {
            into.record(score, weight);
        }
    }

    private ScoreAccumulator accumulator(Metric rowMetric) {
        if (metric == null) {
            metric = rowMetric;
            ratings = ScoreAccumulator.of(rowMetric);
        } else if (!metric.equals(rowMetric)) {
            throw new IllegalArgumentException("a " + rowMetric + " row in a " + metric + " state");
        }
        return Objects.requireNonNull(ratings);
    }

    /**
     * Adds another state into this one; {@code other} is unchanged.
     *
     * @param other a state of the same metric, or of none
     * @throws IllegalArgumentException if both have metrics and they differ
     */
    public void merge(ScoreState other) {
        if (other.metric != null) {
            accumulator(other.metric).merge(Objects.requireNonNull(other.ratings));
        }
        withoutScore += other.withoutScore;
        rejected += other.rejected;
    }

    /** Returns the ratings so far; empty NPS ratings while no metric is known. */
    public RatingDistribution ratings() {
        return ratings == null ? RatingDistribution.empty(Metric.NPS) : ratings.snapshot();
    }

    /** Returns the number of rows without a score. */
    public long withoutScore() {
        return withoutScore;
    }

    /** Returns the number of rows rejected: a score off the scale, or an invalid weight. */
    public long rejected() {
        return rejected;
    }

    /** Returns every row recorded: ratings + without score + rejected. */
    public long rows() {
        return ratings().n() + withoutScore + rejected;
    }

    /**
     * Returns the byte form (kind 6): a flag byte (bit 0 weighted, bit 1 metric known), the metric
     * and cells when known, then rows without score and rejected rows as varints.
     *
     * @return the bytes
     */
    public byte[] toBytes() {
        ByteForm.Writer out = ByteForm.Writer.start(ByteForm.SCORE_STATE, 48);
        RatingDistribution d = ratings == null ? null : ratings.snapshot();
        int flags = (d != null && d.isWeighted() ? 1 : 0) | (metric != null ? 2 : 0);
        out.u8(flags);
        if (d != null) {
            out.metric(d.metric());
            ScoreBytes.writeCells(out, d.counts(), 0, d.metric().points(),
                    d.isWeighted() ? ScoreBytes.weights(d) : null, d.sumSquaredWeights());
        }
        out.varLong(withoutScore).varLong(rejected);
        return out.finish();
    }

    /**
     * Reads a state from its byte form.
     *
     * @param bytes bytes written by {@link #toBytes()}
     * @return the state
     * @throws ByteFormatException if the bytes are not a valid score state
     */
    public static ScoreState fromBytes(byte[] bytes) {
        ByteForm.Reader in = ByteForm.Reader.open(bytes, ByteForm.SCORE_STATE);
        int flags = in.u8();
        if ((flags & ~3) != 0 || flags == 1) {
            throw in.error("flags 0x" + Integer.toHexString(flags) + " are not a score state's");
        }
        ScoreState state = empty();
        if ((flags & 2) != 0) {
            Metric metric = in.metric();
            RatingDistribution d = ScoreBytes.readCells(in, metric, (flags & 1) != 0);
            state.accumulator(metric).add(d);
        }
        state.withoutScore = in.varLong();
        state.rejected = in.varLong();
        in.end();
        return state;
    }

    /**
     * Merges two byte forms into the byte form of their merge.
     *
     * @param a a state's bytes
     * @param b another's
     * @return the merged state's bytes
     * @throws ByteFormatException if either is not a valid score state
     * @throws IllegalArgumentException if their metrics differ
     */
    public static byte[] mergeBytes(byte[] a, byte[] b) {
        ScoreState state = fromBytes(a);
        state.merge(fromBytes(b));
        return state.toBytes();
    }
}
