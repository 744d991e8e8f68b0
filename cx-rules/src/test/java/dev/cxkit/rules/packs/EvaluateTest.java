package dev.cxkit.rules.packs;

import static dev.cxkit.rules.packs.Restaurant.DETECTED;
import static dev.cxkit.rules.packs.Restaurant.decide;
import static dev.cxkit.rules.packs.Restaurant.firstTime;
import static dev.cxkit.rules.packs.Restaurant.incident;
import static dev.cxkit.rules.packs.Restaurant.minutesAfterDetection;
import static dev.cxkit.rules.packs.Restaurant.packWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.fact.RecoveryContext;
import dev.cxkit.rules.plan.Escalation;
import dev.cxkit.rules.plan.FiredRule;
import dev.cxkit.rules.plan.Owner;
import dev.cxkit.rules.plan.RecoveryPlan;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** evaluate.drl: a systemic issue when the same failure keeps happening. */
class EvaluateTest {

    private static final String SYSTEMIC = "Evaluate: the same failure keeps happening here (systemic)";

    private static RecoveryContext similar(int count) {
        return new RecoveryContext(DETECTED, null, count, false);
    }

    @Test
    void threeSimilarIncidentsMarkASystemicIssueAndSendItToSupport() {
        RecoveryPlan plan = decide(incident("eval-1", IncidentType.WRONG_ITEM).build(), firstTime(), similar(3));

        assertThat(plan.systemicIssue()).isTrue();
        assertThat(plan.escalations()).extracting(Escalation::to, Escalation::due, Escalation::reason).containsExactly(
                tuple(Owner.SUPPORT, minutesAfterDetection(3 * 24 * 60),
                        "root-cause analysis: 3 similar WRONG_ITEM incidents at kitchen pass in Harbour Street recently"));
        assertThat(plan.firedRules()).filteredOn(rule -> rule.name().equals(SYSTEMIC)).flatExtracting(FiredRule::effects)
                .contains("systemic issue: 3 similar WRONG_ITEM incidents at kitchen pass in Harbour Street in the last 7 days");
    }

    @Test
    void twoSimilarIncidentsAreNotYetSystemic() {
        RecoveryPlan plan = decide(incident("eval-2", IncidentType.WRONG_ITEM).build(), firstTime(), similar(2));

        assertThat(plan.systemicIssue()).isFalse();
        assertThat(plan.escalations()).isEmpty();
        assertThat(plan.firedRuleNames()).doesNotContain(SYSTEMIC);
    }

    @Test
    void theThresholdIsASetting() {
        RecoveryPlan plan = packWith(Map.of("evaluate.systemic.threshold", "2"))
                .decide(incident("eval-3", IncidentType.LONG_WAIT).build(), firstTime(), similar(2));

        assertThat(plan.systemicIssue()).isTrue();
    }
}
