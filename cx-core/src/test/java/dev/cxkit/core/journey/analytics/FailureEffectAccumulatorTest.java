package dev.cxkit.core.journey.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.journey.loop.ConsistencyRules;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.survey.Response;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A failure that only co-occurs with a harmful one: its marginal with-minus-without difference is a
 * cost, its effect with the other failures held equal is not. The journeys are those of
 * {@code GroupedRegressionTest}'s patterns, whose model R fitted: {@code lm(y ~ A + B + C)} with
 * {@code vcovHC(type = "HC3")}.
 */
class FailureEffectAccumulatorTest {

    /** late at served (A), noise at bill (B, no effect of its own), cold at order (C); counts of NPS 3, 8, 10. */
    private static final int[][] PATTERNS = {
        {0, 0, 0, 30, 40, 80}, {1, 0, 0, 20, 10, 15}, {1, 1, 0, 25, 8, 10}, {0, 1, 0, 5, 10, 20},
        {0, 0, 1, 8, 12, 18}, {1, 0, 1, 6, 3, 4},
    };

    @Test
    void eachFailureIsMeasuredWithTheOthersHeldEqual() {
        JourneyAnalytics analytics = JourneyAnalytics.builder(List.of(JourneyDefinitions.sample("dine-in"))).build();
        Instant t = Instant.parse("2026-03-02T18:00:00Z");
        int j = 0;
        for (int[] p : PATTERNS) {
            int[] scores = {3, 8, 10};
            for (int s = 0; s < 3; s++) {
                for (int c = 0; c < p[3 + s]; c++) {
                    String id = "J" + j++;
                    Instant at = t.plusSeconds(600L * j);
                    JourneyEvent.Builder order = JourneyEvent.builder(id + "o", id, "order", at);
                    JourneyEvent.Builder served = JourneyEvent.builder(id + "s", id, "served", at.plusSeconds(600));
                    JourneyEvent.Builder bill = JourneyEvent.builder(id + "b", id, "bill", at.plusSeconds(3000));
                    if (p[0] == 1) {
                        served.failed("late", SatisfactionFactor.TIMELINESS);
                    }
                    if (p[1] == 1) {
                        bill.failed("noise", SatisfactionFactor.PEOPLE);
                    }
                    if (p[2] == 1) {
                        order.failed("cold", SatisfactionFactor.PRODUCT);
                    }
                    analytics.addEvent(order.build());
                    analytics.addEvent(served.build());
                    analytics.addEvent(bill.build());
                    analytics.addResponse(Response.builder(Metric.NPS, scores[s]).journeyId(id).build());
                }
            }
        }
        JourneyAnalysis analysis = analytics.finish(ScoreOptions.defaults(), ConsistencyRules.defaults());
        var effects = analysis.failureEffects().get(Metric.NPS);
        Comparison late = FailureEffectAccumulator.effect(effects, "dine-in", new FailureKind("late", "served"))
                .orElseThrow();
        Comparison noise = FailureEffectAccumulator.effect(effects, "dine-in", new FailureKind("noise", "bill"))
                .orElseThrow();
        Comparison cold = FailureEffectAccumulator.effect(effects, "dine-in", new FailureKind("cold", "order"))
                .orElseThrow();
        assertThat(late.difference()).isCloseTo(-54.1284730045419, within(1e-9));
        assertThat(noise.difference()).isCloseTo(-5.7280535241854, within(1e-9));
        assertThat(noise.standardError()).isCloseTo(11.350891978321, within(1e-9));
        assertThat(cold.difference()).isCloseTo(-6.08438074197182, within(1e-9));
        // cold hit 51 responses: its p-value is on 50 degrees of freedom, R's 2 * pt(-abs(b / se), 50)
        assertThat(cold.pValue()).isCloseTo(0.640868606346717, within(1e-12));
        assertThat(noise.significant()).as("adjusted, the bystander costs nothing measurable").isFalse();
        // while the marginal comparison blames it: -21.5 points with vs without
        var marginal = analysis.scores().get(0).failureImpact().get(Metric.NPS).stream()
                .filter(f -> "noise".equals(f.type())).findFirst().orElseThrow();
        assertThat(marginal.difference().orElseThrow().difference()).isCloseTo(-21.54472, within(1e-4));
        assertThat(Math.abs(marginal.difference().orElseThrow().difference()))
                .isGreaterThan(3 * Math.abs(noise.difference()));
    }
}
