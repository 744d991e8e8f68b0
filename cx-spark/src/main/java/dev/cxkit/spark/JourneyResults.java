package dev.cxkit.spark;

import dev.cxkit.core.journey.AssemblySummary;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.analytics.GroupedJourneySummary;
import dev.cxkit.core.journey.analytics.JourneyAccumulator;
import dev.cxkit.core.journey.analytics.JourneyGrouping;
import dev.cxkit.core.journey.analytics.JourneyScoreAccumulator;
import dev.cxkit.core.journey.analytics.JourneyScoreReport;
import dev.cxkit.core.score.ScoreOptions;
import java.util.List;

/**
 * The journey analytics of a Spark job, merged on the driver from every partition's byte forms:
 * per definition (in the order given) the journey accumulator (funnel, steps, promises, contact
 * rules, failures; grouped as asked) and the score accumulator (scores by stage and touchpoint,
 * failure impact, recovery), and what was read.
 *
 * <p>The accumulators are the caller's: snapshot them, merge them with others (for example
 * yesterday's, through their byte forms) or store their bytes.
 *
 * @param definitions the definitions, in the order given
 * @param grouping the grouping of the journey accumulators
 * @param journeys one journey accumulator per definition
 * @param scores one score accumulator per definition
 * @param assembly events assembled, duplicates, late events and journeys
 * @param eventsRead event lines read
 * @param eventsRejected event lines rejected (not valid events)
 * @param responsesRead response lines read
 * @param responsesRejected response lines rejected
 * @param joined responses joined to their journey
 * @param unmatched responses whose journey never came, or that name none
 * @since 0.1.0
 */
public record JourneyResults(List<JourneyDefinition> definitions, JourneyGrouping grouping,
        List<JourneyAccumulator> journeys, List<JourneyScoreAccumulator> scores, AssemblySummary assembly,
        long eventsRead, long eventsRejected, long responsesRead, long responsesRejected, long joined, long unmatched) {

    /**
     * Copies the lists.
     *
     * @throws NullPointerException if a list is null
     */
    public JourneyResults {
        definitions = List.copyOf(definitions);
        journeys = List.copyOf(journeys);
        scores = List.copyOf(scores);
    }

    /** Returns the journey summaries, per group and overall, one per definition. */
    public List<GroupedJourneySummary> summaries() {
        return journeys.stream().map(JourneyAccumulator::snapshot).toList();
    }

    /**
     * Returns the score reports, one per definition.
     *
     * @param options interval method, confidence and low-sample threshold
     * @return the reports
     */
    public List<JourneyScoreReport> scoreReports(ScoreOptions options) {
        return scores.stream().map(s -> s.snapshot(options)).toList();
    }
}
