package dev.cxkit.rules.io;

import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.io.RecordReader;
import dev.cxkit.core.io.Rejection;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.rules.fact.Disruption;
import dev.cxkit.rules.fact.FlightDisruption;
import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.fact.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads service failures from JSON Lines, one incident per line, and hands each line on as an
 * {@link IncidentRecord} or, if it is not valid, as a {@link Rejection} that says where it is,
 * what is wrong and its original text. Reading goes on after a bad line.
 *
 * <pre>{@code
 * IncidentReader reader = IncidentReader.create();
 * List<Rejection> problems = new ArrayList<>();
 * ReadSummary summary = reader.read(Path.of("incidents.jsonl"), incidents::add, problems::add);
 * }</pre>
 *
 * <h2>Input</h2>
 * One JSON object per line, keys in snake_case:
 * <ul>
 *   <li>{@code incident_id} (required) and {@code type} (required, an {@link IncidentType}; for a
 *       flight it follows from the disruption, see below);
 *   <li>{@code journey_id}, {@code customer_id}, {@code location}, {@code touchpoint}: text;
 *   <li>{@code channel}: a {@link Channel}, default {@code IN_PERSON}; {@code factor}: a
 *       {@link SatisfactionFactor}, default the type's usual one; {@code severity}: a
 *       {@link Severity}, default {@code MODERATE}. Enum values are case-insensitive;
 *   <li>{@code occurred_at}, {@code detected_at}: ISO-8601 instants or date-times with an offset;
 *       at least one is required, and the detection time defaults to the occurrence time;
 *   <li>{@code minutes_waited}, {@code minutes_promised}: non-negative whole numbers (0 when absent);
 *   <li>{@code order_value}: a non-negative amount in {@code currency} (an ISO 4217 code, default
 *       {@code EUR}), at most the currency's decimals; a number or a string such as {@code "18.50"}
 *       (or {@code "GBP 18.50"} for an amount in another currency);
 *   <li>{@code items}: an array of {@code {name, price, delivered}} ({@code name} and {@code price}
 *       required, {@code delivered} true when absent), prices in {@code currency};
 *   <li>{@code extraordinary_circumstances}: a boolean (false when absent);
 *   <li>{@code attributes}: an object of text values;
 *   <li>{@code customer}: the customer inline, {@code {id, tier, lifetime_value, currency,
 *       contact_channel, contact_address_kind, recent_failures}}, read as {@link CustomerReader}
 *       reads a line; its id defaults to {@code customer_id} and must match it when both are given;
 *   <li>context hints: {@code budget_left_today} (an amount in {@code currency}),
 *       {@code similar_recent_incidents} (a whole number, at least 1, this incident included) and
 *       {@code already_compensated} (a boolean).
 * </ul>
 * A key that is absent, JSON {@code null} or a blank string is missing. Any other key is rejected
 * as unknown (with the closest known name), so that a typo never silently changes a decision; put
 * extra data under {@code attributes}. The fields are read by {@link IncidentFields}, the parser
 * that scenario files share.
 *
 * <h2>Flights</h2>
 * A line with {@code "kind": "FLIGHT"} is a disrupted flight (Regulation (EC) No 261/2004, for the
 * {@code eu261} policy pack). It takes the fields above (the times are still required: the
 * recovery steps are due from {@code detected_at}) and these, read into a {@link FlightDisruption}:
 * <ul>
 *   <li>{@code disruption} (required): a {@link Disruption}, {@code DELAY}, {@code CANCELLATION},
 *       {@code DENIED_BOARDING} or {@code DOWNGRADE}. It gives the incident's {@code type}
 *       ({@link Disruption#incidentType()}): leave {@code type} out, or give that same type;
 *   <li>{@code distance_km} (required, at least 1): the great-circle distance to the final
 *       destination; {@code intra_eu} (required): whether the flight is within the EU;
 *   <li>{@code departure_delay_minutes} (DELAY, required): the expected delay of departure;
 *   <li>{@code arrival_delay_minutes}: the delay at the final destination; required for a DELAY and
 *       for a re-routed CANCELLATION or DENIED_BOARDING (the re-routing's delay);
 *   <li>{@code notice_days} (CANCELLATION, required): days between being told and the scheduled
 *       departure, 0 when told on the day;
 *   <li>{@code reroute_departure_earlier_minutes} (re-routed CANCELLATION, default 0): how much
 *       earlier the re-routing departed;
 *   <li>{@code rerouted} and {@code overnight} (not for a DOWNGRADE), and {@code volunteered} (only
 *       for a DENIED_BOARDING): booleans, false when absent;
 *   <li>{@code ticket_price} (DOWNGRADE, required; optional otherwise): an amount in
 *       {@code currency}; {@code extraordinary_circumstances} as above.
 * </ul>
 * Numbers must not be negative. A field the disruption does not take is a contradiction and is
 * rejected rather than ignored: {@code notice_days} on a DELAY, {@code volunteered} on anything
 * but a DENIED_BOARDING, {@code arrival_delay_minutes} on a cancellation that was not re-routed,
 * {@code rerouted} or {@code overnight} on a DOWNGRADE, and a flight field on a line without
 * {@code kind} (see {@link FlightDisruption} for the full table). A {@code kind} other than
 * {@code FLIGHT} is rejected; leave {@code kind} out for any other incident.
 *
 * <h2>Rejections</h2>
 * A line is rejected, with every problem it has, for: malformed JSON, not an object, a repeated
 * key, a missing or unknown field, an enum value outside its constants (the message lists them),
 * a negative or fractional wait, a negative or too precise amount, an unknown currency, a bad
 * timestamp or detection before occurrence, a flight field that is missing or contradicts the
 * disruption, text that is not UTF-8, and an {@code incident_id}
 * this reader has read before (in any input; the message says where). Blank lines are skipped and
 * are not rows, so {@link ReadSummary#read()} always equals accepted plus rejected; an empty input
 * is a {@linkplain ReadSummary#warnings() warning}.
 *
 * <h2>Threads</h2>
 * <b>Not thread-safe.</b> A reader remembers the incident ids it has read, so that duplicates are
 * found across files. Consumers are called on the reading thread, in input order.
 *
 * @since 0.1.0
 */
public final class IncidentReader implements RecordReader<IncidentRecord> {

    private final KeyedJsonLines<IncidentRecord> lines;

    private IncidentReader(List<String> requiredFlightFields) {
        List<String> required = List.copyOf(requiredFlightFields);
        lines = new KeyedJsonLines<>("incident_id",
                (fields, source, line) -> IncidentFields.forJsonLine().incidentLine(fields, source, line, required),
                r -> r.incident().id());
    }

    /**
     * Returns a new reader.
     *
     * @return a reader that has read nothing yet
     */
    public static IncidentReader create() {
        return new IncidentReader(List.of());
    }

    /**
     * Returns a new reader for a policy that needs some flight fields for every flight
     * ({@link dev.cxkit.rules.fact.PolicySettings#requiredFlightFields()}): a flight line without one
     * is rejected, naming the field, instead of failing its decision later.
     *
     * @param requiredFlightFields the fields, by input name
     * @return a reader that has read nothing yet
     */
    public static IncidentReader create(List<String> requiredFlightFields) {
        return new IncidentReader(requiredFlightFields);
    }

    /**
     * Reads a file; messages name it as {@code file.toString()}.
     *
     * @param file the file, UTF-8 JSON Lines
     * @param accepted receives each valid incident, in input order
     * @param rejected receives each rejected line, in input order
     * @return the counts, and a warning when the file has no rows
     * @throws IOException if the file cannot be opened or read
     */
    @Override
    public ReadSummary read(Path file, Consumer<? super IncidentRecord> accepted, Consumer<? super Rejection> rejected)
            throws IOException {
        return lines.read(file, accepted, rejected);
    }

    /**
     * Reads a stream to its end; the stream is not closed.
     *
     * @param in the stream, UTF-8 JSON Lines
     * @param source the name used in messages, for example {@code incidents.jsonl} or {@code stdin}
     * @param accepted receives each valid incident, in input order
     * @param rejected receives each rejected line, in input order
     * @return the counts, and a warning when the input has no rows
     * @throws IOException if reading fails
     */
    @Override
    public ReadSummary read(InputStream in, String source, Consumer<? super IncidentRecord> accepted,
            Consumer<? super Rejection> rejected) throws IOException {
        return lines.read(in, source, accepted, rejected);
    }
}
