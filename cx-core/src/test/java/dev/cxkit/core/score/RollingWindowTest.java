package dev.cxkit.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollingWindowTest {

    private static long n(Map<GroupKey, RatingDistribution> window, String group) {
        RatingDistribution d = window.get(GroupKey.of(List.of("touchpoint"), List.of(group)));
        return d == null ? -1 : d.n();
    }

    @Test
    void holdsTheLastNIntervalsAndDropsTheOldest() {
        ConcurrentScoreTable live = ConcurrentScoreTable.create(Metric.NPS, "touchpoint");
        RollingWindow window = RollingWindow.of(live, 3);
        int counter = live.group("counter");
        assertThat(window.snapshot()).isEmpty();
        // interval i records i ratings at the counter; interval 3 opens the kiosk
        for (int interval = 1; interval <= 5; interval++) {
            for (int i = 0; i < interval; i++) {
                live.record(counter, 9);
            }
            if (interval == 3) {
                live.record(live.group("kiosk"), 2);
            }
            Map<GroupKey, RatingDistribution> w = window.roll();
            long expected = interval == 1 ? 1 : interval == 2 ? 3 : 3 * interval - 3; // the last three intervals
            assertThat(n(w, "counter")).as("after interval %d", interval).isEqualTo(expected);
            assertThat(n(w, "kiosk")).as("after interval %d", interval).isEqualTo(interval < 3 ? -1 : interval <= 5 ? 1 : 0);
            assertThat(window.snapshot()).isEqualTo(w);
        }
        window.roll(); // interval 6 is empty: the kiosk's rating of interval 3 leaves the window
        assertThat(n(window.snapshot(), "kiosk")).isZero();
        assertThat(n(window.snapshot(), "counter")).isEqualTo(4 + 5);
        assertThat(window.snapshot().keySet()).extracting(k -> k.value("touchpoint")).containsExactly("counter", "kiosk");
        assertThat(live.snapshot().get(GroupKey.of(List.of("touchpoint"), List.of("counter"))).n()).isEqualTo(15);
    }

    @Test
    void aWindowOfOneIsTheLastInterval() {
        ConcurrentScoreTable live = ConcurrentScoreTable.create(Metric.CES);
        RollingWindow window = RollingWindow.of(live, 1);
        int all = live.group();
        live.record(all, 7, 2.0);
        assertThat(window.roll().get(GroupKey.NONE).weightedN()).isEqualTo(2.0);
        live.record(all, 1);
        assertThat(window.roll().get(GroupKey.NONE).counts()).containsExactly(1, 0, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> RollingWindow.of(live, 0)).hasMessageContaining("at least 1 interval");
    }
}
