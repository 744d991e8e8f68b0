package dev.cxkit.spark;

import dev.cxkit.core.journey.analytics.GroupedJourneySummary;
import dev.cxkit.core.journey.analytics.JourneyAnalysis;
import java.util.List;

/**
 * The journey analytics of a Spark job, merged on the driver from every partition's byte form:
 * the analysis {@code cx journeys} prints (funnel, durations, promises, failures, scores, failure
 * impact and adjusted effects, recovery, consistency, closed loop, assembly), the journey
 * analytics per group, and what was read.
 *
 * @param analysis the analysis, as {@code cx journeys} computes it
 * @param grouped per definition, the journey analytics per group of {@link JourneyOptions#grouping()}
 * @param eventsRead event lines read
 * @param eventsRejected event lines rejected (not valid events)
 * @param responsesRead response lines read
 * @param responsesRejected response lines rejected
 * @since 0.1.0
 */
public record JourneyResults(JourneyAnalysis analysis, List<GroupedJourneySummary> grouped, long eventsRead,
        long eventsRejected, long responsesRead, long responsesRejected) {

    /**
     * Copies the list.
     *
     * @throws NullPointerException if the analysis or the list is null
     */
    public JourneyResults {
        java.util.Objects.requireNonNull(analysis, "analysis");
        grouped = List.copyOf(grouped);
    }
}
