package dev.cxkit.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.rules.fact.Disruption;
import dev.cxkit.rules.fact.FlightDisruption;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.plan.AwareStep;
import dev.cxkit.rules.plan.OfferKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

    private static final String SOURCE = "scenarios/wrong-item.yaml";

    /** A valid scenario; tests replace one line to break it. */
    private static final String VALID = """
            name: Wrong item
            given:
              now: 2025-06-14T19:30:00Z
              incident:
                id: i-1
                type: WRONG_ITEM
                severity: MODERATE
                detected_at: 2025-06-14T19:30:00Z
                currency: EUR
                order_value: "46.00"
                items: [{name: sea bass, price: "24.00", delivered: false}]
              customer: {id: c-1, contact: {channel: SMS, address_kind: MOBILE}}
              context: {budget_left_today: "150.00"}
            expect:
              offers: [{kind: REMAKE}, {kind: WAIVE_CHARGE, amount: "24.00"}]
              steps: [{step: ACKNOWLEDGE, due: PT2M}]
              fired: ["Wrong item: remake it at once"]
            """;

    private static List<String> problems(String yaml) {
        ScenarioFile file = ScenarioLoader.parse(SOURCE, yaml);
        assertThat(file.isValid()).as("has problems").isFalse();
        return file.problems().stream().map(ScenarioProblem::toString).toList();
    }

    @Test
    void aValidFileBecomesFactsAndExpectations() {
        ScenarioFile file = ScenarioLoader.parse(SOURCE, VALID);

        assertThat(file.problems()).isEmpty();
        Scenario s = file.scenario();
        assertThat(s.name()).isEqualTo("Wrong item");
        assertThat(s.incident().type()).isEqualTo(IncidentType.WRONG_ITEM);
        assertThat(s.incident().orderValue()).isEqualTo(Money.of("46.00", "EUR"));
        assertThat(s.incident().undeliveredItems()).hasSize(1);
        assertThat(s.context().budgetLeftToday()).isEqualTo(Money.of("150.00", "EUR"));
        assertThat(s.context().similarRecentIncidents()).isEqualTo(1);
        assertThat(s.expect().offers()).extracting(ExpectedOffer::kind, ExpectedOffer::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(OfferKind.REMAKE, null),
                        org.assertj.core.groups.Tuple.tuple(OfferKind.WAIVE_CHARGE, Money.of("24.00", "EUR")));
        assertThat(s.expect().steps()).containsExactly(
                new ExpectedStep(AwareStep.ACKNOWLEDGE, null, Instant.parse("2025-06-14T19:32:00Z"), null, null));
        assertThat(s.expect().escalations()).as("not given: not checked").isNull();
    }

    @Test
    void anUnknownKeyIsAnErrorWithASuggestion() {
        assertThat(problems(VALID.replace("order_value:", "order_valeu:"))).containsExactly(
                SOURCE + ": given.incident.order_valeu: unknown key (did you mean order_value?)");
    }

    @Test
    void anUnknownKeyFarFromAnyListsTheKnownKeys() {
        assertThat(problems(VALID.replace("  fired:", "  colour: red\n  fired:"))).containsExactly(
                SOURCE + ": expect.colour: unknown key; known keys: escalations, fails, fired, follow_ups, not_fired, "
                        + "offers, steps, systemic");
    }

    @Test
    void aBadEnumNamesTheChoices() {
        assertThat(problems(VALID.replace("type: WRONG_ITEM", "type: WRONG_ITEMS"))).containsExactly(
                SOURCE + ": given.incident.type: 'WRONG_ITEMS' is not one of WRONG_ITEM, ITEM_NOT_DELIVERED, "
                        + "LONG_WAIT, RUDE_OR_CARELESS_STAFF, CONTACT_RULE_BROKEN, MISSED_APPOINTMENT, "
                        + "BILLING_ERROR, QUALITY, OTHER");
    }

    @Test
    void badAmountsSayWhatIsWrong() {
        assertThat(problems(VALID.replace("order_value: \"46.00\"", "order_value: \"46,00\"")
                .replace("amount: \"24.00\"", "amount: \"24.005\""))).containsExactly(
                SOURCE + ": given.incident.order_value: '46,00' is not an amount (write it like \"18.50\" or "
                        + "\"EUR 18.50\")",
                SOURCE + ": expect.offers[1].amount: '24.005' has more decimals than EUR allows");
    }

    @Test
    void anAmountWithoutACurrencyNeedsOne() {
        assertThat(problems(VALID.replace("    currency: EUR\n", "")
                .replace("price: \"24.00\"", "price: \"EUR 24.00\"")
                .replace("amount: \"24.00\"", "amount: \"EUR 24.00\"")
                .replace("budget_left_today: \"150.00\"", "budget_left_today: \"EUR 150.00\""))).containsExactly(
                SOURCE + ": given.incident.order_value: '46.00' has no currency: write \"EUR 46.00\" or set "
                        + "given.incident.currency");
    }

    @Test
    void missingRequiredFieldsAreAllReportedAtOnce() {
        assertThat(problems(VALID.replace("    id: i-1\n", "").replace("name: Wrong item\n", "")
                .replace("{id: c-1, ", "{"))).containsExactly(
                SOURCE + ": name: is required",
                SOURCE + ": given.incident.id: is required",
                SOURCE + ": given.customer.id: is required");
    }

    @Test
    void wrongTypesAreReported() {
        assertThat(problems(VALID.replace("context: {budget_left_today: \"150.00\"}",
                "context: {similar_recent_incidents: two, already_compensated: maybe}")
                .replace("due: PT2M", "due: soon"))).containsExactly(
                SOURCE + ": given.context.similar_recent_incidents: 'two' is not a whole number",
                SOURCE + ": given.context.already_compensated: 'maybe' is not true or false",
                SOURCE + ": expect.steps[0].due: 'soon' is not a time like 2025-06-14T19:30:00Z");
    }

    @Test
    void anInvalidFactIsReportedAtItsSection() {
        assertThat(problems(VALID.replace("detected_at: 2025-06-14T19:30:00Z",
                "detected_at: 2025-06-14T19:30:00Z\n    occurred_at: 2025-06-14T20:00:00Z"))).containsExactly(
                SOURCE + ": given.incident: incident i-1: detected before it occurred");
    }

    /** A valid flight scenario; tests replace one line to break it. */
    private static final String FLIGHT = """
            name: Cancellation on the day
            given:
              incident:
                id: f-1
                kind: FLIGHT
                disruption: CANCELLATION
                detected_at: 2025-06-14T10:00:00Z
                currency: EUR
                distance_km: 6500
                intra_eu: false
                notice_days: 0
                rerouted: true
                reroute_departure_earlier_minutes: 45
                arrival_delay_minutes: 200
                ticket_price: "720.00"
              customer: {id: p-1, contact: {channel: EMAIL, address_kind: EMAIL}}
            expect:
              offers: [{kind: CASH_COMPENSATION, amount: "300.00"}]
            """;

    @Test
    void aFlightBecomesAFlightIncident() {
        ScenarioFile file = ScenarioLoader.parse(SOURCE, FLIGHT);

        assertThat(file.problems()).isEmpty();
        Incident incident = file.scenario().incident();
        assertThat(incident.type()).isEqualTo(IncidentType.ITEM_NOT_DELIVERED);
        assertThat(incident.flight()).isEqualTo(new FlightDisruption(Disruption.CANCELLATION, 6500, false, null, 200, 0,
                45, true, false, false, Money.of("720.00", "EUR"), null, null, null, null, null, null, null));
    }

    @Test
    void flightKeysThatAreMissingOrContradictAreReportedWithTheirPath() {
        assertThat(problems(FLIGHT.replace("    notice_days: 0\n", "")
                .replace("    rerouted: true\n", "    volunteered: true\n    departure_delay_minutes: 30\n")
                .replace("distance_km: 6500", "distance_km: -1"))).containsExactly(
                SOURCE + ": given.incident.distance_km: -1 must be at least 1 (km)",
                SOURCE + ": given.incident.departure_delay_minutes: is given for a CANCELLATION: it is only for a "
                        + "DELAY; leave it out",
                SOURCE + ": given.incident.arrival_delay_minutes: is given but rerouted is not true: it is how late the "
                        + "re-routing arrived; set rerouted to true or leave it out",
                SOURCE + ": given.incident.notice_days: is missing: a CANCELLATION needs its notice: "
                        + "notice_days (or notice_hours), the time between the passenger being told and the scheduled departure (0 = told on the day)",
                SOURCE + ": given.incident.reroute_departure_earlier_minutes: is given but rerouted is not true: it "
                        + "describes the re-routing; set rerouted to true or leave it out",
                SOURCE + ": given.incident.volunteered: is true for a CANCELLATION: only a DENIED_BOARDING passenger "
                        + "can volunteer to give up the seat; leave it out");
    }

    @Test
    void aFlightKeyThatCannotBeReadIsReportedOnce() {
        assertThat(problems(FLIGHT.replace("distance_km: 6500", "distance_km: far")
                .replace("intra_eu: false", "intra_eu: perhaps").replace("disruption: CANCELLATION", "disruption: LATE")))
                .containsExactly(
                        SOURCE + ": given.incident.disruption: 'LATE' is not one of DELAY, CANCELLATION, "
                                + "DENIED_BOARDING, DOWNGRADE",
                        SOURCE + ": given.incident.distance_km: 'far' is not a whole number",
                        SOURCE + ": given.incident.intra_eu: 'perhaps' is not true or false");
    }

    @Test
    void aFlightNeedsItsDisruptionButNoType() {
        assertThat(problems(FLIGHT.replace("    disruption: CANCELLATION\n", ""))).containsExactly(
                SOURCE + ": given.incident.disruption: is required");
        assertThat(problems(FLIGHT.replace("    kind: FLIGHT\n", "    kind: FLIGHT\n    type: LONG_WAIT\n")))
                .containsExactly(SOURCE + ": given.incident.type: LONG_WAIT contradicts disruption CANCELLATION (a "
                        + "ITEM_NOT_DELIVERED); leave type out of a flight");
    }

    @Test
    void flightKeysNeedKindFlightAndKindNeedsToBeFlight() {
        assertThat(problems(FLIGHT.replace("    kind: FLIGHT\n", "    type: ITEM_NOT_DELIVERED\n"))).containsExactly(
                SOURCE + ": given.incident.arrival_delay_minutes: is a flight key: add kind: FLIGHT (or leave it out)",
                SOURCE + ": given.incident.disruption: is a flight key: add kind: FLIGHT (or leave it out)",
                SOURCE + ": given.incident.distance_km: is a flight key: add kind: FLIGHT (or leave it out)",
                SOURCE + ": given.incident.intra_eu: is a flight key: add kind: FLIGHT (or leave it out)",
                SOURCE + ": given.incident.notice_days: is a flight key: add kind: FLIGHT (or leave it out)",
                SOURCE + ": given.incident.reroute_departure_earlier_minutes: is a flight key: add kind: FLIGHT (or "
                        + "leave it out)",
                SOURCE + ": given.incident.rerouted: is a flight key: add kind: FLIGHT (or leave it out)",
                SOURCE + ": given.incident.ticket_price: is a flight key: add kind: FLIGHT (or leave it out)");
        assertThat(problems(VALID.replace("    type: WRONG_ITEM\n", "    type: WRONG_ITEM\n    kind: TRAIN\n")))
                .containsExactly(SOURCE + ": given.incident.kind: 'TRAIN' is not FLIGHT (leave kind out for any other "
                        + "incident)");
    }

    @Test
    void aScenarioThatExpectsNothingIsAnError() {
        assertThat(problems(VALID.substring(0, VALID.indexOf("expect:")) + "expect: {}\n")).containsExactly(
                SOURCE + ": expect: expects nothing: give at least one of escalations, fails, fired, follow_ups, not_fired, "
                        + "offers, steps, systemic");
    }

    @Test
    void aRuleBothFiredAndNotFiredIsAnError() {
        assertThat(problems(VALID + "  not_fired: [\"Wrong item: remake it at once\"]\n")).containsExactly(
                SOURCE + ": expect.not_fired: \"Wrong item: remake it at once\" is also in fired");
    }

    @Test
    void invalidYamlGivesTheLine() {
        assertThat(problems("name: x\ngiven: [\n")).singleElement().asString()
                .startsWith(SOURCE + ": line ").contains("not valid YAML");
    }

    @Test
    void aDuplicateKeyIsAnError() {
        assertThat(problems(VALID.replace("    severity: MODERATE\n", "    severity: MODERATE\n    severity: MINOR\n")))
                .singleElement().asString().contains("Duplicate").contains("severity");
    }

    @Test
    void aDirectoryLoadsEveryYamlFileInNameOrder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.yaml"), VALID);
        Files.writeString(dir.resolve("a.yml"), VALID.replace("type: WRONG_ITEM", "type: NOPE"));
        Files.writeString(dir.resolve("notes.txt"), "not a scenario");

        List<ScenarioFile> files = ScenarioLoader.loadDirectory(dir);

        assertThat(files).extracting(ScenarioFile::source)
                .containsExactly(dir.resolve("a.yml").toString(), dir.resolve("b.yaml").toString());
        assertThat(files).extracting(ScenarioFile::isValid).containsExactly(false, true);
        assertThat(files.get(0).problems()).singleElement().asString()
                .startsWith(dir.resolve("a.yml") + ": given.incident.type: 'NOPE' is not one of ");
    }
}
