package dev.cxkit.core.journey.loop;

import java.util.List;
import java.util.Objects;

/**
 * The snapshot of a {@link ClosedLoopAccumulator}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rules the rules the lists were made with
 * @param followUps the detractors to follow up, soonest due first (unmodifiable)
 * @param recognitions the promoters praising staff, by staff name (unmodifiable)
 * @since 0.1.0
 */
public record ClosedLoopReport(ClosedLoopRules rules, List<DetractorFollowUp> followUps, List<StaffMention> recognitions) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a field is null
     */
    public ClosedLoopReport {
        Objects.requireNonNull(rules, "rules");
        followUps = List.copyOf(followUps);
        recognitions = List.copyOf(recognitions);
    }
}
