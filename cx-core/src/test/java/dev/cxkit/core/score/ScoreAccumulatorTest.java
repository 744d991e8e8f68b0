package dev.cxkit.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScoreAccumulatorTest {

    @Test
    void bulkRecordCountsTheRangeAndIsAllOrNothing() {
        ScoreAccumulator acc = ScoreAccumulator.of(Metric.CSAT);
        acc.record(new byte[] {9, 5, 5, 1, 9}, 1, 4); // 5, 5, 1
        assertThat(acc.snapshot().counts()).containsExactly(1, 0, 0, 0, 2);

        assertThatThrownBy(() -> acc.record(new byte[] {4, 0, 5}, 0, 3))
                .hasMessage("index 1: rating 0 is outside 1..5 for csat");
        assertThat(acc.snapshot().n()).isEqualTo(3);

        acc.record(2, 2.0); // weighted from here on: the bulk path keeps the weight sums
        acc.record(new byte[] {3}, 0, 1);
        assertThat(acc.snapshot().weightedN()).isEqualTo(6.0);
        assertThat(acc.snapshot().sumSquaredWeights()).isEqualTo(3 + 4 + 1);
    }
}
