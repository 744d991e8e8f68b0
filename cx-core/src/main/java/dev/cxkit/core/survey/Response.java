package dev.cxkit.core.survey;

import dev.cxkit.core.internal.DayLabels;
import dev.cxkit.core.internal.SmallMap;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.Weights;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One survey answer: a rating of one metric, with where and when it was given.
 *
 * <p>Only {@code metric} and {@code score} are required; build others with {@link #builder}.
 * The submission time is either an instant or, when only a date is known, a local date.
 *
 * <p>Immutable and thread-safe.
 *
 * @param metric the metric the rating belongs to
 * @param score the rating, on the metric's scale
 * @param weight the survey weight, positive and finite (1 when unweighted)
 * @param responseId the response's id, or null
 * @param customerId the customer's id, or null
 * @param journeyId the id of the journey the response is about, or null
 * @param touchpoint the touchpoint, or null
 * @param location the location, or null
 * @param channel the channel, or null
 * @param submittedAt when the response was submitted, or null
 * @param submittedOn the local date of submission when only a date is known, or null
 * @param attributes any other fields, by name (unmodifiable, never null)
 * @since 0.1.0
 */
public record Response(Metric metric, int score, double weight, @Nullable String responseId,
        @Nullable String customerId, @Nullable String journeyId, @Nullable String touchpoint,
        @Nullable String location, @Nullable String channel, @Nullable Instant submittedAt,
        @Nullable LocalDate submittedOn, Map<String, String> attributes) {

    /**
     * Validates the response.
     *
     * @throws NullPointerException if {@code metric} is null
     * @throws IllegalArgumentException if the score is off the metric's scale, the weight is not
     *     positive and finite, or both submission fields are set
     */
    public Response {
        Objects.requireNonNull(metric, "metric");
        if (!metric.isValidRating(score)) {
            throw new IllegalArgumentException("score " + score + " is outside " + metric.min() + ".." + metric.max()
                    + " for metric " + metric.id());
        }
        Weights.check(weight);
        if (submittedAt != null && submittedOn != null) {
            throw new IllegalArgumentException("set submittedAt or submittedOn, not both");
        }
        // a small array map: a response waiting for its journey keeps two objects for its attributes
        attributes = attributes == null ? Map.of() : SmallMap.copyOf(attributes);
    }

    /**
     * A response with only a metric and a rating.
     *
     * @param metric the metric
     * @param score the rating
     * @return the response
     */
    public static Response of(Metric metric, int score) {
        return new Response(metric, score, 1, null, null, null, null, null, null, null, null, Map.of());
    }

    /**
     * Starts a builder.
     *
     * @param metric the metric
     * @param score the rating
     * @return a builder
     */
    public static Builder builder(Metric metric, int score) {
        return new Builder(metric, score);
    }

    /**
     * Returns the local date of submission in {@code zone}, or null when unknown. A date-only
     * submission is the same date in every zone.
     *
     * @param zone the time zone that decides which day an instant falls on
     * @return the date, or null
     */
    public @Nullable LocalDate localDate(ZoneId zone) {
        if (submittedOn != null) {
            return submittedOn;
        }
        if (submittedAt == null) {
            return null;
        }
        // on the path of every response of a report: no zone rules for a fixed offset
        return LocalDate.ofEpochDay(DayLabels.day(submittedAt, zone));
    }

    /**
     * Returns a field by its snake_case name ({@code touchpoint}, {@code location},
     * {@code channel}, {@code customer_id}, {@code journey_id}, {@code response_id},
     * {@code metric}) or else an attribute; null when absent.
     *
     * @param name the field or attribute name
     * @return the value, or null
     */
    public @Nullable String field(String name) {
        return accessor(name).apply(this);
    }

    /**
     * Returns a function that reads the named field or attribute, as {@link #field(String)} does,
     * resolved once so that hot loops do not look the name up per response.
     *
     * @param name the field or attribute name
     * @return the accessor; it returns null where the response has no such value
     * @since 0.1.0
     */
    public static Function<Response, @Nullable String> accessor(String name) {
        switch (name) {
            case "touchpoint":
                return Response::touchpoint;
            case "location":
                return Response::location;
            case "channel":
                return Response::channel;
            case "customer_id":
                return Response::customerId;
            case "journey_id":
                return Response::journeyId;
            case "response_id":
                return Response::responseId;
            case "metric":
                return r -> r.metric().id();
            default:
                return r -> r.attributes().get(name);
        }
    }

    /** Builds a {@link Response}. Not thread-safe. */
    public static final class Builder {
        private final Metric metric;
        private final int score;
        private double weight = 1;
        private String responseId;
        private String customerId;
        private String journeyId;
        private String touchpoint;
        private String location;
        private String channel;
        private Instant submittedAt;
        private LocalDate submittedOn;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(Metric metric, int score) {
            this.metric = metric;
            this.score = score;
        }

        /** Sets the survey weight. @param value positive and finite @return this builder */
        public Builder weight(double value) {
            this.weight = value;
            return this;
        }

        /** Sets the response id. @param value the id @return this builder */
        public Builder responseId(@Nullable String value) {
            this.responseId = value;
            return this;
        }

        /** Sets the customer id. @param value the id @return this builder */
        public Builder customerId(@Nullable String value) {
            this.customerId = value;
            return this;
        }

        /** Sets the journey id. @param value the id @return this builder */
        public Builder journeyId(@Nullable String value) {
            this.journeyId = value;
            return this;
        }

        /** Sets the touchpoint. @param value the touchpoint @return this builder */
        public Builder touchpoint(@Nullable String value) {
            this.touchpoint = value;
            return this;
        }

        /** Sets the location. @param value the location @return this builder */
        public Builder location(@Nullable String value) {
            this.location = value;
            return this;
        }

        /** Sets the channel. @param value the channel @return this builder */
        public Builder channel(@Nullable String value) {
            this.channel = value;
            return this;
        }

        /** Sets the submission instant (clears a date). @param value the instant @return this builder */
        public Builder submittedAt(@Nullable Instant value) {
            this.submittedAt = value;
            this.submittedOn = null;
            return this;
        }

        /** Sets the submission date (clears an instant). @param value the date @return this builder */
        public Builder submittedOn(@Nullable LocalDate value) {
            this.submittedOn = value;
            this.submittedAt = null;
            return this;
        }

        /** Sets an attribute. @param name the name @param value the value @return this builder */
        public Builder attribute(String name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), value);
            return this;
        }

        /**
         * Builds the response.
         *
         * @return the response
         * @throws IllegalArgumentException if the score or weight is invalid
         */
        public Response build() {
            return new Response(metric, score, weight, responseId, customerId, journeyId, touchpoint, location,
                    channel, submittedAt, submittedOn, attributes);
        }
    }
}
