package dev.cxkit.core.journey.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cxkit.core.internal.Ratings;
import dev.cxkit.core.journey.Journey;
import dev.cxkit.core.journey.JourneyAnalyzer;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.score.ScoreTable;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.stats.IntervalMethod;
import dev.cxkit.core.stats.NpsStatistics;
import dev.cxkit.core.survey.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyScoreAccumulatorTest {

    private static final JourneyDefinition DINE_IN = JourneyDefinitions.sample("dine-in");
    private static final Instant T0 = Instant.parse("2026-03-01T19:00:00Z");
    private static final ScoreOptions ANY_N = ScoreOptions.defaults().withMinN(0);

    private static JourneyEvent.Builder event(String journey, int i, String touchpoint, int minute) {
        return JourneyEvent.builder(journey + "-" + i, journey, touchpoint, T0.plusSeconds(60L * minute))
                .location("Main");
    }

    private static JourneyOutcome outcome(String journey, JourneyEvent... events) {
        return JourneyAnalyzer.of(DINE_IN).outcome(Journey.of(journey, List.of(events), 0));
    }

    private static List<Response> nps(String journey, int... scores) {
        List<Response> out = new ArrayList<>();
        for (int s : scores) {
            out.add(Response.builder(Metric.NPS, s).journeyId(journey).build());
        }
        return out;
    }

    /**
     * Four journeys with NPS answers, by hand:
     * a: seated, order, served after 10, bill: no failure; answers 10 and 9.
     * b: served after 30 (served-in-20 broken), bill: answer 3.
     * c: served after 25 (broken) and recovered 10 minutes later (in the 30-minute recovery promise),
     *    bill: answer 10.
     * d: the order FAILED (wrong_item, PRODUCT), not recovered; served after 10, bill: answer 5.
     * e: no answer.
     */
    private static JourneyScoreAccumulator fourJourneys() {
        JourneyScoreAccumulator acc = JourneyScoreAccumulator.create(DINE_IN);
        acc.record(outcome("a", event("a", 3, "seated", -5).build(), event("a", 0, "order", 0).build(),
                event("a", 1, "served", 10).build(), event("a", 2, "bill", 60).build()), nps("a", 10, 9));
        acc.record(outcome("b", event("b", 0, "order", 0).build(), event("b", 1, "served", 30).build(),
                event("b", 2, "bill", 60).build()), nps("b", 3));
        acc.record(outcome("c", event("c", 0, "order", 0).build(),
                event("c", 1, "served", 25).recoveredAt(T0.plusSeconds(60 * 35)).build(),
                event("c", 2, "bill", 70).build()), nps("c", 10));
        acc.record(outcome("d", event("d", 0, "order", 0).failed("wrong_item", SatisfactionFactor.PRODUCT).build(),
                event("d", 1, "served", 10).build(), event("d", 2, "bill", 50).build()), nps("d", 5));
        acc.record(outcome("e", event("e", 0, "order", 0).build()), List.of());
        return acc;
    }

    @Test
    void scoresPerStageAndTouchpointReached() {
        JourneyScoreReport report = fourJourneys().snapshot(ScoreOptions.defaults());
        assertThat(report.journeys()).isEqualTo(5);
        assertThat(report.journeysWithResponses()).isEqualTo(4);
        assertThat(report.responses()).isEqualTo(5);
        List<JourneyScore> rows = report.scores().get(Metric.NPS);
        // all: 10, 9, 3, 10, 5 -> 3 promoters, 2 detractors of 5 = +20
        assertThat(rows.get(0).stage()).isNull();
        assertThat(rows.get(0).score().value().getAsDouble()).isEqualTo(20.0);
        assertThat(rows.get(0).score().lowSample()).isTrue();
        // rows in definition order, only where journeys with answers went (no follow-up)
        assertThat(rows.stream().map(r -> r.stage() + "/" + r.touchpoint())).containsExactly("null/null",
                "order/null", "order/seated", "order/order", "served/null", "served/served", "bill/null",
                "bill/bill");
        // seated: only a, 10 and 9 -> +100
        JourneyScore seated = rows.get(2);
        assertThat(seated.score().n()).isEqualTo(2);
        assertThat(seated.score().value().getAsDouble()).isEqualTo(100.0);
        JourneyScore bill = rows.get(7);
        assertThat(bill.score().n()).isEqualTo(5);
        assertThat(bill.score().value().getAsDouble()).isEqualTo(20.0);
    }

    @Test
    void failureImpactComparesWithAndWithoutAndRanksByExcessDetractors() {
        JourneyScoreReport report = fourJourneys().snapshot(ANY_N);
        List<FailureImpact> rows = report.failureImpact().get(Metric.NPS);
        assertThat(rows).hasSize(2);
        // wrong_item: with {5}, without {10, 9, 3, 10}; excess = 1 × (1 − 1/4) = 0.75; 1 of 2 detractors
        FailureImpact wrong = rows.get(0);
        assertThat(wrong.type()).isEqualTo("wrong_item");
        assertThat(wrong.touchpoint()).isEqualTo("order");
        assertThat(wrong.factor()).isEqualTo(SatisfactionFactor.PRODUCT);
        assertThat(wrong.with().value().getAsDouble()).isEqualTo(-100.0);
        assertThat(wrong.without().value().getAsDouble()).isEqualTo(50.0);
        assertThat(wrong.excessNegative()).isCloseTo(0.75, within(1e-12));
        assertThat(wrong.negativeShare()).isEqualTo(0.5);
        // served-in-20 at served: with {3, 10} = 0, without {10, 9, 5} = +33.3; excess = 2 × (1/2 − 1/3) = 1/3
        FailureImpact late = rows.get(1);
        assertThat(late.type()).isEqualTo("served-in-20");
        assertThat(late.factor()).isEqualTo(SatisfactionFactor.TIMELINESS);
        assertThat(late.with().value().getAsDouble()).isEqualTo(0.0);
        assertThat(late.without().value().getAsDouble()).isCloseTo(100.0 / 3, within(1e-9));
        assertThat(late.excessNegative()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(late.negativeShare()).isEqualTo(0.5);
        // the difference is the adjusted-Wald comparison of the two samples (1, 0, 1) and (2, 0, 1)
        Comparison expected = NpsStatistics.compare(1, 0, 1, 2, 0, 1, IntervalMethod.ADJUSTED_WALD, 0.95);
        Comparison difference = late.difference().orElseThrow();
        assertThat(difference.difference()).isCloseTo(-100.0 / 3, within(1e-9));
        assertThat(difference).isEqualTo(expected);
        // by factor: one row per factor, same numbers here (one failure kind each)
        assertThat(report.failureImpactByFactor().get(Metric.NPS)).extracting(FailureImpact::factor)
                .containsExactly(SatisfactionFactor.PRODUCT, SatisfactionFactor.TIMELINESS);
        assertThat(report.failureImpactByFactor().get(Metric.NPS).get(1).excessNegative())
                .isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void recoveryClassesAreComparedAndTooFewAreSaidSo() {
        RecoveryEffect effect = fourJourneys().snapshot(ScoreOptions.defaults()).recovery().get(Metric.NPS);
        assertThat(effect.noFailure().n()).isEqualTo(2);      // a
        assertThat(effect.recovered().n()).isEqualTo(1);      // c
        assertThat(effect.notRecovered().n()).isEqualTo(2);   // b and d
        assertThat(effect.recoveredVsNoFailure()).isPresent();
        assertThat(effect.paradox()).isEqualTo(RecoveryEffect.Paradox.TOO_FEW);
    }

    /** A journey with the given order event, served after 10 minutes and billed after 40. */
    private static JourneyOutcome full(String journey, JourneyEvent order) {
        return outcome(journey, order, event(journey, 1, "served", 10).build(), event(journey, 2, "bill", 40).build());
    }

    /** Many journeys: no failure scores 7 (passives), recovered 10, not recovered 2. */
    private static RecoveryEffect recovery(int recoveredScore, int n) {
        JourneyScoreAccumulator acc = JourneyScoreAccumulator.create(DINE_IN);
        for (int i = 0; i < n; i++) {
            String a = "ok" + i;
            acc.record(full(a, event(a, 0, "order", 0).build()), nps(a, 7));
            String b = "rec" + i;
            acc.record(full(b, event(b, 0, "order", 0).failed("cold_food", SatisfactionFactor.PRODUCT)
                    .recoveredAt(T0.plusSeconds(600)).build()), nps(b, recoveredScore));
            String c = "lost" + i;
            acc.record(full(c, event(c, 0, "order", 0).failed("cold_food", SatisfactionFactor.PRODUCT)
                    .recoveredAt(T0.plusSeconds(3 * 3600)).build()), nps(c, 2)); // recovered late
        }
        return acc.snapshot(ScoreOptions.defaults()).recovery().get(Metric.NPS);
    }

    @Test
    void theParadoxHoldsWhenRecoveredJourneysScoreSignificantlyHigher() {
        RecoveryEffect holds = recovery(10, 40);
        assertThat(holds.recovered().value().getAsDouble()).isEqualTo(100.0);
        assertThat(holds.noFailure().value().getAsDouble()).isEqualTo(0.0);
        assertThat(holds.notRecovered().value().getAsDouble()).isEqualTo(-100.0);
        assertThat(holds.recoveredVsNoFailure().orElseThrow().significant()).isTrue();
        assertThat(holds.paradox()).isEqualTo(RecoveryEffect.Paradox.HOLDS);
        assertThat(holds.recoveredVsNotRecovered().orElseThrow().difference()).isEqualTo(200.0);
        assertThat(holds.noFailureVsNotRecovered().orElseThrow().difference()).isEqualTo(100.0);

        assertThat(recovery(4, 40).paradox()).isEqualTo(RecoveryEffect.Paradox.DOES_NOT_HOLD);
        assertThat(recovery(7, 40).paradox()).as("40 a side: the 90% interval is wider than ±5")
                .isEqualTo(RecoveryEffect.Paradox.NOT_SIGNIFICANT);
        assertThat(recovery(7, 400).paradox()).as("400 a side: equivalent within ±5 points")
                .isEqualTo(RecoveryEffect.Paradox.EQUIVALENT);
        assertThat(recovery(10, 10).paradox()).isEqualTo(RecoveryEffect.Paradox.TOO_FEW);
    }

    @Test
    void metricsAreKeptApartAndWeightsAreKept() {
        JourneyScoreAccumulator acc = JourneyScoreAccumulator.create(DINE_IN);
        acc.record(full("a", event("a", 0, "order", 0).build()), List.of(
                Response.builder(Metric.CSAT, 5).journeyId("a").weight(2).build(),
                Response.builder(Metric.NPS, 0).journeyId("a").build()));
        acc.record(full("b", event("b", 0, "order", 0).failed("cold_food", SatisfactionFactor.PRODUCT).build()),
                List.of(Response.builder(Metric.CSAT, 1).journeyId("b").weight(0.5).build()));
        JourneyScoreReport report = acc.snapshot(ANY_N);
        assertThat(report.scores().keySet()).containsExactly(Metric.NPS, Metric.CSAT);
        RatingDistribution csat = report.scores().get(Metric.CSAT).get(0).score().ratings();
        assertThat(csat.weightedN()).isEqualTo(2.5);
        FailureImpact cold = report.failureImpact().get(Metric.CSAT).get(0);
        assertThat(cold.with().ratings().weightedN()).isEqualTo(0.5);
        assertThat(cold.without().ratings().weightedN()).isEqualTo(2.0);
        assertThat(cold.without().ratings().count(5)).isEqualTo(1);
        assertThat(cold.without().value().getAsDouble()).isEqualTo(100.0);
        assertThat(report.failureImpact().get(Metric.NPS)).isEmpty();
    }

    @Test
    void minusIsTheDistributionOfTheRest() {
        ScoreTable rest = ScoreTable.create(Metric.CSAT);
        ScoreTable part = ScoreTable.create(Metric.CSAT);
        ScoreTable all = ScoreTable.create(Metric.CSAT);
        double[][] ratings = {{1, 0.5}, {4, 2}, {5, 1.5}, {5, 1}, {2, 3}};
        for (int i = 0; i < ratings.length; i++) {
            ScoreTable t = i % 2 == 0 ? part : rest;
            t.record(t.group(List.of()), (int) ratings[i][0], ratings[i][1]);
            all.record(all.group(List.of()), (int) ratings[i][0], ratings[i][1]);
        }
        RatingDistribution difference = Ratings.minus(all.snapshot(0), part.snapshot(0));
        RatingDistribution expected = rest.snapshot(0);
        assertThat(difference.counts()).containsExactly(expected.counts());
        assertThat(difference.weightedN()).isCloseTo(expected.weightedN(), within(1e-12));
        assertThat(difference.effectiveN()).isCloseTo(expected.effectiveN(), within(1e-12));
        assertThatThrownBy(() -> Ratings.minus(part.snapshot(0), all.snapshot(0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesResponsesOfOtherJourneysAndOutcomesOfOtherDefinitions() {
        JourneyScoreAccumulator acc = JourneyScoreAccumulator.create(DINE_IN);
        JourneyOutcome a = outcome("a", event("a", 0, "order", 0).build());
        assertThatThrownBy(() -> acc.record(a, nps("b", 9))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("journey b, not a");
        JourneyDefinition delivery = JourneyDefinitions.sample("delivery");
        JourneyOutcome other = JourneyAnalyzer.of(delivery).outcome(Journey.of("x", List.of(
                JourneyEvent.builder("x1", "x", "order-placed", T0).build()), 0));
        assertThatThrownBy(() -> acc.record(other, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(acc.journeys()).isZero();
        assertThatThrownBy(() -> acc.merge(JourneyScoreAccumulator.create(delivery)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
