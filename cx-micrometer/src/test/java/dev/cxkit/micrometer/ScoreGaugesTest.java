package dev.cxkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cxkit.core.score.ConcurrentScoreTable;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.score.ScoreOptions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ScoreGaugesTest {

    private static double gauge(SimpleMeterRegistry registry, String name, String... tags) {
        Gauge gauge = registry.find(name).tags(tags).gauge();
        assertThat(gauge).as("%s %s", name, String.join(",", tags)).isNotNull();
        return gauge.value();
    }

    @Test
    void publishesValueIntervalNAndLowSampleFlagPerGroup() {
        ConcurrentScoreTable live = ConcurrentScoreTable.create(Metric.NPS, "touchpoint");
        ScoreGauges gauges = ScoreGauges.builder(live).tags(Tags.of("app", "shop")).build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        gauges.bindTo(registry);
        int counter = live.group("counter");
        // 3 promoters, 1 passive, 1 detractor: NPS (3 - 1) / 5 = 40 points
        for (int rating : new int[] {10, 9, 9, 7, 2}) {
            live.record(counter, rating);
        }
        assertThat(registry.find("cx.score.value").gauge()).as("no group before the first refresh").isNull();
        assertThat(gauges.refresh()).isEqualTo(1);

        Score expected = Score.of(RatingDistribution.ofCounts(Metric.NPS, 0, 0, 1, 0, 0, 0, 0, 1, 0, 2, 1));
        String[] tags = {"touchpoint", "counter", "metric", "nps", "app", "shop"};
        assertThat(gauge(registry, "cx.score.value", tags)).isCloseTo(40.0, within(1e-12));
        assertThat(gauge(registry, "cx.score.lower", tags)).isEqualTo(expected.interval().orElseThrow().lower());
        assertThat(gauge(registry, "cx.score.upper", tags)).isEqualTo(expected.interval().orElseThrow().upper());
        assertThat(gauge(registry, "cx.score.n", tags)).isEqualTo(5.0);
        assertThat(gauge(registry, "cx.score.low.sample", tags)).isEqualTo(1.0);
        assertThat(gauge(registry, "cx.score.groups.overflowed", "metric", "nps")).isZero();

        live.record(counter, 0); // cumulative: the next refresh counts all six
        gauges.refresh();
        assertThat(gauge(registry, "cx.score.n", tags)).isEqualTo(6.0);
        assertThat(gauge(registry, "cx.score.value", tags)).isCloseTo(100.0 * (3 - 2) / 6, within(1e-12));
    }

    @Test
    void anEmptyIntervalHasNoValueButNZero() {
        ConcurrentScoreTable live = ConcurrentScoreTable.create(Metric.CSAT, "location");
        ScoreGauges gauges = ScoreGauges.builder(live).interval().name("checkout.csat").build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        gauges.bindTo(registry);
        live.record(live.group((String) null), 5);
        gauges.refresh();
        assertThat(gauge(registry, "checkout.csat.value", "location", "none")).isEqualTo(100.0);
        gauges.refresh(); // nothing recorded in this interval
        assertThat(gauge(registry, "checkout.csat.value", "location", "none")).isNaN();
        assertThat(gauge(registry, "checkout.csat.lower", "location", "none")).isNaN();
        assertThat(gauge(registry, "checkout.csat.n", "location", "none")).isZero();
    }

    @Test
    void groupsBeyondTheLimitAndTheTablesOwnOverflowShareOneGroup() {
        ConcurrentScoreTable live = ConcurrentScoreTable.bounded(Metric.CES, 4, "touchpoint");
        ScoreGauges gauges = ScoreGauges.builder(live).maxGroups(2).build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        gauges.bindTo(registry);
        for (String tp : new String[] {"a", "b", "c", "d", "e", "f"}) { // e and f go to the table's overflow
            live.record(live.group(tp), 7);
        }
        assertThat(gauges.refresh()).isEqualTo(3); // a, b and (other)
        assertThat(gauge(registry, "cx.score.n", "touchpoint", "a")).isEqualTo(1);
        assertThat(gauge(registry, "cx.score.n", "touchpoint", ConcurrentScoreTable.OVERFLOW)).isEqualTo(4);
        assertThat(registry.find("cx.score.n").tags("touchpoint", "c").gauge()).isNull();
        assertThat(gauge(registry, "cx.score.groups.overflowed", "metric", "ces")).isEqualTo(2);
        assertThat(registry.find("cx.score.value").gauges()).hasSize(3);
    }

    @Test
    void aWindowMergesTheLastIntervals() {
        ConcurrentScoreTable live = ConcurrentScoreTable.create(Metric.NPS);
        ScoreGauges gauges = ScoreGauges.builder(live).window(2).build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        gauges.bindTo(registry);
        int all = live.group();
        for (int interval = 1; interval <= 3; interval++) {
            for (int i = 0; i < interval; i++) {
                live.record(all, 10);
            }
            gauges.refresh();
        }
        assertThat(gauge(registry, "cx.score.n", "metric", "nps")).isEqualTo(2 + 3);
    }

    @Test
    void closeRemovesEveryGaugeAndALateRegistryGetsTheGroupsSoFar() {
        ConcurrentScoreTable live = ConcurrentScoreTable.create(Metric.NPS, "touchpoint");
        ScoreGauges gauges = ScoreGauges.builder(live).build();
        live.record(live.group("counter"), 9);
        gauges.refresh();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        gauges.bindTo(registry);
        gauges.bindTo(registry); // binding twice registers once
        assertThat(gauge(registry, "cx.score.n", "touchpoint", "counter")).isEqualTo(1);
        assertThat(registry.getMeters()).hasSize(5 + 1);
        gauges.close();
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void optionsAreCheckedWhenSet() {
        ScoreGauges.Builder builder = ScoreGauges.builder(ConcurrentScoreTable.create(Metric.NPS));
        assertThatThrownBy(() -> builder.maxGroups(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> builder.window(0)).hasMessageContaining("at least 1 interval");
        assertThatThrownBy(() -> builder.name(" ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> builder.options(null)).isInstanceOf(NullPointerException.class);
        ScoreOptions strict = ScoreOptions.defaults().withMinN(1);
        assertThat(builder.options(strict).build()).isNotNull();
    }
}
