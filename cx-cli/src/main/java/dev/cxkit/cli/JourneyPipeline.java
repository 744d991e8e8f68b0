package dev.cxkit.cli;

import dev.cxkit.core.journey.AssemblySummary;
import dev.cxkit.core.journey.loop.ClosedLoopAccumulator;
import dev.cxkit.core.journey.loop.ClosedLoopReport;
import dev.cxkit.core.journey.loop.ClosedLoopRules;
import dev.cxkit.core.journey.loop.ConsistencyAccumulator;
import dev.cxkit.core.journey.loop.ConsistencyReport;
import dev.cxkit.core.journey.loop.ConsistencyRules;
import dev.cxkit.core.journey.Journey;
import dev.cxkit.core.journey.analytics.JourneyAccumulator;
import dev.cxkit.core.journey.JourneyAnalyzer;
import dev.cxkit.core.journey.JourneyAssembler;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.journey.analytics.JourneyScoreAccumulator;
import dev.cxkit.core.journey.analytics.JourneyScoreReport;
import dev.cxkit.core.journey.analytics.JourneySummary;
import dev.cxkit.core.journey.ServiceFailure;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.core.survey.Period;
import dev.cxkit.core.survey.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The journey analytics behind {@code cx journeys} and {@code cx report}: responses wait in memory
 * for their journey, events are assembled into journeys, each journey goes to the definition that
 * knows it best ({@link #route}), and its outcome is recorded with the responses about it: funnel,
 * durations, promises and failures per definition, scores and failure impact per definition,
 * consistency per unit and period, and the closed loop. Give every response first, then the
 * events, then {@link #finish}.
 *
 * <p>Not thread-safe: one per command run.
 */
final class JourneyPipeline {

    /**
     * What the journeys came to.
     *
     * @param definitions the definitions, in the order given
     * @param summaries the journey summary of each definition
     * @param scores the scores joined to the journeys of each definition
     * @param consistency one report per unit dimension, in the order given
     * @param closedLoop detractors to follow up and staff to recognise, from responses joined to a journey
     * @param failureJourneys per definition, the journeys with each kind of failure (its type at its
     *     touchpoint), which the failure-impact rows count in responses
     * @param assembly how the events became journeys
     * @param joined the responses joined to a journey
     * @param unmatched the responses without a journey in the events (kept in the consistency charts only)
     */
    record Analysis(List<JourneyDefinition> definitions, List<JourneySummary> summaries,
            List<JourneyScoreReport> scores, List<ConsistencyReport> consistency, ClosedLoopReport closedLoop,
            List<Map<FailureKind, Long>> failureJourneys, AssemblySummary assembly, long joined, long unmatched) {
    }

    /**
     * A kind of service failure as failure impact groups them.
     *
     * @param type the failure type
     * @param touchpoint the touchpoint where it happened
     */
    record FailureKind(String type, String touchpoint) {
    }

    private final List<JourneyDefinition> definitions;
    private final List<JourneyAnalyzer> analyzers = new ArrayList<>();
    private final List<JourneyAccumulator> journeys = new ArrayList<>();
    private final List<JourneyScoreAccumulator> scores = new ArrayList<>();
    private final List<Map<FailureKind, Long>> failureJourneys = new ArrayList<>();
    private final List<ConsistencyAccumulator> consistency = new ArrayList<>();
    private final ClosedLoopAccumulator loop;
    private final JourneyAssembler assembler;
    private final Map<String, List<Response>> byJourney = new HashMap<>();
    private final List<Response> withoutJourney = new ArrayList<>();
    private long joined;

    /**
     * Creates the pipeline.
     *
     * @param definitions the journey definitions, at least one
     * @param preferences each customer's contact preference by customer id (null when unknown)
     * @param units the consistency units: response fields such as {@code touchpoint} and {@code location}
     * @param period the period of the consistency charts
     * @param zone the time zone that decides a timestamp's day
     * @param loopRules the follow-up SLA and staff names of the closed loop
     * @param idleGap close a journey once events this much newer have been read, or null to keep
     *     every journey open until the end
     */
    JourneyPipeline(List<JourneyDefinition> definitions, Function<String, ContactPreference> preferences,
            List<String> units, Period period, ZoneId zone, ClosedLoopRules loopRules, Duration idleGap) {
        this.definitions = List.copyOf(definitions);
        for (JourneyDefinition d : this.definitions) {
            analyzers.add(JourneyAnalyzer.of(d, preferences));
            journeys.add(JourneyAccumulator.create(d));
            scores.add(JourneyScoreAccumulator.create(d));
            failureJourneys.add(new HashMap<>());
        }
        for (String unit : units) {
            consistency.add(ConsistencyAccumulator.create(unit, period, zone));
        }
        loop = ClosedLoopAccumulator.create(loopRules);
        JourneyAssembler.Builder builder = JourneyAssembler.builder();
        if (idleGap != null) {
            builder.idleGap(idleGap);
        }
        assembler = builder.build(this::close);
    }

    /** Keeps a response until its journey closes (or to the end, when it names none). */
    void addResponse(Response response) {
        if (response.journeyId() == null) {
            withoutJourney.add(response);
        } else {
            byJourney.computeIfAbsent(response.journeyId(), k -> new ArrayList<>(2)).add(response);
        }
    }

    /** Adds a journey event. */
    void addEvent(JourneyEvent event) {
        assembler.add(event);
    }

    /** Returns the duplicate events dropped so far (they are counted as they arrive). */
    long duplicatesSoFar() {
        return assembler.summary().duplicates();
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
        for (Response r : list) {
            joined++;
            consistency.forEach(c -> c.record(r, outcome));
            loop.record(r, outcome);
        }
    }

    /**
     * Closes every journey and returns the analytics. Responses whose journey never came still
     * count for consistency: nothing is lost.
     *
     * @param options the intervals and low-sample threshold of the scores
     * @param rules the control limits and alternation rule of the consistency charts
     * @return the analysis
     */
    Analysis finish(ScoreOptions options, ConsistencyRules rules) {
        AssemblySummary assembly = assembler.finish();
        long unmatched = withoutJourney.size();
        for (Response r : withoutJourney) {
            consistency.forEach(c -> c.record(r, null));
        }
        for (List<Response> rs : byJourney.values()) {
            for (Response r : rs) {
                unmatched++;
                consistency.forEach(c -> c.record(r, null));
            }
        }
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
        return new Analysis(definitions, summaries, scoreReports, charts, loop.snapshot(), counts, assembly, joined,
                unmatched);
    }

    /**
     * Checks {@code --by}: the consistency units are response fields other than {@code period}
     * and {@code metric}, each named once.
     *
     * @param by the values given, trimmed here
     * @return the units, in order
     * @throws UsageException if a name is empty, reserved or repeated
     */
    static List<String> units(List<String> by) {
        Set<String> units = new LinkedHashSet<>();
        for (String raw : by) {
            String unit = raw.trim();
            if (unit.isEmpty() || unit.equals("period") || unit.equals("metric")) {
                throw new UsageException("--by needs column names other than period and metric: '"
                        + String.join(",", by) + "'");
            }
            if (!units.add(unit)) {
                throw new UsageException("--by names column '" + unit + "' twice");
            }
        }
        return new ArrayList<>(units);
    }

    /** The two sample definitions, {@code dine-in} and {@code delivery}. */
    static List<JourneyDefinition> samples() {
        List<JourneyDefinition> out = new ArrayList<>();
        for (String name : JourneyDefinitions.SAMPLES) {
            out.add(JourneyDefinitions.sample(name));
        }
        return out;
    }

    /**
     * Loads definitions from files.
     *
     * @param files YAML or JSON definitions
     * @return the definitions, in order
     * @throws IOException if a file cannot be read
     * @throws UsageException if two definitions have the same name
     */
    static List<JourneyDefinition> load(List<Path> files) throws IOException {
        List<JourneyDefinition> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Path file : files) {
            JourneyDefinition d = JourneyDefinitions.load(file);
            if (!names.add(d.name())) {
                throw new UsageException("two definitions are named '" + d.name() + "' (" + file + ")");
            }
            out.add(d);
        }
        return out;
    }

    /**
     * The definition a journey belongs to: the one that knows most of its events' touchpoints;
     * ties (and journeys no definition knows) go to the first given.
     */
    static int route(List<JourneyDefinition> definitions, Journey journey) {
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
}
