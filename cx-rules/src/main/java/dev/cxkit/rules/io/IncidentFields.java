// Over 500 lines on purpose: the one parser of an incident, its flight and a customer, for JSON
// Lines and scenario files alike (docs/decisions/0012); splitting it would split the one parser.
package dev.cxkit.rules.io;

import dev.cxkit.core.io.DocumentFields;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.rules.fact.AffectedItem;
import dev.cxkit.rules.fact.CarrierSize;
import dev.cxkit.rules.fact.CauseCategory;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Disruption;
import dev.cxkit.rules.fact.FlightDisruption;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.fact.RecoveryContext;
import dev.cxkit.rules.fact.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The parser of incident and customer objects, with their flights, items, amounts and context
 * hints, over {@link DocumentFields}: the one place where they are read, whether from a line of
 * {@code incidents.jsonl} or {@code customers.jsonl} ({@link IncidentReader},
 * {@link CustomerReader}) or from a scenario file's {@code given.incident}, {@code given.customer}
 * and {@code given.context} ({@link dev.cxkit.rules.scenario.ScenarioLoader}). Every problem is
 * reported to the fields, naming its key; a value with problems is returned as null.
 *
 * <p>The two inputs differ only where their documented formats do: a JSON line names its incident
 * {@code incident_id}, carries the customer and the context hints inline, writes the contact as
 * {@code contact_channel} and {@code contact_address_kind} (both optional) and defaults the currency
 * to EUR; a scenario names it {@code id}, keeps the customer and context beside it, writes
 * {@code contact: {channel, address_kind}} (required), has no default currency but takes amounts
 * written {@code "EUR 18.50"}, and falls back to {@code given.now} for the detection time. Messages
 * quote keys in the input's own syntax, and keep the wording each input has had where it differed
 * (a JSON line names both times when detection comes before occurrence, and the decimals a
 * currency allows; a scenario quotes a too precise amount as written).
 *
 * <p>Amounts: a number, or text such as {@code "18.50"} in the incident's {@code currency}, or
 * {@code "EUR 18.50"}; never negative, and with no more decimals than the currency has.
 *
 * <p><b>Not thread-safe</b>: a parser remembers the incident's currency and detection time for the
 * amounts and due times that follow it in the same document. Use one per document.
 *
 * @since 0.1.0
 */
public final class IncidentFields {

    /** The value of {@code kind} that makes an incident a flight. */
    private static final String FLIGHT = "FLIGHT";
    private static final Currency EUR = Currency.getInstance("EUR");
    /** The contact channel of a JSON-line customer that names none. */
    private static final Channel DEFAULT_CONTACT = Channel.EMAIL;

    /** The keys of a flight incident ({@code kind} = {@code FLIGHT}) only. */
    private static final Set<String> FLIGHT_KEYS = keys("disruption", "distance_km", "intra_eu",
            "departure_delay_minutes", "arrival_delay_minutes", "notice_days", "reroute_departure_earlier_minutes",
            "rerouted", "overnight", "volunteered", "ticket_price", "cause", "carrier_size", "notice_hours",
            "flight_number", "carrier", "origin", "destination");
    /** The keys of an incident in both inputs, but for its id. */
    private static final Set<String> INCIDENT_KEYS = keys(FLIGHT_KEYS, "kind", "type", "severity", "channel",
            "factor", "journey_id", "customer_id", "location", "touchpoint", "occurred_at", "detected_at",
            "minutes_waited", "minutes_promised", "order_value", "currency", "items", "extraordinary_circumstances",
            "attributes", "claimed_at");
    /** The context hints: inline in a JSON line, {@code given.context} in a scenario. */
    private static final Set<String> HINT_KEYS = keys("budget_left_today", "similar_recent_incidents",
            "already_compensated");
    private static final Set<String> ITEM_KEYS = keys("name", "price", "delivered");
    private static final Set<String> CUSTOMER_KEYS = keys("id", "tier", "lifetime_value", "currency",
            "recent_failures");
    private static final Set<String> CONTACT_KEYS = keys("channel", "address_kind");

    /** Where an incident is read from: what its documented formats make different. */
    private enum Shape {
        /** A line of {@code incidents.jsonl} or {@code customers.jsonl}. */
        JSON_LINE("incident_id", keys(INCIDENT_KEYS, HINT_KEYS, "incident_id", "customer"),
                keys(CUSTOMER_KEYS, "contact_channel", "contact_address_kind"), EUR, "field", "\"kind\": \"FLIGHT\"",
                "a FLIGHT line"),
        /** {@code given.incident} and {@code given.customer} of a scenario file. */
        SCENARIO("id", keys(INCIDENT_KEYS, "id"), keys(CUSTOMER_KEYS, "contact"), null, "key", "kind: FLIGHT",
                "a flight");

