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

        assertThat(intraEu.summary()).isEqualTo("DELAY of flight, 1200 km intra-EU, MODERATE, IN_PERSON, customer P1");
        assertThat(longHaul.summary()).isEqualTo("DOWNGRADE of flight, 6000 km, MAJOR, IN_PERSON");
    }

    /** Beyond the EU: a flight's number, airports, carrier, size and cause, and notice in hours. */
    @Test
    void aFlightInItsOwnWordsWithItsCauseAndClaim() {
        FlightDisruption cancelled = FlightDisruption.builder(Disruption.CANCELLATION).distanceKm(540).intraEu(false)
                .noticeHours(30).cause(CauseCategory.WITHIN_CONTROL).carrierSize(CarrierSize.LARGE)
                .route("AC 123", "Air Canada", "YUL", "YYZ").build();
        assertThat(cancelled.noticeDays()).as("days are the hours' whole days").isEqualTo(1);
        assertThat(cancelled.noticeInHours()).isEqualTo(30);
        Incident incident = Incident.builder("f3", cancelled).detectedAt(DETECTED)
                .claimedAt(DETECTED.plus(java.time.Duration.ofDays(300))).build();
        assertThat(incident.summary()).isEqualTo("CANCELLATION of flight AC 123 (YUL to YYZ), 540 km, WITHIN_CONTROL, "
                + "MODERATE, IN_PERSON");
        assertThat(incident.extraordinaryCircumstances()).isFalse();
        assertThat(incident.claimedAt()).isEqualTo(DETECTED.plus(java.time.Duration.ofDays(300)));
        // the cause decides extraordinary circumstances, for packs that read either
        FlightDisruption storm = FlightDisruption.builder(Disruption.DELAY).distanceKm(540).intraEu(false)
                .departureDelayMinutes(300).arrivalDelayMinutes(290).cause(CauseCategory.OUTSIDE_CONTROL).build();
        assertThat(Incident.builder("f4", storm).detectedAt(DETECTED).build().extraordinaryCircumstances()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Incident.builder("f5", cancelled).detectedAt(DETECTED)
                .extraordinaryCircumstances(true).build()).hasMessageContaining("contradict the flight's cause");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Incident.builder("f6", cancelled)
                .occurredAt(DETECTED).claimedAt(DETECTED.minusSeconds(60)).build())
                .hasMessageContaining("claimed before it occurred");
        // notice in hours and in days must agree, and is only for a cancellation
        assertThat(FlightDisruption.builder(Disruption.CANCELLATION).distanceKm(540).intraEu(false).noticeDays(2)
                .noticeHours(30).problems()).extracting(FlightDisruption.Problem::toString)
                .containsExactly("notice_hours 30 hours is 1 whole days, but notice_days is 2: give one of them");
        assertThat(FlightDisruption.builder(Disruption.DELAY).distanceKm(540).intraEu(false)
                .departureDelayMinutes(10).arrivalDelayMinutes(10).noticeHours(30).problems())
                .extracting(FlightDisruption.Problem::field).containsExactly("notice_hours");
    }
}
