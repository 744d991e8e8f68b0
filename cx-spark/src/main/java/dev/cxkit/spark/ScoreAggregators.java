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

    /** {@code cx_nps / cx_csat / cx_ces (score, weight)}: the score struct of one metric. */
    static final class OfMetric extends Aggregator<Tuple2<Integer, Double>, ScoreState, Row> {
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
        public ScoreState reduce(ScoreState buffer, Tuple2<Integer, Double> row) {
            buffer.record(row._1(), row._2());
            return buffer;
        }

        @Override
        public ScoreState merge(ScoreState a, ScoreState b) {
            a.merge(b);
            return a;
        }

        @Override
        public Row finish(ScoreState state) {
            return ScoreRows.score(Score.of(state.ratings(), options), state);
        }

        @Override
        public Encoder<ScoreState> bufferEncoder() {
            return StateEncoder.scoreState();
        }

        @Override
        public Encoder<Row> outputEncoder() {
            return Encoders.row(ScoreRows.SCORE);
        }
    }

    /** {@code cx_state(metric, score, weight)}: the partial state, as bytes. */
    static final class State extends Aggregator<Tuple3<String, Integer, Double>, ScoreState, byte[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public ScoreState zero() {
            return ScoreState.empty();
        }

        @Override
        public ScoreState reduce(ScoreState buffer, Tuple3<String, Integer, Double> row) {
            buffer.record(Metric.parse(row._1()), row._2(), row._3());
            return buffer;
        }

        @Override
        public ScoreState merge(ScoreState a, ScoreState b) {
            a.merge(b);
            return a;
        }

        @Override
        public byte[] finish(ScoreState state) {
            return state.toBytes();
        }

        @Override
        public Encoder<ScoreState> bufferEncoder() {
            return StateEncoder.scoreState();
        }

        @Override
        public Encoder<byte[]> outputEncoder() {
            return Encoders.BINARY();
        }
    }

    /** {@code cx_merge(state)}: states merged, as bytes; NULL states are skipped. */
    static final class Merge extends Aggregator<byte[], ScoreState, byte[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public ScoreState zero() {
            return ScoreState.empty();
        }

        @Override
        public ScoreState reduce(ScoreState buffer, byte[] state) {
            if (state != null) {
                buffer.merge(ScoreState.fromBytes(state));
            }
            return buffer;
        }

        @Override
        public ScoreState merge(ScoreState a, ScoreState b) {
            a.merge(b);
            return a;
        }

        @Override
        public byte[] finish(ScoreState state) {
            return state.toBytes();
        }

        @Override
        public Encoder<ScoreState> bufferEncoder() {
            return StateEncoder.scoreState();
        }

        @Override
        public Encoder<byte[]> outputEncoder() {
            return Encoders.BINARY();
        }
    }
}
