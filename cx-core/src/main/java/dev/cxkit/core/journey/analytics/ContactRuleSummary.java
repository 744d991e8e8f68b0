package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.journey.ContactRule;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.stats.Interval;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How one contact rule fared over the journeys of a group.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rule the rule
 * @param kept the contacts on the customer's chosen channel and address
 * @param broken the contacts on another channel or address
 * @param unchecked the contacts with customers whose preference is unknown
 * @param byTouchpoint breaches by touchpoint, worst first (unmodifiable)
 * @param brokenByChannel the breaches by the channel that was used instead (unmodifiable)
 * @since 0.1.0
 */
public record ContactRuleSummary(ContactRule rule, long kept, long broken, long unchecked, List<Offender> byTouchpoint,
        Map<Channel, Long> brokenByChannel) {

    /**
     * Validates the summary.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if a count is negative
     */
    public ContactRuleSummary {
        Objects.requireNonNull(rule, "rule");
        if (kept < 0 || broken < 0 || unchecked < 0) {
            throw new IllegalArgumentException("contact rule " + rule.id() + ": counts must not be negative");
        }
        byTouchpoint = List.copyOf(byTouchpoint);
        brokenByChannel = brokenByChannel.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(brokenByChannel));
    }

    /** Returns the contacts that were checked: kept and broken. */
    public long checked() {
        return kept + broken;
    }

    /** Returns broken / checked, or empty when no contact was checked. */
    public OptionalDouble breachRate() {
        return BreachRate.rate(broken, checked());
    }

    /**
     * Returns the Wilson interval of the breach rate.
     *
     * @param confidence the confidence level, strictly between 0 and 1
     * @return the interval in shares, or empty when no contact was checked
     * @throws IllegalArgumentException if the confidence is not strictly between 0 and 1
     */
    public Optional<Interval> breachInterval(double confidence) {
        return BreachRate.interval(broken, checked(), confidence);
    }
}