        final String idKey;
        final Set<String> incidentKeys;
        final Set<String> customerKeys;
        final Currency defaultCurrency;
        /** How the format calls a key, and writes {@code kind} = {@code FLIGHT}, and a flight. */
        final String keyWord;
        final String kindFlight;
        final String aFlight;

        Shape(String idKey, Set<String> incidentKeys, Set<String> customerKeys, Currency defaultCurrency,
                String keyWord, String kindFlight, String aFlight) {
            this.idKey = idKey;
            this.incidentKeys = incidentKeys;
            this.customerKeys = customerKeys;
            this.defaultCurrency = defaultCurrency;
            this.keyWord = keyWord;
            this.kindFlight = kindFlight;
            this.aFlight = aFlight;
        }
    }

    /**
     * The currency of amounts written without one: null when none is given, and then whether one
     * was given but could not be read (already reported, so amounts say nothing more).
     */
    private record Unit(Currency currency, boolean unreadable, String where) {
    }

    /** The context hints of a JSON line or a scenario's {@code given.context}. */
    private record Hints(Money budgetLeftToday, int similarRecentIncidents, boolean alreadyCompensated) {
    }

    private final Shape shape;
    /** The currency of amounts written without one when the incident names none. */
    private final Currency defaultCurrency;
    private Unit unit;
    private Instant detectedAt;

    private IncidentFields(Shape shape, Currency defaultCurrency) {
        this.shape = shape;
        this.defaultCurrency = defaultCurrency;
        this.unit = new Unit(defaultCurrency, false, "currency");
    }

    /**
     * Returns a parser for one scenario file's {@code given.incident}, {@code given.customer} and
     * {@code given.context}, and for the amounts of its expectations.
     *
     * @return a parser that has read nothing yet
     */
    public static IncidentFields forScenario() {
        return new IncidentFields(Shape.SCENARIO, Shape.SCENARIO.defaultCurrency);
    }

    /**
     * Returns a parser for one scenario file whose amounts without a currency are in the policy's
     * (its settings' {@code currency}), unless the scenario's incident names its own.
     *
     * @param policyCurrency the policy's currency, or null for none
     * @return a parser that has read nothing yet
     */
    public static IncidentFields forScenario(@Nullable Currency policyCurrency) {
        return new IncidentFields(Shape.SCENARIO, policyCurrency);
    }

    /** Returns a parser for one JSON line of incidents or customers. */
    static IncidentFields forJsonLine() {
        return new IncidentFields(Shape.JSON_LINE, Shape.JSON_LINE.defaultCurrency);
    }

    /**
     * Reads an incident object, flight included. Its currency and detection time then apply to the
     * amounts and due times read after it.
     *
     * @param fields the incident object
     * @param now the time to use as the detection time when neither {@code detected_at} nor
     *     {@code occurred_at} is given, or null when one of them is required
     * @return the incident, or null when it has problems (reported to {@code fields})
     */
    public @Nullable Incident incident(DocumentFields fields, @Nullable Instant now) {
        int before = fields.problems().size();
        fields.onlyKnown(shape.incidentKeys);
        String id = fields.requiredText(shape.idKey);
        unit = currency(fields, new Unit(defaultCurrency, false, fields.path("currency")));
        boolean isFlight = isFlight(fields);
        FlightDisruption flight = isFlight ? flight(fields) : null;
        IncidentType type = isFlight ? fields.enumValue("type", IncidentType.class, null)
                : fields.requiredEnum("type", IncidentType.class);
        if (flight != null) {
            IncidentType flightType = flight.disruption().incidentType();
            if (type != null && type != flightType) {
                fields.problem("type", type + " contradicts disruption " + flight.disruption() + " (a " + flightType
                        + "); leave type out of " + shape.aFlight);
            }
            type = flightType;
        }
        Channel channel = fields.enumValue("channel", Channel.class, Channel.IN_PERSON);
        SatisfactionFactor factor = fields.enumValue("factor", SatisfactionFactor.class, null);
        Severity severity = fields.enumValue("severity", Severity.class, Severity.MODERATE);
        Instant occurred = fields.instant("occurred_at");
        Instant detected = fields.instant("detected_at");
        times(fields, occurred, detected, now);
        Integer waited = fields.integer("minutes_waited", 0, "must not be negative");
        Integer promised = fields.integer("minutes_promised", 0, "must not be negative");
        Money orderValue = money(fields, "order_value");
        boolean extraordinary = fields.bool("extraordinary_circumstances", false);
        Instant claimed = fields.instant("claimed_at");
        if (flight != null && flight.cause() != null && fields.has("extraordinary_circumstances")
                && extraordinary != (flight.cause() == CauseCategory.OUTSIDE_CONTROL)) {
            fields.problem("extraordinary_circumstances", extraordinary + " contradicts cause " + flight.cause()
                    + " (extraordinary circumstances are OUTSIDE_CONTROL); give one of them");
        }
        Map<String, String> attributes = fields.strings("attributes");
        List<AffectedItem> items = items(fields);
        if (fields.problems().size() > before) {
            return null;
        }
        Incident.Builder builder = Incident.builder(id, type).journeyId(fields.text("journey_id"))
                .customerId(fields.text("customer_id")).location(fields.text("location"))
                .touchpoint(fields.text("touchpoint")).channel(channel).factor(factor).severity(severity)
                .occurredAt(occurred).detectedAt(detectedAt)
                .wait(waited == null ? 0 : waited, promised == null ? 0 : promised).orderValue(orderValue)
                .extraordinaryCircumstances(extraordinary && (flight == null || flight.cause() == null))
                .flight(flight).claimedAt(claimed);
        items.forEach(builder::item);
        attributes.forEach(builder::attribute);
        try {
            return builder.build();
        } catch (IllegalArgumentException | NullPointerException e) {
            fields.problem(e.getMessage());
            return null;
        }
    }

