package dev.cxkit.rules.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * A hand-over to someone with more authority, for example a manager check-in.
 *
 * <p>Immutable and thread-safe.
 *
 * @param to who is escalated to
 * @param due when they must act
 * @param reason why
 * @param rule the rule that escalated
 * @since 0.1.0
 */
public record Escalation(Owner to, Instant due, String reason, String rule) {

    /**
     * Validates the escalation.
     *
     * @throws NullPointerException if a field is null
     */
    public Escalation {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
    }
}
