package dev.cxkit.rules.scenario;

import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.rules.plan.FollowUp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A follow-up a scenario expects. The channel is always compared; every other field only when given
 * (non-null).
 *
 * <p>Immutable and thread-safe.
 *
 * @param channel the channel
 * @param addressKind which address, or null (not checked)
 * @param due when, or null (not checked)
 * @param rule the rule that planned it, or null (not checked)
 * @since 0.1.0
 */
public record ExpectedFollowUp(Channel channel, @Nullable AddressKind addressKind, @Nullable Instant due,
        @Nullable String rule) {

    /**
     * Validates the expectation.
     *
     * @throws NullPointerException if the channel is null
     */
    public ExpectedFollowUp {
        Objects.requireNonNull(channel, "channel");
    }

    /**
     * Returns whether an actual follow-up matches every field given.
     *
     * @param followUp the follow-up
     * @return true when it matches
     */
    public boolean matches(FollowUp followUp) {
        return followUp.channel() == channel
                && (addressKind == null || addressKind == followUp.addressKind())
                && (due == null || due.equals(followUp.due()))
                && (rule == null || rule.equals(followUp.rule()));
    }

    /** Returns the expectation as written, only the fields given. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add(channel + (addressKind == null ? "" : " (" + addressKind + ")"));
        if (due != null) {
            parts.add("due " + due);
        }
        if (rule != null) {
            parts.add("rule: \"" + rule + "\"");
        }
        return String.join(", ", parts);
    }
}
