package dev.cxkit.core.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cxkit.core.score.GroupKey;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseScorerTest {

    private static Response nps(int score, String touchpoint, String instant) {
        Response.Builder b = Response.builder(Metric.NPS, score).touchpoint(touchpoint);
        if (instant != null) {
            b.submittedAt(Instant.parse(instant));
        }
        return b.build();
    }

    @Test
    void groupsByFieldAndKeepsMetricsApart() {
        ResponseScorer scorer = ResponseScorer.create(Grouping.by(List.of("touchpoint")));
        scorer.record(nps(10, "counter", null));
        scorer.record(nps(0, "counter", null));
        scorer.record(nps(9, "kitchen", null));
        scorer.record(Response.builder(Metric.CSAT, 5).touchpoint("counter").build());
        scorer.record(nps(8, null, null));

        assertThat(scorer.metrics()).containsExactly(Metric.NPS, Metric.CSAT);
        Map<GroupKey, RatingDistribution> nps = scorer.snapshot(Metric.NPS);
        assertThat(nps).hasSize(3);
        GroupKey counter = new GroupKey(List.of("touchpoint"), List.of("counter"));
        assertThat(nps.get(counter).n()).isEqualTo(2);
        GroupKey missing = new GroupKey(List.of("touchpoint"), Arrays.asList((String) null));
        assertThat(nps.get(missing).count(8)).isEqualTo(1);
        assertThat(scorer.snapshot(Metric.CSAT).get(counter).count(5)).isEqualTo(1);
        assertThat(scorer.snapshot(Metric.CES)).isEmpty();
    }

    @Test
    void periodDependsOnTheTimeZone() {
        // 02:00 UTC on 1 March is still 28 February in New York (UTC-5).
        Response late = nps(9, "web", "2026-03-01T02:00:00Z");
        Response dated = Response.builder(Metric.NPS, 9).submittedOn(LocalDate.of(2026, 3, 1)).build();
        assertThat(Grouping.by(List.of(), Period.DAY, ZoneId.of("UTC")).keyOf(late)).containsExactly("2026-03-01");
        assertThat(Grouping.by(List.of(), Period.DAY, ZoneId.of("America/New_York")).keyOf(late))
                .containsExactly("2026-02-28");
        assertThat(Grouping.by(List.of(), Period.MONTH, ZoneId.of("America/New_York")).keyOf(late))
                .containsExactly("2026-02");
        // a date-only submission is the same date in every zone
        assertThat(Grouping.by(List.of(), Period.DAY, ZoneId.of("America/New_York")).keyOf(dated))
                .containsExactly("2026-03-01");
    }

    @Test
    void periodCacheFollowsDayBoundaries() {
        Grouping weekly = Grouping.by(List.of("touchpoint"), Period.DAY, ZoneId.of("Europe/Paris"));
        ResponseScorer scorer = ResponseScorer.create(weekly);
        scorer.record(nps(9, "a", "2026-03-28T22:59:59Z")); // 23:59:59 in Paris (UTC+1)
        scorer.record(nps(9, "a", "2026-03-28T23:00:00Z")); // 00:00 on the 29th, DST starts that night
        scorer.record(nps(9, "a", "2026-03-29T21:59:59Z")); // 23:59:59 (UTC+2)
        scorer.record(nps(9, "a", "2026-03-29T22:00:00Z")); // the 30th
        scorer.record(nps(9, "a", null));
        assertThat(scorer.snapshot(Metric.NPS).keySet()).extracting(k -> k.value("period"))
                .containsExactly("2026-03-28", "2026-03-29", "2026-03-30", null);
        assertThat(scorer.snapshot(Metric.NPS).values()).extracting(RatingDistribution::n)
                .containsExactly(1L, 2L, 1L, 1L);
    }

    @Test
    void attributesGroupAndWeightsFlowThrough() {
        ResponseScorer scorer = ResponseScorer.create(Grouping.by(List.of("stage", "location")));
        scorer.record(Response.builder(Metric.CES, 7).attribute("stage", "pay").location("north").weight(2).build());
        scorer.record(Response.builder(Metric.CES, 1).attribute("stage", "pay").location("north").build());
        RatingDistribution d = scorer.snapshot(Metric.CES).get(new GroupKey(List.of("stage", "location"), List.of("pay", "north")));
        assertThat(d.weightedN()).isEqualTo(3.0);
        assertThat(d.mean()).isEqualTo((7 * 2 + 1) / 3.0);
    }

    @Test
    void mergeCombinesScorersWithTheSameGrouping() {
        Grouping g = Grouping.by(List.of("touchpoint"));
        ResponseScorer a = ResponseScorer.create(g);
        a.record(nps(10, "x", null));
        ResponseScorer b = ResponseScorer.create(g);
        b.record(nps(3, "x", null));
        b.record(Response.builder(Metric.CSAT, 4).touchpoint("y").build());
        a.merge(b);
        assertThat(a.snapshot(Metric.NPS).values()).extracting(RatingDistribution::n).containsExactly(2L);
        assertThat(a.metrics()).containsExactly(Metric.NPS, Metric.CSAT);
        assertThatThrownBy(() -> a.merge(ResponseScorer.create(Grouping.none()))).hasMessageContaining("cannot merge");
    }

    /**
     * Clustered by customer, the interval is the design-based one; the data and R's values are
     * {@code LinearizedMeanTest}'s ({@code confint(svymean(~y, svydesign(ids = ~cust, weights = ~w)))}).
     */
    @Test
    void clusteredByCustomerEveryIntervalIsTheLinearizedOne() {
        int[] ratings = {10, 9, 3, 7, 10, 6, 2, 9, 8, 10, 5, 9, 0, 10};
        double[] weights = {1.2, 0.8, 2.5, 1, 1, 0.6, 3, 1.4, 0.9, 1.1, 2, 0.7, 1.8, 1};
        String[] customers = {"a", "a", "b", "c", "c", "c", "d", "e", "f", "f", "g", "h", "h", "i"};
        ResponseScorer whole = ResponseScorer.create(Grouping.by(List.of("location")), "customer_id");
        ResponseScorer first = ResponseScorer.create(Grouping.by(List.of("location")), "customer_id");
        ResponseScorer second = ResponseScorer.create(Grouping.by(List.of("location")), "customer_id");
        for (int i = 0; i < ratings.length; i++) {
            Response r = Response.builder(Metric.NPS, ratings[i]).weight(weights[i]).customerId(customers[i])
                    .location("York").build();
            whole.record(r);
            (i % 3 == 0 ? first : second).record(r);
            // another location, which must not leak into York's clusters
            second.record(Response.builder(Metric.NPS, 0).customerId(customers[i]).location("Leeds").build());
        }
        first.merge(second);
        for (ResponseScorer scorer : List.of(whole, first)) {
            var york = scorer.scores(dev.cxkit.core.score.ScoreOptions.defaults()).stream()
                    .filter(s -> "York".equals(s.group().value("location"))).findFirst().orElseThrow().score();
            assertThat(york.value().getAsDouble()).isCloseTo(-14.2105263157895, within(1e-9));
            var interval = york.interval().orElseThrow();
            assertThat(interval.method()).isEqualTo(dev.cxkit.core.stats.IntervalMethod.LINEARIZED);
            assertThat(interval.lower()).isCloseTo(-70.3313087623786, within(1e-9));
            assertThat(interval.upper()).isCloseTo(41.9102561307996, within(1e-9));
        }
        assertThatThrownBy(() -> whole.merge(ResponseScorer.create(Grouping.by(List.of("location")))))
                .hasMessageContaining("clustered by");
    }

    @Test
    void responsesAreValidated() {
        assertThatThrownBy(() -> Response.of(Metric.NPS, 11)).hasMessage("score 11 is outside 0..10 for metric nps");
        assertThatThrownBy(() -> Response.builder(Metric.CSAT, 3).weight(0).build()).hasMessageContaining("weight 0.0");
        assertThatThrownBy(() -> Grouping.by(List.of("period"), Period.DAY, ZoneId.of("UTC"))).hasMessageContaining("clashes");
    }
}
