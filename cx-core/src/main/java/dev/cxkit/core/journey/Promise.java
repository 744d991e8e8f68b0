package dev.cxkit.core.journey;

import dev.cxkit.core.io.Durations;
import dev.cxkit.core.service.SatisfactionFactor;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * A promise between two events of a journey, such as "served at most 20 minutes after the order"
 * or "the delivery notice at least 30 minutes before arrival", and the satisfaction factor a
 * breach breaks.
 *
 * <h2>How a promise is checked</h2>
 * The time measured is {@code to − from}, between the first events at the two touchpoints.
 * <ul>
 *   <li>{@link Direction#AT_MOST} (a deadline: "served ≤ 20 min after order"): kept when the
 *       measured time is at most the limit. When {@code from} happened and {@code to} never did,
 *       the promise is broken (the meal that never came); when {@code from} never happened it
 *       does not apply.
 *   <li>{@link Direction#AT_LEAST} (a notice: "notify ≥ 30 min before arrival", written from
 *       {@code notify} to {@code arrival}): kept when the measured time is at least the limit, so a
 *       notice after arrival (a negative time) breaks it. When {@code to} happened and {@code from}
 *       never did, it is broken (no notice at all); when {@code to} never happened it does not
 *       apply.
 *   <li>A <em>recovery promise</em>, from {@link EventRef#FAILURE} to {@link EventRef#RECOVERY},
 *       {@code AT_MOST} only ("recovered ≤ 30 min after the failure"), is checked once per service
 *       failure: kept when the failure's {@code recovered_at} is at most the limit after the
 *       failure; broken when it is later or absent. It decides whether a failure counts as
 *       recovered, and is not itself a further failure.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the promise's id, for example {@code served-in-20}
 * @param from the event the time runs from
 * @param to the event the time runs to
 * @param direction whether the time is a maximum or a minimum
 * @param limit the limit, zero or positive
 * @param factor the satisfaction factor a breach breaks
 * @since 0.1.0
 */
public record Promise(String id, EventRef from, EventRef to, Direction direction, Duration limit,
        SatisfactionFactor factor) implements Serializable {

    /** Whether a promise's limit is a maximum or a minimum. */
    public enum Direction {
        /** The time from {@code from} to {@code to} must be at most the limit: a deadline. */
        AT_MOST("≤"),
        /** The time from {@code from} to {@code to} must be at least the limit: a notice period. */
        AT_LEAST("≥");

        private final String symbol;

        Direction(String symbol) {
            this.symbol = symbol;
        }

        /** Returns {@code ≤} or {@code ≥}. */
        public String symbol() {
            return symbol;
        }
    }

    /**
     * Validates the promise.
     *
     * @throws NullPointerException if a field is null
     * @throws JourneyDefinitionException if the id is blank, the limit is negative, both ends are
     *     the same touchpoint, or the ends mix a touchpoint with an outcome or are not
     *     {@code failure → recovery} (which must be {@code AT_MOST})
     */
    public Promise {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(factor, "factor");
        if (id == null || id.isBlank()) {
            throw JourneyDefinitionException.at("id", "a promise needs an id");
        }
        String what = "promise '" + id + "': ";
        if (limit.isNegative()) {
            throw JourneyDefinitionException.at("limit", what + "the limit " + Durations.format(limit)
                    + " is negative; a limit is zero or more (use the direction for 'before')");
        }
        boolean fromTouchpoint = from.kind() == EventRef.Kind.TOUCHPOINT;
        boolean toTouchpoint = to.kind() == EventRef.Kind.TOUCHPOINT;
        if (fromTouchpoint != toTouchpoint) {
            throw JourneyDefinitionException.at(fromTouchpoint ? "to" : "from", what + "'" + from + "' to '" + to
                    + "' mixes a touchpoint with an outcome; a promise runs between two touchpoints or from failure to"
                    + " recovery");
        }
        if (fromTouchpoint && from.equals(to)) {
            throw JourneyDefinitionException.at("to", what + "from and to are the same touchpoint '" + from + "'");
        }
        if (!fromTouchpoint) {
            if (!from.equals(EventRef.FAILURE) || !to.equals(EventRef.RECOVERY)) {
                throw JourneyDefinitionException.at("from", what + "'" + from + "' to '" + to
                        + "': an outcome promise runs from failure to recovery");
            }
            if (direction != Direction.AT_MOST) {
                throw JourneyDefinitionException.at("direction", what + "a recovery promise is a deadline (at_most)");
            }
        }
    }

    /**
     * A deadline: {@code to} at most {@code limit} after {@code from}.
     *
     * @param id the id
     * @param from the touchpoint the time runs from
     * @param to the touchpoint that must follow in time
     * @param limit the limit
     * @param factor the factor a breach breaks
     * @return the promise
     * @throws JourneyDefinitionException as the constructor
     */
    public static Promise atMost(String id, String from, String to, Duration limit, SatisfactionFactor factor) {
        return new Promise(id, EventRef.parse(from), EventRef.parse(to), Direction.AT_MOST, limit, factor);
    }

    /**
     * A notice period: {@code from} at least {@code limit} before {@code to}.
     *
     * @param id the id
     * @param from the touchpoint that must come early enough (the notice)
     * @param to the touchpoint it announces (the arrival)
     * @param limit the limit
     * @param factor the factor a breach breaks
     * @return the promise
     * @throws JourneyDefinitionException as the constructor
     */
    public static Promise atLeast(String id, String from, String to, Duration limit, SatisfactionFactor factor) {
        return new Promise(id, EventRef.parse(from), EventRef.parse(to), Direction.AT_LEAST, limit, factor);
    }

    /**
     * A recovery promise: every failure recovered at most {@code limit} after it.
     *
     * @param id the id
     * @param limit the limit
     * @param factor the factor a breach breaks, usually {@link SatisfactionFactor#RESOLUTION}
     * @return the promise
     * @throws JourneyDefinitionException as the constructor
     */
    public static Promise recovery(String id, Duration limit, SatisfactionFactor factor) {
        return new Promise(id, EventRef.FAILURE, EventRef.RECOVERY, Direction.AT_MOST, limit, factor);
    }

    /** Returns whether this is the recovery promise, from failure to recovery. */
    public boolean isRecovery() {
        return from.kind() == EventRef.Kind.FAILURE;
    }

    /**
     * Returns whether a measured time keeps the promise. A negative time (the later event recorded
     * before the earlier one: clocks out of step, or events swapped) keeps no promise: it is counted
     * as broken, so a data error cannot pass as "served in no time".
     *
     * @param measured the time from {@code from} to {@code to} (negative when {@code to} came first)
     * @return true when it is not negative and within the limit in this promise's direction
     */
    public boolean isKept(Duration measured) {
        if (measured.isNegative()) {
            return false;
        }
        int c = measured.compareTo(limit);
        return direction == Direction.AT_MOST ? c <= 0 : c >= 0;
    }

    /**
     * Returns the promise in words: {@code served ≤ 20m after order}.
     *
     * @return the description
     */
    public String describe() {
        return to + " " + direction.symbol() + " " + Durations.format(limit) + " after " + from;
    }
}
