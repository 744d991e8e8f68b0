package dev.cxkit.core.journey.loop;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A promoter whose comment names staff members: praise to pass on.
 *
 * <p>Immutable and thread-safe.
 *
 * @param responseId the response's id, or null
 * @param customerId the customer (the response's, else the journey's), or null
 * @param journeyId the journey, or null for a response read without journey events (then the
 *     customer id is known)
 * @param location the location (the response's, else the journey's), or null
 * @param touchpoint the touchpoint the response is about, or null
 * @param score the NPS rating, 9 or 10
 * @param staff the names found, as the name list spells them, in list order (unmodifiable, not
 *     empty)
 * @param comment the comment
 * @since 0.1.0
 */
public record StaffMention(@Nullable String responseId, @Nullable String customerId, @Nullable String journeyId,
        @Nullable String location, @Nullable String touchpoint, int score, List<String> staff, String comment) {

    /** By first staff name, then journey and response id. */
    static final Comparator<StaffMention> ORDER = Comparator.comparing((StaffMention r) -> r.staff().get(0))
            .thenComparing(StaffMention::journeyId, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(StaffMention::responseId, Comparator.nullsLast(Comparator.naturalOrder()));

    /**
     * Validates the entry.
     *
     * @throws NullPointerException if the journey id, staff or comment is null
     * @throws IllegalArgumentException if no staff member is named
     */
    public StaffMention {
        if (journeyId == null && customerId == null) {
            throw new NullPointerException("a journey id or a customer id is needed");
        }
        Objects.requireNonNull(comment, "comment");
        staff = List.copyOf(staff);
        if (staff.isEmpty()) {
            throw new IllegalArgumentException("a recognition names at least one staff member");
        }
    }
}
