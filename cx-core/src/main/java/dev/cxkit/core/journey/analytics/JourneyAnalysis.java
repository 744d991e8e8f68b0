package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.journey.AssemblySummary;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.loop.ClosedLoopReport;
import dev.cxkit.core.journey.loop.ConsistencyReport;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.stats.Comparison;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@link JourneyAnalytics} found: per definition the journey summary, the scores joined to
 * its journeys and the journeys with each kind of failure; the consistency charts; the closed
 * loop; and how the events became journeys. Immutable and thread-safe.
 *
 * @param definitions the definitions, in the order given
 * @param summaries the journey summary of each definition
 * @param scores the scores joined to the journeys of each definition
 * @param consistency one report per consistency unit, in the order given
 * @param closedLoop detractors to follow up and staff to recognise, from responses joined to a journey
 * @param failureJourneys per definition, how many journeys had each kind of failure
 * @param assembly how the events became journeys
 * @param joined the responses joined to a journey
 * @param unmatched the responses without a journey in the events (kept in the consistency charts only)
 * @param failureEffects per metric, definition name and failure kind, the failure's effect on the
 *     score with the other failures held equal ({@link FailureEffectAccumulator}); a kind with too
 *     few responses, or collinear with others, has none
 * @since 0.1.0
 */
public record JourneyAnalysis(List<JourneyDefinition> definitions, List<JourneySummary> summaries,
        List<JourneyScoreReport> scores, List<ConsistencyReport> consistency, ClosedLoopReport closedLoop,
        List<Map<FailureKind, Long>> failureJourneys, AssemblySummary assembly, long joined, long unmatched,
        Map<Metric, Map<String, Map<FailureKind, Comparison>>> failureEffects) {

    /**
     * Copies the lists and checks that they line up with the definitions.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if a per-definition list has another size than the
     *     definitions, or a count is negative
     */
    public JourneyAnalysis {
        definitions = List.copyOf(definitions);
        summaries = List.copyOf(summaries);
        scores = List.copyOf(scores);
        consistency = List.copyOf(consistency);
        Objects.requireNonNull(closedLoop, "closedLoop");
        failureJourneys = List.copyOf(failureJourneys);
        failureEffects = Map.copyOf(failureEffects);
        Objects.requireNonNull(assembly, "assembly");
        int n = definitions.size();
        if (summaries.size() != n || scores.size() != n || failureJourneys.size() != n) {
            throw new IllegalArgumentException("one summary, score report and failure count per definition");
        }
        if (joined < 0 || unmatched < 0) {
            throw new IllegalArgumentException("joined and unmatched responses must be >= 0");
        }
    }

    /**
     * The metric that failure impact and recovery effectiveness are measured in: NPS when the
     * journeys have NPS responses (the journey-level question), else the first of CSAT and CES
     * that they have.
     *
     * @return the metric, or empty when no response was joined to a journey
     */
    public Optional<Metric> journeyMetric() {
        Map<Metric.Kind, Metric> seen = new TreeMap<>();
        for (JourneyScoreReport report : scores) {
            report.recovery().forEach((metric, effect) -> {
                if (effect.noFailure().n() + effect.recovered().n() + effect.notRecovered().n() > 0) {
                    seen.putIfAbsent(metric.kind(), metric);
                }
            });
        }
        return seen.values().stream().findFirst();
    }
}
