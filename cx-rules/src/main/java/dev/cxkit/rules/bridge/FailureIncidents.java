package dev.cxkit.rules.bridge;

import dev.cxkit.core.journey.Journey;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.journey.Promise;
import dev.cxkit.core.journey.PromiseCheck;
import dev.cxkit.core.journey.ServiceFailure;
import dev.cxkit.core.journey.Touchpoint;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.rules.fact.AffectedItem;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.fact.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The bridge from journey analytics to recovery policies: turns one {@link ServiceFailure} of a
 * journey into the {@link Incident} a policy decides, with the journey's customer, location and
 * touchpoint, when it happened and was noticed, the wait for a broken deadline, and the order
 * value and affected item where the events carry them.
 *
 * <h2>What becomes what</h2>
 * <ul>
 *   <li><b>Type.</b> A failure type set with {@link #withType} wins. Otherwise a broken contact
 *       rule is {@link IncidentType#CONTACT_RULE_BROKEN}; a broken deadline (an
 *       {@link Promise.Direction#AT_MOST at-most} promise) {@link IncidentType#LONG_WAIT}; a
 *       broken notice (at-least) {@link IncidentType#OTHER}; a failed event's
 *       {@code failure_type} the incident type of that name ({@code wrong_item} is
 *       {@code WRONG_ITEM}), else a common name ({@code missing_item}, {@code not_delivered}:
 *       {@code ITEM_NOT_DELIVERED}; {@code cold_food}: {@code QUALITY}; {@code rude_staff}:
 *       {@code RUDE_OR_CARELESS_STAFF}; {@code late_...}: {@code LONG_WAIT}; {@code wrong_channel}:
 *       {@code CONTACT_RULE_BROKEN}; {@code billing_...}, {@code overcharged}: {@code BILLING_ERROR}),
 *       else the usual type of its factor (product: {@code QUALITY}, people:
 *       {@code RUDE_OR_CARELESS_STAFF}, timeliness: {@code LONG_WAIT}, resolution: {@code OTHER}).
 *   <li><b>Wait.</b> For a broken deadline, the minutes promised are the limit and the minutes
 *       waited the time measured; when the awaited event never came, how long is not known, so
 *       the incident claims no more than one minute past the limit (a {@link Severity#MINOR}
 *       wait unless {@link #withSeverity} says otherwise).
 *   <li><b>Severity.</b> A severity set with {@link #withSeverity} wins; a wait is
 *       {@link Severity#MINOR} up to 10 minutes over the limit, {@link Severity#MODERATE} up to 25
 *       and {@link Severity#MAJOR} beyond; anything else {@link Severity#MODERATE}.
 *   <li><b>Channel.</b> The channel of the event at the failure's touchpoint, else the
 *       touchpoint's in the definition, else {@link Channel#OTHER}.
 *   <li><b>Times.</b> It occurred when the failure happened; it was detected then too, except a
 *       broken deadline, detected when the late event came.
 *   <li><b>Order.</b> The first event of the journey with {@code order_value} and
 *       {@code currency} attributes gives the order value; the failed event's {@code item} and
 *       {@code item_price} the affected item (not delivered for {@code ITEM_NOT_DELIVERED}).
 *   <li><b>Id.</b> {@code INC-<journey id>-<failure type>}, with {@code _} as {@code -}.
 * </ul>
 *
 * <p>Immutable and thread-safe; the {@code with...} methods return new instances.
 *
 * @since 0.1.0
 */
public final class FailureIncidents {

    /** The incident attribute that keeps the failure's own type ({@code cold_food}, {@code served-in-20}). */
    public static final String FAILURE = "failure";
    /** The event attribute that holds the order's value, as a decimal. */
    public static final String ORDER_VALUE = "order_value";
    /** The event attribute that holds the order value's ISO 4217 currency. */
    public static final String CURRENCY = "currency";
    /** The failed event's attribute that names the item the failure touched. */
    public static final String ITEM = "item";
    /** The failed event's attribute that holds that item's price. */
    public static final String ITEM_PRICE = "item_price";

    private static final Map<String, IncidentType> COMMON_NAMES = Map.ofEntries(
            Map.entry("MISSING_ITEM", IncidentType.ITEM_NOT_DELIVERED),
            Map.entry("NOT_DELIVERED", IncidentType.ITEM_NOT_DELIVERED),
            Map.entry("NEVER_DELIVERED", IncidentType.ITEM_NOT_DELIVERED),
            Map.entry("COLD_FOOD", IncidentType.QUALITY),
            Map.entry("RUDE_STAFF", IncidentType.RUDE_OR_CARELESS_STAFF),
            Map.entry("CARELESS_STAFF", IncidentType.RUDE_OR_CARELESS_STAFF),
            Map.entry("WRONG_CHANNEL", IncidentType.CONTACT_RULE_BROKEN),
            Map.entry("OVERCHARGED", IncidentType.BILLING_ERROR));

    private final Map<String, IncidentType> types;
    private final Map<String, Severity> severities;

    private FailureIncidents(Map<String, IncidentType> types, Map<String, Severity> severities) {
        this.types = Map.copyOf(types);
        this.severities = Map.copyOf(severities);
    }

    /**
     * Returns the bridge with the defaults described above.
     *
     * @return the bridge
     */
    public static FailureIncidents defaults() {
        return new FailureIncidents(Map.of(), Map.of());
    }

    /**
     * Returns a bridge that files failures of one type as an incident type.
     *
     * @param failureType a failed event's {@code failure_type}, a promise's id or a contact rule's id
     * @param type the incident type
     * @return the new bridge
     */
    public FailureIncidents withType(String failureType, IncidentType type) {
        Map<String, IncidentType> copy = new HashMap<>(types);
        copy.put(key(failureType), Objects.requireNonNull(type, "type"));
        return new FailureIncidents(copy, severities);
    }

    /**
     * Returns a bridge that gives failures of one type a fixed severity.
     *
     * @param failureType a failed event's {@code failure_type}, a promise's id or a contact rule's id
     * @param severity the severity
     * @return the new bridge
     */
    public FailureIncidents withSeverity(String failureType, Severity severity) {
        Map<String, Severity> copy = new HashMap<>(severities);
        copy.put(key(failureType), Objects.requireNonNull(severity, "severity"));
        return new FailureIncidents(types, copy);
    }

    private static String key(String failureType) {
        return Objects.requireNonNull(failureType, "failureType").strip().toUpperCase(Locale.ROOT).replace('-', '_')
                .replace(' ', '_');
    }

    /**
     * Returns the incident type a failure is filed as.
     *
     * @param definition the definition of the failure's journey
     * @param failure the failure
     * @return the type
     */
    public IncidentType type(JourneyDefinition definition, ServiceFailure failure) {
        String key = key(failure.type());
        IncidentType set = types.get(key);
        if (set != null) {
            return set;
        }
        switch (failure.source()) {
            case CONTACT_RULE:
                return IncidentType.CONTACT_RULE_BROKEN;
            case PROMISE:
                return promise(definition, failure).map(p -> p.direction() == Promise.Direction.AT_MOST
                        ? IncidentType.LONG_WAIT : IncidentType.OTHER).orElse(IncidentType.OTHER);
            default:
                break;
        }
        for (IncidentType type : IncidentType.values()) {
            if (type.name().equals(key)) {
                return type;
            }
        }
        IncidentType common = COMMON_NAMES.get(key);
        if (common != null) {
            return common;
        }
        if (key.startsWith("LATE_") || key.startsWith("SLOW_")) {
            return IncidentType.LONG_WAIT;
        }
        if (key.startsWith("BILLING_")) {
            return IncidentType.BILLING_ERROR;
        }
        return usual(failure.factor());
    }

    private static IncidentType usual(SatisfactionFactor factor) {
        switch (factor) {
            case PRODUCT:
                return IncidentType.QUALITY;
            case PEOPLE:
                return IncidentType.RUDE_OR_CARELESS_STAFF;
            case TIMELINESS:
                return IncidentType.LONG_WAIT;
            default:
                return IncidentType.OTHER;
        }
    }

    /**
     * Turns one failure of a journey into an incident.
     *
     * @param definition the definition the journey was measured against
     * @param journey the journey, with its events
     * @param outcome what the analyzer made of it
     * @param failure one of {@code outcome.failures()}
     * @return the incident
     * @throws NullPointerException if an argument is null
     */
    public Incident incident(JourneyDefinition definition, Journey journey, JourneyOutcome outcome,
            ServiceFailure failure) {
        return incident(definition, journey, outcome, failure, id(journey.journeyId(), failure.type()));
    }

    /**
     * Turns one failure of a journey into an incident with a given id (for a journey with two
     * failures of one type).
     *
     * @param definition the definition the journey was measured against
     * @param journey the journey, with its events
     * @param outcome what the analyzer made of it
     * @param failure one of {@code outcome.failures()}
     * @param id the incident's id
     * @return the incident, with the failure's type as its {@code failure} attribute
     * @throws NullPointerException if an argument is null
     */
    public Incident incident(JourneyDefinition definition, Journey journey, JourneyOutcome outcome,
            ServiceFailure failure, String id) {
        Objects.requireNonNull(journey, "journey");
        Objects.requireNonNull(outcome, "outcome");
        IncidentType type = type(definition, failure);
        Optional<JourneyEvent> at = eventAt(journey, failure);
        Incident.Builder b = Incident.builder(id, type).attribute(FAILURE, failure.type())
                .journeyId(journey.journeyId()).customerId(outcome.customerId())
                .location(failure.location() != null ? failure.location() : outcome.location())
                .touchpoint(failure.touchpoint()).factor(failure.factor())
                .channel(at.map(JourneyEvent::channel).or(() -> definition.touchpoint(failure.touchpoint())
                        .map(Touchpoint::channel)).orElse(Channel.OTHER))
                .occurredAt(failure.occurredAt());
        Instant detected = failure.occurredAt();
        int waited = 0;
        int promised = 0;
        Optional<Promise> promise = failure.source() == ServiceFailure.Source.PROMISE
                ? promise(definition, failure) : Optional.empty();
        if (type == IncidentType.LONG_WAIT && promise.isPresent()
                && promise.get().direction() == Promise.Direction.AT_MOST) {
            Promise p = promise.get();
            Instant start = failure.occurredAt().minus(p.limit());
            Duration measured = measured(outcome, failure).orElse(null);
            promised = minutes(p.limit());
            if (measured != null) {
                waited = minutes(measured);
                detected = start.plus(measured);
            } else {
                waited = promised + 1; // the awaited event never came: only "late" is known
            }
            b.wait(waited, promised);
        }
        b.detectedAt(detected.isBefore(failure.occurredAt()) ? failure.occurredAt() : detected);
        b.severity(severity(failure, waited, promised));
        Optional<Money> order = order(journey);
        order.ifPresent(b::orderValue);
        if (failure.source() == ServiceFailure.Source.EVENT) {
            String orderCurrency = order.map(m -> m.currency().getCurrencyCode()).orElse(null);
            at.flatMap(e -> item(e, type, orderCurrency)).ifPresent(b::item);
        }
        return b.build();
    }

    private Severity severity(ServiceFailure failure, int waited, int promised) {
        Severity set = severities.get(key(failure.type()));
        if (set != null) {
            return set;
        }
        if (promised > 0) {
            int over = waited - promised;
            return over <= 10 ? Severity.MINOR : over <= 25 ? Severity.MODERATE : Severity.MAJOR;
        }
        return Severity.MODERATE;
    }

    /**
     * Returns the id an incident made from a failure has: {@code INC-<journey>-<failure type>}.
     *
     * @param journeyId the journey's id
     * @param failureType the failure's type
     * @return the id
     */
    public static String id(String journeyId, String failureType) {
        return "INC-" + journeyId + "-" + failureType.replace('_', '-');
    }

    private static Optional<Promise> promise(JourneyDefinition definition, ServiceFailure failure) {
        return definition.promises().stream().filter(p -> p.id().equals(failure.type())).findFirst();
    }

    private static Optional<Duration> measured(JourneyOutcome outcome, ServiceFailure failure) {
        for (PromiseCheck check : outcome.promises()) {
            if (check.promiseId().equals(failure.type()) && check.measured() != null) {
                return Optional.of(check.measured());
            }
        }
        return Optional.empty();
    }

    /** The event at the failure's touchpoint nearest to when it happened. */
    private static Optional<JourneyEvent> eventAt(Journey journey, ServiceFailure failure) {
        JourneyEvent best = null;
        long bestGap = Long.MAX_VALUE;
        for (JourneyEvent e : journey.events()) {
            if (e.touchpoint().equals(failure.touchpoint())) {
                long gap = Math.abs(Duration.between(e.occurredAt(), failure.occurredAt()).getSeconds());
                if (gap < bestGap) {
                    best = e;
                    bestGap = gap;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<Money> order(Journey journey) {
        for (JourneyEvent e : journey.events()) {
            String value = e.attributes().get(ORDER_VALUE);
            String currency = e.attributes().get(CURRENCY);
            if (value != null && currency != null) {
                return money(value, currency);
            }
        }
        return Optional.empty();
    }

    /** The item the failed event names, priced in its own currency or else the order's. */
    private static Optional<AffectedItem> item(JourneyEvent event, IncidentType type, String orderCurrency) {
        String name = event.attributes().get(ITEM);
        String price = event.attributes().get(ITEM_PRICE);
        String currency = event.attributes().getOrDefault(CURRENCY, orderCurrency);
        if (name == null || name.isBlank() || price == null) {
            return Optional.empty();
        }
        return money(price, currency).map(p -> new AffectedItem(name.strip(), p,
                type != IncidentType.ITEM_NOT_DELIVERED));
    }

    /** An amount the events give; an unreadable one is left out rather than failing the journey. */
    private static Optional<Money> money(String amount, String currency) {
        if (currency == null) {
            return Optional.empty();
        }
        try {
            Money m = Money.of(amount.strip(), currency.strip().toUpperCase(Locale.ROOT));
            return m.isNegative() ? Optional.empty() : Optional.of(m);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int minutes(Duration d) {
        long m = Math.max(0, (d.getSeconds() + 59) / 60);
        return (int) Math.min(Integer.MAX_VALUE, m);
    }
}
