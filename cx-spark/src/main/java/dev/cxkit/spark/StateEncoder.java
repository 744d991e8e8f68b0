package dev.cxkit.spark;

import dev.cxkit.core.score.ScoreState;
import java.io.Serializable;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.catalyst.encoders.AgnosticEncoders;
import org.apache.spark.sql.catalyst.encoders.Codec;
import scala.Function0;
import scala.reflect.ClassTag$;

/**
 * Spark's encoder of an aggregation buffer: a {@link ScoreState} kept as an object while a
 * partition aggregates, and crossing executors as cxkit's byte form (kind 6 of
 * {@code docs/format.md}), through Spark's {@code TransformingEncoder} and a {@link Codec}: no Java
 * serialization, no Kryo.
 */
final class StateEncoder {

    private StateEncoder() {
    }

    /** The codec: {@link ScoreState#toBytes()} and {@link ScoreState#fromBytes(byte[])}. */
    static final class StateCodec implements Codec<ScoreState, byte[]>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] encode(ScoreState in) {
            return in.toBytes();
        }

        @Override
        public ScoreState decode(byte[] out) {
            return ScoreState.fromBytes(out);
        }
    }

    /** A serializable provider of the codec, which Spark ships to executors. */
    private interface Provider extends Function0<Codec<? super ScoreState, byte[]>>, Serializable {
    }

    /** The encoder of a score state as a binary value. */
    static Encoder<ScoreState> scoreState() {
        Provider provider = StateCodec::new;
        return new AgnosticEncoders.TransformingEncoder<ScoreState, byte[]>(ClassTag$.MODULE$.apply(ScoreState.class),
                AgnosticEncoders.BinaryEncoder$.MODULE$, provider, false);
    }
}
