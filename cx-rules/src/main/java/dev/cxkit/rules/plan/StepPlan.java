package dev.cxkit.rules.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * One AWARE step of a recovery plan: who does what by when.
 *
 * <p>Immutable and thread-safe.
 *
 * @param step the step
 * @param owner who acts
 * @param due when it must be done
 * @param instruction what to do, in plain words for the person who acts
 * @param rule the rule that planned it
 * @since 0.1.0
 */
public record StepPlan(AwareStep step, Owner owner, Instant due, String instruction, String rule) {

    /**
     * Validates the step.
     *
     * @throws NullPointerException if a field is null
     */
    public StepPlan {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(instruction, "instruction");
        Objects.requireNonNull(rule, "rule");
    }
}
