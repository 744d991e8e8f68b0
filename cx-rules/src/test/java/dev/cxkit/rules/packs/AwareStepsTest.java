package dev.cxkit.rules.packs;

import static dev.cxkit.rules.packs.Restaurant.DETECTED;
import static dev.cxkit.rules.packs.Restaurant.decide;
import static dev.cxkit.rules.packs.Restaurant.firstTime;
import static dev.cxkit.rules.packs.Restaurant.incident;
import static dev.cxkit.rules.packs.Restaurant.minutesAfterDetection;
import static dev.cxkit.rules.packs.Restaurant.repeat;
import static dev.cxkit.rules.packs.Restaurant.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.fact.Severity;
import dev.cxkit.rules.plan.AwareStep;
import dev.cxkit.rules.plan.FollowUp;
import dev.cxkit.rules.plan.Owner;
import dev.cxkit.rules.plan.RecoveryPlan;
import dev.cxkit.rules.plan.StepPlan;
import org.junit.jupiter.api.Test;

/** aware.drl: the five AWARE steps, who owns them, when they are due, and tailored instructions. */
class AwareStepsTest {

    @Test
    void inPersonIncidentGetsAllFiveStepsFromTheStaffOnTheSpot() {
        RecoveryPlan plan = decide(incident("aware-1", IncidentType.QUALITY).severity(Severity.MINOR).build());

        assertThat(plan.steps()).extracting(StepPlan::step, StepPlan::owner, StepPlan::due, StepPlan::instruction)
                .containsExactly(
                        tuple(AwareStep.ACKNOWLEDGE, Owner.FRONTLINE, minutesAfterDetection(2),
                                "acknowledge the problem and apologize sincerely; no excuses, no blame"),
                        tuple(AwareStep.WIDEN, Owner.FRONTLINE, minutesAfterDetection(5),
                                "ask what the customer is specifically upset about, from their point of view"),
                        tuple(AwareStep.AGREE, Owner.FRONTLINE, minutesAfterDetection(10),
                                "state the agreed solution and by when"),
                        tuple(AwareStep.RESOLVE, Owner.FRONTLINE, minutesAfterDetection(30),
                                "do what was agreed, then follow up to make sure all is well"),
                        tuple(AwareStep.EVALUATE, Owner.MANAGER, minutesAfterDetection(3 * 24 * 60),
                                "find the root cause and any systemic issue"));
        assertThat(plan.firedRuleNames()).containsExactly(
                "Deadlines: in person, the staff on the spot recover at once",
                "AWARE 1: Acknowledge", "AWARE 2: Widen", "AWARE 3: Agree",
                "AWARE 4: Resolve, then follow up on the customer's channel", "AWARE 5: Evaluate");
        assertThat(plan.offers()).isEmpty();
        assertThat(plan.escalations()).isEmpty();
    }

    @Test
    void resolveFollowsUpOnTheCustomersPreferredChannelADayAfterResolveIsDue() {
        RecoveryPlan textMe = decide(incident("aware-2", IncidentType.QUALITY).build(), firstTime());
        RecoveryPlan emailMe = decide(incident("aware-3", IncidentType.QUALITY).build(), repeat());

        assertThat(textMe.followUps()).extracting(FollowUp::channel, FollowUp::addressKind, FollowUp::due, FollowUp::rule)
                .containsExactly(tuple(Channel.SMS, AddressKind.MOBILE, minutesAfterDetection(30 + 24 * 60),
                        "AWARE 4: Resolve, then follow up on the customer's channel"));
        assertThat(emailMe.followUps()).extracting(FollowUp::channel, FollowUp::addressKind)
                .containsExactly(tuple(Channel.EMAIL, AddressKind.EMAIL));
    }

    @Test
    void remoteIncidentIsOwnedBySupportAndAcknowledgedWithinTheHour() {
        RecoveryPlan plan = decide(incident("aware-4", IncidentType.BILLING_ERROR).channel(Channel.APP).build());

        assertThat(plan.steps()).extracting(StepPlan::step, StepPlan::owner, StepPlan::due).containsExactly(
                tuple(AwareStep.ACKNOWLEDGE, Owner.SUPPORT, minutesAfterDetection(60)),
                tuple(AwareStep.WIDEN, Owner.SUPPORT, minutesAfterDetection(120)),
                tuple(AwareStep.AGREE, Owner.SUPPORT, minutesAfterDetection(240)),
                tuple(AwareStep.RESOLVE, Owner.SUPPORT, minutesAfterDetection(24 * 60)),
                tuple(AwareStep.EVALUATE, Owner.MANAGER, minutesAfterDetection(3 * 24 * 60)));
        assertThat(plan.followUps()).extracting(FollowUp::due).containsExactly(minutesAfterDetection(2 * 24 * 60));
        assertThat(plan.firedRuleNames()).contains("Deadlines: remote, customer support recovers within the hour")
                .doesNotContain("Deadlines: in person, the staff on the spot recover at once");
    }

    @Test
    void aDeliveryIsRemote() {
        RecoveryPlan plan = decide(incident("aware-5", IncidentType.QUALITY).channel(Channel.DELIVERY).build());

        assertThat(step(plan, AwareStep.ACKNOWLEDGE).owner()).isEqualTo(Owner.SUPPORT);
        assertThat(step(plan, AwareStep.ACKNOWLEDGE).due()).isEqualTo(minutesAfterDetection(60));
    }

    @Test
    void aWaitIsAcknowledgedWithAnHonestExplanationOfTheDelay() {
        RecoveryPlan plan = decide(incident("aware-6", IncidentType.LONG_WAIT).wait(38, 20).build());

        StepPlan acknowledge = step(plan, AwareStep.ACKNOWLEDGE);
        assertThat(acknowledge.instruction()).isEqualTo("acknowledge the wait (18 minutes longer than promised) and "
                + "apologize sincerely; explain honestly what delayed the order; no excuses, no blame");
        assertThat(acknowledge.due()).isEqualTo(minutesAfterDetection(2));
        assertThat(acknowledge.rule()).isEqualTo("Tailor Acknowledge: explain the delay");
        // The general step fired first and was replaced: the audit trail shows both.
        assertThat(plan.firedRuleNames()).containsSubsequence("AWARE 1: Acknowledge", "Tailor Acknowledge: explain the delay");
    }

    @Test
    void aWaitWithinThePromiseIsNotExplainedAsADelay() {
        RecoveryPlan plan = decide(incident("aware-7", IncidentType.LONG_WAIT).wait(18, 20).build());

        assertThat(step(plan, AwareStep.ACKNOWLEDGE).rule()).isEqualTo("AWARE 1: Acknowledge");
        assertThat(plan.offers()).isEmpty();
    }

    @Test
    void dueTimesCountFromDetectionNotFromOccurrence() {
        RecoveryPlan plan = decide(incident("aware-8", IncidentType.QUALITY)
                .occurredAt(DETECTED.minusSeconds(3600)).build());

        assertThat(step(plan, AwareStep.ACKNOWLEDGE).due()).isEqualTo(minutesAfterDetection(2));
    }
}
