package dev.cxkit.rules.fact;

import dev.cxkit.core.service.ContactPreference;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The customer a failure happened to, as a policy sees them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the customer's id
 * @param tier the loyalty tier, for example "gold" (free text from the host's loyalty scheme)
 * @param lifetimeValue what the customer has spent so far, or null when unknown
 * @param contact how the customer asked to be contacted
 * @param recentFailures how many service failures the customer had in the last 90 days, before
 *     this one
 * @since 0.1.0
 */
public record Customer(String id, String tier, @Nullable Money lifetimeValue, ContactPreference contact,
        int recentFailures) {

    /**
     * Validates the customer.
     *
     * @throws NullPointerException if the id or contact preference is null
     * @throws IllegalArgumentException if the id is blank or recent failures are negative
     */
    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contact, "contact");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a customer needs an id");
        }
        if (recentFailures < 0) {
            throw new IllegalArgumentException("recent failures must not be negative: " + recentFailures);
        }
        tier = tier == null ? "standard" : tier;
    }

    /** Returns whether this is a repeat failure: the customer had another one in the last 90 days. */
    public boolean isRepeat() {
        return recentFailures > 0;
    }
}
