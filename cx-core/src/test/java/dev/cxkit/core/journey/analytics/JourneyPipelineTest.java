package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.journey.AssemblySummary;
import dev.cxkit.core.journey.JourneyAnalyzer;
import dev.cxkit.core.journey.JourneyAssembler;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.journey.JourneyOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.io.JourneyEventReader;
import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.io.Rejection;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.ContactPreference;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Events file → reader → assembler → analyzer → accumulator, with every row accounted for. */
class JourneyPipelineTest {

    @Test
    void everyRowIsRejectedAssembledDuplicateOrLateAndTheAnalyticsFollow() throws IOException {
        JourneyDefinition definition = JourneyDefinitions.sample("dine-in");
        Map<String, ContactPreference> preferences = Map.of("c1", new ContactPreference(Channel.EMAIL, AddressKind.EMAIL));
        JourneyAnalyzer analyzer = JourneyAnalyzer.of(definition, preferences::get);
        JourneyAccumulator accumulator = JourneyAccumulator.create(definition, JourneyGrouping.byLocation());
        List<JourneyOutcome> outcomes = new ArrayList<>();
        JourneyAssembler assembler = JourneyAssembler.builder().build(journey -> {
            JourneyOutcome outcome = analyzer.outcome(journey);
            outcomes.add(outcome);
            accumulator.record(outcome);
        });
        List<Rejection> rejections = new ArrayList<>();
        ReadSummary read;
        try (InputStream in = getClass().getResourceAsStream("dine-in-events.csv")) {
            read = JourneyEventReader.create().read(in, "dine-in-events.csv", assembler::add, rejections::add);
        }
        AssemblySummary assembled = assembler.finish();

        assertThat(rejections).extracting(Rejection::message).containsExactly("dine-in-events.csv line 11: occurred_at"
                + " '2026-03-01T21:00:00' has no time zone (add Z for UTC or an offset like +01:00)");
        assertThat(read.read()).isEqualTo(11);
        assertThat(assembled).isEqualTo(new AssemblySummary(10, 9, 1, 0, 3));
        assertThat(read.read()).isEqualTo(read.rejected() + assembled.assembled() + assembled.duplicates()
                + assembled.late());

        // closed in the order of their last event: v1's survey invitation came the next morning
        assertThat(outcomes).extracting(JourneyOutcome::journeyId).containsExactly("v2", "v3", "v1");
        JourneySummary all = accumulator.snapshot().overall();
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
    }
}
