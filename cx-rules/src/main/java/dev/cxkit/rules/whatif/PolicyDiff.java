package dev.cxkit.rules.whatif;

import dev.cxkit.rules.engine.BatchDecisions;
import dev.cxkit.rules.engine.DecisionException;
import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.io.IncidentRecord;
import dev.cxkit.rules.plan.Escalation;
import dev.cxkit.rules.plan.FiredRule;
import dev.cxkit.rules.plan.FollowUp;
import dev.cxkit.rules.plan.Offer;
import dev.cxkit.rules.plan.RecoveryPlan;
import dev.cxkit.rules.plan.StepPlan;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a policy change would have done to past incidents: every incident decided under the
 * policy in use ({@code before}) and the candidate ({@code after}), the plans that change (offers,
 * amounts, steps, escalations, follow-ups, approvals) with the rules that made each difference,
 * and the totals of each policy: compensation by currency, approvals, offers.
 *
 * <pre>{@code
 * PolicyDiff diff = PolicyDiff.of(current, candidate, incidents, customers, null);
 * diff.changes().forEach(c -> System.out.println(c.incidentId() + ": " + c.differences()));
 * diff.compensationChange();   // {EUR=+42.50}
 * }</pre>
 *
 * <p>Both policies decide the same incidents with the same customers at the same times, so a
 * difference comes from the rules and settings alone. Immutable and thread-safe.
 *
 * @param before the policy in use, by name
 * @param after the candidate, by name
 * @param incidents how many incidents were decided under both
 * @param changes the incidents whose plans differ, in the incidents' order
 * @param beforeTotals what the policy in use gives in all
 * @param afterTotals what the candidate gives in all
 * @since 0.1.0
 */
public record PolicyDiff(String before, String after, int incidents, List<PlanChange> changes, Totals beforeTotals,
        Totals afterTotals) {

    /**
     * Copies the list.
     *
     * @throws NullPointerException if a field is null
     */
    public PolicyDiff {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        changes = List.copyOf(changes);
        Objects.requireNonNull(beforeTotals, "beforeTotals");
        Objects.requireNonNull(afterTotals, "afterTotals");
    }

    /**
     * What one policy gives over all the incidents.
     *
     * @param decided incidents decided
     * @param failed incidents whose decision failed
     * @param offers offers made
     * @param approvals offers that need a manager's approval
     * @param compensation money offered, by currency code (sorted)
     */
    public record Totals(int decided, int failed, int offers, int approvals, Map<String, BigDecimal> compensation) {

        /**
         * Copies the map.
         *
         * @throws NullPointerException if the map is null
         */
        public Totals {
            compensation = java.util.Collections.unmodifiableMap(new TreeMap<>(compensation));
        }
    }

    /**
     * Decides every incident under both policies and compares the plans.
     *
     * @param before the policy in use
     * @param after the candidate
     * @param incidents the incidents, in order
     * @param customers the known customers by id (as {@link BatchDecisions} uses them)
     * @param decidedAt the decision time of every incident, or null for each incident's detection time
     * @return the comparison
     * @throws NullPointerException if an argument other than {@code decidedAt} is null
     */
    public static PolicyDiff of(Policy before, Policy after, List<IncidentRecord> incidents,
            Map<String, Customer> customers, @Nullable Instant decidedAt) {
        Objects.requireNonNull(incidents, "incidents");
        Outcomes old = Outcomes.decide(before, incidents, customers, decidedAt);
        Outcomes candidate = Outcomes.decide(after, incidents, customers, decidedAt);
        List<PlanChange> changes = new ArrayList<>();
        for (IncidentRecord record : incidents) {
            PlanChange change = PlanChange.of(record.incident().id(), record.incident().summary(), old.plans.get(record),
                    old.failures.get(record), candidate.plans.get(record), candidate.failures.get(record));
            if (!change.differences().isEmpty()) {
                changes.add(change);
            }
        }
        return new PolicyDiff(before.name(), after.name(), incidents.size(), changes, old.totals(),
                candidate.totals());
    }

    /** Returns how many incidents get the same plan under both policies. */
    public int unchanged() {
        return incidents - changes.size();
    }

    /**
     * Returns the candidate's compensation minus the current one's, by currency code.
     *
     * @return the change per currency (zero where both give the same)
     */
    public Map<String, BigDecimal> compensationChange() {
        Map<String, BigDecimal> out = new TreeMap<>(afterTotals.compensation());
        beforeTotals.compensation().forEach((currency, amount) -> out.merge(currency, amount.negate(), BigDecimal::add));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Returns the rules that made a difference anywhere, with how many plans each changed. */
    public Map<String, Integer> rulesThatChangedPlans() {
        Map<String, Integer> out = new TreeMap<>();
        for (PlanChange change : changes) {
            for (String rule : change.rules()) {
                out.merge(rule, 1, Integer::sum);
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** One policy's plans and failures, by incident record (ids may repeat in an export). */
    private static final class Outcomes {
        final Map<IncidentRecord, RecoveryPlan> plans = new IdentityHashMap<>();
        final Map<IncidentRecord, DecisionException> failures = new IdentityHashMap<>();

        static Outcomes decide(Policy policy, List<IncidentRecord> incidents, Map<String, Customer> customers,
                Instant decidedAt) {
            Outcomes out = new Outcomes();
            BatchDecisions.decide(policy, incidents, customers, null, decidedAt, new BatchDecisions.Listener() {
                @Override
                public void decided(IncidentRecord incident, RecoveryPlan plan) {
                    out.plans.put(incident, plan);
                }

                @Override
                public void failed(IncidentRecord incident, DecisionException failure) {
                    out.failures.put(incident, failure);
                }
            });
            return out;
        }

        Totals totals() {
            int offers = 0;
            int approvals = 0;
            Map<String, BigDecimal> money = new TreeMap<>();
            for (RecoveryPlan plan : plans.values()) {
                for (Offer offer : plan.offers()) {
                    offers++;
                    approvals += offer.requiresApproval() ? 1 : 0;
                    if (offer.amount() != null) {
                        money.merge(offer.amount().currency().getCurrencyCode(), offer.amount().amount(), BigDecimal::add);
                    }
                }
            }
            return new Totals(plans.size(), failures.size(), offers, approvals, money);
        }
    }

    /** The text of a plan's parts, for comparing and showing them; the same part reads the same in both plans. */
    static String describe(Offer offer) {
        return offer.kind() + (offer.amount() == null ? "" : " " + offer.amount()) + " \"" + offer.reason() + "\""
                + (offer.requiresApproval() ? " [APPROVAL]" : "") + (offer.requiresConsent() ? " [CONSENT]" : "");
    }

    static String describe(StepPlan step) {
        return step.step() + " " + step.owner() + " due " + step.due() + " \"" + step.instruction() + "\"";
    }

    static String describe(Escalation e) {
        return "to " + e.to() + " due " + e.due() + " \"" + e.reason() + "\"";
    }

    static String describe(FollowUp f) {
        return f.channel() + " (" + f.addressKind().name().toLowerCase(Locale.ROOT) + ") due " + f.due();
    }

    static Set<String> firedRules(RecoveryPlan plan) {
        Set<String> out = new LinkedHashSet<>();
        for (FiredRule rule : plan.firedRules()) {
            out.add(rule.name());
        }
        return out;
    }
}
