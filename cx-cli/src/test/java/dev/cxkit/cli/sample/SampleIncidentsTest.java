package dev.cxkit.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.cli.sample.SampleJourneys.Failure;
import dev.cxkit.core.io.Rejection;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.io.IncidentReader;
import dev.cxkit.rules.io.IncidentRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleIncidentsTest {

    private static final SampleJourneys SAMPLE = SampleJourneys.of(SampleJourneys.DEFAULT_SIZE);

    private static List<IncidentRecord> read(String jsonl) throws IOException {
        List<IncidentRecord> records = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        IncidentReader.create().read(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)),
                "incidents.jsonl", records::add, rejections::add);
        assertThat(rejections).as("every line reads as cx recover reads it").isEmpty();
        return records;
    }

    @Test
    void theOpenIncidentsAreTheLatestUnrecoveredFailureOfEachKind() throws IOException {
        String jsonl = SampleIncidents.jsonl(SAMPLE);
        assertThat(SampleIncidents.jsonl(SampleJourneys.of(SampleJourneys.DEFAULT_SIZE))).isEqualTo(jsonl);
        List<IncidentRecord> records = read(jsonl);
        assertThat(records).hasSizeBetween(4, 7);
        List<Failure> failures = SAMPLE.failures();
        for (IncidentRecord record : records) {
            Incident incident = record.incident();
            String kind = incident.attributes().get("failure");
            Failure failure = failures.stream().filter(f -> f.journeyId().equals(incident.journeyId())
                    && f.kind().equals(kind)).findFirst().orElseThrow();
            assertThat(failure.recovered()).as(incident.id()).isFalse();
            assertThat(failure.at()).isAfterOrEqualTo(SampleJourneys.REPORTED_AT.minus(SampleIncidents.OPEN_WINDOW));
            assertThat(failures.stream().filter(f -> f.kind().equals(kind) && !f.recovered()
                    && f.at().isAfter(failure.at()))).as("no later open failure of the kind %s", kind).isEmpty();
            assertThat(incident.customerId()).isEqualTo(failure.customerId());
            assertThat(incident.location()).isEqualTo(failure.location());
            assertThat(incident.orderValue().amount()).isPositive();
            assertThat(incident.orderValue().currency().getCurrencyCode()).isEqualTo("EUR");
            assertThat(record.similarRecentIncidents()).isGreaterThanOrEqualTo(1);
        }
        assertThat(new HashSet<>(records.stream().map(r -> r.incident().attributes().get("failure")).toList()))
                .as("one per kind").hasSameSizeAs(records);
    }

    @Test
    void eachKindIsFiledAsTheRestaurantPackExpects() throws IOException {
        Map<String, IncidentType> types = Map.of("wrong_item", IncidentType.WRONG_ITEM, "cold_food",
                IncidentType.QUALITY, "rude_staff", IncidentType.RUDE_OR_CARELESS_STAFF, "missing_item",
                IncidentType.ITEM_NOT_DELIVERED, "wrong_channel", IncidentType.CONTACT_RULE_BROKEN, "late_meal",
                IncidentType.LONG_WAIT, "late_delivery", IncidentType.LONG_WAIT);
        // ten times the size has every kind open in the last two weeks
        List<IncidentRecord> records = read(SampleIncidents.jsonl(SampleJourneys.of(10 * SampleJourneys.DEFAULT_SIZE)));
        assertThat(records).extracting(r -> r.incident().attributes().get("failure"))
                .containsExactlyInAnyOrderElementsOf(types.keySet());
        for (IncidentRecord record : records) {
            Incident incident = record.incident();
            String kind = incident.attributes().get("failure");
            assertThat(incident.type()).as(kind).isEqualTo(types.get(kind));
            if (incident.type() == IncidentType.LONG_WAIT) {
                assertThat(incident.minutesWaited()).isGreaterThan(incident.minutesPromised());
                assertThat(incident.minutesPromised()).isIn(20, 120);
            }
            if (incident.type() == IncidentType.ITEM_NOT_DELIVERED) {
                assertThat(incident.undeliveredItems()).hasSize(1);
                assertThat(incident.undeliveredItems().get(0).price().amount())
                        .isLessThanOrEqualTo(incident.orderValue().amount());
            }
            if (incident.type() == IncidentType.WRONG_ITEM) {
                assertThat(incident.items()).hasSize(1);
                assertThat(incident.undeliveredItems()).isEmpty();
            }
        }
    }

    @Test
    void aRecurringFailureCountsItsSimilarIncidents() throws IOException {
        // the notice goes by SMS to every customer who chose otherwise: dozens a week at each location
        IncidentRecord wrongChannel = read(SampleIncidents.jsonl(SAMPLE)).stream()
                .filter(r -> r.incident().type() == IncidentType.CONTACT_RULE_BROKEN).findFirst().orElseThrow();
        long sameWeek = SAMPLE.failures().stream().filter(f -> f.kind().equals("wrong_channel")
                && f.touchpoint().equals(wrongChannel.incident().touchpoint())
                && f.location().equals(wrongChannel.incident().location())
                && !f.at().isAfter(wrongChannel.incident().occurredAt())
                && !f.at().isBefore(wrongChannel.incident().occurredAt().minus(java.time.Duration.ofDays(7)))).count();
        assertThat(wrongChannel.similarRecentIncidents()).isEqualTo(sameWeek).isGreaterThanOrEqualTo(3);
    }
}
