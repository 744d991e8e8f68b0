package dev.cxkit.core.journey.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cxkit.core.journey.Journey;
import dev.cxkit.core.journey.JourneyAnalyzer;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.score.GroupKey;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.core.stats.Interval;
import dev.cxkit.core.survey.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JourneyAccumulatorTest {

    private static final JourneyDefinition DINE_IN = JourneyDefinitions.sample("dine-in");
    private static final Instant T0 = Instant.parse("2026-03-01T19:00:00Z");

    /** A journey with the given touchpoints at the given minutes after T0. */
    private static JourneyOutcome journey(String id, String location, Object... touchpointsAndMinutes) {
        List<JourneyEvent> events = new ArrayList<>();
        for (int i = 0; i < touchpointsAndMinutes.length; i += 2) {
            events.add(JourneyEvent.builder(id + "-" + i, id, (String) touchpointsAndMinutes[i],
                    T0.plusSeconds(60L * (Integer) touchpointsAndMinutes[i + 1])).location(location).build());
        }
        return JourneyAnalyzer.of(DINE_IN).outcome(Journey.of(id, events, 0));
    }

    @Test
    void theFunnelCountsStrictAndEventualProgressAndWhereJourneysStop() {
        JourneyAccumulator acc = JourneyAccumulator.create(DINE_IN);
        acc.record(journey("a", "Main", "order", 0, "served", 10, "bill", 60, "survey-invite", 200)); // complete
        acc.record(journey("b", "Main", "order", 0, "served", 30));                                   // stops at served
        acc.record(journey("c", "Main", "order", 0, "bill", 50, "served", 55));                       // bill before served
        acc.record(journey("d", "Main", "served", 5));                                                // skipped order
        acc.record(journey("e", "Main", "mystery", 5));                                               // no stage
        JourneySummary s = acc.snapshot().overall();
        assertThat(s.journeys()).isEqualTo(5);
        assertThat(s.completed()).isEqualTo(1);
        assertThat(s.reachedNoStage()).isEqualTo(1);
        assertThat(s.unknownTouchpoints()).containsExactly(Map.entry("mystery", 1L));
        // stage: reached, in order, eventual, completed, stopped, strict fallout, eventual fallout
        assertThat(s.funnel()).containsExactly(
                new FunnelStage("order", 3, 3, 3, 3, 0, 2, 2),
                new FunnelStage("served", 4, 3, 3, 4, 2, 0, 0),
                new FunnelStage("bill", 2, 1, 2, 2, 1, 2, 1),
                new FunnelStage("follow-up", 1, 1, 1, 1, 0, 0, 1));
        assertThat(s.stage("bill").strictFalloutRate().getAsDouble()).isEqualTo(2.0 / 3);
        assertThat(s.stage("bill").eventualFalloutRate().getAsDouble()).isEqualTo(1.0 / 3);
        // steps between consecutive expected touchpoints: order→served for a, b, c (c is 55 minutes)
        StepSummary orderToServed = s.steps().get(0);
        assertThat(orderToServed.from()).isEqualTo("order");
        assertThat(orderToServed.to()).isEqualTo("served");
        assertThat(orderToServed.durations().count()).isEqualTo(3);
        assertThat(orderToServed.durations().min()).hasValue(Duration.ofMinutes(10));
        assertThat(orderToServed.durations().max()).hasValue(Duration.ofMinutes(55));
        // served→bill: a 50 minutes; c's bill came 5 minutes before its meal
        DurationSummary servedToBill = s.steps().get(1).durations();
        assertThat(servedToBill.count()).isEqualTo(1);
        assertThat(servedToBill.outOfOrder()).isEqualTo(1);
    }

    @Test
    void promiseBreachesHaveARateAWilsonIntervalAndWorstOffenders() {
        JourneyAccumulator acc = JourneyAccumulator.create(DINE_IN, JourneyGrouping.byLocation());
        acc.record(journey("a", "Main", "order", 0, "served", 10, "bill", 30));
        acc.record(journey("b", "Main", "order", 0, "served", 25, "bill", 40));
        acc.record(journey("c", "Harbour", "order", 0, "served", 45, "bill", 60));
        acc.record(journey("d", "Harbour", "order", 0));
        acc.record(journey("e", "Harbour", "order", 0, "served", 15, "bill", 20));
        GroupedJourneySummary report = acc.snapshot();
        assertThat(report.dimensions()).containsExactly("location");
        assertThat(report.groups().keySet()).containsExactly(GroupKey.of(List.of("location"), List.of("Harbour")),
                GroupKey.of(List.of("location"), List.of("Main")));
        PromiseSummary served = report.overall().promise("served-in-20");
        assertThat(served.kept()).isEqualTo(2);
        assertThat(served.broken()).isEqualTo(2);
        assertThat(served.missing()).isEqualTo(1);
        assertThat(served.breachRate().getAsDouble()).isEqualTo(0.6);
        assertThat(served.byLocation()).containsExactly(new Offender("Harbour", 3, 2), new Offender("Main", 2, 1));
        assertThat(served.byTouchpoint()).containsExactly(new Offender("served", 5, 3));
        // Wilson (1927) by hand: 3 breaches in 5 checks at 95%
        double z = 1.959963984540054;
        double n = 5;
        double p = 0.6;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        Interval interval = served.breachInterval(0.95).orElseThrow();
        assertThat(interval.lower()).isCloseTo(centre - half, within(1e-12));
        assertThat(interval.upper()).isCloseTo(centre + half, within(1e-12));
        assertThat(served.durations().count()).isEqualTo(4);
        assertThat(report.groups().get(GroupKey.of(List.of("location"), List.of("Main"))).promise("served-in-20")
                .breaches()).isEqualTo(1);
        // failures by factor × touchpoint: three TIMELINESS breaches at served; the missing bill of d
        FailureSummary failures = report.overall().failures();
        assertThat(failures.count(SatisfactionFactor.TIMELINESS, "served")).isEqualTo(3);
        assertThat(failures.failures()).isEqualTo(3);
        assertThat(failures.journeysWithFailure()).isEqualTo(3);
        assertThat(failures.byType()).containsExactly(Map.entry("served-in-20", 3L));
        assertThat(failures.byFactor()).containsExactly(Map.entry(SatisfactionFactor.TIMELINESS, 3L));
        assertThat(report.overall().recovery()).containsEntry(JourneyOutcome.RecoveryClass.NO_FAILURE, 2L)
                .containsEntry(JourneyOutcome.RecoveryClass.NOT_RECOVERED, 3L);
    }

    @Test
    void anEmptyAccumulatorHasEmptyValuesNotZeros() {
        JourneySummary s = JourneyAccumulator.create(DINE_IN).snapshot().overall();
        assertThat(s.journeys()).isZero();
        assertThat(s.promise("served-in-20").breachRate()).isEmpty();
        assertThat(s.promise("served-in-20").breachInterval(0.95)).isEmpty();
        assertThat(s.promise("served-in-20").durations().p50()).isEmpty();
        assertThat(s.stage("order").strictFalloutRate()).isEmpty();
        assertThat(s.contactRules().get(0).breachRate()).isEmpty();
    }

    @Test
    void groupsByPeriodInTheTimeZone() {
        JourneyAccumulator acc = JourneyAccumulator.create(DINE_IN,
                JourneyGrouping.byPeriod(false, Period.DAY, ZoneOffset.ofHours(6)));
        acc.record(journey("a", "Main", "order", 0));     // 19:00Z is 01:00 on the 2nd at +06:00
        acc.record(journey("b", "Main", "order", -400));  // 12:20Z is 18:20 on the 1st
        assertThat(acc.snapshot().groups().keySet()).extracting(k -> k.value("period"))
                .containsExactly("2026-03-01", "2026-03-02");
        assertThat(acc.journeys()).isEqualTo(2);
    }

    @Test
    void outcomesAndAccumulatorsOfAnotherDefinitionAreRefused() {
        JourneyDefinition other = JourneyDefinition.builder("other").stage("s").touchpoint("t", Channel.WEB, "s").build();
        JourneyAccumulator acc = JourneyAccumulator.create(other);
        assertThatThrownBy(() -> acc.record(journey("a", "Main", "order", 0)))
                .hasMessage("journey a was not measured against other (its stages, promises or contact rules differ)");
        assertThat(acc.journeys()).isZero();
        assertThatThrownBy(() -> acc.merge(JourneyAccumulator.create(DINE_IN))).hasMessageContaining("cannot merge");
        assertThatThrownBy(() -> JourneyAccumulator.create(DINE_IN).merge(
                JourneyAccumulator.create(DINE_IN, JourneyGrouping.byLocation()))).hasMessageContaining("cannot merge");
    }

    @Test
    void bytesOfAnotherDefinitionOrGroupingAreRefusedAndBadBytesNamed() {
        JourneyAccumulator acc = JourneyAccumulator.create(DINE_IN, JourneyGrouping.byLocation());
        acc.record(journey("a", "Main", "order", 0, "served", 30));
        byte[] bytes = acc.toBytes();
        JourneyDefinition other = JourneyDefinition.builder("other").stage("s").touchpoint("t", Channel.WEB, "s").build();
        assertThatThrownBy(() -> JourneyAccumulator.fromBytes(other, JourneyGrouping.byLocation(), bytes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the bytes hold journeys measured against dine-in (stages [")
                .hasMessageContaining("not against other (stages [s]");
        assertThatThrownBy(() -> JourneyAccumulator.fromBytes(DINE_IN, JourneyGrouping.byPeriod(true, Period.WEEK,
                ZoneOffset.UTC), bytes)).hasMessage("the bytes hold journeys grouped by location, not by location,period in Z per week");
        byte[] cut = java.util.Arrays.copyOf(bytes, bytes.length - 1);
        assertThatThrownBy(() -> JourneyAccumulator.fromBytes(DINE_IN, JourneyGrouping.byLocation(), cut))
                .isInstanceOf(dev.cxkit.core.score.ByteFormatException.class).hasMessageContaining("checksum");
        assertThatThrownBy(() -> JourneyScoreAccumulator.fromBytes(DINE_IN, bytes))
                .hasMessage("expected a journey score accumulator, found a journey accumulator");
        assertThat(JourneyAccumulator.fromBytes(DINE_IN, JourneyGrouping.byLocation(), bytes).snapshot())
                .isEqualTo(acc.snapshot());
    }
}
