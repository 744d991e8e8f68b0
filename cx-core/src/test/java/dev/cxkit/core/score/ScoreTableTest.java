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

    /** Weighted columns, then unweighted columns into the now weighted table, by hand. */
    @Test
    void weightedColumnsKeepCountsWeightsAndKishSums() {
        ScoreTable table = ScoreTable.create(Metric.CSAT, "store");
        int york = table.group("york");
        int leeds = table.group("leeds");
        table.record(new int[] {york, leeds, york, leeds}, new byte[] {5, 1, 4, 3}, new double[] {9, 9, 2, 0.5}, 1, 4);
        RatingDistribution y = table.snapshot(york);
        RatingDistribution l = table.snapshot(leeds);
        assertThat(y.counts()).containsExactly(0, 0, 0, 1, 0);
        assertThat(y.weight(4)).isEqualTo(2.0);
        assertThat(y.sumSquaredWeights()).isEqualTo(4.0);
        assertThat(l.counts()).containsExactly(1, 0, 1, 0, 0);
        assertThat(l.weightedN()).isEqualTo(9.5);
        assertThat(l.sumSquaredWeights()).isEqualTo(81.25);
        // unweighted columns into a weighted table count with weight 1
        table.record(new int[] {leeds, york}, new byte[] {5, 5}, 0, 2);
        assertThat(table.snapshot(leeds).weight(5)).isEqualTo(1.0);
        assertThat(table.snapshot(leeds).sumSquaredWeights()).isEqualTo(82.25);
        assertThat(table.snapshot(york).weightedN()).isEqualTo(3.0);
        assertThat(table.snapshot(york).sumSquaredWeights()).isEqualTo(5.0);
        // and so does the one-group bulk path of an ungrouped accumulator
        table.record(york, new byte[] {1, 2, 3}, 1, 3);
        assertThat(table.snapshot(york).counts()).containsExactly(0, 1, 1, 1, 1);
        assertThat(table.snapshot(york).sumSquaredWeights()).isEqualTo(7.0);
        assertThatThrownBy(() -> table.record(new int[] {york}, new byte[] {4}, new double[] {0}, 0, 1))
                .hasMessageContaining("index 0").hasMessageContaining("weight");
        assertThatThrownBy(() -> table.record(new int[] {york, 2}, new byte[] {4, 4}, 0, 2))
                .hasMessageContaining("index 1: group 2 is not registered (0..1)");
        assertThat(table.snapshot(york).n()).isEqualTo(4);
        assertThatThrownBy(() -> table.record(york, new byte[] {3, 6}, 0, 2))
                .hasMessageContaining("index 1").hasMessageContaining("rating 6");
        assertThat(table.snapshot(york).n()).isEqualTo(4);
    }

    /** An unweighted table merged into a weighted one adds its counts with weight 1 each. */
    @Test
    void mergingUnweightedIntoWeightedCountsWeightOne() {
        ScoreTable weighted = ScoreTable.create(Metric.NPS, "loc");
        weighted.record(weighted.group("a"), 10, 3.0);
        ScoreTable plain = ScoreTable.create(Metric.NPS, "loc");
        plain.record(plain.group("a"), 0);
        plain.record(plain.group("a"), 0);
        plain.record(plain.group("b"), 7);
        weighted.merge(plain);
        RatingDistribution a = weighted.snapshot(weighted.group("a"));
        assertThat(a.n()).isEqualTo(3);
        assertThat(a.weightedN()).isEqualTo(5.0);
        assertThat(a.sumSquaredWeights()).isEqualTo(11.0);
        assertThat(weighted.snapshot(weighted.group("b")).sumSquaredWeights()).isEqualTo(1.0);
        // and the other way round the result is weighted too
        ScoreTable other = ScoreTable.create(Metric.NPS, "loc");
        other.record(other.group("a"), 0);
        ScoreTable heavy = ScoreTable.create(Metric.NPS, "loc");
        heavy.record(heavy.group("a"), 10, 3.0);
        other.merge(heavy);
        assertThat(other.snapshot(0).weightedN()).isEqualTo(4.0);
        assertThat(other.snapshot(0).sumSquaredWeights()).isEqualTo(10.0);
    }

    @Test
    void scoresEvaluateEveryGroupInRegistrationOrder() {
        ScoreTable table = ScoreTable.create(Metric.NPS, "loc");
        table.record(table.group("b"), 10);
        table.record(table.group("a"), 0);
        table.record(table.group("a"), 9);
        assertThat(table.metric()).isEqualTo(Metric.NPS);
        assertThat(table.dimensions()).containsExactly("loc");
        var scores = table.scores(ScoreOptions.defaults());
        assertThat(scores.keySet()).extracting(k -> k.value("loc")).containsExactly("b", "a");
        assertThat(scores.get(table.key(0)).value()).hasValue(100.0);
        assertThat(scores.get(table.key(1)).value()).hasValue(0.0);
        assertThat(scores.get(table.key(1)).n()).isEqualTo(2);
        assertThat(table.total().n()).isEqualTo(3);
        assertThat(table.total().count(10)).isEqualTo(1);
        assertThat(table.total().count(0)).isEqualTo(1);
        assertThatThrownBy(() -> table.key(2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.key(-1)).isInstanceOf(IllegalArgumentException.class);
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
