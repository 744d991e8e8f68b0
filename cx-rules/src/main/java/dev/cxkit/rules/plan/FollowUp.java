package dev.cxkit.rules.plan;

import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.AddressKind;
import java.time.Instant;
import java.util.Objects;

/**
 * A follow-up with the customer after the fix, on the channel they asked for.
 *
 * <p>Immutable and thread-safe.
 *
 * @param channel the customer's preferred channel
 * @param addressKind which of their addresses on that channel
 * @param due when to follow up
 * @param rule the rule that planned it
 * @since 0.1.0
 */
public record FollowUp(Channel channel, AddressKind addressKind, Instant due, String rule) {

    /**
     * Validates the follow-up.
     *
     * @throws NullPointerException if a field is null
     */
    public FollowUp {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(addressKind, "addressKind");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(rule, "rule");
    }
}
