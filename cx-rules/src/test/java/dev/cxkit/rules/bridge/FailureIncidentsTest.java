package dev.cxkit.rules.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cxkit.core.journey.Journey;
import dev.cxkit.core.journey.JourneyAnalyzer;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.journey.ServiceFailure;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.rules.fact.AffectedItem;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.fact.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FailureIncidentsTest {

    static final JourneyDefinition DINE_IN = JourneyDefinitions.sample("dine-in");
    static final JourneyDefinition DELIVERY = JourneyDefinitions.sample("delivery");
    static final Instant T = Instant.parse("2025-06-14T19:00:00Z");
    static final FailureIncidents BRIDGE = FailureIncidents.defaults();

    /** One analysed journey: its definition, events and outcome. */
    record Analysed(JourneyDefinition definition, Journey journey, JourneyOutcome outcome) {

        ServiceFailure failure(String type) {
            List<ServiceFailure> of = outcome.failures().stream().filter(f -> f.type().equals(type)).toList();
            assertThat(of).as("failures of type %s in %s", type, outcome.failures()).hasSize(1);
            return of.get(0);
        }

        Incident incident(FailureIncidents bridge, String type) {
            return bridge.incident(definition, journey, outcome, failure(type));
        }

        Incident incident(String type) {
            return incident(BRIDGE, type);
        }
    }

    static Instant at(long minutes) {
        return T.plus(Duration.ofMinutes(minutes));
    }

    static JourneyEvent.Builder event(String id, String touchpoint, Instant when) {
        return JourneyEvent.builder(id, "J1", touchpoint, when).customer("C0012").location("Leeds");
    }

    static Analysed analyse(JourneyDefinition definition, JourneyEvent.Builder... events) {
        return analyse(definition, customer -> null, events);
    }

    static Analysed analyse(JourneyDefinition definition, Function<String, ContactPreference> preferences,
            JourneyEvent.Builder... events) {
        List<JourneyEvent> built = new ArrayList<>();
        for (JourneyEvent.Builder e : events) {
            built.add(e.build());
        }
        Journey journey = Journey.of(built.get(0).journeyId(), built, 0);
        return new Analysed(definition, journey, JourneyAnalyzer.of(definition, preferences).outcome(journey));
    }

    /** A dine-in visit ordered at T and served on time, with a failed event at {@code served}. */
    static Analysed servedWithFailure(String failureType, SatisfactionFactor factor, Map<String, String> served) {
        return analyse(DINE_IN,
                event("e1", "order", at(0)),
                event("e2", "served", at(10)).failed(failureType, factor).attributes(served));
    }

    // ---- broken deadlines ----------------------------------------------------------------------

    @Test
    void aLateServiceIsALongWaitDetectedWhenTheMealCame() {
        Analysed a = analyse(DINE_IN, event("e1", "order", at(0)), event("e2", "served", at(35)),
                event("e3", "bill", at(80)));

        Incident i = a.incident("served-in-20");

        assertThat(i.id()).isEqualTo("INC-J1-served-in-20");
        assertThat(i.type()).isEqualTo(IncidentType.LONG_WAIT);
        assertThat(i.minutesWaited()).isEqualTo(35);
        assertThat(i.minutesPromised()).isEqualTo(20);
        assertThat(i.severity()).isEqualTo(Severity.MODERATE);
        assertThat(i.occurredAt()).isEqualTo(at(20));
        assertThat(i.detectedAt()).isEqualTo(at(35));
        assertThat(i.journeyId()).isEqualTo("J1");
        assertThat(i.customerId()).isEqualTo("C0012");
        assertThat(i.location()).isEqualTo("Leeds");
        assertThat(i.touchpoint()).isEqualTo("served");
        assertThat(i.channel()).isEqualTo(Channel.IN_PERSON);
        assertThat(i.factor()).isEqualTo(SatisfactionFactor.TIMELINESS);
        assertThat(i.attributes()).containsEntry(FailureIncidents.FAILURE, "served-in-20");
        assertThat(i.orderValue()).isNull();
        assertThat(i.items()).isEmpty();
    }

    @ParameterizedTest(name = "served after {0} s: waited {1} min, {2}")
    @CsvSource({
        "1230, 21, MINOR",     // 20.5 minutes count as 21
        "1800, 30, MINOR",     // 10 over: still minor
        "1801, 31, MODERATE",  // a second past 10 over is a minute more
        "2700, 45, MODERATE",  // 25 over: still moderate
        "2760, 46, MAJOR",
        "7200, 120, MAJOR"})
    void aWaitsSeverityGrowsWithTheMinutesOverThePromise(long servedAfterSeconds, int waited, Severity severity) {
        Analysed a = analyse(DINE_IN, event("e1", "order", T), event("e2", "served", T.plusSeconds(servedAfterSeconds)));

        Incident i = a.incident("served-in-20");

        assertThat(i.minutesWaited()).isEqualTo(waited);
        assertThat(i.minutesPromised()).isEqualTo(20);
        assertThat(i.severity()).isEqualTo(severity);
        assertThat(i.detectedAt()).isEqualTo(T.plusSeconds(servedAfterSeconds));
    }

    @Test
    void aMealThatNeverCameClaimsOnlyAMinutePastTheLimitWhateverCameLater() {
        // a survey invitation hours later says nothing about how long the customer waited
        Analysed a = analyse(DINE_IN, event("e1", "order", at(0)), event("e2", "survey-invite", at(700)));

        Incident i = a.incident("served-in-20");

        assertThat(i.type()).isEqualTo(IncidentType.LONG_WAIT);
        assertThat(i.minutesWaited()).isEqualTo(21);
        assertThat(i.minutesPromised()).isEqualTo(20);
        assertThat(i.severity()).isEqualTo(Severity.MINOR);
        assertThat(i.occurredAt()).isEqualTo(at(20));
        assertThat(i.detectedAt()).as("no late event to detect it by").isEqualTo(at(20));
        assertThat(i.channel()).as("no served event: the definition's channel").isEqualTo(Channel.IN_PERSON);
    }

    @Test
    void aMealThatNeverCameInAJourneyThatEndedAtOnceWaitedAMinutePastTheLimit() {
        Analysed a = analyse(DINE_IN, event("e1", "order", at(0)));

        Incident i = a.incident("served-in-20");

        assertThat(i.minutesWaited()).isEqualTo(21);
        assertThat(i.minutesPromised()).isEqualTo(20);
        assertThat(i.severity()).isEqualTo(Severity.MINOR);
    }

    @Test
    void aLateDeliveryIsALongWaitOnTheDeliveryChannel() {
        Analysed a = analyse(DELIVERY, event("e1", "order-placed", at(0)), event("e2", "notify", at(100)),
                event("e3", "arrival", at(150)));

        Incident i = a.incident("delivered-in-2h");

        assertThat(i.type()).isEqualTo(IncidentType.LONG_WAIT);
        assertThat(i.minutesWaited()).isEqualTo(150);
        assertThat(i.minutesPromised()).isEqualTo(120);
        assertThat(i.severity()).isEqualTo(Severity.MAJOR);
        assertThat(i.channel()).isEqualTo(Channel.DELIVERY);
        assertThat(i.touchpoint()).isEqualTo("arrival");
        assertThat(i.id()).isEqualTo("INC-J1-delivered-in-2h");
    }

    @Test
    void aBrokenNoticeIsOtherWithoutAWait() {
        Analysed a = analyse(DELIVERY, event("e1", "order-placed", at(0)), event("e2", "notify", at(60)),
                event("e3", "arrival", at(70)));
        assertThat(a.outcome().failures()).extracting(ServiceFailure::type).containsExactly("notice-30-before");

        Incident i = a.incident("notice-30-before");

        assertThat(i.type()).isEqualTo(IncidentType.OTHER);
        assertThat(i.minutesWaited()).isZero();
        assertThat(i.minutesPromised()).isZero();
        assertThat(i.severity()).isEqualTo(Severity.MODERATE);
        assertThat(i.touchpoint()).isEqualTo("notify");
        assertThat(i.channel()).isEqualTo(Channel.SMS);
        assertThat(i.occurredAt()).isEqualTo(at(40));
        assertThat(i.detectedAt()).isEqualTo(at(40));
        assertThat(i.factor()).isEqualTo(SatisfactionFactor.TIMELINESS);
    }

    // ---- contact rules -------------------------------------------------------------------------

    @Test
    void aContactOnAChannelTheCustomerDidNotChooseBreaksTheContactRule() {
        ContactPreference sms = new ContactPreference(Channel.SMS, AddressKind.MOBILE);
        Analysed a = analyse(DINE_IN, id -> id.equals("C0012") ? sms : null,
                event("e1", "order", at(0)), event("e2", "served", at(10)), event("e3", "bill", at(50)),
                event("e4", "survey-invite", at(600)), event("e5", "callback", at(700)).channel(Channel.PHONE));

        List<Incident> incidents = a.outcome().failures().stream()
                .filter(f -> f.source() == ServiceFailure.Source.CONTACT_RULE)
                .map(f -> BRIDGE.incident(DINE_IN, a.journey(), a.outcome(), f)).toList();

        assertThat(incidents).hasSize(2).allSatisfy(i -> {
            assertThat(i.type()).isEqualTo(IncidentType.CONTACT_RULE_BROKEN);
            assertThat(i.factor()).isEqualTo(SatisfactionFactor.PEOPLE);
            assertThat(i.severity()).isEqualTo(Severity.MODERATE);
            assertThat(i.attributes()).containsEntry(FailureIncidents.FAILURE, "chosen-channel");
            assertThat(i.minutesWaited()).isZero();
        });
        assertThat(incidents).extracting(Incident::touchpoint, Incident::channel, Incident::detectedAt)
                .containsExactly(
                        tuple("survey-invite", Channel.EMAIL, at(600)),
                        tuple("callback", Channel.PHONE, at(700)));
        assertThat(incidents.get(0).id()).isEqualTo("INC-J1-chosen-channel");
    }

    // ---- failed events -------------------------------------------------------------------------

    static Stream<Arguments> failureTypes() {
        return Stream.of(
                Arguments.of("wrong_item", SatisfactionFactor.RESOLUTION, IncidentType.WRONG_ITEM),
                Arguments.of("Wrong-Item", SatisfactionFactor.RESOLUTION, IncidentType.WRONG_ITEM),
                Arguments.of("missed_appointment", SatisfactionFactor.PRODUCT, IncidentType.MISSED_APPOINTMENT),
                Arguments.of("missing_item", SatisfactionFactor.RESOLUTION, IncidentType.ITEM_NOT_DELIVERED),
                Arguments.of("not_delivered", SatisfactionFactor.RESOLUTION, IncidentType.ITEM_NOT_DELIVERED),
                Arguments.of("never-delivered", SatisfactionFactor.RESOLUTION, IncidentType.ITEM_NOT_DELIVERED),
                Arguments.of("cold_food", SatisfactionFactor.RESOLUTION, IncidentType.QUALITY),
                Arguments.of("rude_staff", SatisfactionFactor.RESOLUTION, IncidentType.RUDE_OR_CARELESS_STAFF),
                Arguments.of("careless staff", SatisfactionFactor.RESOLUTION, IncidentType.RUDE_OR_CARELESS_STAFF),
                Arguments.of("late_dessert", SatisfactionFactor.PRODUCT, IncidentType.LONG_WAIT),
                Arguments.of("slow_service", SatisfactionFactor.PRODUCT, IncidentType.LONG_WAIT),
                Arguments.of("wrong_channel", SatisfactionFactor.PRODUCT, IncidentType.CONTACT_RULE_BROKEN),
                Arguments.of("billing_double_charge", SatisfactionFactor.PRODUCT, IncidentType.BILLING_ERROR),
                Arguments.of("overcharged", SatisfactionFactor.PRODUCT, IncidentType.BILLING_ERROR),
                // no name that says more: the factor's usual type
                Arguments.of("mystery", SatisfactionFactor.PRODUCT, IncidentType.QUALITY),
                Arguments.of("mystery", SatisfactionFactor.PEOPLE, IncidentType.RUDE_OR_CARELESS_STAFF),
                Arguments.of("mystery", SatisfactionFactor.TIMELINESS, IncidentType.LONG_WAIT),
                Arguments.of("mystery", SatisfactionFactor.RESOLUTION, IncidentType.OTHER),
                Arguments.of(null, SatisfactionFactor.PEOPLE, IncidentType.RUDE_OR_CARELESS_STAFF),
                // a prefix only counts at the start
                Arguments.of("not_late", SatisfactionFactor.PRODUCT, IncidentType.QUALITY));
    }

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @MethodSource("failureTypes")
    void aFailedEventsTypeComesFromItsFailureTypeElseItsFactor(String failureType, SatisfactionFactor factor,
            IncidentType expected) {
        Analysed a = servedWithFailure(failureType, factor, Map.of());
        String type = failureType == null ? ServiceFailure.UNSPECIFIED : failureType;

        Incident i = a.incident(type);

        assertThat(i.type()).isEqualTo(expected);
        assertThat(BRIDGE.type(DINE_IN, a.failure(type))).isEqualTo(expected);
        assertThat(i.factor()).as("the event's own factor").isEqualTo(factor);
        assertThat(i.attributes()).containsEntry(FailureIncidents.FAILURE, type);
        assertThat(i.severity()).isEqualTo(Severity.MODERATE);
        assertThat(i.minutesWaited()).isZero();
        assertThat(i.occurredAt()).isEqualTo(at(10));
        assertThat(i.detectedAt()).isEqualTo(at(10));
    }

    @Test
    void aFailedEventsIdAndChannel() {
        Analysed a = analyse(DINE_IN, event("e1", "order", at(0)),
                event("e2", "served", at(10)).channel(Channel.APP).failed("cold_food", SatisfactionFactor.PRODUCT));

        Incident i = a.incident("cold_food");

        assertThat(i.id()).isEqualTo("INC-J1-cold-food");
        assertThat(i.channel()).as("the event's channel wins").isEqualTo(Channel.APP);
        assertThat(i.touchpoint()).isEqualTo("served");
    }

    @Test
    void aFailureAtATouchpointNobodyDefinedIsOnTheOtherChannel() {
        Analysed a = analyse(DINE_IN, event("e1", "order", at(0)),
                event("e2", "kiosk", at(5)).failed("cold_food", SatisfactionFactor.PRODUCT));

        Incident i = a.incident("cold_food");

        assertThat(i.channel()).isEqualTo(Channel.OTHER);
        assertThat(i.touchpoint()).isEqualTo("kiosk");
    }

    @Test
    void theLocationIsTheFailedEventsElseTheJourneys() {
        Analysed a = analyse(DINE_IN,
                event("e1", "order", at(0)).location("Leeds"),
                event("e2", "served", at(10)).location("York").failed("cold_food", SatisfactionFactor.PRODUCT),
                event("e3", "bill", at(50)).location(null).failed("overcharged", SatisfactionFactor.RESOLUTION));

        assertThat(a.incident("cold_food").location()).isEqualTo("York");
        assertThat(a.incident("overcharged").location()).isEqualTo("Leeds");
    }

    // ---- overrides -----------------------------------------------------------------------------

    @Test
    void aTypeSetForAFailureTypeWinsOverEveryOtherRule() {
        FailureIncidents bridge = BRIDGE.withType("cold_food", IncidentType.WRONG_ITEM)
                .withType("Chosen Channel", IncidentType.OTHER)
                .withType("notice-30-before", IncidentType.MISSED_APPOINTMENT);
        Analysed food = servedWithFailure("cold_food", SatisfactionFactor.PRODUCT, Map.of());
        Analysed contact = analyse(DINE_IN, id -> new ContactPreference(Channel.SMS, AddressKind.MOBILE),
                event("e1", "survey-invite", at(0)));
        Analysed notice = analyse(DELIVERY, event("e1", "notify", at(60)), event("e2", "arrival", at(70)));

        assertThat(food.incident(bridge, "cold_food").type()).isEqualTo(IncidentType.WRONG_ITEM);
        assertThat(contact.incident(bridge, "chosen-channel").type()).isEqualTo(IncidentType.OTHER);
        assertThat(notice.incident(bridge, "notice-30-before").type()).isEqualTo(IncidentType.MISSED_APPOINTMENT);
        assertThat(food.incident("cold_food").type()).as("the defaults are unchanged").isEqualTo(IncidentType.QUALITY);
    }

    @Test
    void aSeveritySetForAFailureTypeWinsOverTheWait() {
        FailureIncidents bridge = BRIDGE.withSeverity("served-in-20", Severity.CRITICAL)
                .withSeverity("COLD_FOOD", Severity.MINOR);
        Analysed late = analyse(DINE_IN, event("e1", "order", at(0)), event("e2", "served", at(22)));
        Analysed food = servedWithFailure("cold_food", SatisfactionFactor.PRODUCT, Map.of());

        Incident i = late.incident(bridge, "served-in-20");
        assertThat(i.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(i.minutesWaited()).as("the wait is still there").isEqualTo(22);
        assertThat(food.incident(bridge, "cold_food").severity()).isEqualTo(Severity.MINOR);
        assertThat(late.incident("served-in-20").severity()).isEqualTo(Severity.MINOR);
    }

    @Test
    void theWithMethodsRejectNull() {
        assertThatThrownBy(() -> BRIDGE.withType("x", null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> BRIDGE.withSeverity(null, Severity.MINOR)).isInstanceOf(NullPointerException.class);
    }

    // ---- order and item ------------------------------------------------------------------------

    @Test
    void theOrderValueAndTheAffectedItemComeFromTheEvents() {
        Analysed a = analyse(DINE_IN,
                event("e1", "order", at(0)).attributes(Map.of("order_value", " 42.5 ", "currency", "eur")),
                event("e2", "served", at(10)).failed("wrong_item", SatisfactionFactor.PRODUCT)
                        .attributes(Map.of("item", " soup ", "item_price", "6.50")));

        Incident i = a.incident("wrong_item");

        assertThat(i.orderValue()).isEqualTo(Money.of("42.50", "EUR"));
        assertThat(i.items()).containsExactly(new AffectedItem("soup", Money.of("6.50", "EUR"), true));
    }

    @Test
    void anItemNeverDeliveredIsMarkedSo() {
        Analysed a = analyse(DINE_IN,
                event("e1", "order", at(0)).attributes(Map.of("order_value", "42.50", "currency", "EUR")),
                event("e2", "served", at(10)).failed("missing_item", SatisfactionFactor.PRODUCT)
                        .attributes(Map.of("item", "fries", "item_price", "3.90")));

        Incident i = a.incident("missing_item");

        assertThat(i.type()).isEqualTo(IncidentType.ITEM_NOT_DELIVERED);
        assertThat(i.items()).containsExactly(new AffectedItem("fries", Money.of("3.90", "EUR"), false));
        assertThat(i.undeliveredItems()).hasSize(1);
    }

    @Test
    void theItemIsPricedInTheFailedEventsOwnCurrencyWhenItHasOne() {
        Analysed a = analyse(DINE_IN,
                event("e1", "order", at(0)).attributes(Map.of("order_value", "42.50", "currency", "EUR")),
                event("e2", "served", at(10)).failed("wrong_item", SatisfactionFactor.PRODUCT)
                        .attributes(Map.of("item", "soup", "item_price", "5.00", "currency", "GBP")));

        Incident i = a.incident("wrong_item");

        assertThat(i.orderValue()).isEqualTo(Money.of("42.50", "EUR"));
        assertThat(i.items()).containsExactly(new AffectedItem("soup", Money.of("5.00", "GBP"), true));
    }

    @Test
    void theFirstEventWithBothValueAndCurrencyGivesTheOrder() {
        Analysed a = analyse(DINE_IN,
                event("e0", "seated", at(0)).attributes(Map.of("order_value", "99.00")),
                event("e1", "order", at(1)).attributes(Map.of("order_value", "42.50", "currency", "EUR")),
                event("e2", "served", at(10)).failed("cold_food", SatisfactionFactor.PRODUCT)
                        .attributes(Map.of("order_value", "50.00", "currency", "EUR")));

        assertThat(a.incident("cold_food").orderValue()).isEqualTo(Money.of("42.50", "EUR"));
    }

    static Stream<Arguments> unreadableAmounts() {
        return Stream.of(
                Arguments.of(Map.of("order_value", "lots", "currency", "EUR"), Map.of("item", "soup", "item_price", "x")),
                Arguments.of(Map.of("order_value", "-5.00", "currency", "EUR"), Map.of("item", "soup", "item_price", "-1")),
                Arguments.of(Map.of("order_value", "10.00", "currency", "XYZ"), Map.of("item", "soup", "item_price", "1")),
                Arguments.of(Map.of("order_value", "10.001", "currency", "EUR"), Map.of("item", " ", "item_price", "1")),
                Arguments.of(Map.of("order_value", "10.00"), Map.of("item", "soup", "item_price", "1.00")),
                Arguments.of(Map.of(), Map.of("item", "soup")));
    }

    @ParameterizedTest(name = "order {0}, failed event {1}")
    @MethodSource("unreadableAmounts")
    void anAmountThatCannotBeReadIsLeftOutWithoutFailingTheJourney(Map<String, String> order,
            Map<String, String> failed) {
        Analysed a = analyse(DINE_IN, event("e1", "order", at(0)).attributes(order),
                event("e2", "served", at(10)).failed("wrong_item", SatisfactionFactor.PRODUCT).attributes(failed));

        Incident i = a.incident("wrong_item");

        assertThat(i.orderValue()).isNull();
        assertThat(i.items()).isEmpty();
        assertThat(i.type()).isEqualTo(IncidentType.WRONG_ITEM);
    }

    @Test
    void aBrokenPromiseTouchesNoItem() {
        Analysed a = analyse(DINE_IN,
                event("e1", "order", at(0)).attributes(Map.of("order_value", "42.50", "currency", "EUR")),
                event("e2", "served", at(40)).attributes(Map.of("item", "soup", "item_price", "6.50")));

        Incident i = a.incident("served-in-20");

        assertThat(i.orderValue()).isEqualTo(Money.of("42.50", "EUR"));
        assertThat(i.items()).isEmpty();
    }

    // ---- ids -----------------------------------------------------------------------------------

    @Test
    void theIdNamesTheJourneyAndTheFailureTypeWithDashes() {
        assertThat(FailureIncidents.id("J_7", "cold_food")).isEqualTo("INC-J_7-cold-food");
        assertThat(FailureIncidents.id("J7", "served-in-20")).isEqualTo("INC-J7-served-in-20");
    }

    @Test
    void anIdCanBeGiven() {
        Analysed a = servedWithFailure("cold_food", SatisfactionFactor.PRODUCT, Map.of());

        Incident i = BRIDGE.incident(DINE_IN, a.journey(), a.outcome(), a.failure("cold_food"), "INC-J1-cold-food-2");

        assertThat(i.id()).isEqualTo("INC-J1-cold-food-2");
        assertThat(i.type()).isEqualTo(IncidentType.QUALITY);
    }

    @Test
    void nullArgumentsAreRejected() {
        Analysed a = servedWithFailure("cold_food", SatisfactionFactor.PRODUCT, Map.of());
        ServiceFailure f = a.failure("cold_food");

        assertThatThrownBy(() -> BRIDGE.incident(DINE_IN, null, a.outcome(), f))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> BRIDGE.incident(DINE_IN, a.journey(), null, f))
                .isInstanceOf(NullPointerException.class);
    }
}
