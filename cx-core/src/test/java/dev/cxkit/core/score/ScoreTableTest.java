package dev.cxkit.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreTableTest {

    @Test
    void recordsCountsPerGroupAndRating() {
        ScoreTable table = ScoreTable.create(Metric.NPS, "touchpoint");
        int counter = table.group("counter");
        int kitchen = table.group("kitchen");
        table.record(counter, 10);
        table.record(counter, 10);
        table.record(counter, 3);
        table.record(kitchen, 7);

        assertThat(table.groupCount()).isEqualTo(2);
        assertThat(table.group("counter")).isEqualTo(counter);
        assertThat(table.snapshot(counter).count(10)).isEqualTo(2);
        assertThat(table.snapshot(counter).count(3)).isEqualTo(1);
        assertThat(table.snapshot(counter).n()).isEqualTo(3);
        assertThat(table.snapshot(kitchen).count(7)).isEqualTo(1);
        assertThat(table.key(kitchen).value("touchpoint")).isEqualTo("kitchen");
        assertThat(table.total().n()).isEqualTo(4);
    }

    @Test
    void columnarRecordMatchesRecordOneByOne() {
        ScoreTable bulk = ScoreTable.create(Metric.CSAT, "g");
        ScoreTable single = ScoreTable.create(Metric.CSAT, "g");
        for (int g = 0; g < 3; g++) {
            bulk.group("g" + g);
            single.group("g" + g);
        }
        int[] groups = {0, 1, 2, 2, 1, 0, 0};
        byte[] ratings = {1, 5, 4, 4, 3, 2, 5};
        bulk.record(groups, ratings, 1, 6);
        for (int i = 1; i < 6; i++) {
            single.record(groups[i], ratings[i]);
        }
        assertThat(bulk.snapshot()).isEqualTo(single.snapshot());
    }

    @Test
    void columnarRecordIsAllOrNothing() {
        ScoreTable table = ScoreTable.create(Metric.NPS, "g");
        table.group("a");
        table.group("b");
        table.record(0, 9);
        int[] groups = {0, 1, 0, 1};
        byte[] ratings = {10, 9, 11, 0};
        assertThatThrownBy(() -> table.record(groups, ratings, 0, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 2")
                .hasMessageContaining("rating 11 is outside 0..10 for nps");
        assertThat(table.snapshot(0).n()).isEqualTo(1);
        assertThat(table.snapshot(1).n()).isZero();

        int[] badGroups = {0, 5};
        assertThatThrownBy(() -> table.record(badGroups, new byte[] {1, 1}, 0, 2))
                .hasMessageContaining("index 1: group 5 is not registered");
        assertThat(table.total().n()).isEqualTo(1);
    }

    @Test
    void rejectsInvalidSingleRecords() {
        ScoreTable table = ScoreTable.create(Metric.CES);
        int g = table.group(List.of());
        assertThatThrownBy(() -> table.record(g, 0)).hasMessageContaining("rating 0 is outside 1..7 for ces");
        assertThatThrownBy(() -> table.record(g, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.record(1, 3)).hasMessageContaining("group 1 is not registered");
        // also weights whose square over- or underflows: the snapshot could not hold them (1e200, 1e-200)
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY, 1e200, 1e-200, 1e155, 2e6, 5e-7}) {
            assertThatThrownBy(() -> table.record(g, 3, bad)).hasMessageContaining("is outside 0.000001..1000000");
        }
        assertThat(table.snapshot(g).isEmpty()).isTrue();
        table.record(g, 3, 1e6);
        table.record(g, 3, 1e-6);
        assertThat(Score.of(table.snapshot(g), ScoreOptions.defaults()).value()).isPresent();
        table.record(g, 4, 1e6); // the score is still defined at the range's ends
        assertThat(table.snapshot(g).effectiveN()).isFinite().isPositive();
    }

    @Test
    void weightedRecordingKeepsKishSums() {
        ScoreTable table = ScoreTable.create(Metric.NPS);
        int g = table.group();
        table.record(g, 10); // weight 1 before the table switches to weights
        table.record(g, 0, 2.0);
        table.record(g, 9, 0.5);
        RatingDistribution d = table.snapshot(g);
        assertThat(d.isWeighted()).isTrue();
        assertThat(d.n()).isEqualTo(3);
        assertThat(d.weightedN()).isEqualTo(3.5);
        assertThat(d.sumSquaredWeights()).isEqualTo(1 + 4 + 0.25);
        // Kish: (Σw)² / Σw² = 12.25 / 5.25, evaluated by hand
        assertThat(d.effectiveN()).isCloseTo(2.3333333333333335, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(d.weight(10)).isEqualTo(1.0);
        assertThat(d.weight(0)).isEqualTo(2.0);
    }

    @Test
    void mergeAddsByKeyAndRegistersNewGroups() {
        ScoreTable a = ScoreTable.create(Metric.NPS, "loc");
        a.record(a.group("north"), 10);
        ScoreTable b = ScoreTable.create(Metric.NPS, "loc");
        b.record(b.group("south"), 0);
        b.record(b.group("north"), 9);
        a.merge(b);
        assertThat(a.groupCount()).isEqualTo(2);
        assertThat(a.snapshot(a.group("north")).n()).isEqualTo(2);
        assertThat(a.snapshot(a.group("south")).count(0)).isEqualTo(1);
        assertThat(b.snapshot(b.group("north")).n()).isEqualTo(1);

        assertThatThrownBy(() -> a.merge(ScoreTable.create(Metric.CSAT, "loc"))).hasMessageContaining("cannot merge");
        assertThatThrownBy(() -> a.merge(ScoreTable.create(Metric.NPS, "other"))).hasMessageContaining("cannot merge");
    }

    @Test
    void snapshotsDoNotChangeWhenTheTableDoes() {
        ScoreTable table = ScoreTable.create(Metric.NPS);
        int g = table.group();
        table.record(g, 5);
        RatingDistribution before = table.snapshot(g);
        table.record(g, 5);
        assertThat(before.count(5)).isEqualTo(1);
        assertThat(table.snapshot(g).count(5)).isEqualTo(2);
    }

    @Test
    void growsBeyondInitialCapacityWithWeights() {
        ScoreTable table = ScoreTable.create(Metric.NPS, "customer");
        table.record(table.group("c0"), 10, 2.0);
        for (int i = 1; i < 1000; i++) {
            table.record(table.group("c" + i), i % 11, 1.5);
        }
        assertThat(table.groupCount()).isEqualTo(1000);
        assertThat(table.snapshot(999).weight(999 % 11)).isEqualTo(1.5);
        assertThat(table.snapshot(999).sumSquaredWeights()).isEqualTo(2.25);
        assertThat(table.total().n()).isEqualTo(1000);
    }

    @Test
    void groupNeedsOneValuePerDimension() {
        ScoreTable table = ScoreTable.create(Metric.NPS, "a", "b");
        assertThatThrownBy(() -> table.group("x")).hasMessageContaining("expected 2 values");
        assertThatThrownBy(() -> ScoreTable.create(Metric.NPS, "a", "a")).hasMessageContaining("distinct");
    }
}
