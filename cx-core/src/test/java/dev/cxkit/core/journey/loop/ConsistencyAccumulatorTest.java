package dev.cxkit.core.journey.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cxkit.core.journey.Journey;
import dev.cxkit.core.journey.JourneyAnalyzer;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.survey.Period;
import dev.cxkit.core.survey.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsistencyAccumulatorTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    /** Records {@code n} NPS answers at a location in a month, {@code promoters} of them 10 and the rest 5. */
    private static void month(ConsistencyAccumulator acc, String location, int month, int n, int promoters) {
        for (int i = 0; i < n; i++) {
            acc.record(Response.builder(Metric.NPS, i < promoters ? 10 : 5).location(location)
                    .submittedOn(LocalDate.of(2026, month, 10)).build(), null);
        }
    }

    /** York: promoters 10 of 50, 40 of 50, 50 of 100 in January to March. */
    private static ConsistencyAccumulator york() {
        ConsistencyAccumulator acc = ConsistencyAccumulator.create("location", Period.MONTH, UTC);
        month(acc, "York", 1, 50, 10);
        month(acc, "York", 2, 50, 40);
        month(acc, "York", 3, 100, 50);
        return acc;
    }

    private static ControlChart promoters(ConsistencyReport report, String unit) {
        return report.charts().stream().filter(c -> unit.equals(c.unit()) && c.share() == ControlChart.Share.POSITIVE)
                .findFirst().orElseThrow();
    }

    /**
     * By hand: promoters 10 of 50, 40 of 50, 50 of 100, so p̄ = 100/200 = 0.5; for n = 50 the
     * limits are 0.5 ± 3·√(0.25/50) = 0.5 ± 0.2121320 = [0.2878680, 0.7121320]; for n = 100
     * 0.5 ± 0.15 (the fixed limits: no false-alarm budget).
     */
    @Test
    void periodsOutsideTheThreeSigmaLimitsAreFlagged() {
        ConsistencyAccumulator acc = york();
        ConsistencyReport report = acc.snapshot(ConsistencyRules.defaults().withFamilyAlpha(0));
        ControlChart chart = promoters(report, "York");
        assertThat(chart.centre()).isEqualTo(0.5);
        assertThat(chart.points()).extracting(ControlChart.Point::period).containsExactly("2026-01", "2026-02",
                "2026-03");
        ControlChart.Point jan = chart.points().get(0);
        assertThat(jan.n()).isEqualTo(50);
        assertThat(jan.proportion()).isEqualTo(0.2);
        assertThat(jan.lower()).isCloseTo(0.2878680, within(1e-7));
        assertThat(jan.upper()).isCloseTo(0.7121320, within(1e-7));
        assertThat(jan.signal()).isEqualTo(ControlChart.Signal.BELOW);
        assertThat(chart.points().get(1).signal()).isEqualTo(ControlChart.Signal.ABOVE);
        ControlChart.Point mar = chart.points().get(2);
        assertThat(mar.lower()).isCloseTo(0.35, within(1e-12));
        assertThat(mar.upper()).isCloseTo(0.65, within(1e-12));
        assertThat(mar.signal()).isEqualTo(ControlChart.Signal.WITHIN);
        assertThat(chart.flagged()).isTrue();
        // detractors are the complement here (5 is a detractor): 40, 10, 50 of 50, 50, 100
        ControlChart detractors = report.charts().get(1);
        assertThat(detractors.share()).isEqualTo(ControlChart.Share.NEGATIVE);
        assertThat(detractors.points().get(0).proportion()).isEqualTo(0.8);
        assertThat(detractors.points().get(0).signal()).isEqualTo(ControlChart.Signal.ABOVE);
    }

    /**
     * With the false-alarm budget, whole counts get the exact binomial limits: 6 points judged (two
     * charts of 3), each side's tail 0.05 / 2 / (2 × 6) = 0.0020833; from R 4.2.2, at p̄ = 0.5 the
     * counts not flagged are 15..35 of 50 and 36..64 of 100 ({@code max(k[pbinom(k - 1, n, p,
     * lower.tail = FALSE) >= tail])}, {@code min(k[pbinom(k, n, p) >= tail])}). A flagged count
     * always lies outside its drawn limits.
     */
    @Test
    void theBudgetsExactBinomialLimitsAreTheOnesDrawn() {
        ConsistencyAccumulator acc = york();
        ControlChart chart = promoters(acc.snapshot(ConsistencyRules.defaults()), "York");
        ControlChart.Point jan = chart.points().get(0);
        assertThat(jan.lower()).isEqualTo(0.3);
        assertThat(jan.upper()).isEqualTo(0.7);
        assertThat(jan.signal()).isEqualTo(ControlChart.Signal.BELOW);
        assertThat(chart.points().get(1).signal()).isEqualTo(ControlChart.Signal.ABOVE);
        ControlChart.Point mar = chart.points().get(2);
        assertThat(mar.lower()).isEqualTo(0.36);
        assertThat(mar.upper()).isEqualTo(0.64);
        assertThat(mar.signal()).isEqualTo(ControlChart.Signal.WITHIN);
    }

    /**
     * Promoters 40, 55, 38, 52, 45, 62, 33 of 100 a month vary far more than binomial sampling
     * explains; from R 4.2.2 (see {@code ControlChartsTest}): p̄ = 0.464285714285714, Laney's
     * σ<sub>z</sub> = 2.93302368622534, so the 3σ limits widen from [0.314668856673904,
     * 0.613902571897524] to [0.0254559270516717, 0.903115501519757]: the plain p-chart would flag
     * June (0.62), the p′ chart does not. The alternating runs stay on binomial noise (2σ of a
     * difference: 0.1411): +15, −17 points, then +14 ends the run; +17, −29 make another.
     */
    @Test
    void overdispersedChartsGetLaneysWiderLimits() {
        int[] promoters = {40, 55, 38, 52, 45, 62, 33};
        ConsistencyAccumulator acc = ConsistencyAccumulator.create("location", Period.MONTH, UTC);
        for (int m = 0; m < promoters.length; m++) {
            month(acc, "York", m + 1, 100, promoters[m]);
        }
        ConsistencyRules threeSigma = ConsistencyRules.defaults().withFamilyAlpha(0).withAlternations(2);
        ControlChart chart = promoters(acc.snapshot(threeSigma), "York");
        assertThat(chart.dispersion()).isCloseTo(2.93302368622534, within(1e-12));
        assertThat(chart.overdispersed()).isTrue();
        ControlChart.Point june = chart.points().get(5);
        assertThat(june.lower()).isCloseTo(0.0254559270516717, within(1e-12));
        assertThat(june.upper()).isCloseTo(0.903115501519757, within(1e-12));
        assertThat(june.proportion()).isGreaterThan(0.613902571897524);
        assertThat(june.signal()).isEqualTo(ControlChart.Signal.WITHIN);
        assertThat(chart.points()).allMatch(p -> p.signal() == ControlChart.Signal.WITHIN);
        assertThat(chart.runs()).containsExactly(new ControlChart.AlternatingRun("2026-01", "2026-03", 2),
                new ControlChart.AlternatingRun("2026-05", "2026-07", 2));

        // six months of the same data are too few to estimate the dispersion from: the plain p-chart
        ConsistencyAccumulator shorter = ConsistencyAccumulator.create("location", Period.MONTH, UTC);
        for (int m = 0; m < ConsistencyRules.DEFAULT_LANEY_MIN_POINTS - 1; m++) {
            month(shorter, "York", m + 1, 100, promoters[m]);
        }
        assertThat(promoters(shorter.snapshot(threeSigma), "York").dispersion()).isEqualTo(1);
        // and with Laney's limits off, the plain p-chart flags June
        ControlChart plain = promoters(acc.snapshot(threeSigma.withLaneyMinPoints(0)), "York");
        assertThat(plain.dispersion()).isEqualTo(1);
        assertThat(plain.points().get(5).upper()).isCloseTo(0.613902571897524, within(1e-12));
        assertThat(plain.points().get(5).signal()).isEqualTo(ControlChart.Signal.ABOVE);
    }

    /**
     * Shares 0.2, 0.8, 0.2, 0.8, 0.2 of 50 each: p̄ = 110/250 = 0.44, and a swing must exceed
     * 2·√(0.44·0.56·(2/50)) = 0.19855; each is 0.6, so 4 alternating swings.
     */
    @Test
    void alternatingSwingsBeyondNoiseMakeARun() {
        ConsistencyAccumulator acc = ConsistencyAccumulator.create("location", Period.MONTH, UTC);
        int[] promoters = {10, 40, 10, 40, 10};
        for (int m = 0; m < promoters.length; m++) {
            month(acc, "Sheffield", m + 1, 50, promoters[m]);
            month(acc, "Leeds", m + 1, 50, 22 + (m % 2 == 0 ? 0 : 4)); // 0.44, 0.52: swings of 0.08, noise
        }
        ConsistencyReport report = acc.snapshot(ConsistencyRules.defaults());
        ControlChart sheffield = promoters(report, "Sheffield");
        assertThat(sheffield.centre()).isCloseTo(0.44, within(1e-12));
        assertThat(sheffield.runs()).containsExactly(new ControlChart.AlternatingRun("2026-01", "2026-05", 4));
        assertThat(promoters(report, "Leeds").runs()).isEmpty();
        assertThat(promoters(report, "Leeds").flagged()).isFalse();
        assertThat(report.flagged()).doesNotContain(promoters(report, "Leeds")).contains(sheffield);
        // a run of 4 is not enough when 5 are asked for
        ConsistencyReport strict = acc.snapshot(ConsistencyRules.defaults().withAlternations(5));
        assertThat(promoters(strict, "Sheffield").runs()).isEmpty();
    }

    @Test
    void runsEndAtAFlatOrSameDirectionMove() {
        ConsistencyRules rules = new ConsistencyRules(3, 2, 2, 0, 0, 0);
        String[] labels = {"p1", "p2", "p3", "p4", "p5", "p6", "p7"};
        double[] n = {100, 100, 100, 100, 100, 100, 100};
        // up, down, (flat), up, down, down
        double[] p = {0.2, 0.8, 0.2, 0.21, 0.8, 0.2, 0.0};
        List<ControlChart.AlternatingRun> runs = ConsistencyAccumulator.runs(labels, n, p, 0.4, rules);
        assertThat(runs).containsExactly(new ControlChart.AlternatingRun("p1", "p3", 2),
                new ControlChart.AlternatingRun("p4", "p6", 2));
    }

    @Test
    void unitsAndPeriodsFallBackToTheJourney() {
        JourneyDefinition dineIn = JourneyDefinitions.sample("dine-in");
        JourneyOutcome journey = JourneyAnalyzer.of(dineIn).outcome(Journey.of("j", List.of(
                JourneyEvent.builder("e", "j", "order", Instant.parse("2026-02-28T23:30:00Z")).location("Leeds")
                        .build()), 0));
        ConsistencyAccumulator acc = ConsistencyAccumulator.create("location", Period.MONTH, ZoneId.of("Europe/London"));
        acc.record(Response.builder(Metric.NPS, 9).journeyId("j").build(), journey);
        acc.record(Response.builder(Metric.NPS, 9).build(), null); // no date, no journey
        ConsistencyReport report = acc.snapshot(ConsistencyRules.defaults());
        assertThat(report.undated()).isEqualTo(1);
        assertThat(report.charts()).hasSize(2);
        assertThat(report.charts().get(0).unit()).isEqualTo("Leeds");
        assertThat(report.charts().get(0).points().get(0).period()).isEqualTo("2026-02");
        assertThatThrownBy(() -> acc.record(Response.builder(Metric.NPS, 9).journeyId("k").build(), journey))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConsistencyAccumulator.create("period", Period.MONTH, ZoneId.of("UTC")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> acc.merge(ConsistencyAccumulator.create("location", Period.WEEK, ZoneId.of("UTC"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
