package dev.cxkit.report;

import static dev.cxkit.report.format.ReportFixtures.csat;
import static dev.cxkit.report.format.ReportFixtures.nps;
import static dev.cxkit.report.format.ReportFixtures.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.core.journey.loop.ControlChart.Share;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.core.stats.Interval;
import dev.cxkit.core.stats.IntervalMethod;
import dev.cxkit.report.Provenance.Rows;
import dev.cxkit.report.format.ReportFixtures;
import dev.cxkit.report.section.ClosedLoop.CallBack;
import dev.cxkit.report.section.ClosedLoop.Recognition;
import dev.cxkit.report.section.ClosedLoop;
import dev.cxkit.report.section.Consistency.Alternation;
import dev.cxkit.report.section.Consistency.PeriodShare;
import dev.cxkit.report.section.Consistency.Swing;
import dev.cxkit.report.section.Headline.HeadlineScore;
import dev.cxkit.report.section.Headline;
import dev.cxkit.report.section.Journeys.FunnelStep;
import dev.cxkit.report.section.Journeys.LimitKind;
import dev.cxkit.report.section.Journeys.Percentiles;
import dev.cxkit.report.section.Journeys.PromiseResult;
import dev.cxkit.report.section.Journeys;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HealthReportTest {

    @Test
    void aSectionIsPresentOrAbsentWithAReason() {
        assertThat(Section.of("x").isPresent()).isTrue();
        Section<String> absent = Section.absent("No incidents were given.");
        assertThat(absent.isPresent()).isFalse();
        assertThat(absent.absentNote()).isEqualTo("No incidents were given.");
        assertThatThrownBy(() -> Section.absent(" ")).hasMessageContaining("needs a sentence");
        assertThatThrownBy(() -> new Section<>(Optional.of("x"), "but also absent"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rowsAddUp() {
        assertThat(new Rows(10, 7, 2, 1).read()).isEqualTo(10);
        assertThatThrownBy(() -> new Rows(10, 7, 2, 0)).hasMessageContaining("read = accepted + rejected + duplicates");
        assertThat(new Rows(10, 5, 2, 1, 2).filtered()).isEqualTo(2);
        assertThatThrownBy(() -> new Rows(10, 5, 2, 1, 1)).hasMessageContaining("+ filtered");
        assertThat(ReportFixtures.provenance().total()).isEqualTo(new Rows(42_620, 42_288, 36, 296));
    }

    @Test
    void headlineScoresAreInMetricOrderOncePerMetric() {
        HeadlineScore csatScore = new HeadlineScore("2026-03", score(csat(1, 1, 8)), Optional.empty());
        HeadlineScore npsScore = new HeadlineScore("2026-03", score(nps(1, 1, 8)), Optional.empty());
        assertThat(new Headline(List.of(csatScore, npsScore)).scores()).containsExactly(npsScore, csatScore);
        assertThatThrownBy(() -> new Headline(List.of(npsScore, npsScore))).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> new Headline(List.of())).hasMessageContaining("make the section absent instead");
    }

    @Test
    void funnelAndPromisesAreChecked() {
        assertThat(new FunnelStep("served", 90, 95, 80, 10).falloutRate().getAsDouble()).isEqualTo(0.1);
        assertThat(new FunnelStep("served", 0, 0, 0, 0).falloutRate()).isEmpty();
        assertThatThrownBy(() -> new FunnelStep("served", 96, 95, 80, 10)).hasMessageContaining("must not exceed");
        PromiseResult kept = ReportFixtures.promise("p", "ordered", "served", LimitKind.AT_MOST, Duration.ofMinutes(20),
                SatisfactionFactor.TIMELINESS, null, 10, 3);
        assertThat(kept.breachRate().getAsDouble()).isEqualTo(0.3);
        assertThat(kept.description()).isEqualTo("served ≤ 20m after ordered");
        assertThat(ReportFixtures.promise("n", "notice", "arrival", LimitKind.AT_LEAST, Duration.ofMinutes(30),
                SatisfactionFactor.PEOPLE, null, 0, 0).description()).isEqualTo("notice ≥ 30m before arrival");
        Interval percent = new Interval(10, 50, 0.95, IntervalMethod.WILSON);
        assertThatThrownBy(() -> new PromiseResult("p", "a", "b", LimitKind.AT_MOST, Duration.ofMinutes(1),
                SatisfactionFactor.TIMELINESS, Optional.empty(), 10, 3, Optional.of(percent)))
                .hasMessageContaining("a share in [0, 1], not percent");
        assertThatThrownBy(() -> new PromiseResult("p", "a", "b", LimitKind.AT_MOST, Duration.ofMinutes(1),
                SatisfactionFactor.TIMELINESS, Optional.empty(), 3, 4, Optional.empty()))
                .hasMessageContaining("4 breaches in 3 checks");
        assertThatThrownBy(() -> new Percentiles(Duration.ofMinutes(5), Duration.ofMinutes(4), Duration.ofMinutes(9)))
                .hasMessageContaining("p50 <= p90 <= p99");
    }

    @Test
    void theJourneySectionHoldsEachDefinitionOnce() {
        HealthReport r = ReportFixtures.realistic();
        Journeys visit = ReportFixtures.journeys();
        Journeys delivery = new Journeys("delivery", 10, List.of(), List.of());
        HealthReport two = withJourneys(r, Section.of(List.of(visit, delivery)));
        assertThat(two.journeys().content().orElseThrow()).extracting(Journeys::definition)
                .containsExactly("restaurant-visit", "delivery");
        assertThatThrownBy(() -> withJourneys(r, Section.of(List.of(visit, visit))))
                .hasMessageContaining("journey definition restaurant-visit appears twice");
        assertThatThrownBy(() -> withJourneys(r, Section.of(List.of()))).hasMessageContaining("no journey definitions");
    }

    private static HealthReport withJourneys(HealthReport r, Section<List<Journeys>> journeys) {
        return new HealthReport(r.title(), r.provenance(), r.headline(), r.scores(), journeys, r.failureImpact(),
                r.recoveryPlans(), r.recoveryEffectiveness(), r.consistency(), r.closedLoop());
    }

    @Test
    void findingsMustBeFindings() {
        Interval limits = new Interval(0.2, 0.4, 0.9973, IntervalMethod.WALD);
        assertThatThrownBy(() -> new Swing("Leith", Metric.NPS, Share.POSITIVE, "2026-03", 0.3, limits))
                .as("30% lies inside [20%, 40%]").hasMessageContaining("outside its control limits");
        assertThatThrownBy(() -> new Swing("Leith", Metric.NPS, Share.POSITIVE, "2026-03", 30, limits))
                .as("a share, not a percentage").hasMessageContaining("share in [0, 1]");
        assertThatThrownBy(() -> new Swing("Leith", Metric.NPS, Share.POSITIVE, "2026-03", 0.1,
                new Interval(20, 40, 0.9973, IntervalMethod.WALD))).hasMessageContaining("share in [0, 1]");
        List<PeriodShare> three = List.of(new PeriodShare("1", 0.8), new PeriodShare("2", 0.1),
                new PeriodShare("3", 0.8));
        assertThatThrownBy(() -> new Alternation("Leith", Metric.NPS, Share.POSITIVE, three))
                .hasMessageContaining("at least 4");
        List<PeriodShare> repeated = List.of(new PeriodShare("1", 0.8), new PeriodShare("2", 0.1),
                new PeriodShare("1", 0.8), new PeriodShare("2", 0.1));
        assertThatThrownBy(() -> new Alternation("Leith", Metric.NPS, Share.POSITIVE, repeated))
                .hasMessageContaining("appears twice");
    }

    @Test
    void closedLoopIsSortedByDueTimeAndMentions() {
        Instant t = Instant.parse("2026-04-01T08:00:00Z");
        ClosedLoop loop = new ClosedLoop(
                List.of(new CallBack("late", "kitchen", Metric.NPS, 3, t.plusSeconds(60), ""),
                        new CallBack("soon", "kitchen", Metric.NPS, 3, t, "")),
                List.of(new Recognition("Bo", 1, ""), new Recognition("Al", 4, ""), new Recognition("Ann", 4, "")));
        assertThat(loop.callBacks()).extracting(CallBack::customerId).containsExactly("soon", "late");
        assertThat(loop.recognitions()).extracting(Recognition::staff).containsExactly("Al", "Ann", "Bo");
        assertThat(loop.callBacks().get(0).overdueAt(t.plusSeconds(1))).isTrue();
        assertThat(loop.callBacks().get(0).overdueAt(t)).isFalse();
        assertThatThrownBy(() -> new CallBack("c", "kitchen", Metric.NPS, 11, t, ""))
                .hasMessageContaining("rating 11 is off the nps scale");
    }
}
