package dev.cxkit.core.io;

import dev.cxkit.core.journey.EventOutcome;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.SatisfactionFactor;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns one row of a journey-event export into a {@link JourneyEvent} or the reason it is
 * rejected. Problems are reported in a fixed order: missing required fields, then bad times, then
 * bad enum values, then rules between fields.
 *
 * <p>Not thread-safe.
 */
final class EventRowParser extends RowParser<JourneyEvent> {

    static final int EVENT_ID = 0;
    static final int JOURNEY_ID = 1;
    static final int CUSTOMER_ID = 2;
    static final int TOUCHPOINT = 3;
    static final int OCCURRED_AT = 4;
    static final int STAGE = 5;
    static final int CHANNEL = 6;
    static final int ADDRESS_KIND = 7;
    static final int LOCATION = 8;
    static final int OUTCOME = 9;
    static final int FAILURE_TYPE = 10;
    static final int FACTOR = 11;
    static final int RECOVERED_AT = 12;

    /** The snake_case names of the standard fields, by field number. */
    static final String[] NAMES = {"event_id", "journey_id", "customer_id", "touchpoint", "occurred_at", "stage",
        "channel", "address_kind", "location", "outcome", "failure_type", "factor", "recovered_at"};

    private final String[] text = new String[NAMES.length];
    private Instant occurredAt;
    private Instant recoveredAt;
    private String timeProblem;
    private Channel channel;
    private AddressKind addressKind;
    private EventOutcome outcome;
    private SatisfactionFactor factor;
    private String enumProblem;

    EventRowParser() {
        super(NAMES, EVENT_ID, JOURNEY_ID, TOUCHPOINT, OCCURRED_AT);
    }

    @Override
    void clear() {
        Arrays.fill(text, null);
        occurredAt = null;
        recoveredAt = null;
        timeProblem = null;
        channel = null;
        addressKind = null;
        outcome = null;
        factor = null;
        enumProblem = null;
    }

    @Override
    void set(int field, char[] a, int off, int len) {
        switch (field) {
            case OCCURRED_AT:
                occurredAt = instant(field, a, off, len);
                break;
            case RECOVERED_AT:
                recoveredAt = instant(field, a, off, len);
                break;
            case CHANNEL:
                channel = constant(field, Channel.values(), a, off, len);
                break;
            case ADDRESS_KIND:
                addressKind = constant(field, AddressKind.values(), a, off, len);
                break;
            case OUTCOME:
                outcome = constant(field, EventOutcome.values(), a, off, len);
                break;
            case FACTOR:
                factor = constant(field, SatisfactionFactor.values(), a, off, len);
                break;
            case EVENT_ID:
            case JOURNEY_ID:
            case CUSTOMER_ID:
                text[field] = new String(a, off, len);
                break;
            default:
                text[field] = strings.get(a, off, len);
        }
    }

    private Instant instant(int field, char[] a, int off, int len) {
        String problem = timestamps.parse(name(field), a, off, len);
        if (problem == null && timestamps.instant == null) {
            problem = name(field) + " '" + new String(a, off, len) + "' is a date without a time; journeys need the "
                    + "time (like 2026-03-01T10:15:30Z)";
        }
        if (problem != null) {
            if (timeProblem == null) {
                timeProblem = problem;
            }
            return null;
        }
        return timestamps.instant;
    }

    private <E extends Enum<E>> E constant(int field, E[] values, char[] a, int off, int len) {
        String value = strings.get(a, off, len);
        String wanted = value.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E e : values) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        if (enumProblem == null) {
            enumProblem = name(field) + " '" + value + "' is not one of " + names(values);
        }
        return null;
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    @Override
    String problem() {
        for (int field : new int[] {EVENT_ID, JOURNEY_ID, TOUCHPOINT}) {
            if (text[field] == null) {
                return name(field) + " is missing";
            }
        }
        if (timeProblem != null) {
            return timeProblem;
        }
        if (occurredAt == null) {
            return "occurred_at is missing";
        }
        if (enumProblem != null) {
            return enumProblem;
        }
        if (outcome == EventOutcome.FAILED && factor == null) {
            return "outcome is failed but factor is missing (one of " + names(SatisfactionFactor.values()) + ")";
        }
        if (recoveredAt != null && recoveredAt.isBefore(occurredAt)) {
            return "recovered_at " + recoveredAt + " is before occurred_at " + occurredAt;
        }
        return otherProblem();
    }

    @Override
    JourneyEvent build() {
        return new JourneyEvent(text[EVENT_ID], text[JOURNEY_ID], text[CUSTOMER_ID], text[TOUCHPOINT], occurredAt,
                text[STAGE], channel, addressKind, text[LOCATION], outcome == null ? EventOutcome.OK : outcome,
                text[FAILURE_TYPE], factor, recoveredAt, attributes());
    }
}
