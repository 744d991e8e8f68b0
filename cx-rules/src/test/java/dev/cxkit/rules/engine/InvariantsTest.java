package dev.cxkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.rules.fact.RecoveryContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Invariants a pack declares as {@code invariant:} queries: a decision that breaks one fails,
 * naming the invariant and both rules; one that keeps them decides as before.
 */
class InvariantsTest {

    private static final String POLICY = PolicyTest.HEADER + """
            global PlanDraft plan;

            declare NoneDue
                why : String
            end

            rule "Outside the carrier's control: none due"
            when
                Incident( extraordinaryCircumstances )
            then
                insert(new NoneDue("outside the carrier's control"));
            end

            rule "Pay for the delay"
            when
                Incident( type == IncidentType.WRONG_ITEM )
            then
                plan.offer(OfferKind.DISCOUNT, Money.of("7.00", "EUR"), "for the delay");
            end

            rule "Pay again for the delay"
            when
                Incident( id == "twice" )
            then
                plan.offer(OfferKind.DISCOUNT, Money.of("5.00", "EUR"), "and again");
            end

            query "invariant: at most one discount per incident"
                $first : OfferDraft( kind == OfferKind.DISCOUNT )
                $second : OfferDraft( kind == OfferKind.DISCOUNT, this != $first )
            end

            query "invariant: no money when none is due"
                $none : NoneDue()
                $offer : OfferDraft( money )
            end
            """;

    private static Policy compile() throws PolicyCompilationException {
        return Policy.compile(PolicySource.of("inv", Map.of("inv.drl", POLICY),
                dev.cxkit.rules.fact.PolicySettings.empty()), PolicyTest.RELAXED);
    }

    @Test
    void aDecisionThatKeepsTheInvariantsDecides() throws Exception {
        try (Policy policy = compile()) {
            assertThat(policy.invariants()).containsExactly("invariant: at most one discount per incident",
                    "invariant: no money when none is due");
            assertThat(policy.ruleNames()).as("invariants are not rules").hasSize(3);
            assertThat(policy.decide(PolicyTest.wrongItem("once"), PolicyTest.customer(),
                    RecoveryContext.at(PolicyTest.T0)).offers()).hasSize(1);
        }
    }

    @Test
    void twoRulesPayingTheSameCompensationFailTheDecisionNamingBoth() throws Exception {
        try (Policy policy = compile()) {
            assertThatThrownBy(() -> policy.decide(PolicyTest.wrongItem("twice"), PolicyTest.customer(),
                    RecoveryContext.at(PolicyTest.T0))).isInstanceOfSatisfying(DecisionException.class, e ->
                    assertThat(e.getMessage()).contains("violates invariant \"at most one discount per incident\"")
                            .contains("rule \"Pay for the delay\"").contains("rule \"Pay again for the delay\""));
        }
    }

    /** The case: money paid for a delay outside the carrier's control while none was due. */
    @Test
    void moneyWhenAFactSaysNoneIsDueFailsNamingBothRules() throws Exception {
        try (Policy policy = compile()) {
            var incident = dev.cxkit.rules.fact.Incident.builder("storm", dev.cxkit.rules.fact.IncidentType.WRONG_ITEM)
                    .detectedAt(PolicyTest.T0).extraordinaryCircumstances(true).build();
            assertThatThrownBy(() -> policy.decide(incident, PolicyTest.customer(), RecoveryContext.at(PolicyTest.T0)))
                    .isInstanceOfSatisfying(DecisionException.class, e -> {
                        assertThat(e.getMessage()).contains("violates invariant \"no money when none is due\"")
                                .contains("rule \"Outside the carrier's control: none due\" inserted NoneDue")
                                .contains("rule \"Pay for the delay\" inserted OfferDraft");
                        assertThat(e.rule()).isEqualTo("Outside the carrier's control: none due");
                    });
        }
    }

    @Test
    void theBundledPacksDeclareTheirs() throws Exception {
        try (Policy eu261 = Policy.compile(PolicySource.classpath("eu261"), PolicyTest.RELAXED);
                Policy restaurant = Policy.compile(PolicySource.classpath("restaurant"), PolicyTest.RELAXED)) {
            assertThat(eu261.invariants()).isNotEmpty();
            assertThat(restaurant.invariants()).isNotEmpty();
        }
    }
}