    /**
     * Sets the detection time (detected, else occurred, else {@code now}) and reports a missing one.
     * A JSON line also names both times when detection comes first; a scenario leaves that to the
     * incident's own check, reported at the incident.
     */
    private void times(DocumentFields fields, Instant occurred, Instant detected, Instant now) {
        detectedAt = detected != null ? detected : occurred != null ? occurred : now;
        boolean given = fields.has("occurred_at") || fields.has("detected_at");
        if (shape == Shape.JSON_LINE) {
            if (!given) {
                fields.problem("occurred_at or detected_at is required (an ISO-8601 time like 2026-03-01T19:30:00Z)");
            } else if (occurred != null && detected != null && detected.isBefore(occurred)) {
                fields.problem("detected_at", detected + " is before occurred_at " + occurred);
            }
        } else if (!given && now == null) {
            fields.problem("detected_at", "is required (or give occurred_at or given.now)");
        }
    }

    /**
     * Returns the detection time of the incident read last: its {@code detected_at}, else its
     * {@code occurred_at}, else the {@code now} it was read with; known even when the incident has
     * other problems, so that times that depend on it can still be checked.
     *
     * @return the detection time, or null when there is none (or no incident was read)
     */
    public @Nullable Instant detectedAt() {
        return detectedAt;
    }

    /**
     * Whether the incident is a flight ({@code kind} = {@code FLIGHT}); reports another kind, and
     * flight keys on an incident that is not a flight.
     */
    private boolean isFlight(DocumentFields fields) {
        String kind = fields.text("kind");
        if (kind != null && !kind.equalsIgnoreCase(FLIGHT)) {
            fields.problem("kind", "'" + kind + "' is not " + FLIGHT + " (leave kind out for any other incident)");
            return false;
        }
        if (kind == null) {
            for (String key : FLIGHT_KEYS) {
                if (fields.has(key)) {
                    fields.problem(key, "is a flight " + shape.keyWord + ": add " + shape.kindFlight
                            + " (or leave it out)");
                }
            }
        }
        return kind != null;
    }

    /**
     * The flight of a flight incident, or null when a key is missing, unreadable or contradicts
     * another (every such problem is reported, naming its key).
     */
    private FlightDisruption flight(DocumentFields fields) {
        Disruption disruption = fields.requiredEnum("disruption", Disruption.class);
        FlightDisruption.Builder builder = FlightDisruption.builder(disruption)
                .distanceKm(fields.integer("distance_km"))
                .intraEu(fields.bool("intra_eu"))
                .departureDelayMinutes(fields.integer("departure_delay_minutes"))
                .arrivalDelayMinutes(fields.integer("arrival_delay_minutes"))
                .noticeDays(fields.integer("notice_days"))
                .rerouteDepartureEarlierMinutes(fields.integer("reroute_departure_earlier_minutes"))
                .rerouted(fields.bool("rerouted", false))
                .overnight(fields.bool("overnight", false))
                .volunteered(fields.bool("volunteered", false))
                .ticketPrice(money(fields, "ticket_price"))
                .cause(fields.enumValue("cause", CauseCategory.class, null))
                .carrierSize(fields.enumValue("carrier_size", CarrierSize.class, null))
                .noticeHours(fields.integer("notice_hours"))
                .route(fields.text("flight_number"), fields.text("carrier"), fields.text("origin"),
                        fields.text("destination"));
        List<FlightDisruption.Problem> problems = builder.problems();
        for (FlightDisruption.Problem problem : problems) {
            // a key that is there but could not be read was reported as such, not as missing
            if (!(problem.missing() && fields.has(problem.field()))) {
                fields.problem(problem.field(), problem.message());
            }
        }
        return disruption == null || !problems.isEmpty() ? null : builder.build();
    }

