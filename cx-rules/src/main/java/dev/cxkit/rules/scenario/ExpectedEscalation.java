package dev.cxkit.rules.scenario;

import dev.cxkit.rules.plan.Escalation;
import dev.cxkit.rules.plan.Owner;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An escalation a scenario expects. Who it goes to is always compared; every other field only when
 * given (non-null).
 *
 * <p>Immutable and thread-safe.
 *
 * @param to who it goes to
 * @param due when they must act, or null (not checked)
 * @param reason the reason, exactly, or null (not checked)
 * @param rule the rule that escalated, or null (not checked)
 * @since 0.1.0
 */
public record ExpectedEscalation(Owner to, @Nullable Instant due, @Nullable String reason, @Nullable String rule) {

    /**
     * Validates the expectation.
     *
     * @throws NullPointerException if {@code to} is null
     */
    public ExpectedEscalation {
        Objects.requireNonNull(to, "to");
    }

    /**
     * Returns whether an actual escalation matches every field given.
     *
     * @param escalation the escalation
     * @return true when it matches
     */
    public boolean matches(Escalation escalation) {
        return escalation.to() == to
                && (due == null || due.equals(escalation.due()))
                && (reason == null || reason.equals(escalation.reason()))
                && (rule == null || rule.equals(escalation.rule()));
    }

    /** Returns the expectation as written, only the fields given. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add("to " + to);
        if (due != null) {
            parts.add("due " + due);
        }
        if (reason != null) {
            parts.add("reason: \"" + reason + "\"");
        }
        if (rule != null) {
            parts.add("rule: \"" + rule + "\"");
        }
        return String.join(", ", parts);
    }
}
