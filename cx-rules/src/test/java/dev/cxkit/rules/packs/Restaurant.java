package dev.cxkit.rules.packs;

import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.rules.fact.AffectedItem;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.fact.RecoveryContext;
import dev.cxkit.rules.plan.AwareStep;
import dev.cxkit.rules.plan.Offer;
import dev.cxkit.rules.plan.OfferKind;
import dev.cxkit.rules.plan.RecoveryPlan;
import dev.cxkit.rules.plan.StepPlan;
import dev.cxkit.rules.engine.Policy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The restaurant pack, compiled once, and the facts of the seed stories. */
final class Restaurant {

    /** When the business learned of the failure in every story. */
    static final Instant DETECTED = Instant.parse("2025-06-14T19:30:00Z");

    private Restaurant() {
    }

    /** Returns the pack with its default settings, compiled on first use. */
    static Policy pack() {
        return TestPacks.compiled("restaurant");
    }

    /** Returns the pack with some settings replaced. */
    static Policy packWith(Map<String, String> settings) {
        return pack().withSettings(pack().source().settings().with(settings));
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static Instant minutesAfterDetection(long minutes) {
        return DETECTED.plus(Duration.ofMinutes(minutes));
    }

    /** An incident detected at {@link #DETECTED}, in person unless the story says otherwise. */
    static Incident.Builder incident(String id, IncidentType type) {
        return Incident.builder(id, type).detectedAt(DETECTED).occurredAt(DETECTED.minusSeconds(120))
                .location("Harbour Street").touchpoint("kitchen pass");
    }

    static AffectedItem item(String name, String price, boolean delivered) {
        return new AffectedItem(name, eur(price), delivered);
    }

    /** A customer with no other failure in the last 90 days, who wants texts to their mobile. */
    static Customer firstTime() {
        return new Customer("c-first", "standard", null, new ContactPreference(Channel.SMS, AddressKind.MOBILE), 0);
    }

    /** A customer with another failure in the last 90 days, who wants email. */
    static Customer repeat() {
        return new Customer("c-repeat", "gold", eur("640.00"), new ContactPreference(Channel.EMAIL, AddressKind.EMAIL), 1);
    }

    /** Budget left, no similar incidents besides this one, not compensated before. */
    static RecoveryContext ordinaryDay() {
        return new RecoveryContext(DETECTED, eur("150.00"), 1, false);
    }

    static RecoveryPlan decide(Incident incident) {
        return pack().decide(incident, firstTime(), ordinaryDay());
    }

    static RecoveryPlan decide(Incident incident, Customer customer) {
        return pack().decide(incident, customer, ordinaryDay());
    }

    static RecoveryPlan decide(Incident incident, Customer customer, RecoveryContext context) {
        return pack().decide(incident, customer, context);
    }

    static StepPlan step(RecoveryPlan plan, AwareStep step) {
        return plan.step(step).orElseThrow(() -> new AssertionError("no " + step + " step in " + plan));
    }

    /** The one offer of a kind. */
    static Offer only(RecoveryPlan plan, OfferKind kind) {
        List<Offer> offers = plan.offers(kind);
        if (offers.size() != 1) {
            throw new AssertionError("expected one " + kind + " offer, got " + plan.offers());
        }
        return offers.get(0);
    }
}
