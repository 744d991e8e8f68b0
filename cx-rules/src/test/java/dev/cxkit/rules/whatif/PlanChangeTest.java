package dev.cxkit.rules.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.rules.engine.DecisionException;
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.plan.FiredRule;
import dev.cxkit.rules.plan.Offer;
import dev.cxkit.rules.plan.OfferKind;
import dev.cxkit.rules.plan.RecoveryPlan;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanChangeTest {

    private static Offer waiver(String amount, String rule) {
        return new Offer(OfferKind.WAIVE_CHARGE, Money.of(amount, "EUR"), "never arrived", false, false, List.of(), rule);
    }

    private static RecoveryPlan plan(List<Offer> offers, String... fired) {
        return new RecoveryPlan("i", List.of(), offers, List.of(), List.of(), false,
                java.util.Arrays.stream(fired).map(f -> new FiredRule(f, List.of())).toList());
    }

    @Test
    void partsAreComparedAsMultisets() {
        // two identical waivers before, one after: one is removed, not "nothing changed"
        RecoveryPlan before = plan(List.of(waiver("18.50", "Waive"), waiver("18.50", "Waive")), "Waive");
        RecoveryPlan after = plan(List.of(waiver("18.50", "Waive")), "Waive", "Cap");
        PlanChange change = PlanChange.of("i", "s", before, null, after, null);
        assertThat(change.differences()).singleElement().satisfies(d -> {
            assertThat(d.part()).isEqualTo(PlanChange.Part.OFFER);
            assertThat(d.added()).isFalse();
            assertThat(d.rule()).isEqualTo("Waive");
        });
        assertThat(change.firedOnlyAfter()).containsExactly("Cap");
        assertThat(change.rules()).containsExactly("Waive", "Cap");
        assertThat(change.compensationChange()).isEqualTo(Map.of("EUR", new BigDecimal("-18.50")));
        // the same plan, offers in another order: no difference at all
        assertThat(PlanChange.of("i", "s", before, null, plan(List.of(waiver("18.50", "Waive"),
                waiver("18.50", "Waive")), "Waive"), null).differences()).isEmpty();
    }

    @Test
    void aDecisionThatFailsUnderOnePolicyIsADifference() {
        RecoveryPlan before = plan(List.of(waiver("6.00", "Waive")), "Waive");
        DecisionException failure = new DecisionException("i", "New rule", "the consequence threw X", null);
        PlanChange change = PlanChange.of("i", "s", before, null, null, failure);
        assertThat(change.differences()).extracting(PlanChange.Difference::part)
                .containsExactly(PlanChange.Part.DECISION, PlanChange.Part.OFFER);
        assertThat(change.differences().get(0).text()).isEqualTo("failed: the consequence threw X");
        assertThat(change.differences().get(0).rule()).isEqualTo("New rule");
        assertThat(change.compensationChange()).isEqualTo(Map.of("EUR", new BigDecimal("-6.00")));
        // failing the same way under both is no difference
        assertThat(PlanChange.of("i", "s", null, failure, null, failure).differences()).isEmpty();
    }
}
