package dev.cxkit.core.journey;

import dev.cxkit.core.service.AddressKind;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.SatisfactionFactor;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing that happened in one customer's journey, at one touchpoint: the order was taken, the
 * meal served, the delivery notice sent. Build one with {@link #builder}; read many with
 * {@link dev.cxkit.core.io.JourneyEventReader}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param eventId the event's id; the same id read twice in one journey is one event
 * @param journeyId the id of the journey (the visit, order or case) it belongs to
 * @param customerId the customer's id, or null
 * @param touchpoint the touchpoint's id, as the definition names it (an id the definition does not
 *     know is kept and reported as unknown)
 * @param occurredAt when it happened
 * @param stage the stage the source system gives, or null; the definition's stage of the
 *     touchpoint wins, this one is used only for touchpoints the definition does not know
 * @param channel the channel used, or null for the touchpoint's channel
 * @param addressKind for a contact, which of the customer's addresses was used, or null
 * @param location the location (restaurant, depot, branch), or null
 * @param outcome how it went
 * @param failureType for a failure, what went wrong ({@code wrong_item}, {@code cold_food}), or null
 * @param factor for a failure, the satisfaction factor it broke; required when the outcome is
 *     {@link EventOutcome#FAILED}
 * @param recoveredAt when the failure at this event was put right, or null
 * @param attributes any other fields, by name (unmodifiable, never null)
 * @since 0.1.0
 */
public record JourneyEvent(String eventId, String journeyId, @Nullable String customerId, String touchpoint,
        Instant occurredAt, @Nullable String stage, @Nullable Channel channel, @Nullable AddressKind addressKind,
        @Nullable String location, EventOutcome outcome, @Nullable String failureType,
        @Nullable SatisfactionFactor factor, @Nullable Instant recoveredAt, Map<String, String> attributes) {

    /**
     * Validates the event.
     *
     * @throws NullPointerException if {@code eventId}, {@code journeyId}, {@code touchpoint},
     *     {@code occurredAt} or {@code outcome} is null
     * @throws IllegalArgumentException if an id is blank, a failed event has no factor, or it was
     *     recovered before it happened
     */
    public JourneyEvent {
        requireText("eventId", eventId);
        requireText("journeyId", journeyId);
        requireText("touchpoint", touchpoint);
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == EventOutcome.FAILED && factor == null) {
            throw new IllegalArgumentException("event " + eventId + " failed but names no factor (PRODUCT, PEOPLE, "
                    + "TIMELINESS or RESOLUTION)");
        }
        if (recoveredAt != null && recoveredAt.isBefore(occurredAt)) {
            throw new IllegalArgumentException("event " + eventId + " was recovered at " + recoveredAt
                    + ", before it happened at " + occurredAt);
        }
        attributes = attributes == null || attributes.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    private static void requireText(String name, String value) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /**
     * Starts an event with its required fields; the outcome is {@link EventOutcome#OK} until set.
     *
     * @param eventId the event's id
     * @param journeyId the journey's id
     * @param touchpoint the touchpoint's id
     * @param occurredAt when it happened
     * @return a builder
     */
    public static Builder builder(String eventId, String journeyId, String touchpoint, Instant occurredAt) {
        return new Builder(eventId, journeyId, touchpoint, occurredAt);
    }

    /** Returns whether the outcome is {@link EventOutcome#FAILED}. */
    public boolean failed() {
        return outcome == EventOutcome.FAILED;
    }

    /**
     * Builds a {@link JourneyEvent}; {@link #build()} validates. Not thread-safe.
     */
    public static final class Builder {
        private final String eventId;
        private final String journeyId;
        private final String touchpoint;
        private final Instant occurredAt;
        private String customerId;
        private String stage;
        private Channel channel;
        private AddressKind addressKind;
        private String location;
        private EventOutcome outcome = EventOutcome.OK;
        private String failureType;
        private SatisfactionFactor factor;
        private Instant recoveredAt;
        private Map<String, String> attributes;

        private Builder(String eventId, String journeyId, String touchpoint, Instant occurredAt) {
            this.eventId = eventId;
            this.journeyId = journeyId;
            this.touchpoint = touchpoint;
            this.occurredAt = occurredAt;
        }

        /**
         * Sets the customer.
         *
         * @param value the customer's id, or null
         * @return this builder
         */
        public Builder customer(@Nullable String value) {
            this.customerId = value;
            return this;
        }

        /**
         * Sets the stage the source system gives.
         *
         * @param value the stage, or null
         * @return this builder
         */
        public Builder stage(@Nullable String value) {
            this.stage = value;
            return this;
        }

        /**
         * Sets the channel used.
         *
         * @param value the channel, or null for the touchpoint's
         * @return this builder
         */
        public Builder channel(@Nullable Channel value) {
            this.channel = value;
            return this;
        }

        /**
         * Sets the address kind a contact used.
         *
         * @param value the address kind, or null
         * @return this builder
         */
        public Builder addressKind(@Nullable AddressKind value) {
            this.addressKind = value;
            return this;
        }

        /**
         * Sets the location.
         *
         * @param value the location, or null
         * @return this builder
         */
        public Builder location(@Nullable String value) {
            this.location = value;
            return this;
        }

        /**
         * Marks the event as a failure.
         *
         * @param type what went wrong, or null
         * @param brokenFactor the factor it broke
         * @return this builder
         */
        public Builder failed(@Nullable String type, SatisfactionFactor brokenFactor) {
            this.outcome = EventOutcome.FAILED;
            this.failureType = type;
            this.factor = brokenFactor;
            return this;
        }

        /**
         * Sets the outcome, failure type and factor one by one (as a reader does).
         *
         * @param value the outcome
         * @param type the failure type, or null
         * @param brokenFactor the factor, or null
         * @return this builder
         */
        public Builder outcome(EventOutcome value, @Nullable String type, @Nullable SatisfactionFactor brokenFactor) {
            this.outcome = value;
            this.failureType = type;
            this.factor = brokenFactor;
            return this;
        }

        /**
         * Sets when the failure at this event was put right.
         *
         * @param value the time, or null
         * @return this builder
         */
        public Builder recoveredAt(@Nullable Instant value) {
            this.recoveredAt = value;
            return this;
        }

        /**
         * Sets the other fields.
         *
         * @param value the attributes, or null
         * @return this builder
         */
        public Builder attributes(@Nullable Map<String, String> value) {
            this.attributes = value;
            return this;
        }

        /**
         * Builds the event.
         *
         * @return the event
         * @throws NullPointerException if a required field is null
         * @throws IllegalArgumentException as the record's constructor
         */
        public JourneyEvent build() {
            return new JourneyEvent(eventId, journeyId, customerId, touchpoint, occurredAt, stage, channel, addressKind,
                    location, outcome, failureType, factor, recoveredAt, attributes);
        }
    }
}
