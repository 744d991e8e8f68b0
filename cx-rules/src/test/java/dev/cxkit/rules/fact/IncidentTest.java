package dev.cxkit.rules.fact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.service.Channel;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IncidentTest {

    private static final Instant DETECTED = Instant.parse("2025-06-14T19:30:00Z");

    @Test
    void theSummaryNamesTypeSeverityChannelPlaceTouchpointAndCustomerButNotTheId() {
        Incident i = Incident.builder("INC-J1-wrong-item", IncidentType.WRONG_ITEM).detectedAt(DETECTED)
                .location("Leeds").touchpoint("served").customerId("C0012").journeyId("J1").build();

        assertThat(i.summary()).isEqualTo("WRONG_ITEM, MODERATE, IN_PERSON at Leeds (served), customer C0012");
        assertThat(i.summary()).doesNotContain("INC-J1").doesNotContain("J1,");
    }

    @Test
    void theSummaryLeavesOutWhatIsNotKnown() {
        Incident bare = Incident.builder("i1", IncidentType.LONG_WAIT).detectedAt(DETECTED).build();
        Incident noPlace = Incident.builder("i2", IncidentType.QUALITY).severity(Severity.MAJOR).channel(Channel.EMAIL)
                .touchpoint("survey-invite").detectedAt(DETECTED).build();
        Incident noTouchpoint = Incident.builder("i3", IncidentType.OTHER).channel(Channel.PHONE).location("York")
                .customerId("C7").detectedAt(DETECTED).build();

        assertThat(bare.summary()).isEqualTo("LONG_WAIT, MODERATE, IN_PERSON");
        assertThat(noPlace.summary()).isEqualTo("QUALITY, MAJOR, EMAIL (survey-invite)");
        assertThat(noTouchpoint.summary()).isEqualTo("OTHER, MODERATE, PHONE at York, customer C7");
    }

    @Test
    void aFlightsSummaryEndsWithTheDisruptionAndDistance() {
        FlightDisruption delay = FlightDisruption.builder(Disruption.DELAY).distanceKm(1200).intraEu(true)
                .departureDelayMinutes(200).arrivalDelayMinutes(190).build();
        FlightDisruption downgrade = FlightDisruption.builder(Disruption.DOWNGRADE).distanceKm(6000).intraEu(false)
                .ticketPrice(Money.of("900.00", "EUR")).build();

        Incident intraEu = Incident.builder("f1", delay).detectedAt(DETECTED).customerId("P1").build();
        Incident longHaul = Incident.builder("f2", downgrade).severity(Severity.MAJOR).detectedAt(DETECTED).build();

        assertThat(intraEu.summary()).isEqualTo("LONG_WAIT, MODERATE, IN_PERSON, customer P1; flight DELAY, 1200 km intra-EU");
        assertThat(longHaul.summary()).isEqualTo("QUALITY, MAJOR, IN_PERSON; flight DOWNGRADE, 6000 km");
    }
}
