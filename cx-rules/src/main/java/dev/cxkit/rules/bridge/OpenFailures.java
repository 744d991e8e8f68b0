package dev.cxkit.rules.bridge;

import dev.cxkit.core.journey.Journey;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.journey.ServiceFailure;
import dev.cxkit.core.journey.analytics.JourneyAnalytics;
import dev.cxkit.rules.fact.Incident;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects, as journeys close, the failures still open at a time: those that happened within a
 * window before it, were detected by then and had not been put right by then (events may run past
 * the time: what happened later is not known at it), each as the {@link Incident}
 * {@link FailureIncidents} makes of it, with how many failures of the same type at the same touchpoint and location happened in
 * the week up to it (so that a policy sees a recurring problem). Register it with
 * {@link JourneyAnalytics.Builder#listener}; memory holds only the failures of the two windows.
 *
 * <p>Not thread-safe: it runs on the thread that adds the events.
 *
 * @since 0.1.0
 */
public final class OpenFailures implements JourneyAnalytics.JourneyListener {

    /** How far back failures count as open by default: two weeks. */
    public static final Duration DEFAULT_OPEN_WINDOW = Duration.ofDays(14);
    /** The window of similar failures, as the bundled restaurant pack's settings count them. */
    public static final Duration SIMILAR_WINDOW = Duration.ofDays(7);

    /**
     * An open failure as an incident.
     *
     * @param incident the incident
     * @param similarRecentIncidents the failures of the same type, touchpoint and location in the
     *     {@linkplain #SIMILAR_WINDOW week} up to this one, this one included (at least 1)
     */
    public record OpenIncident(Incident incident, int similarRecentIncidents) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if the incident is null
         * @throws IllegalArgumentException if the count is below 1
         */
        public OpenIncident {
            Objects.requireNonNull(incident, "incident");
            if (similarRecentIncidents < 1) {
                throw new IllegalArgumentException("similar recent incidents count this one: " + similarRecentIncidents);
            }
        }
    }

    /** A failure within reach of the similar-failure count. */
    private record Seen(String type, String touchpoint, String location, Instant at) implements Serializable {
    }

    private final FailureIncidents bridge;
    private final Instant asOf;
    private final Instant openFrom;
    private final Instant seenFrom;
    private final List<Seen> seen = new ArrayList<>();
    private final List<Incident> open = new ArrayList<>();

    /**
     * Creates an empty collector.
     *
     * @param bridge how failures become incidents
     * @param asOf the time they are open at: failures at or after it are not counted
     * @param openWindow how far back from {@code asOf} an unrecovered failure is still open
     * @throws IllegalArgumentException if the window is negative
     */
    public OpenFailures(FailureIncidents bridge, Instant asOf, Duration openWindow) {
        this.bridge = Objects.requireNonNull(bridge, "bridge");
        this.asOf = Objects.requireNonNull(asOf, "asOf");
        if (openWindow.isNegative()) {
            throw new IllegalArgumentException("the open window must not be negative: " + openWindow);
        }
        this.openFrom = asOf.minus(openWindow);
        this.seenFrom = openFrom.minus(SIMILAR_WINDOW);
    }

    @Override
    public void closed(JourneyDefinition definition, Journey journey, JourneyOutcome outcome) {
        Map<String, Integer> types = new HashMap<>();
        for (ServiceFailure f : outcome.failures()) {
            Instant at = f.occurredAt();
            if (at.isBefore(seenFrom) || !at.isBefore(asOf)) {
                continue;
            }
            seen.add(new Seen(f.type(), f.touchpoint(), f.location(), at));
            // open at asOf: not put right by then (a recovery after asOf had not happened yet)
            boolean open = f.recoveredAt() == null || f.recoveredAt().isAfter(asOf);
            if (open && !at.isBefore(openFrom)) {
                String base = FailureIncidents.id(journey.journeyId(), f.type());
                int n = types.merge(base, 1, Integer::sum); // by id: cold_food and cold-food share one
                Incident incident = bridge.incident(definition, journey, outcome, f, base + (n == 1 ? "" : "-" + n));
                if (!incident.detectedAt().isAfter(asOf)) { // nobody knew of it at asOf
                    this.open.add(incident);
                }
            }
        }
    }

    /** What crosses between JVMs: the window and what was seen and found open in it. */
    private record Partial(Instant asOf, Instant openFrom, List<Seen> seen, List<Incident> open) implements Serializable {
    }

    /**
     * Returns what this collector found, as bytes for another JVM of the same job (for example a
     * Spark executor's to the driver): Java serialization of validated records, read back with a
     * filter that admits only cxkit's and the JDK's classes. A transfer, not a stored format: read
     * it with the same cxkit version.
     *
     * @return the bytes
     * @since 0.1.0
     */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new Partial(asOf, openFrom, new ArrayList<>(seen), new ArrayList<>(open)));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * Adds what another collector of the same time and window found (its journeys disjoint from
     * this one's).
     *
     * @param bytes bytes written by {@link #toBytes()}
     * @throws IllegalArgumentException if the bytes are not such a collector's, or of another time
     *     or window
     * @since 0.1.0
     */
    public void merge(byte[] bytes) {
        Partial partial;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter(
                    "dev.cxkit.rules.**;dev.cxkit.core.**;java.base/*;!*"));
            partial = (Partial) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("not the open failures of a report: " + e.getMessage(), e);
        }
        if (!partial.asOf().equals(asOf) || !partial.openFrom().equals(openFrom)) {
            throw new IllegalArgumentException("open failures as of " + partial.asOf() + " from " + partial.openFrom()
                    + " cannot merge into those as of " + asOf + " from " + openFrom);
        }
        seen.addAll(partial.seen());
        open.addAll(partial.open());
    }

    /**
     * Returns the open failures so far as incidents, by detection time and then id; a journey's
     * second failure of one type gets {@code -2} after its id, and so on.
     *
     * @return the incidents
     */
    public List<OpenIncident> incidents() {
        List<Incident> sorted = new ArrayList<>(open);
        sorted.sort(Comparator.comparing(Incident::detectedAt).thenComparing(Incident::id));
        List<OpenIncident> out = new ArrayList<>();
        for (Incident i : sorted) {
            out.add(new OpenIncident(i, similar(i)));
        }
        return out;
    }

    private int similar(Incident i) {
        String type = i.attributes().get(FailureIncidents.FAILURE);
        Instant at = i.occurredAt();
        Instant from = at.minus(SIMILAR_WINDOW);
        int n = 0;
        for (Seen s : seen) {
            if (s.type().equals(type) && s.touchpoint().equals(i.touchpoint())
                    && Objects.equals(s.location(), i.location()) && !s.at().isBefore(from) && !s.at().isAfter(at)) {
                n++;
            }
        }
        return Math.max(1, n);
    }
}
