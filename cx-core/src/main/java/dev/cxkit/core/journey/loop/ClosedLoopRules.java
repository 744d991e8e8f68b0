package dev.cxkit.core.journey.loop;

import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * How the closed loop is run: how soon a detractor must be followed up, and which staff names a
 * promoter's comment may praise. See {@link ClosedLoopAccumulator}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param followUpWithin the follow-up SLA: a detractor's follow-up is due this long after the
 *     response; positive
 * @param staff the staff names to look for in promoters' comments (unmodifiable, no blank name)
 * @param zone the time zone of a response that has only a date (its day starts at midnight there)
 * @since 0.1.0
 */
public record ClosedLoopRules(Duration followUpWithin, List<String> staff, ZoneId zone) implements Serializable {

    /** The default follow-up SLA: 48 hours. */
    public static final Duration DEFAULT_FOLLOW_UP = Duration.ofHours(48);

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a field or a name is null
     * @throws IllegalArgumentException if the SLA is not positive or a name is blank
     */
    public ClosedLoopRules {
        Objects.requireNonNull(followUpWithin, "followUpWithin");
        Objects.requireNonNull(zone, "zone");
        if (followUpWithin.isNegative() || followUpWithin.isZero()) {
            throw new IllegalArgumentException("the follow-up SLA must be positive: " + followUpWithin);
        }
        staff = List.copyOf(staff);
        for (String name : staff) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("a staff name is blank");
            }
        }
    }

    /** Returns a 48-hour SLA, no staff names, UTC. */
    public static ClosedLoopRules defaults() {
        return new ClosedLoopRules(DEFAULT_FOLLOW_UP, List.of(), ZoneId.of("UTC"));
    }

    /**
     * Returns these rules with another SLA.
     *
     * @param sla the follow-up SLA, positive
     * @return the rules
     * @throws IllegalArgumentException if the SLA is not positive
     */
    public ClosedLoopRules withFollowUpWithin(Duration sla) {
        return new ClosedLoopRules(sla, staff, zone);
    }

    /**
     * Returns these rules with other staff names.
     *
     * @param names the names
     * @return the rules
     * @throws IllegalArgumentException if a name is blank
     */
    public ClosedLoopRules withStaff(List<String> names) {
        return new ClosedLoopRules(followUpWithin, names, zone);
    }
}
