package dev.cxkit.rules.fact;

import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.SatisfactionFactor;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A service failure: what went wrong, where, when, how badly, and what it touched. This is the
 * main fact a recovery policy reasons about.
 *
 * <p>Build one with {@link #builder(String, IncidentType)}, or for a disrupted flight with
 * {@link #builder(String, FlightDisruption)}. Immutable and thread-safe.
 *
 * @param id the incident's id (one comp per id)
 * @param journeyId the customer journey it happened in, or null
 * @param customerId the customer, or null
 * @param location the location, or null
 * @param touchpoint the touchpoint, or null
 * @param channel where the customer met the business when it happened
 * @param type what went wrong
 * @param factor the satisfaction factor it broke (defaults to the type's usual factor)
 * @param severity how bad it is
 * @param occurredAt when it happened, or null
 * @param detectedAt when the business learned of it (deadlines count from here)
 * @param minutesWaited how long the customer waited, in minutes (0 when not a wait)
 * @param minutesPromised how long the customer was promised to wait, in minutes (0 when none)
 * @param orderValue the value of the order, or null when there is none
 * @param items the order items the failure touched
 * @param extraordinaryCircumstances whether it was caused by circumstances outside the business's
 *     control (weather, strikes, security)
 * @param attributes anything else, by name
 * @param flight the disrupted flight, for a flight incident (its type is then the disruption's
 *     {@linkplain Disruption#incidentType() incident type}); null for any other incident. A flight
 *     whose {@linkplain FlightDisruption#cause() cause} is given decides
 *     {@code extraordinaryCircumstances}: true exactly when the cause is
 *     {@link CauseCategory#OUTSIDE_CONTROL}
 * @param claimedAt when the customer claimed (a passenger may claim months after the flight), or
 *     null when the claim is the detection
 * @since 0.1.0
 */
public record Incident(String id, @Nullable String journeyId, @Nullable String customerId, @Nullable String location,
        @Nullable String touchpoint, Channel channel, IncidentType type, SatisfactionFactor factor, Severity severity,
        @Nullable Instant occurredAt, Instant detectedAt, int minutesWaited, int minutesPromised,
        @Nullable Money orderValue, List<AffectedItem> items, boolean extraordinaryCircumstances,
        Map<String, String> attributes, @Nullable FlightDisruption flight, @Nullable Instant claimedAt) implements Serializable {

    /**
     * Validates the incident.
     *
     * @throws NullPointerException if the id, channel, type, severity or detection time is null
     * @throws IllegalArgumentException if the id is blank, a wait is negative, the order value is
     *     negative, detection or the claim is before occurrence, the type is not the flight's
     *     disruption's, or extraordinary circumstances contradict the flight's cause
     */
    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(detectedAt, "detectedAt");
        if (id.isBlank()) {
            throw new IllegalArgumentException("an incident needs an id");
        }
        if (minutesWaited < 0 || minutesPromised < 0) {
            throw new IllegalArgumentException("incident " + id + ": minutes waited and promised must not be negative");
        }
        if (orderValue != null && orderValue.isNegative()) {
            throw new IllegalArgumentException("incident " + id + ": order value is negative: " + orderValue);
        }
        if (occurredAt != null && detectedAt.isBefore(occurredAt)) {
            throw new IllegalArgumentException("incident " + id + ": detected before it occurred");
        }
        if (flight != null && type != flight.disruption().incidentType()) {
            throw new IllegalArgumentException("incident " + id + ": type " + type + " does not match the flight's "
                    + flight.disruption() + " (a " + flight.disruption().incidentType() + ")");
        }
        if (claimedAt != null && occurredAt != null && claimedAt.isBefore(occurredAt)) {
            throw new IllegalArgumentException("incident " + id + ": claimed before it occurred");
        }
        if (flight != null && flight.cause() != null) {
            boolean outside = flight.cause() == CauseCategory.OUTSIDE_CONTROL;
            if (extraordinaryCircumstances && !outside) {
                throw new IllegalArgumentException("incident " + id + ": extraordinary circumstances contradict the "
                        + "flight's cause " + flight.cause() + " (extraordinary circumstances are OUTSIDE_CONTROL)");
            }
            extraordinaryCircumstances = outside;
        }
        factor = factor == null ? type.usualFactor() : factor;
        items = List.copyOf(items == null ? List.of() : items);
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /**
     * Returns how long after its detection the incident was claimed, in whole minutes: 0 when the
     * claim is the detection (no {@code claimedAt}) or came first.
     *
     * @return the minutes from detection to claim
     */
    public long claimDelayMinutes() {
        return claimedAt == null || claimedAt.isBefore(detectedAt) ? 0
                : java.time.Duration.between(detectedAt, claimedAt).toMinutes();
    }

    /**
     * Describes the incident in one line for people, without its id:
     * {@code WRONG_ITEM, MODERATE, IN_PERSON at Leeds (served), customer C0012}, and a flight in its
     * own words: {@code DELAY of flight AC 123 (YUL to YYZ), 1200 km, OUTSIDE_CONTROL, MODERATE, IN_PERSON}.
     *
     * @return the description
     */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        if (flight != null) {
            // a flight in its own words: what happened to it, then which flight
            sb.append(flight.disruption()).append(" of flight");
            if (flight.flightNumber() != null) {
                sb.append(' ').append(flight.flightNumber());
            }
            if (flight.origin() != null && flight.destination() != null) {
                sb.append(" (").append(flight.origin()).append(" to ").append(flight.destination()).append(')');
            }
            if (flight.distanceKm() != null) {
                sb.append(", ").append(flight.distanceKm()).append(" km")
                        .append(Boolean.TRUE.equals(flight.intraEu()) ? " intra-EU" : "");
            }
            if (flight.cause() != null) {
                sb.append(", ").append(flight.cause());
            }
            sb.append(", ").append(severity).append(", ").append(channel);
        } else {
            sb.append(type).append(", ").append(severity).append(", ").append(channel);
        }
        if (location != null) {
            sb.append(" at ").append(location);
        }
        if (touchpoint != null) {
            sb.append(" (").append(touchpoint).append(")");
        }
        if (customerId != null) {
            sb.append(", customer ").append(customerId);
        }
        return sb.toString();
    }

    /**
     * Starts a builder with the required fields; the rest default to none, the channel to
     * {@link Channel#IN_PERSON} and the severity to {@link Severity#MODERATE}.
     *
     * @param id the incident id
     * @param type what went wrong
     * @return a builder
     */
    public static Builder builder(String id, IncidentType type) {
        return new Builder(id, type);
    }

    /**
     * Starts a builder for a flight incident: its type is the disruption's
     * {@linkplain Disruption#incidentType() incident type}; the rest defaults as in
     * {@link #builder(String, IncidentType)}.
     *
     * @param id the incident id
     * @param flight the disrupted flight
     * @return a builder
     * @throws NullPointerException if the flight is null
     */
    public static Builder builder(String id, FlightDisruption flight) {
        return new Builder(id, flight.disruption().incidentType()).flight(flight);
    }

    /** Returns whether the customer was face to face with staff. */
    public boolean isInPerson() {
        return channel.isInPerson();
    }

    /** Returns how many minutes the wait ran over the promise (0 when within it or no promise). */
    public int overrunMinutes() {
        return minutesPromised == 0 ? 0 : Math.max(0, minutesWaited - minutesPromised);
    }

    /** Returns the items the customer never received. */
    public List<AffectedItem> undeliveredItems() {
        List<AffectedItem> out = new ArrayList<>();
        for (AffectedItem item : items) {
            if (!item.delivered()) {
                out.add(item);
            }
        }
        return out;
    }

    /** Builds an {@link Incident}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final IncidentType type;
        private String journeyId;
        private String customerId;
        private String location;
        private String touchpoint;
        private Channel channel = Channel.IN_PERSON;
        private SatisfactionFactor factor;
        private Severity severity = Severity.MODERATE;
        private Instant occurredAt;
        private Instant claimedAt;
        private Instant detectedAt;
        private int minutesWaited;
        private int minutesPromised;
        private Money orderValue;
        private final List<AffectedItem> items = new ArrayList<>();
        private boolean extraordinaryCircumstances;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private FlightDisruption flight;

        private Builder(String id, IncidentType type) {
            this.id = id;
            this.type = type;
        }

        /** @param value the journey id @return this builder */
        public Builder journeyId(@Nullable String value) {
            journeyId = value;
            return this;
        }

        /** @param value the customer id @return this builder */
        public Builder customerId(@Nullable String value) {
            customerId = value;
            return this;
        }

        /** @param value the location @return this builder */
        public Builder location(@Nullable String value) {
            location = value;
            return this;
        }

        /** @param value the touchpoint @return this builder */
        public Builder touchpoint(@Nullable String value) {
            touchpoint = value;
            return this;
        }

        /** @param value the channel @return this builder */
        public Builder channel(Channel value) {
            channel = value;
            return this;
        }

        /** @param value the satisfaction factor @return this builder */
        public Builder factor(@Nullable SatisfactionFactor value) {
            factor = value;
            return this;
        }

        /** @param value the severity @return this builder */
        public Builder severity(Severity value) {
            severity = value;
            return this;
        }

        /** @param value when it happened @return this builder */
        public Builder occurredAt(@Nullable Instant value) {
            occurredAt = value;
            return this;
        }

        /** @param value when it was detected @return this builder */
        public Builder detectedAt(Instant value) {
            detectedAt = value;
            return this;
        }

        /**
         * Sets a wait against its promise.
         *
         * @param waited minutes waited
         * @param promised minutes promised
         * @return this builder
         */
        public Builder wait(int waited, int promised) {
            minutesWaited = waited;
            minutesPromised = promised;
            return this;
        }

        /** @param value the order value @return this builder */
        public Builder orderValue(@Nullable Money value) {
            orderValue = value;
            return this;
        }

        /** @param value an affected item @return this builder */
        public Builder item(AffectedItem value) {
            items.add(value);
            return this;
        }

        /** @param value whether circumstances were extraordinary @return this builder */
        public Builder extraordinaryCircumstances(boolean value) {
            extraordinaryCircumstances = value;
            return this;
        }

        /**
         * Sets an attribute.
         *
         * @param name the name
         * @param value the value
         * @return this builder
         */
        public Builder attribute(String name, String value) {
            attributes.put(name, value);
            return this;
        }

        /** @param value the disrupted flight, or null for an incident that is not a flight @return this builder */
        public Builder flight(@Nullable FlightDisruption value) {
            flight = value;
            return this;
        }

        /** @param value when the customer claimed, or null when the claim is the detection @return this builder */
        public Builder claimedAt(@Nullable Instant value) {
            claimedAt = value;
            return this;
        }

        /**
         * Builds the incident; the detection time defaults to the occurrence time.
         *
         * @return the incident
         * @throws IllegalArgumentException or NullPointerException if a field is invalid
         */
        public Incident build() {
            Instant detected = detectedAt != null ? detectedAt : occurredAt;
            return new Incident(id, journeyId, customerId, location, touchpoint, channel, type, factor, severity,
                    occurredAt, detected, minutesWaited, minutesPromised, orderValue, items,
                    extraordinaryCircumstances, attributes, flight, claimedAt);
        }
    }
}
