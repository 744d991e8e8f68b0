package dev.cxkit.rules.fact;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a policy needs to know besides the incident and the customer: the time (injected, so
 * deadlines are testable), the location's comp budget, and what the host knows about earlier
 * incidents.
 *
 * <p>Immutable and thread-safe.
 *
 * @param now the decision time; due times count from the incident's detection or from this
 * @param budgetLeftToday the location's comp budget left today, or null when there is no budget
 * @param similarRecentIncidents how many incidents of the same type at the same touchpoint and
 *     location the host saw in the policy's window (for example 7 days), including this one
 * @param alreadyCompensated whether this incident was already decided and compensated, so that
 *     deciding it again must not comp twice
 * @since 0.1.0
 */
public record RecoveryContext(Instant now, @Nullable Money budgetLeftToday, int similarRecentIncidents,
        boolean alreadyCompensated) {

    /**
     * Validates the context.
     *
     * @throws NullPointerException if {@code now} is null
     * @throws IllegalArgumentException if a count is negative
     */
    public RecoveryContext {
        Objects.requireNonNull(now, "now");
        if (similarRecentIncidents < 0) {
            throw new IllegalArgumentException("similar recent incidents must not be negative: " + similarRecentIncidents);
        }
    }

    /**
     * A context at {@code now} with no budget limit, no history and no earlier compensation.
     *
     * @param now the decision time
     * @return the context
     */
    public static RecoveryContext at(Instant now) {
        return new RecoveryContext(now, null, 1, false);
    }

    /** Returns whether the location has a budget and it is spent. */
    public boolean budgetSpent() {
        return budgetLeftToday != null && budgetLeftToday.amount().signum() <= 0;
    }
}
