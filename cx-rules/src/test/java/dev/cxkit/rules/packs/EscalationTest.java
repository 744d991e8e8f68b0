package dev.cxkit.rules.packs;

import static dev.cxkit.rules.packs.Restaurant.decide;
import static dev.cxkit.rules.packs.Restaurant.incident;
import static dev.cxkit.rules.packs.Restaurant.minutesAfterDetection;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cxkit.core.service.Channel;
import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.fact.Severity;
import dev.cxkit.rules.plan.Escalation;
import dev.cxkit.rules.plan.Owner;
import dev.cxkit.rules.plan.RecoveryPlan;
import org.junit.jupiter.api.Test;

/** escalation.drl: the manager check-in. */
class EscalationTest {

    private static final String CHECK_IN = "Manager check-in: major failure or a wait over twice the promise";

    @Test
    void aMajorFailureBringsTheManagerWithinFiveMinutes() {
        RecoveryPlan plan = decide(incident("esc-1", IncidentType.RUDE_OR_CARELESS_STAFF).severity(Severity.MAJOR).build());

        assertThat(plan.escalations()).extracting(Escalation::to, Escalation::due, Escalation::reason, Escalation::rule)
                .containsExactly(tuple(Owner.MANAGER, minutesAfterDetection(5),
                        "a MAJOR failure: the manager checks in with the customer", CHECK_IN));
    }

    @Test
    void aCriticalRemoteFailureAlsoBringsTheManager() {
        RecoveryPlan plan = decide(incident("esc-2", IncidentType.QUALITY).severity(Severity.CRITICAL)
                .channel(Channel.DELIVERY).build());

        assertThat(plan.escalations()).extracting(Escalation::to, Escalation::due)
                .containsExactly(tuple(Owner.MANAGER, minutesAfterDetection(5)));
    }

    @Test
    void aWaitOverTwiceThePromiseBringsTheManager() {
        RecoveryPlan plan = decide(incident("esc-3", IncidentType.LONG_WAIT).severity(Severity.MINOR).wait(41, 20).build());

        assertThat(plan.escalations()).extracting(Escalation::to, Escalation::reason).containsExactly(tuple(Owner.MANAGER,
                "waited 41 minutes against 20 promised (over twice the promise): the manager checks in with the customer"));
    }

    @Test
    void exactlyTwiceThePromiseIsNotOverIt() {
        RecoveryPlan plan = decide(incident("esc-4", IncidentType.LONG_WAIT).severity(Severity.MODERATE).wait(40, 20).build());

        assertThat(plan.escalations()).isEmpty();
        assertThat(plan.firedRuleNames()).doesNotContain(CHECK_IN);
    }

    @Test
    void bothReasonsStillMeanOneCheckIn() {
        RecoveryPlan plan = decide(incident("esc-5", IncidentType.LONG_WAIT).severity(Severity.MAJOR).wait(90, 20).build());

        assertThat(plan.escalations()).hasSize(1);
        assertThat(plan.firedRuleNames()).containsOnlyOnce(CHECK_IN);
    }

    @Test
    void aModerateFailureWithoutALongWaitIsNotEscalated() {
        RecoveryPlan plan = decide(incident("esc-6", IncidentType.WRONG_ITEM).severity(Severity.MODERATE).build());

        assertThat(plan.escalations()).isEmpty();
    }
}
