package dev.cxkit.rules.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.service.Channel;
import dev.cxkit.core.testing.ReadmeSnippet;
import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicySource;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.rules.fact.AffectedItem;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.fact.RecoveryContext;
import dev.cxkit.rules.fact.Severity;
import dev.cxkit.rules.plan.AwareStep;
import dev.cxkit.rules.plan.Offer;
import dev.cxkit.rules.plan.OfferKind;
import dev.cxkit.rules.plan.RecoveryPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compiles and runs the service-recovery example of README.md, which must show it verbatim. */
class RulesQuickStartTest {

    @Test
    void recoveryQuickStartRuns() throws Exception {
        // README:start
        // Compile once (thread-safe), then decide each failure: steps, owners, due times, offers.
        Policy policy = Policy.compile(PolicySource.classpath("restaurant"));
        Instant detected = Instant.parse("2026-11-22T19:30:00Z");
        Incident incident = Incident.builder("i-42", IncidentType.ITEM_NOT_DELIVERED)
                .severity(Severity.MAJOR).detectedAt(detected).orderValue(Money.of("55.50", "EUR"))
                .item(new AffectedItem("sea bass", Money.of("18.50", "EUR"), false))
                .build();
        Customer customer = new Customer("c-7", "standard", null,
                new ContactPreference(Channel.SMS, AddressKind.MOBILE), 0);
        RecoveryPlan plan = policy.decide(incident, customer, RecoveryContext.at(detected));

        Instant acknowledgeBy = plan.step(AwareStep.ACKNOWLEDGE).orElseThrow().due(); // detected + 2 min
        List<Offer> waived = plan.offers(OfferKind.WAIVE_CHARGE);                     // EUR 18.50, always
        List<String> why = plan.firedRuleNames();                                       // the audit trail
        // README:end

        assertThat(acknowledgeBy).isEqualTo(detected.plus(Duration.ofMinutes(2)));
        assertThat(waived).singleElement().satisfies(o -> assertThat(o.amount()).isEqualTo(Money.of("18.50", "EUR")));
        assertThat(why).contains("Never charge for an item that was never delivered");
        policy.close();
    }

    @Test
    void readmeShowsTheRecoveryQuickStartVerbatim() {
        ReadmeSnippet.assertShownVerbatim(RulesQuickStartTest.class);
    }
}
