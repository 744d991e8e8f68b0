package dev.cxkit.report.section;

import static dev.cxkit.report.internal.Checks.requireText;
import static dev.cxkit.report.internal.Checks.requireUnique;

import dev.cxkit.rules.plan.RecoveryPlan;
import java.util.List;
import java.util.Objects;

/**
 * Section 5: the recovery plans the policy decided for the open incidents.
 *
 * @param policy the policy's name, for example {@code restaurant} or a directory
 * @param plans one per open incident, in the order decided
 * @since 0.1.0
 */
public record RecoveryPlans(String policy, List<IncidentPlan> plans) {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the policy is blank or an incident repeats
     */
    public RecoveryPlans {
        requireText(policy, "policy");
        plans = List.copyOf(plans);
        requireUnique(plans, p -> p.plan().incidentId(), "incident");
    }

    /** Returns how many offers need a manager's approval. */
    public long approvalsNeeded() {
        return plans.stream().flatMap(p -> p.plan().offers().stream()).filter(o -> o.requiresApproval()).count();
    }

    /**
     * An open incident and its plan.
     *
     * @param summary what happened, for people, for example {@code late meal, Leith, table 12}; may be empty
     * @param source where the incident came from: a line of an incidents file
     *     ({@code incidents.jsonl line 3}) or an open failure of a journey in the events
     *     ({@code open failure in journey V000042}); may be empty
     * @param plan the plan decided for it
     */
    public record IncidentPlan(String summary, String source, RecoveryPlan plan) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         */
        public IncidentPlan {
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(plan, "plan");
        }
    }
}
