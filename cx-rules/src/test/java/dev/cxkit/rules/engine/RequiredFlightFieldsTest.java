package dev.cxkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.rules.fact.Disruption;
import dev.cxkit.rules.fact.FlightDisruption;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.PolicySettings;
import dev.cxkit.rules.fact.RecoveryContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The distance and intra-EU flag are the eu261 pack's to require, not the model's: a flight
 * without them is refused by eu261, naming the fields, and decided by a pack that needs neither.
 */
class RequiredFlightFieldsTest {

    private static final FlightDisruption NO_DISTANCE = FlightDisruption.builder(Disruption.DELAY)
            .departureDelayMinutes(240).arrivalDelayMinutes(230).build();

    @Test
    void eu261RefusesAFlightWithoutTheFieldsItDecidesOn() throws Exception {
        Incident flight = Incident.builder("AC-1", NO_DISTANCE).detectedAt(PolicyTest.T0).build();
        try (Policy eu261 = Policy.compile(PolicySource.classpath("eu261"), PolicyTest.RELAXED)) {
            assertThat(eu261.source().settings().requiredFlightFields()).containsExactly("distance_km", "intra_eu");
            assertThatThrownBy(() -> eu261.decide(flight, PolicyTest.customer(), RecoveryContext.at(PolicyTest.T0)))
                    .isInstanceOf(DecisionException.class).hasMessage("incident AC-1: the flight has no distance_km, "
                            + "intra_eu, which policy 'eu261' needs for every flight (flight.required in its settings)");
        }
    }

    @Test
    void aPackThatNeedsNoDistanceDecidesTheSameFlight() throws Exception {
        String drl = PolicyTest.HEADER + """
                global PlanDraft plan;
                rule "Rebook a delayed passenger"
                when
                    Incident( flight != null, flight.disruption == Disruption.DELAY, flight.arrivalDelayMinutes >= 180 )
                then
                    plan.offer(OfferKind.REBOOKING, "the next flight with a free seat");
                end
                """;
        try (Policy appr = Policy.compile(PolicySource.of("appr", Map.of("a.drl", drl), PolicySettings.empty()),
                PolicyTest.RELAXED)) {
            Incident flight = Incident.builder("AC-2", NO_DISTANCE).detectedAt(PolicyTest.T0).build();
            assertThat(appr.decide(flight, PolicyTest.customer(), RecoveryContext.at(PolicyTest.T0)).offers())
                    .singleElement().satisfies(o -> assertThat(o.kind().name()).isEqualTo("REBOOKING"));
        }
    }

    @Test
    void anUnknownRequiredFieldIsASettingsError() {
        PolicySource source = PolicySource.of("p", Map.of("p.drl", PolicyTest.HEADER),
                PolicySettings.of("p/settings.properties", Map.of("flight.required", "distance_km, colour")));
        assertThat(PolicyCheck.of(source).problems()).anySatisfy(p -> {
            assertThat(p.error()).isTrue();
            assertThat(p.message()).contains("'colour' is not a flight field a pack can require");
        });
    }
}
