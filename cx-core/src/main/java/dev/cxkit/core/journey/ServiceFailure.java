package dev.cxkit.core.journey;

import dev.cxkit.core.service.SatisfactionFactor;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One service failure in a journey, tagged with the satisfaction factor it broke: an event whose
 * outcome was FAILED, a broken promise, or a contact that broke a contact rule.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source where the failure was found
 * @param type what went wrong: the event's {@code failure_type} ({@code unspecified} when it gives
 *     none), the promise's id or the contact rule's id
 * @param touchpoint the touchpoint at which it happened: the failed event's, the one that broke the
 *     promise (the late or missing {@code to} of a deadline, the late or missing {@code from} of a
 *     notice), or the contact's
 * @param location the location of that event, else the journey's; or null
 * @param factor the satisfaction factor it broke
 * @param occurredAt when it happened: the failed event's time, the moment the promise was broken
 *     (for a deadline {@code from + limit}, for a notice {@code to − limit}), or the contact's time
 * @param recoveredAt when it was put right: the {@code recovered_at} of the event at which it
 *     happened, or null
 * @param recovery whether it was recovered in time
 * @since 0.1.0
 */
public record ServiceFailure(Source source, String type, String touchpoint, @Nullable String location,
        SatisfactionFactor factor, Instant occurredAt, @Nullable Instant recoveredAt, Recovery recovery) {

    /** The failure type of a failed event that gives none. */
    public static final String UNSPECIFIED = "unspecified";

    /** Where a failure was found. */
    public enum Source {
        /** An event whose outcome was FAILED. */
        EVENT,
        /** A broken promise. */
        PROMISE,
        /** A contact on a channel or address the customer did not choose. */
        CONTACT_RULE
    }

    /** Whether a failure was put right. */
    public enum Recovery {
        /**
         * Recovered: {@code recovered_at} is present and, when the definition has a recovery
         * promise, within its limit.
         */
        RECOVERED,
        /** Recovered, but later than the recovery promise allows. */
        RECOVERED_LATE,
        /** Not recovered: no {@code recovered_at}. */
        NOT_RECOVERED
    }

    /**
     * Validates the failure.
     *
     * @throws NullPointerException if a field other than {@code location} and {@code recoveredAt}
     *     is null
     * @throws IllegalArgumentException if the recovery contradicts {@code recoveredAt}
     */
    public ServiceFailure {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(touchpoint, "touchpoint");
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recovery, "recovery");
        if ((recoveredAt == null) != (recovery == Recovery.NOT_RECOVERED)) {
            throw new IllegalArgumentException("recovery " + recovery + " contradicts recoveredAt " + recoveredAt);
        }
    }

    /** Returns whether the failure was recovered in time ({@link Recovery#RECOVERED}). */
    public boolean recovered() {
        return recovery == Recovery.RECOVERED;
    }
}
