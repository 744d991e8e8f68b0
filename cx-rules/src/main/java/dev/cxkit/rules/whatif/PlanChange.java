package dev.cxkit.rules.whatif;

import dev.cxkit.rules.engine.DecisionException;
import dev.cxkit.rules.plan.Escalation;
import dev.cxkit.rules.plan.FollowUp;
import dev.cxkit.rules.plan.Offer;
import dev.cxkit.rules.plan.RecoveryPlan;
import dev.cxkit.rules.plan.StepPlan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How one incident's plan differs between two policies: each part (offer, AWARE step, escalation,
 * follow-up, systemic flag, or the decision itself) that only one plan has, with the rule that
 * made it, and the rules that fired under one policy only.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incidentId the incident
 * @param summary the incident in words ({@code WRONG_ITEM, MODERATE, IN_PERSON at York})
 * @param before its plan under the policy in use, or null when that decision failed
 * @param after its plan under the candidate, or null when that decision failed
 * @param differences what differs, removed parts before added ones, in plan order
 * @param firedOnlyBefore rules that fired under the policy in use only
 * @param firedOnlyAfter rules that fired under the candidate only
 * @since 0.1.0
 */
public record PlanChange(String incidentId, String summary, @Nullable RecoveryPlan before,
        @Nullable RecoveryPlan after, List<Difference> differences, Set<String> firedOnlyBefore,
        Set<String> firedOnlyAfter) {

    /**
     * Copies the collections.
     *
     * @throws NullPointerException if the id, summary or a collection is null
     */
    public PlanChange {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(summary, "summary");
        differences = List.copyOf(differences);
        firedOnlyBefore = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(firedOnlyBefore));
        firedOnlyAfter = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(firedOnlyAfter));
    }

    /** Which part of a plan a difference is in. */
    public enum Part {
        /** The decision itself: one policy decided, the other failed. */
        DECISION,
        /** An offer: kind, amount, reason, approval or consent. */
        OFFER,
        /** An AWARE step: owner, due time or instruction. */
        STEP,
        /** An escalation. */
        ESCALATION,
        /** A follow-up. */
        FOLLOW_UP,
        /** Whether the plan flags a systemic issue. */
        SYSTEMIC
    }

    /**
     * One part that only one of the two plans has.
     *
     * @param part which part of the plan
     * @param added true when only the candidate's plan has it, false when only the current plan has it
     * @param text the part in words ({@code DISCOUNT EUR 7.50 "..." [APPROVAL]})
     * @param rule the rule that made it, or null when no rule did (a failure, the systemic flag)
     */
    public record Difference(Part part, boolean added, String text, @Nullable String rule) {

        /**
         * Validates the difference.
         *
         * @throws NullPointerException if the part or text is null
         */
        public Difference {
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Compares the two outcomes of one incident.
     *
     * @param incidentId the incident
     * @param summary the incident in words
     * @param before the current plan, or null
     * @param beforeFailure why the current decision failed, or null
     * @param after the candidate's plan, or null
     * @param afterFailure why the candidate's decision failed, or null
     * @return the change (with no differences when the plans agree)
     */
    static PlanChange of(String incidentId, String summary, RecoveryPlan before, DecisionException beforeFailure,
            RecoveryPlan after, DecisionException afterFailure) {
        List<Difference> out = new ArrayList<>();
        if (before == null || after == null) {
            if (beforeFailure != null && (afterFailure == null
                    || !beforeFailure.getMessage().equals(afterFailure.getMessage()))) {
                out.add(new Difference(Part.DECISION, false, "failed: " + beforeFailure.reason(), beforeFailure.rule()));
            }
            if (afterFailure != null && (beforeFailure == null
                    || !beforeFailure.getMessage().equals(afterFailure.getMessage()))) {
                out.add(new Difference(Part.DECISION, true, "failed: " + afterFailure.reason(), afterFailure.rule()));
            }
        }
        RecoveryPlan none = new RecoveryPlan(incidentId, List.of(), List.of(), List.of(), List.of(), false, List.of());
        RecoveryPlan b = before == null ? none : before;
        RecoveryPlan a = after == null ? none : after;
        compare(Part.OFFER, b.offers(), a.offers(), PolicyDiff::describe, Offer::rule, out);
        compare(Part.STEP, b.steps(), a.steps(), PolicyDiff::describe, StepPlan::rule, out);
        compare(Part.ESCALATION, b.escalations(), a.escalations(), PolicyDiff::describe, Escalation::rule, out);
        compare(Part.FOLLOW_UP, b.followUps(), a.followUps(), PolicyDiff::describe, FollowUp::rule, out);
        if (before != null && after != null && before.systemicIssue() != after.systemicIssue()) {
            out.add(new Difference(Part.SYSTEMIC, after.systemicIssue(), "systemic issue", null));
        }
        Set<String> onlyBefore = new LinkedHashSet<>(PolicyDiff.firedRules(b));
        onlyBefore.removeAll(PolicyDiff.firedRules(a));
        Set<String> onlyAfter = new LinkedHashSet<>(PolicyDiff.firedRules(a));
        onlyAfter.removeAll(PolicyDiff.firedRules(b));
        return new PlanChange(incidentId, summary, before, after, out, out.isEmpty() ? Set.of() : onlyBefore,
                out.isEmpty() ? Set.of() : onlyAfter);
    }

    /** The parts only one list has, as multisets of their text: removed ones, then added ones. */
    private static <T> void compare(Part part, List<T> before, List<T> after, Function<T, String> text,
            Function<T, String> rule, List<Difference> out) {
        List<String> remaining = new ArrayList<>();
        after.forEach(x -> remaining.add(text.apply(x)));
        List<T> removed = new ArrayList<>();
        for (T x : before) {
            if (!remaining.remove(text.apply(x))) {
                removed.add(x);
            }
        }
        List<String> kept = new ArrayList<>();
        before.forEach(x -> kept.add(text.apply(x)));
        removed.forEach(x -> out.add(new Difference(part, false, text.apply(x), rule.apply(x))));
        for (T x : after) {
            if (!kept.remove(text.apply(x))) {
                out.add(new Difference(part, true, text.apply(x), rule.apply(x)));
            }
        }
    }

    /**
     * Returns the candidate's money offered minus the current plan's, by currency code, where it
     * differs (a failed decision offers nothing).
     *
     * @return the change per currency; empty when the money is the same
     */
    public java.util.Map<String, java.math.BigDecimal> compensationChange() {
        java.util.Map<String, java.math.BigDecimal> out = new java.util.TreeMap<>();
        add(out, after, java.math.BigDecimal.ONE);
        add(out, before, java.math.BigDecimal.ONE.negate());
        out.values().removeIf(v -> v.signum() == 0);
        return java.util.Collections.unmodifiableMap(out);
    }

    private static void add(java.util.Map<String, java.math.BigDecimal> out, RecoveryPlan plan,
            java.math.BigDecimal sign) {
        if (plan == null) {
            return;
        }
        for (Offer offer : plan.offers()) {
            if (offer.amount() != null) {
                out.merge(offer.amount().currency().getCurrencyCode(), offer.amount().amount().multiply(sign),
                        java.math.BigDecimal::add);
            }
        }
    }

    /** Returns the rules that made this change: of each differing part, and those that fired under one policy only. */
    public Set<String> rules() {
        Set<String> out = new LinkedHashSet<>();
        for (Difference d : differences) {
            if (d.rule() != null) {
                out.add(d.rule());
            }
        }
        out.addAll(firedOnlyBefore);
        out.addAll(firedOnlyAfter);
        return java.util.Collections.unmodifiableSet(out);
    }
}
