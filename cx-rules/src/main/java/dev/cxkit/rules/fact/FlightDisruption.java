package dev.cxkit.rules.fact;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A disrupted flight: the facts that Regulation (EC) No 261/2004 and the Sturgeon judgment
 * (C-402/07 and C-432/07) decide compensation, care and refunds on. It rides on an
 * {@link Incident} ({@link Incident#flight()}); whether extraordinary circumstances caused it is
 * the incident's {@link Incident#extraordinaryCircumstances()}.
 *
 * <p>A field that does not apply to the disruption is {@code null} (the numbers) or false (the
 * flags), and giving it anyway is a contradiction, rejected so that no field is silently ignored:
 *
 * <table>
 *   <caption>Which fields each disruption takes: R required, O optional, - must be left out</caption>
 *   <tr><th>field</th><th>DELAY</th><th>CANCELLATION</th><th>DENIED_BOARDING</th><th>DOWNGRADE</th></tr>
 *   <tr><td>distanceKm, intraEu</td><td>O</td><td>O</td><td>O</td><td>O</td></tr>
 *   <tr><td>departureDelayMinutes</td><td>R</td><td>-</td><td>-</td><td>-</td></tr>
 *   <tr><td>arrivalDelayMinutes</td><td>R</td><td>R if rerouted, else -</td><td>R if rerouted, else -</td><td>-</td></tr>
 *   <tr><td>noticeDays, noticeHours</td><td>-</td><td>R (either; days are derived from hours)</td><td>-</td><td>-</td></tr>
 *   <tr><td>rerouteDepartureEarlierMinutes</td><td>-</td><td>R if rerouted (the builder defaults it to 0), else -</td><td>-</td><td>-</td></tr>
 *   <tr><td>rerouted, overnight</td><td>O</td><td>O</td><td>O</td><td>-</td></tr>
 *   <tr><td>volunteered</td><td>-</td><td>-</td><td>O</td><td>-</td></tr>
 *   <tr><td>ticketPrice</td><td>O</td><td>O</td><td>O</td><td>R</td></tr>
 *   <tr><td>cause, carrierSize, flightNumber, carrier, origin, destination</td><td>O</td><td>O</td><td>O</td><td>O</td></tr>
 * </table>
 *
 * <p>The distance and whether the flight is within the EU are what the EU's regulation decides
 * bands on; other regulations do not need them, so the model leaves them optional and a pack that
 * needs them says so ({@link PolicySettings#FLIGHT_REQUIRED}): the engine then refuses a flight
 * without them. Numbers must not be negative and the distance is at least 1 km. Problems name the fields as
 * the input formats do ({@code notice_days}), so readers can report them as they are.
 *
 * <p>Build one with {@link #builder(Disruption)}. Immutable and thread-safe.
 *
 * @param disruption what happened to the flight
 * @param distanceKm the great-circle distance from the departure airport to the final
 *     destination, in kilometres (Art. 7(4)), or null when not given
 * @param intraEu whether the flight is within the EU (over 1500 km it decides between the
 *     EUR 400 and EUR 600 bands), or null when not given
 * @param departureDelayMinutes DELAY: how late the flight is expected to depart, in minutes (care
 *     and the refund option depend on it); null otherwise
 * @param arrivalDelayMinutes how late the passenger reached the final destination, in minutes: of
 *     a DELAY, or of the re-routing of a re-routed CANCELLATION or DENIED_BOARDING (0 when not
 *     late); null otherwise
 * @param noticeDays CANCELLATION: days between the passenger being told and the scheduled
 *     departure (0 = told on the day); null otherwise
 * @param rerouteDepartureEarlierMinutes re-routed CANCELLATION: how much earlier than the
 *     cancelled flight the re-routing departed (0 when not earlier); null otherwise
 * @param rerouted whether a re-routing was offered and taken
 * @param overnight whether the wait forced the passenger to stay a night
 * @param volunteered DENIED_BOARDING: whether the passenger volunteered to give up the seat
 * @param ticketPrice what the passenger paid for the ticket, or null; required for a DOWNGRADE
 * @param cause why the flight was disrupted, or null when not said (see {@link CauseCategory})
 * @param carrierSize the carrier's size, or null when not said
 * @param noticeHours CANCELLATION: hours between the passenger being told and the scheduled
 *     departure, when given in hours (regulations outside the EU count notice in hours); null otherwise
 * @param flightNumber the flight's number ({@code AC 123}), or null
 * @param carrier the operating carrier, or null
 * @param origin the departure airport (IATA code), or null
 * @param destination the final destination (IATA code), or null
 * @since 0.1.0
 */
public record FlightDisruption(Disruption disruption, @Nullable Integer distanceKm, @Nullable Boolean intraEu,
        @Nullable Integer departureDelayMinutes, @Nullable Integer arrivalDelayMinutes, @Nullable Integer noticeDays,
        @Nullable Integer rerouteDepartureEarlierMinutes, boolean rerouted, boolean overnight, boolean volunteered,
        @Nullable Money ticketPrice, @Nullable CauseCategory cause, @Nullable CarrierSize carrierSize,
        @Nullable Integer noticeHours, @Nullable String flightNumber, @Nullable String carrier,
        @Nullable String origin, @Nullable String destination) implements Serializable {

    /**
     * Validates the flight.
     *
     * @throws NullPointerException if the disruption is null
     * @throws IllegalArgumentException with every problem ({@link Builder#problems()}): a missing field the
     *     disruption needs, a field it does not take, a negative number
     */
    public FlightDisruption {
        Objects.requireNonNull(disruption, "disruption");
        List<Problem> problems = check(disruption, distanceKm, intraEu, departureDelayMinutes, arrivalDelayMinutes,
                noticeDays, rerouteDepartureEarlierMinutes, rerouted, overnight, volunteered, ticketPrice);
        hours(problems, disruption, noticeDays, noticeHours);
        if (!problems.isEmpty()) {
            throw invalid(disruption, problems);
        }
    }

    /** Notice in hours: only for a CANCELLATION, never negative, and the same notice as its days. */
    private static void hours(List<Problem> out, Disruption disruption, Integer noticeDays, Integer noticeHours) {
        if (noticeHours == null) {
            return;
        }
        notNegative(out, "notice_hours", noticeHours);
        if (disruption != null && disruption != Disruption.CANCELLATION) {
            out.add(new Problem("notice_hours", "is given for a " + disruption + ": it is only for a CANCELLATION; "
                    + "leave it out", false));
        } else if (noticeDays != null && noticeHours >= 0 && noticeDays != noticeHours / 24) {
            out.add(new Problem("notice_hours", noticeHours + " hours is " + noticeHours / 24 + " whole days, but "
                    + "notice_days is " + noticeDays + ": give one of them", false));
        }
    }

    /** The input names of the optional fields a pack may require ({@link PolicySettings#FLIGHT_REQUIRED}). */
    public static final java.util.Set<String> REQUIRABLE = java.util.Set.of("distance_km", "intra_eu", "cause",
            "carrier_size", "flight_number", "carrier", "origin", "destination", "ticket_price");

    /**
     * Returns which of some required fields this flight does not give.
     *
     * @param required input names ({@link #REQUIRABLE})
     * @return the missing ones, in the order given
     */
    public List<String> lacks(java.util.Collection<String> required) {
        List<String> out = new ArrayList<>();
        for (String field : required) {
            Object value = switch (field) {
                case "distance_km" -> distanceKm;
                case "intra_eu" -> intraEu;
                case "cause" -> cause;
                case "carrier_size" -> carrierSize;
                case "flight_number" -> flightNumber;
                case "carrier" -> carrier;
                case "origin" -> origin;
                case "destination" -> destination;
                case "ticket_price" -> ticketPrice;
                default -> throw new IllegalArgumentException("not a flight field a pack can require: " + field);
            };
            if (value == null) {
                out.add(field);
            }
        }
        return out;
    }

    /**
     * Returns the notice in hours: as given, else the days' (a day's notice counted as 24 hours),
     * or null when the flight is not a CANCELLATION.
     *
     * @return the hours of notice, or null
     */
    public @Nullable Integer noticeInHours() {
        return noticeHours != null ? noticeHours : noticeDays == null ? null : noticeDays * 24;
    }

    private static IllegalArgumentException invalid(Disruption disruption, List<Problem> problems) {
        return new IllegalArgumentException("flight " + disruption + ": "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    }

    /**
     * Starts a builder. Numbers not set are not given (null), flags are false.
     *
     * @param disruption what happened to the flight (null: only the checks that do not depend on
     *     it run, and {@link Builder#build()} fails)
     * @return a builder
     */
    public static Builder builder(@Nullable Disruption disruption) {
        return new Builder(disruption);
    }

    /**
     * One thing wrong with a flight's fields.
     *
     * @param field the field, named as in the input formats ({@code notice_days})
     * @param message what is wrong, to follow the field's name ({@code is missing: ...})
     * @param missing whether the problem is that the field is not given (a reader that could not
     *     read a field it was given has reported that already, and leaves this one out)
     */
    public record Problem(String field, String message, boolean missing) {

        /**
         * Validates the problem.
         *
         * @throws NullPointerException if the field or message is null
         */
        public Problem {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }

        /** Returns the field and the message: {@code notice_days is missing: ...}. */
        @Override
        public String toString() {
            return field + " " + message;
        }
    }

    /**
     * Everything wrong with a flight's fields, each naming its field; empty when they are valid.
     * Numbers are null when not given; flags are compared by value (only {@code true} can
     * contradict).
     */
    private static List<Problem> check(Disruption disruption, Integer distanceKm, Boolean intraEu,
            Integer departureDelayMinutes, Integer arrivalDelayMinutes, Integer noticeDays,
            Integer rerouteDepartureEarlierMinutes, boolean rerouted, boolean overnight, boolean volunteered,
            Money ticketPrice) {
        List<Problem> out = new ArrayList<>();
        if (distanceKm != null && distanceKm < 1) {
            out.add(new Problem("distance_km", distanceKm + " must be at least 1 (km)", false));
        }
        notNegative(out, "departure_delay_minutes", departureDelayMinutes);
        notNegative(out, "arrival_delay_minutes", arrivalDelayMinutes);
        notNegative(out, "notice_days", noticeDays);
        notNegative(out, "reroute_departure_earlier_minutes", rerouteDepartureEarlierMinutes);
        if (ticketPrice != null && ticketPrice.isNegative()) {
            out.add(new Problem("ticket_price", ticketPrice + " must not be negative", false));
        }
        if (disruption == null) {
            return out;
        }
        boolean delay = disruption == Disruption.DELAY;
        boolean cancellation = disruption == Disruption.CANCELLATION;
        boolean deniedBoarding = disruption == Disruption.DENIED_BOARDING;
        boolean downgrade = disruption == Disruption.DOWNGRADE;
        String only = "is given for a " + disruption + ": it is only for ";

        if (delay && departureDelayMinutes == null) {
            out.add(missing("departure_delay_minutes", "a DELAY needs the expected delay of departure; meals and "
                    + "the refund option depend on it"));
        } else if (!delay && departureDelayMinutes != null) {
            out.add(new Problem("departure_delay_minutes", only + "a DELAY; leave it out", false));
        }

        boolean reroutable = cancellation || deniedBoarding;
        if (delay && arrivalDelayMinutes == null) {
            out.add(missing("arrival_delay_minutes", "a DELAY needs the delay at the final destination; "
                    + "compensation depends on it"));
        } else if (reroutable && rerouted && arrivalDelayMinutes == null) {
            out.add(missing("arrival_delay_minutes", "a re-routed " + disruption + " needs how late the re-routing "
                    + "reached the final destination (0 if not late)"));
        } else if (reroutable && !rerouted && arrivalDelayMinutes != null) {
            out.add(new Problem("arrival_delay_minutes", "is given but rerouted is not true: it is how late the "
                    + "re-routing arrived; set rerouted to true or leave it out", false));
        } else if (downgrade && arrivalDelayMinutes != null) {
            out.add(new Problem("arrival_delay_minutes", only + "a DELAY or a re-routed CANCELLATION or "
                    + "DENIED_BOARDING; leave it out", false));
        }

        if (cancellation && noticeDays == null) {
            out.add(missing("notice_days", "a CANCELLATION needs its notice: notice_days (or notice_hours), the time between the passenger being told and the "
                    + "scheduled departure (0 = told on the day)"));
        } else if (!cancellation && noticeDays != null) {
            out.add(new Problem("notice_days", only + "a CANCELLATION; leave it out", false));
        }

        if (cancellation && rerouted && rerouteDepartureEarlierMinutes == null) {
            out.add(missing("reroute_departure_earlier_minutes", "a re-routed CANCELLATION needs how much earlier "
                    + "the re-routing departed (0 if not earlier)"));
        } else if (rerouteDepartureEarlierMinutes != null && !(cancellation && rerouted)) {
            out.add(new Problem("reroute_departure_earlier_minutes", cancellation
                    ? "is given but rerouted is not true: it describes the re-routing; set rerouted to true or leave "
                            + "it out"
                    : only + "a re-routed CANCELLATION; leave it out", false));
        }

        if (downgrade && rerouted) {
            out.add(new Problem("rerouted", "is true for a DOWNGRADE: a downgraded passenger flew on the booked "
                    + "flight; leave it out", false));
        }
        if (downgrade && overnight) {
            out.add(new Problem("overnight", "is true for a DOWNGRADE: a downgraded passenger flew on the booked "
                    + "flight; record a night's wait as its own DELAY incident", false));
        }
        if (volunteered && !deniedBoarding) {
            out.add(new Problem("volunteered", "is true for a " + disruption + ": only a DENIED_BOARDING passenger "
                    + "can volunteer to give up the seat; leave it out", false));
        }
        if (downgrade && ticketPrice == null) {
            out.add(missing("ticket_price", "a DOWNGRADE needs it: the refund is a share of it (Art. 10(2))"));
        }
        return out;
    }

    private static Problem missing(String field, String why) {
        return new Problem(field, "is missing: " + why, true);
    }

    private static void notNegative(List<Problem> out, String field, Integer value) {
        if (value != null && value < 0) {
            out.add(new Problem(field, value + " must not be negative", false));
        }
    }

    /**
     * Builds a {@link FlightDisruption}, or lists what is wrong with its fields. Setters take
     * {@code null} for "not given", so a reader can pass what it read as it is. Not thread-safe.
     */
    public static final class Builder {
        private final Disruption disruption;
        private Integer distanceKm;
        private Boolean intraEu;
        private Integer departureDelayMinutes;
        private Integer arrivalDelayMinutes;
        private Integer noticeDays;
        private Integer rerouteDepartureEarlierMinutes;
        private boolean rerouted;
        private boolean overnight;
        private boolean volunteered;
        private Money ticketPrice;
        private CauseCategory cause;
        private CarrierSize carrierSize;
        private Integer noticeHours;
        private String flightNumber;
        private String carrier;
        private String origin;
        private String destination;

        private Builder(Disruption disruption) {
            this.disruption = disruption;
        }

        /** @param value the great-circle distance to the final destination, in km @return this builder */
        public Builder distanceKm(@Nullable Integer value) {
            distanceKm = value;
            return this;
        }

        /** @param value whether the flight is within the EU, or null @return this builder */
        public Builder intraEu(@Nullable Boolean value) {
            intraEu = value;
            return this;
        }

        /** @param value DELAY: the expected delay of departure, in minutes @return this builder */
        public Builder departureDelayMinutes(@Nullable Integer value) {
            departureDelayMinutes = value;
            return this;
        }

        /** @param value the delay at the final destination, in minutes @return this builder */
        public Builder arrivalDelayMinutes(@Nullable Integer value) {
            arrivalDelayMinutes = value;
            return this;
        }

        /** @param value CANCELLATION: days of notice before the scheduled departure @return this builder */
        public Builder noticeDays(@Nullable Integer value) {
            noticeDays = value;
            return this;
        }

        /**
         * Sets how much earlier the re-routing of a cancelled flight departed; a re-routed
         * CANCELLATION that does not say has 0.
         *
         * @param value minutes earlier than the cancelled flight
         * @return this builder
         */
        public Builder rerouteDepartureEarlierMinutes(@Nullable Integer value) {
            rerouteDepartureEarlierMinutes = value;
            return this;
        }

        /** @param value whether a re-routing was offered and taken @return this builder */
        public Builder rerouted(boolean value) {
            rerouted = value;
            return this;
        }

        /** @param value whether the wait forced a night's stay @return this builder */
        public Builder overnight(boolean value) {
            overnight = value;
            return this;
        }

        /** @param value DENIED_BOARDING: whether the passenger volunteered @return this builder */
        public Builder volunteered(boolean value) {
            volunteered = value;
            return this;
        }

        /** @param value the ticket price, or null @return this builder */
        public Builder ticketPrice(@Nullable Money value) {
            ticketPrice = value;
            return this;
        }

        /** @param value why the flight was disrupted, or null @return this builder */
        public Builder cause(@Nullable CauseCategory value) {
            cause = value;
            return this;
        }

        /** @param value the carrier's size, or null @return this builder */
        public Builder carrierSize(@Nullable CarrierSize value) {
            carrierSize = value;
            return this;
        }

        /**
         * Sets the notice of a CANCELLATION in hours; when its days are not set, they are the
         * whole days of these hours.
         *
         * @param value the hours of notice, or null
         * @return this builder
         */
        public Builder noticeHours(@Nullable Integer value) {
            noticeHours = value;
            return this;
        }

        /**
         * Sets what identifies the flight, each optional.
         *
         * @param number the flight number, or null
         * @param operatingCarrier the operating carrier, or null
         * @param from the departure airport, or null
         * @param to the final destination, or null
         * @return this builder
         */
        public Builder route(@Nullable String number, @Nullable String operatingCarrier, @Nullable String from,
                @Nullable String to) {
            flightNumber = number;
            carrier = operatingCarrier;
            origin = from;
            destination = to;
            return this;
        }

        /** The days of notice: as set, else (for a CANCELLATION) the whole days of the hours. */
        private Integer days() {
            boolean derived = disruption == Disruption.CANCELLATION && noticeDays == null && noticeHours != null
                    && noticeHours >= 0;
            return derived ? Integer.valueOf(noticeHours / 24) : noticeDays;
        }

        private Integer earlier() {
            boolean defaulted = disruption == Disruption.CANCELLATION && rerouted && rerouteDepartureEarlierMinutes == null;
            return defaulted ? Integer.valueOf(0) : rerouteDepartureEarlierMinutes;
        }

        /**
         * Returns everything wrong with the fields so far (empty when {@link #build()} will
         * succeed, given a disruption).
         *
         * @return the problems, each naming its field
         */
        public List<Problem> problems() {
            List<Problem> out = check(disruption, distanceKm, intraEu, departureDelayMinutes, arrivalDelayMinutes, days(),
                    earlier(), rerouted, overnight, volunteered, ticketPrice);
            hours(out, disruption, noticeDays, noticeHours);
            return out;
        }

        /**
         * Builds the flight.
         *
         * @return the flight
         * @throws NullPointerException if the disruption is null
         * @throws IllegalArgumentException with every {@linkplain #problems() problem}
         */
        public FlightDisruption build() {
            Objects.requireNonNull(disruption, "disruption");
            List<Problem> problems = problems();
            if (!problems.isEmpty()) {
                throw invalid(disruption, problems);
            }
            return new FlightDisruption(disruption, distanceKm, intraEu, departureDelayMinutes, arrivalDelayMinutes,
                    days(), earlier(), rerouted, overnight, volunteered, ticketPrice, cause, carrierSize, noticeHours,
                    flightNumber, carrier, origin, destination);
        }
    }
}
