package dev.cxkit.spark;

import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.score.ScoreState;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Aggregator;
import scala.Tuple2;
import scala.Tuple3;

/**
 * The typed aggregators behind the SQL functions. Their buffers are {@link ScoreState}s, which
 * Spark keeps as objects within a partition and ships as cxkit's byte form between executors.
 */
final class ScoreAggregators {

    private ScoreAggregators() {
    }

    /** What every aggregator over score states shares: the merge and the buffer's encoder. */
    private abstract static class OverStates<I, O> extends Aggregator<I, ScoreState, O> {
        private static final long serialVersionUID = 1L;

        @Override
        public ScoreState merge(ScoreState a, ScoreState b) {
            a.merge(b);
            return a;
        }

        @Override
        public Encoder<ScoreState> bufferEncoder() {
            return StateEncoder.scoreState();
        }
    }

    /** A score struct of one metric, from any input. */
    private abstract static class OfMetric<I> extends OverStates<I, Row> {
        private static final long serialVersionUID = 1L;
        private final String metric;
        private final ScoreOptions options;

        OfMetric(Metric metric, ScoreOptions options) {
            this.metric = metric.id();
            this.options = options;
        }

        @Override
        public ScoreState zero() {
            return ScoreState.of(Metric.parse(metric));
        }

        @Override
        public Row finish(ScoreState state) {
            return ScoreRows.score(Score.of(state.ratings(), options), state);
        }

        @Override
        public Encoder<Row> outputEncoder() {
            return Encoders.row(ScoreRows.SCORE);
        }
    }

    /** {@code cx_nps / cx_csat / cx_ces (score)}: a bare integer per row, nothing allocated. */
    static final class OfScores extends OfMetric<Integer> {
        private static final long serialVersionUID = 1L;

        OfScores(Metric metric, ScoreOptions options) {
            super(metric, options);
        }

        @Override
        public ScoreState reduce(ScoreState buffer, Integer score) {
            if (score == null) {
                buffer.recordWithoutScore();
            } else {
                buffer.record(score.intValue());
            }
            return buffer;
        }
    }

    /** {@code cx_nps / cx_csat / cx_ces (score, weight)}. */
    static final class OfWeightedScores extends OfMetric<Tuple2<Integer, Double>> {
        private static final long serialVersionUID = 1L;

        OfWeightedScores(Metric metric, ScoreOptions options) {
            super(metric, options);
        }

        @Override
        public ScoreState reduce(ScoreState buffer, Tuple2<Integer, Double> row) {
            buffer.record(row._1(), row._2());
            return buffer;
        }
    }

    /**
     * The metric of a row of {@code cx_state}: the buffer's own when the text names it (no parsing
     * per row), else parsed.
     */
    static Metric metric(ScoreState buffer, String text) {
        Metric known = buffer.metric();
        return known != null && known.id().equalsIgnoreCase(text) ? known : Metric.parse(text);
    }

    /** {@code cx_state(metric, score)}: the partial state, as bytes. */
    static final class State extends States<Tuple2<String, Integer>> {
        private static final long serialVersionUID = 1L;

        @Override
        public ScoreState reduce(ScoreState buffer, Tuple2<String, Integer> row) {
            buffer.record(metric(buffer, row._1()), row._2(), null);
            return buffer;
        }
    }

    /** The partial state of any input, as bytes. */
    private abstract static class States<I> extends OverStates<I, byte[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public ScoreState zero() {
            return ScoreState.empty();
        }

        @Override
        public byte[] finish(ScoreState state) {
            return state.toBytes();
        }

        @Override
        public Encoder<byte[]> outputEncoder() {
            return Encoders.BINARY();
        }
    }

    /** {@code cx_state(metric, score, weight)}: the partial state, as bytes. */
    static final class WeightedState extends States<Tuple3<String, Integer, Double>> {
        private static final long serialVersionUID = 1L;

        @Override
        public ScoreState reduce(ScoreState buffer, Tuple3<String, Integer, Double> row) {
            buffer.record(metric(buffer, row._1()), row._2(), row._3());
            return buffer;
        }
    }

    /** {@code cx_merge(state)}: states merged, as bytes; NULL states are skipped. */
    static final class Merge extends States<byte[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public ScoreState reduce(ScoreState buffer, byte[] state) {
            if (state != null) {
                buffer.merge(ScoreState.fromBytes(state));
            }
            return buffer;
        }
    }
}
