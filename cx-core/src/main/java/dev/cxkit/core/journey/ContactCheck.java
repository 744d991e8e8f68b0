package dev.cxkit.core.journey;

import dev.cxkit.core.service.AddressKind;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.ContactPreference;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One contact with the customer, checked against a {@link ContactRule}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param ruleId the contact rule's id
 * @param touchpoint the contact's touchpoint
 * @param location the contact event's location, else the journey's; or null
 * @param channel the channel used: the event's, else the touchpoint's
 * @param addressKind the address kind the event says it used, or null
 * @param preference the customer's preference, or null when unknown
 * @param status how it went
 * @since 0.1.0
 */
public record ContactCheck(String ruleId, String touchpoint, @Nullable String location, Channel channel,
        @Nullable AddressKind addressKind, @Nullable ContactPreference preference, Status status) {

    /** How a contact check went. */
    public enum Status {
        /** The contact used the customer's channel (and address kind, when the event names one). */
        KEPT,
        /** The contact used another channel or address kind than the customer chose. */
        BROKEN,
        /** The customer's preference is unknown, so the contact could not be checked. */
        UNCHECKED
    }

    /**
     * Validates the check.
     *
     * @throws NullPointerException if {@code ruleId}, {@code touchpoint}, {@code channel} or
     *     {@code status} is null
     * @throws IllegalArgumentException if the status contradicts whether a preference is known
     */
    public ContactCheck {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(touchpoint, "touchpoint");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(status, "status");
        if ((preference == null) != (status == Status.UNCHECKED)) {
            throw new IllegalArgumentException("status " + status + " contradicts preference " + preference);
        }
    }
}
