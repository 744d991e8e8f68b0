package dev.cxkit.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.core.journey.EventOutcome;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.SatisfactionFactor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JourneyEventReaderTest {

    private final List<JourneyEvent> events = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();

    private ReadSummary read(String source, String text) throws IOException {
        return JourneyEventReader.create().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), source,
                events::add, rejections::add);
    }

    @Test
    void readsEveryFieldFromCsv() throws IOException {
        ReadSummary summary = read("events.csv", """
                event_id,journey_id,customer_id,touchpoint,occurred_at,stage,channel,address_kind,location,outcome,failure_type,factor,recovered_at,table
                e1,j1,c1,order,2026-03-01T19:00:00Z,order,in-person,,Main St,ok,,,,12
                e2,j1,c1,served,2026-03-01T19:31:00+01:00,,,,,FAILED,cold_food,product,2026-03-01T18:40:00Z,12
                e3,j1,c1,callback,2026-03-02T10:00:00Z,,phone,home,,,,,,
                """);
        assertThat(rejections).isEmpty();
        assertThat(summary).isEqualTo(ReadSummary.of(3, 0));
        assertThat(events.get(0)).isEqualTo(JourneyEvent.builder("e1", "j1", "order", Instant.parse("2026-03-01T19:00:00Z"))
                .customer("c1").stage("order").channel(Channel.IN_PERSON).location("Main St")
                .attributes(Map.of("table", "12")).build());
        assertThat(events.get(1)).isEqualTo(JourneyEvent.builder("e2", "j1", "served",
                        Instant.parse("2026-03-01T18:31:00Z"))
                .customer("c1").failed("cold_food", SatisfactionFactor.PRODUCT)
                .recoveredAt(Instant.parse("2026-03-01T18:40:00Z")).attributes(Map.of("table", "12")).build());
        assertThat(events.get(2).addressKind()).isEqualTo(AddressKind.HOME);
        assertThat(events.get(2).outcome()).isEqualTo(EventOutcome.OK);
        assertThat(events.get(2).attributes()).isEmpty();
    }

    @Test
    void readsJsonLinesWithTheSameRules() throws IOException {
        ReadSummary summary = read("events.jsonl", """
                {"event_id": "e1", "journey_id": "j1", "touchpoint": "notify", "occurred_at": "2026-03-01T10:00:00Z", "channel": "SMS", "driver": "Ana"}
                {"event_id": 7, "journey_id": "j1", "touchpoint": "arrival", "occurred_at": "2026-03-01T10:20:00Z", "outcome": "failed", "factor": "timeliness"}
                """);
        assertThat(summary).isEqualTo(ReadSummary.of(2, 0));
        assertThat(events.get(0).channel()).isEqualTo(Channel.SMS);
        assertThat(events.get(0).attributes()).containsExactly(Map.entry("driver", "Ana"));
        assertThat(events.get(1).eventId()).isEqualTo("7");
        assertThat(events.get(1).factor()).isEqualTo(SatisfactionFactor.TIMELINESS);
    }

    @Test
    void badRowsAreRejectedWithTheirLineAndReasonAndReadingGoesOn() throws IOException {
        String header = "event_id,journey_id,touchpoint,occurred_at,channel,outcome,factor,recovered_at";
        ReadSummary summary = read("events.csv", header + "\n"
                + ",j1,order,2026-03-01T19:00:00Z,,,,\n"
                + "e2,j1,order,2026-03-01,,,,\n"
                + "e3,j1,order,2026-03-01T19:00:00,,,,\n"
                + "e4,j1,order,2026-03-01T19:00:00Z,pigeon,,,\n"
                + "e5,j1,order,2026-03-01T19:00:00Z,,failed,,\n"
                + "e6,j1,order,2026-03-01T19:00:00Z,,,,2026-03-01T18:00:00Z\n"
                + "e7,j1,order,2026-03-01T19:00:00Z,,,,\n"
                + "e8,j1,order,2026-03-01T19:00:00Z,,maybe,,\n"
                + "e9,j1\n");
        assertThat(rejections).extracting(Rejection::message).containsExactly(
                "events.csv line 2: event_id is missing",
                "events.csv line 3: occurred_at '2026-03-01' is a date without a time; journeys need the time (like"
                        + " 2026-03-01T10:15:30Z)",
                "events.csv line 4: occurred_at '2026-03-01T19:00:00' has no time zone (add Z for UTC or an offset like"
                        + " +01:00)",
                "events.csv line 5: channel 'pigeon' is not one of in_person, phone, web, app, sms, email, chat, delivery,"
                        + " other",
                "events.csv line 6: outcome is failed but factor is missing (one of product, people, timeliness,"
                        + " resolution)",
                "events.csv line 7: recovered_at 2026-03-01T18:00:00Z is before occurred_at 2026-03-01T19:00:00Z",
                "events.csv line 9: outcome 'maybe' is not one of ok, failed",
                "events.csv line 10: the row has 2 columns, the header has 8");
        assertThat(rejections.get(0).header()).isEqualTo(header);
        assertThat(rejections.get(0).raw()).isEqualTo(",j1,order,2026-03-01T19:00:00Z,,,,");
        assertThat(events).extracting(JourneyEvent::eventId).containsExactly("e7");
        assertThat(summary.read()).isEqualTo(9).isEqualTo(summary.accepted() + summary.rejected());
    }

    @Test
    void repeatedEventIdsAreAcceptedForTheAssemblerToCount() throws IOException {
        ReadSummary summary = read("events.jsonl", """
                {"event_id": "e1", "journey_id": "j1", "touchpoint": "order", "occurred_at": "2026-03-01T10:00:00Z"}
                {"event_id": "e1", "journey_id": "j1", "touchpoint": "order", "occurred_at": "2026-03-01T10:00:00Z"}
                """);
        assertThat(summary).isEqualTo(ReadSummary.of(2, 0));
        assertThat(events).hasSize(2).allMatch(e -> e.equals(events.get(0)));
    }

    @Test
    void aHeaderWithoutARequiredColumnIsUnreadable() {
        assertThatThrownBy(() -> read("events.csv", "event_id,journey_id,touchpoint\ne1,j1,order\n"))
                .isInstanceOf(UnreadableInputException.class)
                .hasMessage("events.csv line 1: the header has no 'occurred_at' column (columns: event_id, journey_id,"
                        + " touchpoint)");
    }
}
