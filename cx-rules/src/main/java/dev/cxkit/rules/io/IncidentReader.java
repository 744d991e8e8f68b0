package dev.cxkit.rules.io;

import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.io.RecordReader;
import dev.cxkit.core.io.Rejection;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.rules.fact.AffectedItem;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Disruption;
import dev.cxkit.rules.fact.FlightDisruption;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.fact.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

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
 *       {@code EUR}), at most the currency's decimals; a number or a string such as {@code "18.50"};
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
 * extra data under {@code attributes}.
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
 */
public final class IncidentReader implements RecordReader<IncidentRecord> {

    /** The fields of a flight line ({@code kind} = {@code FLIGHT}) only. */
    private static final Set<String> FLIGHT_FIELDS = new TreeSet<>(List.of("disruption", "distance_km", "intra_eu",
            "departure_delay_minutes", "arrival_delay_minutes", "notice_days", "reroute_departure_earlier_minutes",
            "rerouted", "overnight", "volunteered", "ticket_price"));
    private static final Set<String> FIELDS = new TreeSet<>(List.of("incident_id", "kind", "journey_id",
            "customer_id", "location", "touchpoint", "channel", "type", "factor", "severity", "occurred_at",
            "detected_at", "minutes_waited", "minutes_promised", "order_value", "currency", "items",
            "extraordinary_circumstances", "attributes", "customer", "budget_left_today", "similar_recent_incidents",
            "already_compensated"));

    static {
        FIELDS.addAll(FLIGHT_FIELDS);
    }

    /** The value of {@code kind} that makes a line a flight disruption. */
    private static final String FLIGHT = "FLIGHT";
    private static final Set<String> ITEM_FIELDS = new TreeSet<>(List.of("name", "price", "delivered"));
    private static final Currency EUR = Currency.getInstance("EUR");

    private final KeyedJsonLines<IncidentRecord> lines =
            new KeyedJsonLines<>("incident_id", IncidentReader::parse, r -> r.incident().id());

    private IncidentReader() {
    }

