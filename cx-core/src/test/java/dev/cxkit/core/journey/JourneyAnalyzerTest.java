package dev.cxkit.core.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cxkit.core.service.AddressKind;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.core.service.SatisfactionFactor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JourneyAnalyzerTest {

    private static final JourneyDefinition DINE_IN = JourneyDefinitions.sample("dine-in");
    private static final JourneyDefinition DELIVERY = JourneyDefinitions.sample("delivery");
    private static final Map<String, ContactPreference> PREFERENCES = Map.of(
            "c1", new ContactPreference(Channel.EMAIL, AddressKind.EMAIL),
            "c2", new ContactPreference(Channel.SMS, AddressKind.MOBILE));

    private static Instant at(String time) {
        return Instant.parse("2026-03-01T" + time + ":00Z");
    }

    private static JourneyEvent.Builder event(String id, String touchpoint, String time) {
        return JourneyEvent.builder(id, "j1", touchpoint, at(time)).customer("c1").location("Main St");
    }

    private static JourneyOutcome outcome(JourneyDefinition definition, JourneyEvent.Builder... events) {
        List<JourneyEvent> list = new ArrayList<>(Arrays.stream(events).map(JourneyEvent.Builder::build).toList());
        return JourneyAnalyzer.of(definition, PREFERENCES::get).outcome(Journey.of("j1", list, 0));
    }

    @Test
    void aVisitWithALateMealACourtesyRecoveryAndTheWrongChannel() {
        JourneyOutcome o = outcome(DINE_IN,
                event("e1", "order", "19:00"),
                event("e2", "kitchen-ticket", "19:05"),
                event("e3", "served", "19:25").failed("cold_food", SatisfactionFactor.PRODUCT).recoveredAt(at("19:40")),
                event("e4", "bill", "20:10"),
                event("e5", "survey-invite", "21:00").channel(Channel.SMS));

        assertThat(o.stagesReached()).containsExactly("order", "served", "bill", "follow-up");
        assertThat(o.completed()).isTrue();
        assertThat(o.unknownTouchpoints()).containsExactly(Map.entry("kitchen-ticket", 1));
        assertThat(o.touchpointTimes()).containsExactly(Map.entry("order", at("19:00")), Map.entry("served", at("19:25")),
                Map.entry("bill", at("20:10")), Map.entry("survey-invite", at("21:00")));
        assertThat(o.failures()).containsExactly(
                new ServiceFailure(ServiceFailure.Source.PROMISE, "served-in-20", "served", "Main St",
                        SatisfactionFactor.TIMELINESS, at("19:20"), at("19:40"), ServiceFailure.Recovery.RECOVERED),
                new ServiceFailure(ServiceFailure.Source.EVENT, "cold_food", "served", "Main St",
                        SatisfactionFactor.PRODUCT, at("19:25"), at("19:40"), ServiceFailure.Recovery.RECOVERED),
                new ServiceFailure(ServiceFailure.Source.CONTACT_RULE, "chosen-channel", "survey-invite", "Main St",
                        SatisfactionFactor.PEOPLE, at("21:00"), null, ServiceFailure.Recovery.NOT_RECOVERED));
        assertThat(o.promises()).containsExactly(
                new PromiseCheck("served-in-20", PromiseCheck.Status.BROKEN, Duration.ofMinutes(25), "served", "Main St"),
                new PromiseCheck("bill-in-90", PromiseCheck.Status.KEPT, Duration.ofMinutes(45), "bill", "Main St"),
                new PromiseCheck("recovered-in-30", PromiseCheck.Status.KEPT, Duration.ofMinutes(20), "served", "Main St"),
                new PromiseCheck("recovered-in-30", PromiseCheck.Status.KEPT, Duration.ofMinutes(15), "served", "Main St"),
                new PromiseCheck("recovered-in-30", PromiseCheck.Status.MISSING, null, "survey-invite", "Main St"));
        assertThat(o.contacts()).containsExactly(new ContactCheck("chosen-channel", "survey-invite", "Main St",
                Channel.SMS, null, PREFERENCES.get("c1"), ContactCheck.Status.BROKEN));
        assertThat(o.recovery()).isEqualTo(JourneyOutcome.RecoveryClass.NOT_RECOVERED);
        assertThat(o.breaches()).extracting(ServiceFailure::type).containsExactly("served-in-20");
        assertThat(o.hasFailure("cold_food", "served")).isTrue();
        assertThat(o.hasFailure("cold_food", "bill")).isFalse();
        assertThat(o.hasFailure(null, "survey-invite")).isTrue();
    }

    @Test
    void theMealThatNeverCameBreaksTheDeadlineAndTheJourneyStops() {
        JourneyOutcome o = outcome(DINE_IN, event("e1", "seated", "19:00"), event("e2", "order", "19:10"));
        assertThat(o.promises()).containsExactly(
                new PromiseCheck("served-in-20", PromiseCheck.Status.MISSING, null, "served", "Main St"),
                new PromiseCheck("recovered-in-30", PromiseCheck.Status.MISSING, null, "served", "Main St"));
        assertThat(o.failures()).singleElement().satisfies(f -> {
            assertThat(f.occurredAt()).isEqualTo(at("19:30"));
            assertThat(f.recovery()).isEqualTo(ServiceFailure.Recovery.NOT_RECOVERED);
        });
        assertThat(o.furthestStage()).hasValue("order");
        assertThat(o.completed()).isFalse();
        assertThat(o.stages().get(0)).isEqualTo(new StageResult("order", at("19:00"), true));
        assertThat(o.stages().get(1)).isEqualTo(new StageResult("served", null, false));
    }

    @Test
    void aRecoveryLaterThanThePromiseIsRecoveredLate() {
        JourneyOutcome o = outcome(DINE_IN, event("e1", "order", "19:00"),
                event("e2", "served", "19:10").failed(null, SatisfactionFactor.PRODUCT).recoveredAt(at("19:41")));
        ServiceFailure f = o.failures().get(0);
        assertThat(f.type()).isEqualTo(ServiceFailure.UNSPECIFIED);
        assertThat(f.recovery()).isEqualTo(ServiceFailure.Recovery.RECOVERED_LATE);
        assertThat(o.recovery()).isEqualTo(JourneyOutcome.RecoveryClass.NOT_RECOVERED);
        assertThat(o.promises()).contains(new PromiseCheck("recovered-in-30", PromiseCheck.Status.BROKEN,
                Duration.ofMinutes(31), "served", "Main St"));

        // Every failure must be recovered: the bill that never came would break bill-in-90.
        JourneyOutcome recovered = outcome(DINE_IN, event("e1", "order", "19:00"),
                event("e2", "served", "19:10").failed("wrong_item", SatisfactionFactor.PRODUCT).recoveredAt(at("19:40")),
                event("e3", "bill", "20:00"));
        assertThat(recovered.recovery()).isEqualTo(JourneyOutcome.RecoveryClass.RECOVERED);
        JourneyOutcome clean = outcome(DINE_IN, event("e1", "order", "19:00"), event("e2", "served", "19:10"),
                event("e3", "bill", "20:00"));
        assertThat(clean.recovery()).isEqualTo(JourneyOutcome.RecoveryClass.NO_FAILURE);
        assertThat(clean.failures()).isEmpty();
    }

    @Test
    void aLateNoticeOnTheRightChannelButTheWrongAddress() {
        JourneyOutcome o = outcome(DELIVERY,
                event("e1", "order-placed", "10:00").customer("c2"),
                event("e2", "notify", "11:40").customer("c2").addressKind(AddressKind.HOME),
                event("e3", "arrival", "12:00").customer("c2"));
        assertThat(o.promises()).containsExactly(
                new PromiseCheck("notice-30-before", PromiseCheck.Status.BROKEN, Duration.ofMinutes(20), "notify",
                        "Main St"),
                new PromiseCheck("delivered-in-2h", PromiseCheck.Status.KEPT, Duration.ofHours(2), "arrival", "Main St"),
                new PromiseCheck("recovered-in-30", PromiseCheck.Status.MISSING, null, "notify", "Main St"),
                new PromiseCheck("recovered-in-30", PromiseCheck.Status.MISSING, null, "notify", "Main St"));
        assertThat(o.failures()).extracting(ServiceFailure::source, ServiceFailure::type, ServiceFailure::occurredAt)
                .containsExactly(
                        tuple(ServiceFailure.Source.PROMISE, "notice-30-before", at("11:30")),
                        tuple(ServiceFailure.Source.CONTACT_RULE, "chosen-channel",
                                at("11:40")));
        assertThat(o.contacts()).singleElement().extracting(ContactCheck::channel, ContactCheck::status)
                .containsExactly(Channel.SMS, ContactCheck.Status.BROKEN);
        assertThat(o.furthestStage()).hasValue("delivery");
        assertThat(o.completed()).isFalse();
    }

    @Test
    void noNoticeBreaksTheNoticePromiseAndNoArrivalBreaksTheDeadline() {
        JourneyOutcome noNotice = outcome(DELIVERY, event("e1", "order-placed", "10:00"), event("e3", "arrival", "11:00"));
        assertThat(noNotice.promises().get(0)).isEqualTo(new PromiseCheck("notice-30-before",
                PromiseCheck.Status.MISSING, null, "notify", "Main St"));
        assertThat(noNotice.failures().get(0).occurredAt()).isEqualTo(at("10:30"));

        JourneyOutcome noArrival = outcome(DELIVERY, event("e1", "order-placed", "10:00"), event("e2", "notify", "10:30"));
        assertThat(noArrival.promises()).extracting(PromiseCheck::promiseId, PromiseCheck::status).containsExactly(
                tuple("delivered-in-2h", PromiseCheck.Status.MISSING),
                // one recovery check per failure: the missed deadline and the contact below
                tuple("recovered-in-30", PromiseCheck.Status.MISSING),
                tuple("recovered-in-30", PromiseCheck.Status.MISSING));
        // c1 prefers email; the notice went by SMS, the touchpoint's channel.
        assertThat(noArrival.contacts()).singleElement().extracting(ContactCheck::status)
                .isEqualTo(ContactCheck.Status.BROKEN);
    }

    @Test
    void contactsWithCustomersOfUnknownPreferenceAreNotChecked() {
        JourneyOutcome o = JourneyAnalyzer.of(DELIVERY).outcome(Journey.of("j1", List.of(
                event("e1", "notify", "10:00").build(), event("e2", "arrival", "11:00").build()), 0));
        assertThat(o.contacts()).singleElement().extracting(ContactCheck::status).isEqualTo(ContactCheck.Status.UNCHECKED);
        assertThat(o.failures()).isEmpty();
    }

    @Test
    void anUnknownTouchpointCountsForTheStageItNames() {
        JourneyOutcome o = outcome(DINE_IN, event("e1", "order", "19:00"),
                event("e2", "runner", "19:12").stage("served"), event("e3", "valet", "19:13").stage("parking"));
        assertThat(o.stagesReached()).containsExactly("order", "served");
        assertThat(o.stages().get(1)).isEqualTo(new StageResult("served", at("19:12"), false));
        assertThat(o.unknownTouchpoints()).containsExactly(Map.entry("runner", 1), Map.entry("valet", 1));
    }
}
