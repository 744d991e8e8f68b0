package dev.cxkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cxkit.core.journey.Journey;
import dev.cxkit.core.journey.JourneyAnalyzer;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.rules.bridge.FailureIncidents;
import dev.cxkit.rules.bridge.OpenFailures;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.fact.PolicySettings;
import dev.cxkit.rules.io.IncidentRecord;
import dev.cxkit.rules.plan.AwareStep;
import dev.cxkit.rules.plan.FollowUp;
import dev.cxkit.rules.plan.RecoveryPlan;
import dev.cxkit.rules.plan.StepPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BatchDecisionsTest {

    static final Instant T0 = Instant.parse("2025-06-14T19:30:00Z");
    static final PolicyOptions RELAXED = PolicyOptions.defaults().withTimeBudget(Duration.ofSeconds(30));

    /**
     * A policy that shows what it was given: the ACKNOWLEDGE step is due 5 minutes after the
     * decision time, and its instruction names the customer and the context; it cannot decide an
     * incident of type OTHER (its consequence reads a setting that does not exist).
     */
    static final String PROBE = """
            package test.batch;
            import dev.cxkit.rules.fact.*;
            import dev.cxkit.rules.plan.*;

            rule "Acknowledge from the decision time"
            when
                $i : Incident( type != IncidentType.OTHER )
                $c : Customer()
                $x : RecoveryContext()
                $p : PlanDraft()
            then
                $p.step(AwareStep.ACKNOWLEDGE, Owner.FRONTLINE, $p.after($x.now(), 5),
                        $c.id() + "/" + $c.tier() + "/" + $c.contact().channel() + "/" + $x.similarRecentIncidents());
            end

            rule "Cannot decide OTHER"
            when
                $i : Incident( type == IncidentType.OTHER )
                $s : PolicySettings()
            then
                $s.minutes("no.such." + "key"); // computed: only the decision finds it missing
            end
            """;

    static Policy probe;
    static Policy restaurant;

    @BeforeAll
    static void compile() throws PolicyCompilationException {
        probe = Policy.compile(PolicySource.of("probe", Map.of("probe.drl", PROBE),
                PolicySettings.of("probe/settings.properties", Map.of("currency", "EUR"))), RELAXED);
        restaurant = Policy.compile(PolicySource.classpath("restaurant"), RELAXED);
    }

    @AfterAll
    static void close() {
        if (probe != null) {
            probe.close();
        }
        if (restaurant != null) {
            restaurant.close();
        }
    }

    static Incident incident(String id, IncidentType type, String customerId, Instant detected) {
        return Incident.builder(id, type).customerId(customerId).location("Leeds").touchpoint("served")
                .occurredAt(detected).detectedAt(detected).build();
    }

    static IncidentRecord record(Incident incident, Customer inline, long line) {
        return new IncidentRecord(incident, inline, null, 1, false, "incidents.jsonl", line);
    }

    static Customer customer(String id, String tier, Channel channel, AddressKind kind) {
        return new Customer(id, tier, null, new ContactPreference(channel, kind), 0);
    }

    static String acknowledgeNote(RecoveryPlan plan) {
        return plan.step(AwareStep.ACKNOWLEDGE).map(StepPlan::instruction).orElseThrow();
    }

    static Instant acknowledgeDue(RecoveryPlan plan) {
        return plan.step(AwareStep.ACKNOWLEDGE).map(StepPlan::due).orElseThrow();
    }

    @Test
    void theCustomerIsTheInlineOneElseTheKnownOneElseTheDefaultWithAWarning() {
        Customer inline = customer("C1", "gold", Channel.SMS, AddressKind.MOBILE);
        Map<String, Customer> known = Map.of(
                "C1", customer("C1", "silver", Channel.PHONE, AddressKind.HOME),
                "C2", customer("C2", "platinum", Channel.APP, AddressKind.OTHER));
        List<IncidentRecord> records = List.of(
                record(incident("i1", IncidentType.WRONG_ITEM, "C1", T0), inline, 1),
                record(incident("i2", IncidentType.WRONG_ITEM, "C2", T0), null, 2),
                record(incident("i3", IncidentType.WRONG_ITEM, "C3", T0), null, 3),
                record(incident("i4", IncidentType.WRONG_ITEM, null, T0), null, 4),
                record(incident("i5", IncidentType.WRONG_ITEM, "C4", T0), null, 5));

        BatchDecisions.Result result = BatchDecisions.decide(probe, records, known, "customers.jsonl", T0);

        assertThat(result.plans()).extracting(RecoveryPlan::incidentId, BatchDecisionsTest::acknowledgeNote)
                .containsExactly(
                        tuple("i1", "C1/gold/SMS/1"),          // the inline customer wins over the known C1
                        tuple("i2", "C2/platinum/APP/1"),
                        tuple("i3", "C3/standard/EMAIL/1"),    // unknown: the default customer, with its id
                        tuple("i4", "unknown/standard/EMAIL/1"),
                        tuple("i5", "C4/standard/EMAIL/1"));
        assertThat(result.warnings()).containsExactly(
                "incident i3: customer C3 is not in customers.jsonl; using the default customer",
                "incident i5: customer C4 is not in customers.jsonl; using the default customer");
        assertThat(result.failures()).isEmpty();
    }

    @Test
    void withoutACustomersSourceAnUnknownCustomerIsNoWarning() {
        List<IncidentRecord> records = List.of(record(incident("i1", IncidentType.WRONG_ITEM, "C3", T0), null, 1));

        BatchDecisions.Result result = BatchDecisions.decide(probe, records, Map.of(), null, T0);

        assertThat(result.warnings()).isEmpty();
        assertThat(result.plans()).extracting(BatchDecisionsTest::acknowledgeNote)
                .containsExactly("C3/standard/EMAIL/1");
    }

    @Test
    void withoutADecisionTimeEachIncidentIsDecidedAtItsDetection() {
        Instant later = T0.plus(Duration.ofHours(3));
        List<IncidentRecord> records = List.of(
                record(incident("i1", IncidentType.WRONG_ITEM, "C1", T0), null, 1),
                record(incident("i2", IncidentType.LONG_WAIT, "C1", later), null, 2));

        BatchDecisions.Result atDetection = BatchDecisions.decide(probe, records, Map.of(), null, null);
        Instant decidedAt = T0.plus(Duration.ofDays(1));
        BatchDecisions.Result atOneTime = BatchDecisions.decide(probe, records, Map.of(), null, decidedAt);

        assertThat(atDetection.plans()).extracting(BatchDecisionsTest::acknowledgeDue)
                .containsExactly(T0.plus(Duration.ofMinutes(5)), later.plus(Duration.ofMinutes(5)));
        assertThat(atOneTime.plans()).extracting(BatchDecisionsTest::acknowledgeDue)
                .containsExactly(decidedAt.plus(Duration.ofMinutes(5)), decidedAt.plus(Duration.ofMinutes(5)));
    }

    @Test
    void aFailedDecisionIsCollectedAndTheOthersAreStillDecided() {
        List<IncidentRecord> records = List.of(
                record(incident("i1", IncidentType.WRONG_ITEM, "C1", T0), null, 1),
                record(incident("bad1", IncidentType.OTHER, "C1", T0), null, 2),
                record(incident("i2", IncidentType.QUALITY, "C9", T0), null, 3),
                record(incident("bad2", IncidentType.OTHER, "C9", T0), null, 4));

        BatchDecisions.Result result = BatchDecisions.decide(probe, records, Map.of(), "crm", T0);

        assertThat(result.plans()).extracting(RecoveryPlan::incidentId).containsExactly("i1", "i2");
        assertThat(result.failures()).extracting(DecisionException::incidentId).containsExactly("bad1", "bad2");
        assertThat(result.failures()).allSatisfy(e -> {
            assertThat(e.rule()).isEqualTo("Cannot decide OTHER");
            assertThat(e.getMessage()).contains("no.such.key");
        });
        assertThat(result.warnings()).as("the warning comes even when the decision fails").containsExactly(
                "incident i1: customer C1 is not in crm; using the default customer",
                "incident bad1: customer C1 is not in crm; using the default customer",
                "incident i2: customer C9 is not in crm; using the default customer",
                "incident bad2: customer C9 is not in crm; using the default customer");
    }

    @Test
    void theLinesContextReachesThePolicy() {
        List<IncidentRecord> records = List.of(new IncidentRecord(incident("i1", IncidentType.WRONG_ITEM, "C1", T0),
                null, Money.of("10.00", "EUR"), 4, false, "incidents.jsonl", 1));

        BatchDecisions.Result result = BatchDecisions.decide(probe, records, Map.of(), null, null);

        assertThat(result.plans()).extracting(BatchDecisionsTest::acknowledgeNote)
                .containsExactly("C1/standard/EMAIL/4");
    }

    @Test
    void anEmptyBatchIsAnEmptyResultAndNullsAreRejected() {
        BatchDecisions.Result result = BatchDecisions.decide(probe, List.of(), Map.of(), "crm", T0);

        assertThat(result.plans()).isEmpty();
        assertThat(result.failures()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThatThrownBy(() -> BatchDecisions.decide(null, List.of(), Map.of(), null, T0))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> BatchDecisions.decide(probe, List.of(), null, null, T0))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> BatchDecisions.decide(probe, null, Map.of(), null, T0))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void theDefaultCustomerIsAStandardEmailCustomerWithNoHistory() {
        assertThat(BatchDecisions.defaultCustomer("C5"))
                .isEqualTo(new Customer("C5", "standard", null, new ContactPreference(Channel.EMAIL, AddressKind.EMAIL), 0));
        assertThat(BatchDecisions.defaultCustomer(null).id()).isEqualTo("unknown");
    }

    /** The restaurant pack follows up on the customer's channel, so the lookup shows in its plans. */
    @Test
    void theRestaurantPackFollowsUpOnTheLookedUpCustomersChannel() {
        Map<String, Customer> known = Map.of("C2", customer("C2", "gold", Channel.PHONE, AddressKind.HOME));
        List<IncidentRecord> records = List.of(
                record(incident("i1", IncidentType.WRONG_ITEM, "C1", T0),
                        customer("C1", null, Channel.SMS, AddressKind.MOBILE), 1),
                record(incident("i2", IncidentType.WRONG_ITEM, "C2", T0), null, 2),
                record(incident("i3", IncidentType.WRONG_ITEM, "C3", T0), null, 3));

        BatchDecisions.Result result = BatchDecisions.decide(restaurant, records, known, "customers.csv", null);

        assertThat(result.failures()).isEmpty();
        assertThat(result.plans()).extracting(p -> p.followUps().get(0)).extracting(FollowUp::channel,
                FollowUp::addressKind).containsExactly(
                        tuple(Channel.SMS, AddressKind.MOBILE),
                        tuple(Channel.PHONE, AddressKind.HOME),
                        tuple(Channel.EMAIL, AddressKind.EMAIL));
        assertThat(result.warnings()).singleElement().asString().contains("customer C3 is not in customers.csv");
    }

    /** From journey events to plans: the open failures of a dine-in evening, decided by the restaurant pack. */
    @Test
    void openJourneyFailuresAreDecidedByTheRestaurantPack() {
        JourneyDefinition dineIn = JourneyDefinitions.sample("dine-in");
        Instant asOf = T0.plus(Duration.ofHours(4));
        OpenFailures open = new OpenFailures(FailureIncidents.defaults(), asOf,
                OpenFailures.DEFAULT_OPEN_WINDOW);
        List<JourneyEvent> events = List.of(
                JourneyEvent.builder("e1", "J1", "order", T0).customer("C1").location("Leeds")
                        .attributes(Map.of("order_value", "48.00", "currency", "EUR")).build(),
                JourneyEvent.builder("e2", "J1", "served", T0.plus(Duration.ofMinutes(50))).build(),
                JourneyEvent.builder("e3", "J1", "bill", T0.plus(Duration.ofMinutes(90))).failed("missing_item",
                        SatisfactionFactor.PRODUCT).attributes(Map.of("item", "fries", "item_price", "4.50")).build());
        Journey journey = Journey.of("J1", events, 0);
        JourneyOutcome outcome = JourneyAnalyzer.of(dineIn).outcome(journey);
        open.closed(dineIn, journey, outcome);
        List<IncidentRecord> records = new ArrayList<>();
        for (OpenFailures.OpenIncident o : open.incidents()) {
            records.add(new IncidentRecord(o.incident(), null, null, o.similarRecentIncidents(), false, "journeys",
                    records.size() + 1));
        }

        BatchDecisions.Result result = BatchDecisions.decide(restaurant, records, Map.of(), null, null);

        assertThat(result.failures()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.plans()).extracting(RecoveryPlan::incidentId)
                .containsExactly("INC-J1-served-in-20", "INC-J1-missing-item");
        assertThat(result.plans()).allSatisfy(p -> assertThat(p.steps()).isNotEmpty());
        assertThat(result.plans().get(0).step(AwareStep.ACKNOWLEDGE).orElseThrow().instruction())
                .as("the pack sees the wait").contains("30 minutes longer than promised");
    }
}
