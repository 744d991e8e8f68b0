package dev.cxkit.core.journey;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One end of a {@link Promise}: the first event at a touchpoint, or an outcome: a failure (an event
 * whose outcome is {@link EventOutcome#FAILED}, or another broken promise or contact rule) or its
 * recovery (the failure's {@code recovered_at}).
 *
 * <p>In definition files an end is written as the touchpoint's id, or as the reserved words
 * {@code failure} and {@code recovery}; touchpoints cannot take those ids.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what the end is
 * @param touchpoint the touchpoint's id when {@code kind} is {@link Kind#TOUCHPOINT}, else null
 * @since 0.1.0
 */
public record EventRef(Kind kind, @Nullable String touchpoint) implements Serializable {

    /** What an end of a promise is. */
    public enum Kind {
        /** The first event at a touchpoint. */
        TOUCHPOINT,
        /** A service failure. */
        FAILURE,
        /** The recovery of a service failure. */
        RECOVERY
    }

    /** The failure end: written {@code failure}. */
    public static final EventRef FAILURE = new EventRef(Kind.FAILURE, null);

    /** The recovery end: written {@code recovery}. */
    public static final EventRef RECOVERY = new EventRef(Kind.RECOVERY, null);

    /**
     * Validates the end.
     *
     * @throws NullPointerException if {@code kind} is null, or a touchpoint end has no touchpoint
     * @throws IllegalArgumentException if a touchpoint end's id is blank
     *     ({@link JourneyDefinitionException}) or an outcome end has one
     */
    public EventRef {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.TOUCHPOINT) {
            Names.check("touchpoint", touchpoint);
        } else if (touchpoint != null) {
            throw new IllegalArgumentException("a " + kind + " end names no touchpoint: " + touchpoint);
        }
    }

    /**
     * The first event at a touchpoint.
     *
     * @param id the touchpoint's id
     * @return the end
     * @throws JourneyDefinitionException if the id is blank
     */
    public static EventRef touchpoint(String id) {
        return new EventRef(Kind.TOUCHPOINT, id);
    }

    /**
     * Parses an end as definition files write it: {@code failure}, {@code recovery}
     * (case-insensitively), or a touchpoint id.
     *
     * @param text the text
     * @return the end
     * @throws JourneyDefinitionException if the text is blank
     */
    public static EventRef parse(String text) {
        String t = Names.check("event", text).strip();
        switch (t.toLowerCase(Locale.ROOT)) {
            case "failure":
                return FAILURE;
            case "recovery":
                return RECOVERY;
            default:
                return touchpoint(t);
        }
    }

    /** Returns whether an id is one of the reserved words {@code failure} and {@code recovery}. */
    static boolean isReserved(String id) {
        String t = id.strip().toLowerCase(Locale.ROOT);
        return t.equals("failure") || t.equals("recovery");
    }

    /** Returns the end as definition files write it. */
    @Override
    public String toString() {
        return kind == Kind.TOUCHPOINT ? touchpoint : kind.name().toLowerCase(Locale.ROOT);
    }
}
