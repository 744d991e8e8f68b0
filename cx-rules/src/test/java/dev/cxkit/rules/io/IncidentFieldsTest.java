package dev.cxkit.rules.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.io.DocumentFields;
import dev.cxkit.core.io.DocumentFields.FieldProblem;
import dev.cxkit.rules.fact.AffectedItem;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.fact.RecoveryContext;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** What the scenario shape of {@link IncidentFields} adds to {@link IncidentReaderTest}'s JSON lines. */
class IncidentFieldsTest {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final Instant NOW = Instant.parse("2025-06-14T19:30:00Z");

    private static DocumentFields yaml(String text) {
        return DocumentFields.of(YAML.readTree(text), DocumentFields.Style.AFTER_PATH);
    }

    private static List<String> problems(DocumentFields fields) {
        return fields.problems().stream().map(FieldProblem::toString).toList();
    }

    @Test
    void aScenarioIncidentTakesItsTimeFromNowAndItsCurrencyForLaterAmounts() {
        IncidentFields facts = IncidentFields.forScenario();
        DocumentFields incident = yaml("""
                id: i-1
                type: WRONG_ITEM
                currency: gbp
                items: [{name: soup, price: 4.5}]
                """);
        Incident read = facts.incident(incident, NOW);
        assertThat(incident.problems()).isEmpty();
        assertThat(read.detectedAt()).isEqualTo(NOW);
        assertThat(facts.detectedAt()).isEqualTo(NOW);
        assertThat(read.items()).as("delivered defaults to true")
                .containsExactly(new AffectedItem("soup", Money.of("4.50", "GBP"), true));
        DocumentFields offer = yaml("amount: '10.00'\nother: EUR 3.00\n");
        assertThat(facts.money(offer, "amount")).isEqualTo(Money.of("10.00", "GBP"));
        assertThat(facts.money(offer, "other")).isEqualTo(Money.of("3.00", "EUR"));
    }

    @Test
    void aScenarioIncidentWithoutAnyTimeNeedsOne() {
        DocumentFields incident = yaml("id: i-1\ntype: WRONG_ITEM\n");
        assertThat(IncidentFields.forScenario().incident(incident, null)).isNull();
        assertThat(problems(incident)).containsExactly("detected_at: is required (or give occurred_at or given.now)");
    }

    @Test
    void aScenarioCustomerNeedsItsContactAndMayNameItsCurrency() {
        IncidentFields facts = IncidentFields.forScenario();
        DocumentFields customer = yaml("""
                id: c-1
                lifetime_value: "640.00"
                currency: USD
                contact: {channel: sms, address_kind: MOBILE}
                """);
        Customer read = facts.customer(customer);
        assertThat(customer.problems()).isEmpty();
        assertThat(read.lifetimeValue()).isEqualTo(Money.of("640.00", "USD"));

        DocumentFields noContact = yaml("id: c-1\nrecent_failures: -1\n");
        assertThat(facts.customer(noContact)).isNull();
        assertThat(problems(noContact)).containsExactly("contact: is required",
                "recent_failures: -1 must not be negative");
    }

    @Test
    void aScenarioContextCountsThisIncident() {
        IncidentFields facts = IncidentFields.forScenario();
        DocumentFields context = yaml("budget_left_today: EUR 5.00\nalready_compensated: true\n");
        assertThat(facts.context(context, NOW)).isEqualTo(new RecoveryContext(NOW, Money.of("5.00", "EUR"), 1, true));

        DocumentFields zero = yaml("similar_recent_incidents: 0\nbudget: 1\n");
        assertThat(facts.context(zero, NOW)).isNull();
        assertThat(problems(zero)).containsExactly(
                "budget: unknown key; known keys: already_compensated, budget_left_today, similar_recent_incidents",
                "similar_recent_incidents: 0 must be at least 1 (it counts this incident)");
    }

    @Test
    void anAmountIsNeverNegativeAndAnUnreadableCurrencyIsReportedOnce() {
        DocumentFields incident = yaml("id: i-1\ntype: WRONG_ITEM\ncurrency: EURO\norder_value: '40.00'\n"
                + "items: [{name: soup, price: '-2'}]\n");
        assertThat(IncidentFields.forScenario().incident(incident, NOW)).isNull();
        assertThat(problems(incident)).containsExactly(
                "currency: 'EURO' is not an ISO 4217 currency code (like EUR, USD, GBP)",
                "items[0].price: -2 must not be negative");
    }

    @Test
    void aJsonLineTakesAnAmountInAnotherCurrency() {
        DocumentFields line = DocumentFields.of(JsonMapper.builder().build().readTree(
                "{\"incident_id\":\"i1\",\"type\":\"WRONG_ITEM\",\"detected_at\":\"2025-06-14T19:30:00Z\","
                        + "\"order_value\":\"GBP 18.50\",\"budget_left_today\":\"7\"}"), DocumentFields.Style.SENTENCE);
        IncidentRecord record = IncidentFields.forJsonLine().incidentLine(line, "incidents.jsonl", 1,
                java.util.List.of());
        assertThat(line.problems()).isEmpty();
        assertThat(record.incident().orderValue()).isEqualTo(Money.of("18.50", "GBP"));
        assertThat(record.budgetLeftToday()).as("the line's currency: EUR").isEqualTo(Money.of("7.00", "EUR"));
    }
}
