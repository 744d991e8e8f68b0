package dev.cxkit.core.journey;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The events of one journey, in time order, as {@link JourneyAssembler} hands it on when it
 * closes.
 *
 * <p>Immutable and thread-safe.
 *
 * @param journeyId the journey's id
 * @param customerId the first customer id in time order, or null when no event names one
 * @param location the first location in time order, or null when no event names one
 * @param events the events, by {@code occurredAt} and then {@code eventId} (unmodifiable, not
 *     empty, one per event id)
 * @param duplicates how many repeated events (same event id) were dropped while it was assembled
 * @since 0.1.0
 */
public record Journey(String journeyId, @Nullable String customerId, @Nullable String location,
        List<JourneyEvent> events, int duplicates) {

    /** The order of events in a journey: by time, then by event id. */
    static final Comparator<JourneyEvent> ORDER = (a, b) -> {
        // written out rather than comparing(...).thenComparing(...): those lambdas are shared by every
        // comparator built that way, so on the path of every journey their calls are not inlined
        int byTime = a.occurredAt().compareTo(b.occurredAt());
        return byTime != 0 ? byTime : a.eventId().compareTo(b.eventId());
    };

    /**
     * Validates the journey.
     *
     * @throws NullPointerException if {@code journeyId} or {@code events} is null
     * @throws IllegalArgumentException if there are no events, an event belongs to another
     *     journey, the events are not in order or repeat an event id, or {@code duplicates} is
     *     negative
     */
    public Journey {
        Objects.requireNonNull(journeyId, "journeyId");
        events = List.copyOf(events);
        if (events.isEmpty()) {
            throw new IllegalArgumentException("journey " + journeyId + " has no events");
        }
        if (duplicates < 0) {
            throw new IllegalArgumentException("duplicates must not be negative: " + duplicates);
        }
        // a journey has a handful of events: comparing each id with the earlier ones costs less than
        // a hash set, which it needs only when it is long
        java.util.Set<String> ids = events.size() > SMALL ? new java.util.HashSet<>() : null;
        for (int i = 0; i < events.size(); i++) {
            JourneyEvent e = events.get(i);
            if (!e.journeyId().equals(journeyId)) {
                throw new IllegalArgumentException("event " + e.eventId() + " belongs to journey " + e.journeyId()
                        + ", not " + journeyId);
            }
            if (ids != null ? !ids.add(e.eventId()) : repeats(events, i)) {
                throw new IllegalArgumentException("journey " + journeyId + " repeats event " + e.eventId());
            }
            if (i > 0 && ORDER.compare(events.get(i - 1), e) > 0) {
                throw new IllegalArgumentException("journey " + journeyId + ": events must be ordered by time, then "
                        + "event id");
            }
        }
    }

    /** The number of events up to which repeated ids are found by comparing them pairwise. */
    private static final int SMALL = 16;

    /** Whether the {@code i}-th event's id is the id of an earlier one. */
    private static boolean repeats(List<JourneyEvent> events, int i) {
        String id = events.get(i).eventId();
        for (int j = 0; j < i; j++) {
            if (events.get(j).eventId().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A journey from events in any order, without duplicates; the customer and location are the
     * first ones named in time order.
     *
     * @param journeyId the journey's id
     * @param events the events
     * @param duplicates how many repeated events were dropped
     * @return the journey
     * @throws IllegalArgumentException as the constructor
     */
    public static Journey of(String journeyId, List<JourneyEvent> events, int duplicates) {
        JourneyEvent[] array = events.toArray(new JourneyEvent[0]);
        Arrays.sort(array, ORDER);
        List<JourneyEvent> sorted = List.of(array);
        String customer = null;
        String location = null;
        for (JourneyEvent e : sorted) {
            if (customer == null) {
                customer = e.customerId();
            }
            if (location == null) {
                location = e.location();
            }
        }
        return new Journey(journeyId, customer, location, sorted, duplicates);
    }

    /** Returns the time of the first event. */
    public Instant startedAt() {
        return events.get(0).occurredAt();
    }

    /** Returns the time of the last event. */
    public Instant endedAt() {
        return events.get(events.size() - 1).occurredAt();
    }
}
