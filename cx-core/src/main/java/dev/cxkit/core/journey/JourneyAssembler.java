package dev.cxkit.core.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Groups journey events into {@link Journey}s by journey id, and hands each journey to a consumer
 * when it closes.
 *
 * <pre>{@code
 * JourneyAssembler assembler = JourneyAssembler.builder().idleGap(Duration.ofHours(6))
 *         .lateEvents(late::add).build(journey -> accumulator.record(analyzer.outcome(journey)));
 * reader.read(events, assembler::add, rejections::add);
 * AssemblySummary summary = assembler.finish();
 * }</pre>
 *
 * <h2>Order and duplicates</h2>
 * Events may come in any order and more than once. Within a journey an event id counts once: the
 * first event read with that id is kept and later ones are dropped and counted as duplicates.
 * (Duplicates are expected to be re-sends of the same event; if two events share an id but differ,
 * the first one read wins.) Journeys hold their events sorted by time and event id, so a journey
 * does not depend on the order its events came in.
 *
 * <h2>Closing and memory</h2>
 * By default journeys close only at {@link #finish()}: exact for any input order, but every journey
 * stays in memory until then. With an {@linkplain Builder#idleGap(Duration) idle gap}, a journey
 * closes as soon as the <em>watermark</em>, the newest {@code occurredAt} seen, is more than the
 * gap past its last event. When the input is ordered by time (or out of order by less than the
 * gap), memory is then proportional to the journeys open within one gap, not to all events.
 * Journeys close in the order of their last event, then journey id.
 *
 * <h2>Late events</h2>
 * An event is <em>late</em> when its journey is not open and it is more than the idle gap older
 * than the watermark: its journey has closed, or would have. Late events are never assembled and
 * never silently lost: they are counted ({@link AssemblySummary#late()}) and handed to the
 * {@linkplain Builder#lateEvents(Consumer) late-event consumer}. In particular, a duplicate of an
 * event whose journey has closed is always late (it is no newer than that journey's last event),
 * so it is counted as late, not as a duplicate: the assembler does not remember closed journeys.
 * An event that is not late but whose journey id closed earlier (a pause longer than the gap
 * inside one journey) starts a new journey with the same id: choose a gap longer than the longest
 * pause within a journey. Without an idle gap nothing is ever late.
 *
 * <p><b>Not thread-safe.</b> Use one assembler per partition of journeys (for example by a hash of
 * the journey id) and add up the summaries; consumers are called on the adding thread.
 *
 * @since 0.1.0
 */
public final class JourneyAssembler {

    private final Duration idleGap;
    private final Consumer<? super Journey> closed;
    private final Consumer<? super JourneyEvent> lateConsumer;
    private final Map<String, Open> open = new HashMap<>();
    /**
     * The closing queue, in two sorted parts: entries that came in order (by last event, then
     * journey id), appended to a deque, which costs nothing to keep sorted; and those that came out
     * of order, in a heap. Time-ordered events (what an idle gap is for) never touch the heap.
     */
    private final ArrayDeque<Entry> inOrder = new ArrayDeque<>();
    private final PriorityQueue<Entry> outOfOrder = new PriorityQueue<>(Entry.ORDER);
    private Instant watermark;
    private long events;
    private long assembled;
    private long duplicates;
    private long late;
    private long journeys;
    private int peakOpen;
    private boolean finished;

    private JourneyAssembler(Builder builder, Consumer<? super Journey> closed) {
        this.idleGap = builder.idleGap;
        this.lateConsumer = builder.lateEvents;
        this.closed = closed;
    }

    /**
     * Starts a builder: no idle gap (journeys close at {@link #finish()}), late events counted
     * only.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** An open journey: its events by id, and its newest event time. */
    private static final class Open {
        final String id;
        final LinkedHashMap<String, JourneyEvent> events = new LinkedHashMap<>();
        Instant last;
        int duplicates;
        /** Set when the journey closes, so a stale queue entry needs no look-up to be skipped. */
        boolean closed;

        Open(String id) {
            this.id = id;
        }
    }

    /** A journey in the closing queue, as of one last-event time (stale when the journey moved on). */
    private record Entry(Instant last, Open journey) {
        /**
         * By last event, then journey id; written out (one poll per event, so on the hot path) rather
         * than built from {@code comparing(...)} lambdas shared with every other such comparator.
         */
        static final Comparator<Entry> ORDER = (a, b) -> {
            int byTime = a.last.compareTo(b.last);
            return byTime != 0 ? byTime : a.journey.id.compareTo(b.journey.id);
        };
    }

    /**
     * Adds an event: to its open journey, as a duplicate, or as late; then closes the journeys the
     * watermark has passed by more than the idle gap.
     *
     * @param event the event
     * @throws NullPointerException if the event is null
     * @throws IllegalStateException after {@link #finish()}
     */
    public void add(JourneyEvent event) {
        Objects.requireNonNull(event, "event");
        if (finished) {
            throw new IllegalStateException("the assembler has finished");
        }
        events++;
        Instant at = event.occurredAt();
        Open journey = open.get(event.journeyId());
        if (journey == null) {
            if (idleGap != null && watermark != null && at.plus(idleGap).isBefore(watermark)) {
                late++;
                if (lateConsumer != null) {
                    lateConsumer.accept(event);
                }
                return;
            }
            journey = new Open(event.journeyId());
            open.put(journey.id, journey);
        }
        if (journey.events.putIfAbsent(event.eventId(), event) != null) {
            journey.duplicates++;
            duplicates++;
            return;
        }
        if (journey.last == null || at.isAfter(journey.last)) {
            journey.last = at;
            if (idleGap != null) {
                Entry entry = new Entry(at, journey);
                Entry tail = inOrder.peekLast();
                if (tail == null || Entry.ORDER.compare(tail, entry) < 0) {
                    inOrder.addLast(entry);
                } else {
                    outOfOrder.add(entry);
                }
            }
        }
        if (watermark == null || at.isAfter(watermark)) {
            watermark = at;
            closeIdle();
        }
        peakOpen = Math.max(peakOpen, open.size());
    }

    private void closeIdle() {
        if (idleGap == null) {
            return;
        }
        Instant horizon = watermark.minus(idleGap);
        while (true) {
            Entry first = inOrder.peekFirst();
            Entry other = outOfOrder.peek();
            boolean fromHeap = first == null || other != null && Entry.ORDER.compare(other, first) < 0;
            Entry next = fromHeap ? other : first;
            if (next == null || !next.last().isBefore(horizon)) {
                return;
            }
            Entry entry = fromHeap ? outOfOrder.poll() : inOrder.pollFirst();
            Open journey = entry.journey();
            if (!journey.closed && journey.last.equals(entry.last())) {
                close(journey);
            }
        }
    }

    private void close(Open journey) {
        journey.closed = true;
        open.remove(journey.id);
        assembled += journey.events.size();
        journeys++;
        closed.accept(Journey.of(journey.id, new ArrayList<>(journey.events.values()), journey.duplicates));
    }

    /**
     * Closes every open journey (in the order of their last event, then journey id) and returns the
     * counts. Adding afterwards is an error; finishing again returns the same counts.
     *
     * @return the counts
     */
    public AssemblySummary finish() {
        if (!finished) {
            finished = true;
            List<Open> rest = new ArrayList<>(open.values());
            rest.sort((a, b) -> {
                int byTime = a.last.compareTo(b.last);
                return byTime != 0 ? byTime : a.id.compareTo(b.id);
            });
            for (Open journey : rest) {
                close(journey);
            }
            inOrder.clear();
            outOfOrder.clear();
        }
        return summary();
    }

    /**
     * Returns the counts of what has been settled so far: events in journeys that are still open
     * are left out until those journeys close, so the summary always balances.
     *
     * @return the counts of closed journeys, duplicates and late events
     */
    public AssemblySummary summary() {
        long pending = 0;
        for (Open journey : open.values()) {
            pending += journey.events.size();
        }
        return new AssemblySummary(events - pending, assembled, duplicates, late, journeys);
    }

    /** Returns the number of journeys open now. */
    public int openJourneys() {
        return open.size();
    }

    /**
     * Returns the largest number of journeys open after adding an event: the memory high-water
     * mark.
     */
    public int peakOpenJourneys() {
        return peakOpen;
    }

    /** Returns the newest event time seen, or empty before the first event. */
    public Optional<Instant> watermark() {
        return Optional.ofNullable(watermark);
    }

    /**
     * Builds a {@link JourneyAssembler}. Not thread-safe.
     */
    public static final class Builder {
        private Duration idleGap;
        private Consumer<? super JourneyEvent> lateEvents;

        private Builder() {
        }

        /**
         * Closes a journey once the watermark is more than {@code gap} past its last event, so that
         * memory stays proportional to open journeys for time-ordered input.
         *
         * @param gap a positive gap, or null to close journeys only at {@link #finish()} (the
         *     default)
         * @return this builder
         * @throws IllegalArgumentException if the gap is zero or negative
         */
        public Builder idleGap(@Nullable Duration gap) {
            if (gap != null && (gap.isNegative() || gap.isZero())) {
                throw new IllegalArgumentException("the idle gap must be positive: " + gap);
            }
            this.idleGap = gap;
            return this;
        }

        /**
         * Sets who receives late events (they are counted either way).
         *
         * @param consumer the consumer, or null to only count them
         * @return this builder
         */
        public Builder lateEvents(@Nullable Consumer<? super JourneyEvent> consumer) {
            this.lateEvents = consumer;
            return this;
        }

        /**
         * Builds the assembler.
         *
         * @param closed receives each journey when it closes
         * @return the assembler
         * @throws NullPointerException if {@code closed} is null
         */
        public JourneyAssembler build(Consumer<? super Journey> closed) {
            return new JourneyAssembler(this, Objects.requireNonNull(closed, "closed"));
        }
    }
}
