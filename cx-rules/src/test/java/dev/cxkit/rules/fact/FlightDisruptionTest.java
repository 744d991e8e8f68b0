package dev.cxkit.rules.fact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.core.service.SatisfactionFactor;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FlightDisruptionTest {

    private static final Instant DETECTED = Instant.parse("2025-06-14T10:00:00Z");

    private static FlightDisruption.Builder delay() {
        return FlightDisruption.builder(Disruption.DELAY).distanceKm(1800).intraEu(true).departureDelayMinutes(200)
                .arrivalDelayMinutes(190);
    }

    private static FlightDisruption.Builder cancellation() {
        return FlightDisruption.builder(Disruption.CANCELLATION).distanceKm(900).intraEu(true).noticeDays(3);
    }

    private static FlightDisruption.Builder deniedBoarding() {
        return FlightDisruption.builder(Disruption.DENIED_BOARDING).distanceKm(2800).intraEu(false);
    }

    private static FlightDisruption.Builder downgrade() {
        return FlightDisruption.builder(Disruption.DOWNGRADE).distanceKm(6000).intraEu(false)
                .ticketPrice(Money.of("900.00", "EUR"));
    }

    /** The problems as the readers print them: field, then message. */
    private static List<String> problems(FlightDisruption.Builder builder) {
        return builder.problems().stream().map(FlightDisruption.Problem::toString).toList();
    }

    @Test
    void aValidFlightOfEachDisruptionBuilds() {
        FlightDisruption delay = delay().overnight(true).build();
        assertThat(delay).isEqualTo(new FlightDisruption(Disruption.DELAY, 1800, true, 200, 190, null, null, false,
                true, false, null, null, null, null, null, null, null, null));

        FlightDisruption cancelled = cancellation().rerouted(true).arrivalDelayMinutes(100).build();
        assertThat(cancelled.rerouteDepartureEarlierMinutes()).as("a re-routed cancellation defaults to 0 earlier")
                .isZero();
        assertThat(cancellation().build().rerouteDepartureEarlierMinutes()).as("not re-routed: does not apply")
                .isNull();

        assertThat(deniedBoarding().volunteered(true).build().volunteered()).isTrue();
        assertThat(downgrade().build().ticketPrice()).isEqualTo(Money.of("900.00", "EUR"));
    }

    @Test
    void aFlightIncidentTakesItsTypeAndFactorFromTheDisruption() {
        Incident delay = Incident.builder("f-1", delay().build()).detectedAt(DETECTED).build();
        assertThat(delay.type()).isEqualTo(IncidentType.LONG_WAIT);
        assertThat(delay.factor()).isEqualTo(SatisfactionFactor.TIMELINESS);
        assertThat(delay.flight().arrivalDelayMinutes()).isEqualTo(190);

        assertThat(Incident.builder("f-2", cancellation().build()).detectedAt(DETECTED).build().type())
                .isEqualTo(IncidentType.ITEM_NOT_DELIVERED);
        assertThat(Incident.builder("f-3", deniedBoarding().build()).detectedAt(DETECTED).build().type())
                .isEqualTo(IncidentType.ITEM_NOT_DELIVERED);
        Incident downgraded = Incident.builder("f-4", downgrade().build()).detectedAt(DETECTED).build();
        assertThat(downgraded.type()).isEqualTo(IncidentType.QUALITY);
        assertThat(downgraded.factor()).isEqualTo(SatisfactionFactor.PRODUCT);

        assertThat(Incident.builder("i-1", IncidentType.OTHER).detectedAt(DETECTED).build().flight()).isNull();
    }

    @Test
    void anIncidentWhoseTypeContradictsItsFlightIsRejected() {
        Incident.Builder contradiction = Incident.builder("f-1", IncidentType.WRONG_ITEM).detectedAt(DETECTED)
                .flight(delay().build());
        assertThatThrownBy(contradiction::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("incident f-1: type WRONG_ITEM does not match the flight's DELAY (a LONG_WAIT)");
    }

    @Test
    void aDelayWithNothingButItsDisruptionMissesItsTwoDelays() {
        // the distance and intra_eu are a pack's to require (eu261 does), not the model's
        assertThat(problems(FlightDisruption.builder(Disruption.DELAY))).containsExactly(
                "departure_delay_minutes is missing: a DELAY needs the expected delay of departure; meals and the "
                        + "refund option depend on it",
                "arrival_delay_minutes is missing: a DELAY needs the delay at the final destination; compensation "
                        + "depends on it");
        assertThat(FlightDisruption.builder(Disruption.DELAY).problems()).allMatch(FlightDisruption.Problem::missing);
        FlightDisruption bare = FlightDisruption.builder(Disruption.DELAY).departureDelayMinutes(200)
                .arrivalDelayMinutes(190).build();
        assertThat(bare.lacks(java.util.List.of("distance_km", "intra_eu", "cause"))).containsExactly("distance_km",
                "intra_eu", "cause");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> bare.lacks(java.util.List.of("colour")))
                .hasMessageContaining("not a flight field a pack can require");
    }

    /** One flight with one thing wrong, the problem it must report, and whether that is a missing field. */
    static Stream<Arguments> oneProblem() {
        return Stream.of(
                Arguments.of(cancellation().noticeDays(null), true, "notice_days is missing: a CANCELLATION needs its "
                        + "notice: notice_days (or notice_hours), the time between the passenger being told and the scheduled departure (0 = told on the day)"),
                Arguments.of(cancellation().rerouted(true), true, "arrival_delay_minutes is missing: a re-routed "
                        + "CANCELLATION needs how late the re-routing reached the final destination (0 if not late)"),
                Arguments.of(deniedBoarding().rerouted(true), true, "arrival_delay_minutes is missing: a re-routed "
                        + "DENIED_BOARDING needs how late the re-routing reached the final destination (0 if not late)"),
                Arguments.of(downgrade().ticketPrice(null), true, "ticket_price is missing: a DOWNGRADE needs it: the "
                        + "refund is a share of it (Art. 10(2))"),
                Arguments.of(delay().noticeDays(20), false, "notice_days is given for a DELAY: it is only for a "
                        + "CANCELLATION; leave it out"),
                Arguments.of(cancellation().departureDelayMinutes(60), false, "departure_delay_minutes is given for a "
                        + "CANCELLATION: it is only for a DELAY; leave it out"),
                Arguments.of(cancellation().arrivalDelayMinutes(60), false, "arrival_delay_minutes is given but "
                        + "rerouted is not true: it is how late the re-routing arrived; set rerouted to true or leave "
                        + "it out"),
                Arguments.of(downgrade().arrivalDelayMinutes(60), false, "arrival_delay_minutes is given for a "
                        + "DOWNGRADE: it is only for a DELAY or a re-routed CANCELLATION or DENIED_BOARDING; leave it "
                        + "out"),
                Arguments.of(cancellation().rerouteDepartureEarlierMinutes(30), false, "reroute_departure_earlier_minutes "
                        + "is given but rerouted is not true: it describes the re-routing; set rerouted to true or "
                        + "leave it out"),
                Arguments.of(deniedBoarding().rerouted(true).arrivalDelayMinutes(60).rerouteDepartureEarlierMinutes(0),
                        false, "reroute_departure_earlier_minutes is given for a DENIED_BOARDING: it is only for a "
                        + "re-routed CANCELLATION; leave it out"),
                Arguments.of(delay().volunteered(true), false, "volunteered is true for a DELAY: only a "
                        + "DENIED_BOARDING passenger can volunteer to give up the seat; leave it out"),
                Arguments.of(downgrade().rerouted(true), false, "rerouted is true for a DOWNGRADE: a downgraded "
                        + "passenger flew on the booked flight; leave it out"),
                Arguments.of(downgrade().overnight(true), false, "overnight is true for a DOWNGRADE: a downgraded "
                        + "passenger flew on the booked flight; record a night's wait as its own DELAY incident"),
                Arguments.of(delay().distanceKm(0), false, "distance_km 0 must be at least 1 (km)"),
                Arguments.of(delay().distanceKm(-5), false, "distance_km -5 must be at least 1 (km)"),
                Arguments.of(delay().departureDelayMinutes(-1), false, "departure_delay_minutes -1 must not be negative"),
                Arguments.of(delay().arrivalDelayMinutes(-2), false, "arrival_delay_minutes -2 must not be negative"),
                Arguments.of(cancellation().noticeDays(-1), false, "notice_days -1 must not be negative"),
                Arguments.of(cancellation().rerouted(true).arrivalDelayMinutes(0).rerouteDepartureEarlierMinutes(-30),
                        false, "reroute_departure_earlier_minutes -30 must not be negative"),
                Arguments.of(downgrade().ticketPrice(Money.of("-1.00", "EUR")), false,
                        "ticket_price EUR -1.00 must not be negative"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("oneProblem")
    void aMissingContradictoryOrNegativeFieldIsNamed(FlightDisruption.Builder flight, boolean missing,
            String problem) {
        assertThat(problems(flight)).containsExactly(problem);
        assertThat(flight.problems()).singleElement().extracting(FlightDisruption.Problem::missing).isEqualTo(missing);
    }

    @Test
    void withoutADisruptionOnlyTheFieldChecksRunAndBuildFails() {
        FlightDisruption.Builder unknown = FlightDisruption.builder(null).distanceKm(-1).intraEu(true).noticeDays(3);
        assertThat(problems(unknown)).containsExactly("distance_km -1 must be at least 1 (km)");
        assertThatThrownBy(unknown::build).isInstanceOf(NullPointerException.class).hasMessage("disruption");
    }

    @Test
    void buildAndTheConstructorRejectWithEveryProblem() {
        assertThatThrownBy(() -> delay().noticeDays(2).volunteered(true).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flight DELAY: notice_days is given for a DELAY: it is only for a CANCELLATION; leave it "
                        + "out; volunteered is true for a DELAY: only a DENIED_BOARDING passenger can volunteer to give "
                        + "up the seat; leave it out");
        assertThatThrownBy(() -> new FlightDisruption(Disruption.CANCELLATION, 900, true, null, 60, 3, null, true,
                false, false, null, null, null, null, null, null, null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flight CANCELLATION: reroute_departure_earlier_minutes is missing: a re-routed "
                        + "CANCELLATION needs how much earlier the re-routing departed (0 if not earlier)");
        assertThatThrownBy(() -> new FlightDisruption(null, 900, true, null, null, null, null, false, false, false,
                null, null, null, null, null, null, null, null)).isInstanceOf(NullPointerException.class);
    }
}
