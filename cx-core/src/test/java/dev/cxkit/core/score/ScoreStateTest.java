package dev.cxkit.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScoreStateTest {

    /** From cx-core/src/test/python/golden_bytes.py, written from docs/format.md alone. */
    static final String NPS_STATE_GOLDEN = "435801060200000a090600000000000000000001000201ac716fb5";
    static final String EMPTY_STATE_GOLDEN = "435801060000005b16d62b";

    @Test
    void countsRowsWithoutScoreAndRejectedRowsBesideTheRatings() {
        ScoreState state = ScoreState.of(Metric.NPS);
        state.record(9, null);
        state.record(null, null);
        state.record(null, 2.0);
        state.record(11, null);
        assertThat(state.ratings()).isEqualTo(RatingDistribution.ofCounts(Metric.NPS, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0));
        assertThat(state.withoutScore()).isEqualTo(2);
        assertThat(state.rejected()).isEqualTo(1);
        assertThat(state.rows()).isEqualTo(4);
        assertThat(HexFormat.of().formatHex(state.toBytes())).isEqualTo(NPS_STATE_GOLDEN);
        assertThat(HexFormat.of().formatHex(ScoreState.empty().toBytes())).isEqualTo(EMPTY_STATE_GOLDEN);

        state.record(10);
        state.record(-3);   // the bare-integer path: off the scale is rejected too
        state.recordWithoutScore();
        assertThat(state.ratings().count(10)).isEqualTo(1);
        assertThat(state.rejected()).isEqualTo(2);
        assertThat(state.withoutScore()).isEqualTo(3);
        assertThatThrownBy(() -> ScoreState.empty().record(5)).isInstanceOf(IllegalStateException.class);
        state.record(5, 0.0);   // a weight outside the accepted range: rejected, not scored
        state.record(5, Double.NaN);
        assertThat(state.rejected()).isEqualTo(4);
        state.record(10, 2.5);
        assertThat(state.ratings().isWeighted()).isTrue();
    }

    @Test
    void theFirstRowSetsTheMetricAndStatesOfNoMetricMergeWithAny() {
        ScoreState state = ScoreState.empty();
        assertThat(state.metric()).isNull();
        assertThatThrownBy(() -> state.record(5, null)).isInstanceOf(IllegalStateException.class);
        state.merge(ScoreState.empty());
        state.record(Metric.CSAT, 5, null);
        assertThat(state.metric()).isEqualTo(Metric.CSAT);
        assertThatThrownBy(() -> state.record(Metric.NPS, 5, null)).hasMessage("a nps row in a csat state");
        ScoreState nps = ScoreState.of(Metric.NPS);
        nps.record(3, null);
        assertThatThrownBy(() -> state.merge(nps)).isInstanceOf(IllegalArgumentException.class);
        ScoreState none = ScoreState.empty();
        none.merge(state);
        assertThat(none.ratings()).isEqualTo(state.ratings());
    }

    static LongStream seeds() {
        return LongStream.range(1, 101).map(i -> i * 0x9E3779B97F4A7C15L);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void bytesRoundTripAndMergeAsInMemory(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ScoreState a = ScoreState.empty();
        ScoreState b = ScoreState.empty();
        for (ScoreState s : new ScoreState[] {a, b}) {
            int rows = random.nextInt(0, 50);
            for (int i = 0; i < rows; i++) {
                Integer score = random.nextInt(10) == 0 ? null : random.nextInt(-1, 12);
                Double weight = random.nextInt(3) == 0 ? 0.5 + random.nextDouble() * 3 : null;
                s.record(Metric.NPS, score, weight);
            }
        }
        ScoreState back = ScoreState.fromBytes(a.toBytes());
        assertThat(back.toBytes()).as("seed %d", seed).isEqualTo(a.toBytes());
        assertThat(back.rows()).as("seed %d", seed).isEqualTo(a.rows());
        ScoreState merged = ScoreState.fromBytes(a.toBytes());
        merged.merge(b);
        assertThat(ScoreState.mergeBytes(a.toBytes(), b.toBytes())).as("seed %d", seed).isEqualTo(merged.toBytes());
        assertThat(merged.rows()).as("seed %d", seed).isEqualTo(a.rows() + b.rows());
    }

    @Test
    void badBytesAreRefused() {
        byte[] bytes = HexFormat.of().parseHex(NPS_STATE_GOLDEN);
        bytes[5] ^= 1;
        assertThatThrownBy(() -> ScoreState.fromBytes(bytes)).isInstanceOf(ByteFormatException.class)
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> ScoreState.fromBytes(RatingDistribution.empty(Metric.NPS).toBytes()))
                .hasMessage("expected a score state, found a rating distribution");
    }
}
