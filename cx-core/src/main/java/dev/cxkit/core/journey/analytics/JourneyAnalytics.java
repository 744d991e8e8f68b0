package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.internal.ByteForm;
import dev.cxkit.core.journey.AssemblySummary;
import dev.cxkit.core.journey.Journey;
import dev.cxkit.core.journey.JourneyAnalyzer;
import dev.cxkit.core.journey.JourneyAssembler;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.journey.ServiceFailure;
import dev.cxkit.core.journey.loop.ClosedLoopAccumulator;
import dev.cxkit.core.journey.loop.ClosedLoopRules;
import dev.cxkit.core.journey.loop.ConsistencyAccumulator;
import dev.cxkit.core.journey.loop.ConsistencyReport;
import dev.cxkit.core.journey.loop.ConsistencyRules;
import dev.cxkit.core.score.ByteFormatException;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.survey.Period;
import dev.cxkit.core.survey.Response;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The journey analytics in one place: the entry point that {@code cx journeys}, {@code cx report},
 * the benchmarks and host applications share. Responses wait in memory for their journey; events
 * are assembled into journeys; each journey goes to the definition that knows it best
 * ({@link #route}); its outcome is recorded with the responses about it: funnel, durations,
 * promises and failures per definition, scores and failure impact per definition, consistency per
 * unit and period, and the closed loop. Give the responses first, then the events, then call
 * {@link #finish}.
 *
 * <pre>{@code
 * JourneyAnalytics analytics = JourneyAnalytics.builder(List.of(dineIn, delivery))
 *         .consistencyUnits(List.of("location")).period(Period.MONTH).build();
 * responseReader.read(responses, analytics::addResponse, rejected::add);
 * eventReader.read(events, analytics::addEvent, rejected::add);
 * JourneyAnalysis analysis = analytics.finish(ScoreOptions.defaults(), ConsistencyRules.defaults());
 * }</pre>
 *
 * <p>Memory holds the responses not yet joined and the journeys still open: with
 * {@link Builder#idleGap} and time-ordered events, only the journeys of the last gap.
 *
 * <p>Not thread-safe: one per stream of events. The analyses of several instances over the same
 * definitions can be combined through their mergeable accumulators, not through this class.
 *
 * @since 0.1.0
 */
public final class JourneyAnalytics {

    private final List<JourneyDefinition> definitions;
    private final List<JourneyAnalyzer> analyzers = new ArrayList<>();
    private final List<JourneyAccumulator> journeys = new ArrayList<>();
    private final List<JourneyScoreAccumulator> scores = new ArrayList<>();
    private final List<Map<FailureKind, Long>> failureJourneys = new ArrayList<>();
    private final FailureEffectAccumulator failureEffects;
    private final List<ConsistencyAccumulator> consistency = new ArrayList<>();
    private final ClosedLoopAccumulator loop;
    private final JourneyAssembler assembler;
    private final List<JourneyListener> listeners;
    private final Map<String, List<Response>> byJourney = new HashMap<>();
    private final List<Response> withoutJourney = new ArrayList<>();
    private long joined;
    private long unmatched;
    /** What merged partial states assembled, added to this instance's own assembly at the end. */
    private AssemblySummary mergedAssembly = AssemblySummary.EMPTY;
    private final JourneyGrouping grouping;
    private boolean finished;

    /**
     * Sees each journey as it closes, with its definition and outcome: for example to turn its
     * open service failures into incidents. Called on the thread that adds the events.
     */
    @FunctionalInterface
    public interface JourneyListener {

        /**
         * A journey closed.
         *
         * @param definition the definition it was routed to
         * @param journey the journey with its events
         * @param outcome what the journey came to
         */
        void closed(JourneyDefinition definition, Journey journey, JourneyOutcome outcome);
    }

    private JourneyAnalytics(Builder b) {
        this.definitions = b.definitions;
        this.grouping = b.grouping;
        for (JourneyDefinition d : definitions) {
            analyzers.add(JourneyAnalyzer.of(d, b.preferences));
            journeys.add(JourneyAccumulator.create(d, b.grouping));
            scores.add(JourneyScoreAccumulator.create(d));
            failureJourneys.add(new HashMap<>());
        }
        failureEffects = new FailureEffectAccumulator(definitions.stream().map(JourneyDefinition::name).toList());
        for (String unit : b.units) {
            consistency.add(ConsistencyAccumulator.create(unit, b.period, b.zone));
        }
        loop = ClosedLoopAccumulator.create(b.loopRules != null ? b.loopRules
                : new ClosedLoopRules(ClosedLoopRules.DEFAULT_FOLLOW_UP, List.of(), b.zone));
        listeners = List.copyOf(b.listeners);
        JourneyAssembler.Builder assembly = JourneyAssembler.builder();
        if (b.idleGap != null) {
            assembly.idleGap(b.idleGap);
        }
        assembler = assembly.build(this::close);
    }

    /**
     * Starts a builder.
     *
     * @param definitions the journey definitions, with distinct names, in the order that breaks
     *     routing ties; none for responses only (their consistency charts), and then no events
     * @return a builder: no contact preferences, no consistency units, months in UTC, the default
     *     closed-loop rules, every journey open until {@link #finish}
     * @throws IllegalArgumentException if two definitions share a name
     * @throws NullPointerException if the list or a definition is null
     */
    public static Builder builder(List<JourneyDefinition> definitions) {
        return new Builder(definitions);
    }

    /**
     * Keeps a response until its journey closes (or to the end, when it names none); without
     * definitions no journey can come, so it is recorded at once and nothing is kept.
     *
     * @param response the response
     * @throws IllegalStateException after {@link #finish}
     */
    public void addResponse(Response response) {
        open();
        if (definitions.isEmpty()) {
            // no journey can ever come (events need a definition): count it now, keep nothing
            unmatched++;
            consistency.forEach(c -> c.record(response, null));
            loop.recordWithoutJourney(response);
            return;
        }
        if (response.journeyId() == null) {
            withoutJourney.add(response);
        } else {
            byJourney.computeIfAbsent(response.journeyId(), k -> new ArrayList<>(2)).add(response);
        }
    }

    /**
     * Adds a journey event; a journey may close (and be recorded) now when an idle gap is set.
     *
     * @param event the event
     * @throws IllegalStateException if there are no definitions, or after {@link #finish}
     */
    public void addEvent(JourneyEvent event) {
        open();
        if (definitions.isEmpty()) {
            throw new IllegalStateException("journey events need a definition to be measured against");
        }
        assembler.add(event);
    }

    /**
     * Returns the duplicate events dropped so far (counted as they arrive), so that a caller can
     * count the duplicates of each input it reads.
     *
     * @return the duplicates so far
     */
    public long duplicatesSoFar() {
        return assembler.summary().duplicates();
    }

    private void open() {
        if (finished) {
            throw new IllegalStateException("the analytics are finished");
        }
    }

    private void close(Journey journey) {
        int d = route(definitions, journey);
        JourneyOutcome outcome = analyzers.get(d).outcome(journey);
        journeys.get(d).record(outcome);
        if (!outcome.failures().isEmpty()) {
            Set<FailureKind> kinds = new HashSet<>();
            for (ServiceFailure f : outcome.failures()) {
                kinds.add(new FailureKind(f.type(), f.touchpoint()));
            }
            kinds.forEach(kind -> failureJourneys.get(d).merge(kind, 1L, Long::sum));
        }
        List<Response> about = byJourney.remove(journey.journeyId());
        List<Response> list = about == null ? List.of() : about;
        scores.get(d).record(outcome, list);
        failureEffects.record(d, outcome, list);
        for (Response r : list) {
            joined++;
            consistency.forEach(c -> c.record(r, outcome));
            loop.record(r, outcome);
        }
        for (JourneyListener listener : listeners) {
            listener.closed(definitions.get(d), journey, outcome);
        }
    }

    /**
     * Closes every journey and returns the analysis. Responses whose journey never came still
     * count for consistency, and for the closed loop when they name their customer: nothing is
     * lost. Call once.
     *
     * @param options the intervals and low-sample threshold of the scores
     * @param rules the control limits and alternation rule of the consistency charts
     * @return the analysis
     * @throws IllegalStateException if called twice
     */
    public JourneyAnalysis finish(ScoreOptions options, ConsistencyRules rules) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(rules, "rules");
        AssemblySummary assembly = close();
        List<JourneySummary> summaries = new ArrayList<>();
        List<JourneyScoreReport> scoreReports = new ArrayList<>();
        for (int d = 0; d < definitions.size(); d++) {
            summaries.add(journeys.get(d).snapshot().overall());
            scoreReports.add(scores.get(d).snapshot(options));
        }
        List<ConsistencyReport> charts = new ArrayList<>();
        for (ConsistencyAccumulator c : consistency) {
            charts.add(c.snapshot(rules));
        }
        List<Map<FailureKind, Long>> counts = new ArrayList<>();
        failureJourneys.forEach(m -> counts.add(Map.copyOf(m)));
        Map<Metric, Map<String, Map<FailureKind, Comparison>>> effects = new LinkedHashMap<>();
        for (Metric metric : List.of(Metric.NPS, Metric.CSAT, Metric.CES)) {
            Map<String, Map<FailureKind, Comparison>> e = failureEffects.effects(metric, options.confidence(),
                    options.minN());
            if (!e.isEmpty()) {
                effects.put(metric, e);
            }
        }
        return new JourneyAnalysis(definitions, summaries, scoreReports, charts, loop.snapshot(), counts, assembly,
                joined, unmatched, effects);
    }

    /**
     * Closes every journey (the instance is finished then): responses whose journey never came
     * go to consistency and the closed loop, as {@link #finish} says.
     *
     * @return the assembly summary, this instance's and the merged partial states'
     */
    private AssemblySummary close() {
        open();
        AssemblySummary assembly = assembler.finish().plus(mergedAssembly);
        finished = true;
        unmatched += withoutJourney.size();
        for (Response r : withoutJourney) {
            consistency.forEach(c -> c.record(r, null));
            loop.recordWithoutJourney(r);
        }
        for (List<Response> rs : byJourney.values()) {
            for (Response r : rs) {
                unmatched++;
                consistency.forEach(c -> c.record(r, null));
                loop.recordWithoutJourney(r);
            }
        }
        withoutJourney.clear();
        byJourney.clear();
        return assembly;
    }

    /**
     * Closes every journey, as {@link #finish} does, and returns the byte form of everything an
     * analysis is computed from ({@code docs/format.md}, kind 9): the assembly counts, the joined and
     * unmatched responses, and per definition its journey and score accumulators and failure
     * counts, then the failure effects, the consistency accumulators and the closed loop. Another
     * instance built the same way takes it with {@link #merge(byte[])}: the way analytics of
     * several JVMs (Spark partitions of journeys) combine into one analysis. The instance is
     * finished afterwards.
     *
     * @return the bytes
     * @throws IllegalStateException if the instance is finished
     * @since 0.1.0
     */
    public byte[] finishToBytes() {
        AssemblySummary assembly = close();
        ByteForm.Writer out = ByteForm.Writer.start(ByteForm.JOURNEY_ANALYTICS, 4096);
        out.varLong(assembly.events()).varLong(assembly.assembled()).varLong(assembly.duplicates())
                .varLong(assembly.late()).varLong(assembly.journeys()).varLong(joined).varLong(unmatched);
        out.varLong(definitions.size());
        for (int d = 0; d < definitions.size(); d++) {
            out.blob(journeys.get(d).toBytes()).blob(scores.get(d).toBytes());
            Map<FailureKind, Long> kinds = failureJourneys.get(d);
            out.varLong(kinds.size());
            kinds.forEach((kind, n) -> out.string(kind.type()).string(kind.touchpoint()).varLong(n));
        }
        out.blob(failureEffects.toBytes());
        out.varLong(consistency.size());
        consistency.forEach(c -> out.blob(c.toBytes()));
        out.blob(loop.toBytes());
        return out.finish();
    }

    /**
     * Adds the state of another instance, built with the same definitions, grouping, consistency
     * units, period, zone and closed-loop rules, and closed by {@link #finishToBytes()}: its
     * journeys must be disjoint from this instance's (partition the events by journey id).
     *
     * @param partial bytes written by {@link #finishToBytes()}
     * @throws ByteFormatException if the bytes are not valid journey analytics
     * @throws IllegalArgumentException if they were written with other definitions or settings
     * @throws IllegalStateException if this instance is finished
     * @since 0.1.0
     */
    public void merge(byte[] partial) {
        open();
        ByteForm.Reader in = ByteForm.Reader.open(partial, ByteForm.JOURNEY_ANALYTICS);
        mergedAssembly = mergedAssembly.plus(new AssemblySummary(in.varLong(), in.varLong(), in.varLong(),
                in.varLong(), in.varLong()));
        joined += in.varLong();
        unmatched += in.varLong();
        long count = in.varLong();
        if (count != definitions.size()) {
            throw new IllegalArgumentException("the bytes hold analytics of " + count + " definitions, not "
                    + definitions.size());
        }
        for (int d = 0; d < definitions.size(); d++) {
            journeys.get(d).merge(JourneyAccumulator.fromBytes(definitions.get(d), grouping, in.blob()));
            scores.get(d).merge(JourneyScoreAccumulator.fromBytes(definitions.get(d), in.blob()));
            int kinds = in.count("failure kinds", 3);
            for (int k = 0; k < kinds; k++) {
                failureJourneys.get(d).merge(new FailureKind(in.string(), in.string()), in.varLong(), Long::sum);
            }
        }
        failureEffects.merge(FailureEffectAccumulator.fromBytes(in.blob()));
        long units = in.varLong();
        if (units != consistency.size()) {
            throw new IllegalArgumentException("the bytes hold " + units + " consistency units, not "
                    + consistency.size());
        }
        for (ConsistencyAccumulator c : consistency) {
            c.merge(ConsistencyAccumulator.fromBytes(in.blob()));
        }
        loop.merge(ClosedLoopAccumulator.fromBytes(in.blob()));
        in.end();
    }

    /**
     * Returns the journey accumulators, one per definition in the definitions' order: the
     * mergeable state behind the summaries (grouped as {@link Builder#grouping} says), for
     * combining the analytics of several instances, for example of Spark partitions, through
     * their byte forms. Complete once {@link #finish} has closed every journey; they stay this
     * instance's own, so read or copy them, do not record into them.
     *
     * @return the accumulators (unmodifiable list)
     * @since 0.1.0
     */
    public List<JourneyAccumulator> journeyAccumulators() {
        return Collections.unmodifiableList(journeys);
    }

    /**
     * Returns the score accumulators (scores by stage, touchpoint, failure and recovery, with
     * failure impact), one per definition; as {@link #journeyAccumulators()}.
     *
     * @return the accumulators (unmodifiable list)
     * @since 0.1.0
     */
    public List<JourneyScoreAccumulator> scoreAccumulators() {
        return Collections.unmodifiableList(scores);
    }

    /**
     * The definition a journey belongs to: the one that knows most of its events' touchpoints;
     * ties (and journeys no definition knows) go to the first given.
     *
     * @param definitions the definitions, at least one
     * @param journey the journey
     * @return the index of its definition
     */
    public static int route(List<JourneyDefinition> definitions, Journey journey) {
        if (definitions.size() == 1) {
            return 0;
        }
        int best = 0;
        int bestCount = -1;
        for (int d = 0; d < definitions.size(); d++) {
            int count = 0;
            for (JourneyEvent e : journey.events()) {
                if (definitions.get(d).touchpoint(e.touchpoint()).isPresent()) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = d;
                bestCount = count;
            }
        }
        return best;
    }

    /**
     * Checks the names of consistency units: response fields other than {@code period} and
     * {@code metric}, each named once.
     *
     * @param names the names, trimmed here
     * @return the units, in order
     * @throws IllegalArgumentException if a name is empty, reserved or repeated
     */
    public static List<String> units(List<String> names) {
        Set<String> units = new LinkedHashSet<>();
        for (String raw : names) {
            String unit = raw.trim();
            if (unit.isEmpty() || unit.equals("period") || unit.equals("metric")) {
                throw new IllegalArgumentException("consistency units are column names other than period and "
                        + "metric: '" + String.join(",", names) + "'");
            }
            if (!units.add(unit)) {
                throw new IllegalArgumentException("consistency unit '" + unit + "' is named twice");
            }
        }
        return new ArrayList<>(units);
    }

    /**
     * Builds {@link JourneyAnalytics}. Each setter checks its argument at once. Not thread-safe.
     */
    public static final class Builder {

        private final List<JourneyDefinition> definitions;
        private Function<String, ContactPreference> preferences = id -> null;
        private List<String> units = List.of();
        private Period period = Period.MONTH;
        private ZoneId zone = ZoneOffset.UTC;
        private ClosedLoopRules loopRules;
        private Duration idleGap;
        private JourneyGrouping grouping = JourneyGrouping.none();
        private final List<JourneyListener> listeners = new ArrayList<>();

        private Builder(List<JourneyDefinition> definitions) {
            this.definitions = List.copyOf(definitions);
            Set<String> names = new HashSet<>();
            for (JourneyDefinition d : this.definitions) {
                if (!names.add(d.name())) {
                    throw new IllegalArgumentException("two definitions are named '" + d.name() + "'");
                }
            }
        }

        /**
         * Sets each customer's contact preference, for the contact rules.
         *
         * @param value the preference by customer id, null when unknown
         * @return this builder
         */
        public Builder contactPreferences(Function<String, @Nullable ContactPreference> value) {
            this.preferences = Objects.requireNonNull(value, "contactPreferences");
            return this;
        }

        /**
         * Sets the units whose consistency over the periods is charted (response fields such as
         * {@code location} and {@code touchpoint}); none by default.
         *
         * @param value the units, checked by {@link JourneyAnalytics#units}
         * @return this builder
         * @throws IllegalArgumentException if a name is empty, reserved or repeated
         */
        public Builder consistencyUnits(List<String> value) {
            this.units = units(value);
            return this;
        }

        /**
         * Sets the period of the consistency charts ({@link Period#MONTH} by default).
         *
         * @param value the period
         * @return this builder
         */
        public Builder period(Period value) {
            this.period = Objects.requireNonNull(value, "period");
            return this;
        }

        /**
         * Sets the time zone that decides a timestamp's day (UTC by default).
         *
         * @param value the zone
         * @return this builder
         */
        public Builder zone(ZoneId value) {
            this.zone = Objects.requireNonNull(value, "zone");
            return this;
        }

        /**
         * Sets the follow-up time and staff names of the closed loop (by default 48 hours, no
         * staff names, in the builder's zone).
         *
         * @param value the rules
         * @return this builder
         */
        public Builder closedLoop(ClosedLoopRules value) {
            this.loopRules = Objects.requireNonNull(value, "closedLoop");
            return this;
        }

        /**
         * Closes a journey once events this much newer have been read, so that memory holds only
         * open journeys of time-ordered events; by default every journey stays open to the end.
         *
         * @param value the gap, positive
         * @return this builder
         * @throws IllegalArgumentException if the gap is not positive
         */
        public Builder idleGap(Duration value) {
            Objects.requireNonNull(value, "idleGap");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("the idle gap must be positive: " + value);
            }
            this.idleGap = value;
            return this;
        }

        /**
         * Sets how the journey analytics of each definition are grouped (the accumulators of
         * {@link #journeyAccumulators()}); the analysis's summaries are their overall totals.
         *
         * @param value the grouping; by default none
         * @return this builder
         * @since 0.1.0
         */
        public Builder grouping(JourneyGrouping value) {
            this.grouping = Objects.requireNonNull(value, "grouping");
            return this;
        }

        /**
         * Adds a listener that sees each journey as it closes.
         *
         * @param value the listener
         * @return this builder
         */
        public Builder listener(JourneyListener value) {
            listeners.add(Objects.requireNonNull(value, "listener"));
            return this;
        }

        /**
         * Creates the analytics.
         *
         * @return new, empty analytics
         */
        public JourneyAnalytics build() {
            return new JourneyAnalytics(this);
        }
    }
}
