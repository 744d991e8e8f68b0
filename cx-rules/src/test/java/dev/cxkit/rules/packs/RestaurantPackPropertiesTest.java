package dev.cxkit.rules.packs;

import dev.cxkit.rules.engine.Policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.service.Channel;
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
import dev.cxkit.rules.plan.Escalation;
import dev.cxkit.rules.plan.FollowUp;
import dev.cxkit.rules.plan.Offer;
import dev.cxkit.rules.plan.OfferKind;
import dev.cxkit.rules.plan.RecoveryPlan;
import dev.cxkit.rules.plan.StepPlan;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Laws of the restaurant pack over many seeded random incidents. Odd seeds run with generous
 * settings (caps and credits above the frontline limit) so the authority law is exercised on
 * comps, not only on waivers. A failing case names its seed.
 */
class RestaurantPackPropertiesTest {

    private static final Map<String, String> GENEROUS = Map.of(
            "wait.large.discountCap", "60.00",
            "contact.credit", "25.00",
            "wait.noOrder.voucher", "30.00");

    /** Types with a comp ladder come up more often than the others. */
    private static final IncidentType[] TYPES = {
        IncidentType.LONG_WAIT, IncidentType.LONG_WAIT, IncidentType.LONG_WAIT, IncidentType.LONG_WAIT,
        IncidentType.WRONG_ITEM, IncidentType.WRONG_ITEM, IncidentType.CONTACT_RULE_BROKEN,
        IncidentType.MISSED_APPOINTMENT, IncidentType.ITEM_NOT_DELIVERED, IncidentType.RUDE_OR_CARELESS_STAFF,
        IncidentType.BILLING_ERROR, IncidentType.QUALITY, IncidentType.OTHER};

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void invariantsHoldForAnyIncident(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Incident incident = randomIncident(random, seed);
        Customer customer = randomCustomer(random);
        RecoveryContext context = randomContext(random, incident.detectedAt());
        Policy pack = seed % 2 == 0 ? Restaurant.pack() : Restaurant.packWith(GENEROUS);
        Money limit = pack.source().settings().money("authority.frontline.limit");

        RecoveryPlan plan = pack.decide(incident, customer, context);
        String where = "seed " + seed + ": " + incident + " " + customer + " " + context + "\n  -> " + plan.offers();

        // Always exactly the five AWARE steps, in order.
        assertThat(plan.steps()).as(where).extracting(StepPlan::step).containsExactly(AwareStep.values());

        // Every undelivered item has its WAIVE_CHARGE, at full price, never flagged by a cap or budget.
        List<Money> waived = plan.offers(OfferKind.WAIVE_CHARGE).stream().map(Offer::amount).sorted().toList();
        List<Money> undelivered = incident.undeliveredItems().stream().map(AffectedItem::price).sorted().toList();
        assertThat(waived).as(where).isEqualTo(undelivered);
        assertThat(plan.offers(OfferKind.WAIVE_CHARGE)).as(where)
                .allSatisfy(o -> assertThat(o.notes()).noneMatch(n -> n.contains("order value") || n.contains("budget")));

        // Money other than the exempt waivers never exceeds the order value.
        List<Offer> comps = plan.offers().stream()
                .filter(o -> o.amount() != null && o.kind() != OfferKind.WAIVE_CHARGE).toList();
        Money compTotal = comps.stream().map(Offer::amount).reduce(Money.zero(limit.currency()), Money::plus);
        if (incident.orderValue() != null) {
            assertThat(compTotal).as(where).isLessThanOrEqualTo(incident.orderValue());
        }

        // Every money offer above the frontline limit needs a manager; every voucher needs consent.
        assertThat(plan.offers()).as(where).filteredOn(o -> o.amount() != null && o.amount().greaterThan(limit))
                .allMatch(Offer::requiresApproval);
        assertThat(plan.offers(OfferKind.VOUCHER)).as(where).allMatch(Offer::requiresConsent);

        // One comp per failure, and a spent budget: comps are flagged, never dropped.
        if (context.alreadyCompensated() || context.budgetSpent()) {
            assertThat(comps).as(where).allMatch(Offer::requiresApproval);
        }

        // Nothing is due before the business knew of the failure.
        List<Instant> dues = new ArrayList<>();
        plan.steps().stream().map(StepPlan::due).forEach(dues::add);
        plan.escalations().stream().map(Escalation::due).forEach(dues::add);
        plan.followUps().stream().map(FollowUp::due).forEach(dues::add);
        assertThat(dues).as(where).allMatch(due -> !due.isBefore(incident.detectedAt()));

        // The same facts give the same plan.
        assertThat(pack.decide(incident, customer, context)).as(where).isEqualTo(plan);
    }

    private static Incident randomIncident(SplittableRandom random, long seed) {
        Instant detected = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(random.nextLong(365L * 24 * 3600));
        Incident.Builder b = Incident.builder("prop-" + seed, pick(random, TYPES))
                .severity(pick(random, Severity.values()))
                .channel(pick(random, Channel.values()))
                .occurredAt(detected.minusSeconds(random.nextLong(3600)))
                .detectedAt(detected)
                .location(random.nextBoolean() ? "Harbour Street" : null)
                .touchpoint(random.nextBoolean() ? "kitchen pass" : null);
        if (random.nextInt(4) > 0) {
            int promised = pick(random, new Integer[] {0, 10, 15, 20, 30, 45});
            b.wait(random.nextInt(121), promised);
        }
        if (random.nextInt(4) > 0) {
            b.orderValue(cents(random.nextInt(30_001)));
        }
        for (int n = random.nextInt(5); n > 0; n--) {
            b.item(new AffectedItem("dish " + n, cents(random.nextInt(6_001)), random.nextInt(10) < 6));
        }
        return b.build();
    }

    private static Customer randomCustomer(SplittableRandom random) {
        return new Customer("c", null, null,
                new ContactPreference(pick(random, Channel.values()), pick(random, AddressKind.values())),
                random.nextInt(4));
    }

    private static RecoveryContext randomContext(SplittableRandom random, Instant detected) {
        Money budget = random.nextInt(10) < 3 ? null : cents(random.nextInt(21_001) - 1_000);
        return new RecoveryContext(detected, budget, 1 + random.nextInt(6), random.nextInt(5) == 0);
    }

    private static Money cents(int cents) {
        return Money.of(BigDecimal.valueOf(cents, 2), Currency.getInstance("EUR"));
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

}
