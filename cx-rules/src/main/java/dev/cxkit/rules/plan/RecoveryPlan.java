package dev.cxkit.rules.plan;

import dev.cxkit.rules.fact.Money;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a policy decided for one incident: the AWARE steps in order, the offers, escalations,
 * follow-ups, whether the incident points to a systemic issue, and the audit trail of the rules
 * that fired.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident decided
 * @param steps the AWARE steps, in AWARE order
 * @param offers the offers, in the order the rules made them
 * @param escalations the escalations
 * @param followUps the follow-ups
 * @param systemicIssue whether EVALUATE found a systemic issue
 * @param firedRules the rules that fired, in firing order, with what each added
 * @since 0.1.0
 */
public record RecoveryPlan(String incidentId, List<StepPlan> steps, List<Offer> offers, List<Escalation> escalations,
        List<FollowUp> followUps, boolean systemicIssue, List<FiredRule> firedRules) {

    /**
     * Copies the lists and puts the steps in AWARE order.
     *
     * @throws NullPointerException if a field is null
     */
    public RecoveryPlan {
        Objects.requireNonNull(incidentId, "incidentId");
        steps = steps.stream().sorted(Comparator.comparing(StepPlan::step)).toList();
        offers = List.copyOf(offers);
        escalations = List.copyOf(escalations);
        followUps = List.copyOf(followUps);
        firedRules = List.copyOf(firedRules);
    }

    /**
     * Returns the plan of a step, if the plan has it.
     *
     * @param step the step
     * @return its plan
     */
    public Optional<StepPlan> step(AwareStep step) {
        return steps.stream().filter(s -> s.step() == step).findFirst();
    }

    /**
     * Returns the offers of one kind.
     *
     * @param kind the kind
     * @return the offers, in order
     */
    public List<Offer> offers(OfferKind kind) {
        return offers.stream().filter(o -> o.kind() == kind).toList();
    }

    /** Returns the names of the rules that fired, in order. */
    public List<String> firedRuleNames() {
        return firedRules.stream().map(FiredRule::name).toList();
    }

    /**
     * Returns the total money offered, or empty when no offer carries money.
     *
     * @throws IllegalArgumentException if offers are in different currencies
     */
    public Optional<Money> totalMoney() {
        return offers.stream().map(Offer::amount).filter(Objects::nonNull).reduce(Money::plus);
    }
}