    private List<AffectedItem> items(DocumentFields fields) {
        List<AffectedItem> items = new ArrayList<>();
        for (DocumentFields item : fields.objects("items", false)) {
            int before = item.problems().size();
            item.onlyKnown(ITEM_KEYS);
            String name = item.requiredText("name");
            Money price = item.require("price") ? money(item, "price") : null;
            boolean delivered = item.bool("delivered", true);
            if (item.problems().size() > before || name == null || price == null) {
                continue;
            }
            try {
                items.add(new AffectedItem(name, price, delivered));
            } catch (IllegalArgumentException e) {
                item.problem(e.getMessage());
            }
        }
        return items;
    }

    /**
     * Reads a customer object: {@code id} (required), {@code tier}, {@code lifetime_value} (in its
     * own {@code currency}, else the incident's), the contact preference and
     * {@code recent_failures} (a whole number, 0 when absent).
     *
     * @param fields the customer object
     * @return the customer, or null when it has problems (reported to {@code fields})
     */
    public @Nullable Customer customer(DocumentFields fields) {
        return customer(fields, null);
    }

    /** A customer whose id defaults to {@code defaultId} (null: the id is required). */
    private Customer customer(DocumentFields fields, String defaultId) {
        int before = fields.problems().size();
        fields.onlyKnown(shape.customerKeys);
        String id = defaultId == null ? fields.requiredText("id") : fields.text("id");
        String tier = fields.text("tier");
        Money lifetime = money(fields, "lifetime_value", currency(fields, unit));
        ContactPreference contact;
        if (shape == Shape.JSON_LINE) {
            contact = contact(fields, "contact_channel", "contact_address_kind", false);
        } else {
            DocumentFields nested = fields.object("contact", true);
            if (nested != null) {
                nested.onlyKnown(CONTACT_KEYS);
            }
            contact = nested == null ? null : contact(nested, "channel", "address_kind", true);
        }
        Integer recent = fields.integer("recent_failures", 0, "must not be negative");
        if (fields.problems().size() > before || contact == null) {
            return null;
        }
        try {
            return new Customer(id != null ? id : defaultId, tier, lifetime, contact, recent == null ? 0 : recent);
        } catch (IllegalArgumentException | NullPointerException e) {
            fields.problem(e.getMessage());
            return null;
        }
    }

    /**
     * A contact preference; when not required, the channel defaults to EMAIL and the address kind
     * to the channel's usual one (EMAIL for email, MOBILE for SMS and phone, else OTHER).
     */
    private static ContactPreference contact(DocumentFields fields, String channelKey, String kindKey,
            boolean required) {
        Channel channel = required ? fields.requiredEnum(channelKey, Channel.class)
                : fields.enumValue(channelKey, Channel.class, DEFAULT_CONTACT);
        AddressKind usual = channel == null ? null : switch (channel) {
            case EMAIL -> AddressKind.EMAIL;
            case SMS, PHONE -> AddressKind.MOBILE;
            default -> AddressKind.OTHER;
        };
        AddressKind kind = required ? fields.requiredEnum(kindKey, AddressKind.class)
                : fields.enumValue(kindKey, AddressKind.class, usual);
        return channel == null || kind == null ? null : new ContactPreference(channel, kind);
    }

    /**
     * Reads a scenario's {@code given.context}: {@code budget_left_today} (an amount),
     * {@code similar_recent_incidents} (at least 1, this incident included; 1 when absent) and
     * {@code already_compensated} (false when absent).
     *
     * @param fields the context object
     * @param now the decision time
     * @return the context, or null when it has problems (reported to {@code fields})
     */
    public @Nullable RecoveryContext context(DocumentFields fields, Instant now) {
        int before = fields.problems().size();
        fields.onlyKnown(HINT_KEYS);
        Hints hints = hints(fields);
        if (fields.problems().size() > before) {
            return null;
        }
        try {
            return new RecoveryContext(now, hints.budgetLeftToday(), hints.similarRecentIncidents(),
                    hints.alreadyCompensated());
        } catch (IllegalArgumentException | NullPointerException e) {
            fields.problem(e.getMessage());
            return null;
        }
    }

