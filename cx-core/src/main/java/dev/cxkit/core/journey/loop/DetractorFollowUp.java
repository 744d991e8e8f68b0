package dev.cxkit.core.journey.loop;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A detractor to follow up: who, about what, and by when.
 *
 * <p>Immutable and thread-safe.
 *
 * @param responseId the response's id, or null
 * @param customerId the customer (the response's, else the journey's), or null
 * @param journeyId the journey, or null for a response read without journey events (then the
 *     customer id is known)
 * @param location the location (the response's, else the journey's), or null
 * @param touchpoint the touchpoint the response is about, or null
 * @param score the NPS rating, 0 to 6
 * @param respondedAt when the response was given: its time, else the start of its date, else the
 *     end of its journey
 * @param due when the follow-up is due: {@code respondedAt} plus the SLA
 * @since 0.1.0
 */
public record DetractorFollowUp(@Nullable String responseId, @Nullable String customerId, @Nullable String journeyId,
        @Nullable String location, @Nullable String touchpoint, int score, Instant respondedAt, Instant due) {

    /** Soonest due first, then by journey and response id. */
    static final Comparator<DetractorFollowUp> ORDER = Comparator.comparing(DetractorFollowUp::due)
            .thenComparing(DetractorFollowUp::journeyId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(DetractorFollowUp::responseId, Comparator.nullsLast(Comparator.naturalOrder()));

    /**
     * Validates the entry.
     *
     * @throws NullPointerException if both the journey id and the customer id are null, or a time is null
     * @throws IllegalArgumentException if it is due before the response
     */
    public DetractorFollowUp {
        if (journeyId == null && customerId == null) {
            throw new NullPointerException("a journey id or a customer id is needed");
        }
        Objects.requireNonNull(respondedAt, "respondedAt");
        Objects.requireNonNull(due, "due");
        if (due.isBefore(respondedAt)) {
            throw new IllegalArgumentException("due " + due + " before the response " + respondedAt);
        }
    }
}