    /**
     * Returns a new reader.
     *
     * @return a reader that has read nothing yet
     */
    public static IncidentReader create() {
        return new IncidentReader();
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

    private static IncidentRecord parse(Fields f, String source, long line) {
        f.onlyKnown(FIELDS);
        String id = f.requiredText("incident_id");
        Currency currency = f.currency("currency", EUR);
        boolean isFlight = isFlight(f);
        FlightDisruption flight = isFlight ? flight(f, currency) : null;
        IncidentType type = f.enumValue("type", IncidentType.class, null, !isFlight);
        if (flight != null) {
            IncidentType flightType = flight.disruption().incidentType();
            if (type != null && type != flightType) {
                f.problem("type " + type + " contradicts disruption " + flight.disruption() + " (a " + flightType
                        + "); leave type out of a FLIGHT line");
            }
            type = flightType;
        }
        Channel channel = f.enumValue("channel", Channel.class, Channel.IN_PERSON, false);
        SatisfactionFactor factor = f.enumValue("factor", SatisfactionFactor.class, null, false);
        Severity severity = f.enumValue("severity", Severity.class, Severity.MODERATE, false);
        boolean timed = f.has("occurred_at") || f.has("detected_at");
        Instant occurred = f.instant("occurred_at");
        Instant detected = f.instant("detected_at");
        if (!timed) {
            f.problem("occurred_at or detected_at is required (an ISO-8601 time like 2026-03-01T19:30:00Z)");
        }
        if (occurred != null && detected != null && detected.isBefore(occurred)) {
            f.problem("detected_at " + detected + " is before occurred_at " + occurred);
        }
        Integer waited = f.integer("minutes_waited", 0, "must not be negative");
        Integer promised = f.integer("minutes_promised", 0, "must not be negative");
        Money orderValue = f.money("order_value", currency);
        boolean extraordinary = f.bool("extraordinary_circumstances", false);
        Map<String, String> attributes = f.strings("attributes");
        List<AffectedItem> items = items(f, currency);
        String customerId = f.text("customer_id");
        Customer customer = null;
        ObjectNode customerNode = f.object("customer");
        if (customerNode != null) {
            Fields c = f.nested(customerNode, "customer");
            String inlineId = c.text("id");
            if (inlineId != null && customerId != null && !inlineId.equals(customerId)) {
                f.problem("customer.id '" + inlineId + "' differs from customer_id '" + customerId + "'");
            }
            customer = c.customer(customerId, currency);
        }
        Money budget = f.money("budget_left_today", currency);
        Integer similar = f.integer("similar_recent_incidents", 1, "must be at least 1 (it counts this incident)");
        boolean compensated = f.bool("already_compensated", false);
        if (!f.ok()) {
            return null;
        }
        Incident.Builder builder = Incident.builder(id, type).journeyId(f.text("journey_id")).customerId(customerId)
                .location(f.text("location")).touchpoint(f.text("touchpoint")).channel(channel).factor(factor)
                .severity(severity).occurredAt(occurred).detectedAt(detected)
                .wait(waited == null ? 0 : waited, promised == null ? 0 : promised).orderValue(orderValue)
                .extraordinaryCircumstances(extraordinary).flight(flight);
        items.forEach(builder::item);
        attributes.forEach(builder::attribute);
        try {
            return new IncidentRecord(builder.build(), customer, budget, similar == null ? 1 : similar, compensated,
                    source, line);
        } catch (IllegalArgumentException | NullPointerException e) {
            f.problem(e.getMessage());
            return null;
        }
    }

    /**
     * Whether the line is a flight ({@code kind} = {@code FLIGHT}); reports another kind, and
     * flight fields on a line that is not a flight.
     */
    private static boolean isFlight(Fields f) {
        String kind = f.text("kind");
        if (kind != null && !kind.equalsIgnoreCase(FLIGHT)) {
            f.problem("kind '" + kind + "' is not " + FLIGHT + " (leave kind out for any other incident)");
            return false;
        }
        if (kind == null) {
            for (String field : FLIGHT_FIELDS) {
                if (f.has(field)) {
                    f.problem(field + " is a flight field: add \"kind\": \"" + FLIGHT + "\" (or leave it out)");
                }
            }
        }
        return kind != null;
    }

    /**
     * The flight of a FLIGHT line, or null when a field is missing, unreadable or contradicts
     * another (every such problem is reported, naming its field).
     */
    private static FlightDisruption flight(Fields f, Currency currency) {
        Disruption disruption = f.enumValue("disruption", Disruption.class, null, true);
        FlightDisruption.Builder builder = FlightDisruption.builder(disruption)
                .distanceKm(f.integer("distance_km"))
                .intraEu(f.boolOrNull("intra_eu"))
                .departureDelayMinutes(f.integer("departure_delay_minutes"))
                .arrivalDelayMinutes(f.integer("arrival_delay_minutes"))
                .noticeDays(f.integer("notice_days"))
                .rerouteDepartureEarlierMinutes(f.integer("reroute_departure_earlier_minutes"))
                .rerouted(f.bool("rerouted", false))
                .overnight(f.bool("overnight", false))
                .volunteered(f.bool("volunteered", false))
                .ticketPrice(f.money("ticket_price", currency));
        List<FlightDisruption.Problem> problems = builder.problems();
        for (FlightDisruption.Problem problem : problems) {
            // a field that is there but could not be read was reported as such, not as missing
            if (!(problem.missing() && f.has(problem.field()))) {
                f.problem(problem.toString());
            }
        }
        return disruption == null || !problems.isEmpty() ? null : builder.build();
    }

    private static List<AffectedItem> items(Fields f, Currency currency) {
        List<JsonNode> nodes = f.array("items");
        List<AffectedItem> items = new java.util.ArrayList<>();
        if (nodes == null) {
            return items;
        }
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            String label = "items[" + i + "]";
            if (!node.isObject()) {
                f.problem(f.label(label) + " must be an object ({\"name\": ..., \"price\": ..., \"delivered\": ...}), not "
                        + JsonLines.describe(node));
                continue;
            }
            Fields item = f.nested((ObjectNode) node, label);
            int before = f.problems().size();
            item.onlyKnown(ITEM_FIELDS);
            String name = item.requiredText("name");
            boolean pricePresent = item.has("price");
            Money price = item.money("price", currency);
            if (!pricePresent) {
                f.problem(item.label("price") + " is missing");
            }
            boolean delivered = item.bool("delivered", true);
            if (f.problems().size() == before && name != null && price != null) {
                items.add(new AffectedItem(name, price, delivered));
            }
        }
        return items;
    }
}
