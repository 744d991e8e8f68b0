package dev.cxkit.core.journey;

import dev.cxkit.core.service.Channel;
import java.io.Serializable;
import java.util.Objects;

/**
 * One place where the customer meets the business, as a journey definition names it: the order
 * counter, the kitchen's output, the delivery notice, the bill.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the id events name it by, for example {@code served}; not blank, and not one of the
 *     reserved names {@code failure} and {@code recovery} (see {@link EventRef})
 * @param name a name for people, for example {@code Meal served}; the id when none is given
 * @param channel how the customer meets the business there
 * @param stage the id of the journey stage it belongs to
 * @param expected whether every journey should pass it: expected touchpoints decide when a stage is
 *     completed and which steps have durations; an optional one (a complaint call) does not
 * @since 0.1.0
 */
public record Touchpoint(String id, String name, Channel channel, String stage, boolean expected) implements Serializable {

    /**
     * Validates the touchpoint.
     *
     * @throws NullPointerException if {@code id}, {@code channel} or {@code stage} is null
     * @throws JourneyDefinitionException (an {@link IllegalArgumentException}) if {@code id} or
     *     {@code stage} is blank, or {@code id} is reserved
     */
    public Touchpoint {
        Names.check("touchpoint id", id);
        Objects.requireNonNull(channel, "channel");
        Names.check("stage", stage);
        if (EventRef.isReserved(id)) {
            throw JourneyDefinitionException.at("id", "touchpoint id '" + id
                    + "' is reserved: promises use it for an outcome; choose another id");
        }
        name = name == null || name.isBlank() ? id : name.strip();
    }

    /**
     * An expected touchpoint whose name is its id.
     *
     * @param id the id
     * @param channel the channel
     * @param stage the stage's id
     * @return the touchpoint
     * @throws JourneyDefinitionException if an id is blank or reserved
     */
    public static Touchpoint of(String id, Channel channel, String stage) {
        return new Touchpoint(id, id, channel, stage, true);
    }

    /**
     * Returns this touchpoint as an optional one (not expected in every journey).
     *
     * @return a copy with {@code expected} false
     */
    public Touchpoint optional() {
        return new Touchpoint(id, name, channel, stage, false);
    }
}
