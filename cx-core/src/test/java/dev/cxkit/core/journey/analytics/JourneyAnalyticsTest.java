package dev.cxkit.core.journey.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.core.io.JourneyEventReader;
import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.io.Rejection;
import dev.cxkit.core.journey.AssemblySummary;
import dev.cxkit.core.journey.Journey;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.journey.loop.ConsistencyRules;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.core.survey.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one entry point of the journey analytics: events file, reader, assembler, routing, analyzer
 * and accumulators, with every row accounted for and responses joined to their journeys.
 */
class JourneyAnalyticsTest {

    private static final JourneyDefinition DINE_IN = JourneyDefinitions.sample("dine-in");
    private static final JourneyDefinition DELIVERY = JourneyDefinitions.sample("delivery");

    @Test
    void everyRowIsRejectedAssembledDuplicateOrLateAndTheAnalyticsFollow() throws IOException {
        Map<String, ContactPreference> preferences = Map.of("c1", new ContactPreference(Channel.EMAIL, AddressKind.EMAIL));
        List<JourneyOutcome> outcomes = new ArrayList<>();
        JourneyAnalytics analytics = JourneyAnalytics.builder(List.of(DINE_IN)).contactPreferences(preferences::get)
                .listener((definition, journey, outcome) -> outcomes.add(outcome)).build();
        analytics.addResponse(Response.builder(Metric.NPS, 3).journeyId("v1").build());
        analytics.addResponse(Response.builder(Metric.NPS, 10).journeyId("v2").build());
        analytics.addResponse(Response.builder(Metric.NPS, 9).journeyId("nowhere").build());
        analytics.addResponse(Response.builder(Metric.NPS, 9).build());
        List<Rejection> rejections = new ArrayList<>();
        ReadSummary read;
        try (InputStream in = getClass().getResourceAsStream("dine-in-events.csv")) {
            read = JourneyEventReader.create().read(in, "dine-in-events.csv", analytics::addEvent, rejections::add);
        }
        JourneyAnalysis analysis = analytics.finish(ScoreOptions.defaults(), ConsistencyRules.defaults());
        AssemblySummary assembled = analysis.assembly();

        assertThat(rejections).extracting(Rejection::message).containsExactly("dine-in-events.csv line 11: occurred_at"
                + " '2026-03-01T21:00:00' has no time zone (add Z for UTC or an offset like +01:00)");
        assertThat(read.read()).isEqualTo(11);
        assertThat(assembled).isEqualTo(new AssemblySummary(10, 9, 1, 0, 3));
        assertThat(read.read()).isEqualTo(read.rejected() + assembled.assembled() + assembled.duplicates()
                + assembled.late());

        // closed in the order of their last event: v1's survey invitation came the next morning
        assertThat(outcomes).extracting(JourneyOutcome::journeyId).containsExactly("v2", "v3", "v1");
        JourneySummary all = analysis.summaries().get(0);
        assertThat(all.journeys()).isEqualTo(3);
        assertThat(all.duplicates()).isEqualTo(1);
        assertThat(all.unknownTouchpoints()).containsExactly(Map.entry("kitchen-ticket", 1L));
        assertThat(all.promise("served-in-20").kept()).isEqualTo(1);       // v2: 15 minutes
        assertThat(all.promise("served-in-20").broken()).isEqualTo(1);     // v1: 32 minutes
        assertThat(all.promise("served-in-20").missing()).isEqualTo(1);    // v3: never served
        assertThat(all.contactRules().get(0).broken()).isEqualTo(1);       // v1's invite by SMS, c1 chose email
        assertThat(all.contactRules().get(0).brokenByChannel()).containsExactly(Map.entry(Channel.SMS, 1L));
        assertThat(all.completed()).isEqualTo(1);                          // only v1 reached the follow-up
        assertThat(outcomes.get(2).recovery()).isEqualTo(JourneyOutcome.RecoveryClass.NOT_RECOVERED);
        assertThat(outcomes.get(0).recovery()).isEqualTo(JourneyOutcome.RecoveryClass.NO_FAILURE);

        // responses: two joined (v1, v2), one names a journey the events lack, one names none
        assertThat(analysis.joined()).isEqualTo(2);
        assertThat(analysis.unmatched()).isEqualTo(2);
        assertThat(analysis.scores().get(0).responses()).isEqualTo(2);
        assertThat(analysis.journeyMetric()).contains(Metric.NPS);
        assertThat(analysis.failureJourneys().get(0)).containsEntry(new FailureKind("cold_food", "served"), 1L)
                .containsEntry(new FailureKind("served-in-20", "served"), 2L);
    }

    @Test
    void eachJourneyGoesToTheDefinitionThatKnowsMostOfItsTouchpointsTiesToTheFirst() {
        Instant t = Instant.parse("2026-03-01T19:00:00Z");
        Journey delivery = Journey.of("d", List.of(JourneyEvent.builder("1", "d", "order-placed", t).build(),
                JourneyEvent.builder("2", "d", "arrival", t.plusSeconds(60)).build()), 0);
        Journey dineIn = Journey.of("v", List.of(JourneyEvent.builder("1", "v", "order", t).build(),
                JourneyEvent.builder("2", "v", "served", t.plusSeconds(60)).build()), 0);
        Journey nobodys = Journey.of("x", List.of(JourneyEvent.builder("1", "x", "kiosk", t).build()), 0);
        List<JourneyDefinition> both = List.of(DINE_IN, DELIVERY);
        assertThat(JourneyAnalytics.route(both, delivery)).isEqualTo(1);
        assertThat(JourneyAnalytics.route(both, dineIn)).isEqualTo(0);
        assertThat(JourneyAnalytics.route(both, nobodys)).isEqualTo(0);
        assertThat(JourneyAnalytics.route(List.of(DELIVERY, DINE_IN), nobodys)).isEqualTo(0);
    }

    @Test
    void unitsAreResponseColumnsOtherThanPeriodAndMetricEachNamedOnce() {
        assertThat(JourneyAnalytics.units(List.of(" location", "touchpoint "))).containsExactly("location",
                "touchpoint");
        assertThatThrownBy(() -> JourneyAnalytics.units(List.of("period"))).hasMessageContaining("other than period");
        assertThatThrownBy(() -> JourneyAnalytics.units(List.of("location", "location")))
                .hasMessageContaining("named twice");
        assertThatThrownBy(() -> JourneyAnalytics.builder(List.of(DINE_IN, DINE_IN)))
                .hasMessageContaining("two definitions are named 'dine-in'");
    }

    @Test
    void withoutDefinitionsOnlyResponsesCountAndAFinishedAnalyticsTakesNothingMore() {
        JourneyAnalytics responsesOnly = JourneyAnalytics.builder(List.of()).consistencyUnits(List.of("location"))
                .build();
        responsesOnly.addResponse(Response.builder(Metric.NPS, 9).location("York").build());
        assertThatThrownBy(() -> responsesOnly.addEvent(JourneyEvent.builder("1", "v", "order",
                Instant.EPOCH).build())).isInstanceOf(IllegalStateException.class);
        JourneyAnalysis analysis = responsesOnly.finish(ScoreOptions.defaults(), ConsistencyRules.defaults());
        assertThat(analysis.unmatched()).isEqualTo(1);
        assertThat(analysis.consistency()).hasSize(1);
        assertThat(analysis.journeyMetric()).isEmpty();
        assertThatThrownBy(() -> responsesOnly.addResponse(Response.builder(Metric.NPS, 9).build()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> responsesOnly.finish(ScoreOptions.defaults(), ConsistencyRules.defaults()))
                .isInstanceOf(IllegalStateException.class);
    }
}