    private Hints hints(DocumentFields fields) {
        Money budget = money(fields, "budget_left_today");
        Integer similar = fields.integer("similar_recent_incidents", 1, "must be at least 1 (it counts this incident)");
        boolean compensated = fields.bool("already_compensated", false);
        return new Hints(budget, similar == null ? 1 : similar, compensated);
    }

    /**
     * Reads one JSON line of incidents: the incident, its inline customer (whose id defaults to
     * {@code customer_id} and must match it) and the context hints.
     */
    IncidentRecord incidentLine(DocumentFields fields, String source, long line, List<String> requiredFlightFields) {
        int before = fields.problems().size();
        Incident incident = incident(fields, null);
        if (incident != null && incident.flight() != null) {
            for (String field : incident.flight().lacks(requiredFlightFields)) {
                fields.problem(field, "is missing: the policy needs it for every flight");
            }
        }
        String customerId = fields.text("customer_id");
        Customer customer = null;
        DocumentFields inline = fields.object("customer", false);
        if (inline != null) {
            String inlineId = inline.text("id");
            if (inlineId != null && customerId != null && !inlineId.equals(customerId)) {
                inline.problem("id", "'" + inlineId + "' differs from customer_id '" + customerId + "'");
            }
            customer = customer(inline, customerId);
        }
        Hints hints = hints(fields);
        if (fields.problems().size() > before || incident == null) {
            return null;
        }
        return new IncidentRecord(incident, customer, hints.budgetLeftToday(), hints.similarRecentIncidents(),
                hints.alreadyCompensated(), source, line);
    }

    // ---- amounts --------------------------------------------------------------------------------

    /**
     * Reads an amount in the incident's currency ({@code "18.50"}) or its own ({@code "EUR 18.50"}).
     *
     * @param fields the object that holds it
     * @param key its key
     * @return the amount, or null when missing or (reported) not a non-negative amount
     */
    public @Nullable Money money(DocumentFields fields, String key) {
        return money(fields, key, unit);
    }

    private Money money(DocumentFields fields, String key, Unit in) {
        return fields.parsed(key, "an amount", text -> parseMoney(text, in));
    }

    private Money parseMoney(String text, Unit in) {
        String[] parts = text.split("\\s+");
        Currency currency = in.currency();
        String number = text;
        if (parts.length == 2) {
            try {
                currency = parseCurrency(parts[0]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "': " + e.getMessage());
            }
            number = parts[1];
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not an amount (write it like \"18.50\" or "
                    + "\"EUR 18.50\")");
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException(amount.toPlainString() + " must not be negative");
        }
        if (currency == null) {
            if (in.unreadable()) {
                return null;
            }
            throw new IllegalArgumentException("'" + text + "' has no currency: write \"EUR " + number + "\" or set "
                    + in.where());
        }
        try {
            return Money.of(amount, currency);
        } catch (ArithmeticException e) {
            // a JSON line names the amount and the decimals; a scenario quotes the text as written
            throw new IllegalArgumentException(shape == Shape.JSON_LINE
                    ? amount.toPlainString() + " has more decimals than " + currency + " allows ("
                            + currency.getDefaultFractionDigits() + ")"
                    : "'" + text + "' has more decimals than " + currency + " allows");
        }
    }

    /** The object's {@code currency}, or {@code absent} when it gives none. */
    private static Unit currency(DocumentFields fields, Unit absent) {
        if (!fields.has("currency")) {
            return absent;
        }
        Currency currency = fields.parsed("currency", "a currency code", IncidentFields::parseCurrency);
        return new Unit(currency, currency == null, fields.path("currency"));
    }

    private static Currency parseCurrency(String code) {
        Currency currency;
        try {
            currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + code + "' is not an ISO 4217 currency code (like EUR, USD, GBP)");
        }
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("'" + code + "' has no fixed number of decimals; use a real currency");
        }
        return currency;
    }

    private static Set<String> keys(String... names) {
        return keys(Set.of(), names);
    }

    /** Sorted, so that problems about several keys come in a stable order. */
    private static Set<String> keys(Set<String> base, String... names) {
        Set<String> all = new TreeSet<>(base);
        all.addAll(List.of(names));
        return Collections.unmodifiableSortedSet((TreeSet<String>) all);
    }

    private static Set<String> keys(Set<String> a, Set<String> b, String... names) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return keys(all, names);
    }
}
