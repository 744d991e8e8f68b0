package dev.cxkit.spark;

import dev.cxkit.core.journey.analytics.JourneyAnalytics;
import dev.cxkit.core.journey.analytics.JourneyGrouping;
import dev.cxkit.core.journey.loop.ClosedLoopRules;
import dev.cxkit.core.journey.loop.ConsistencyRules;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.survey.Period;
import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * How {@link CxSpark#journeys} analyses journeys: the grouping of the journey analytics, the
 * consistency units, period and zone, the closed-loop rules, and the options of the scores and
 * control charts. {@link #defaults()} are those of {@code cx journeys}.
 *
 * @param grouping how each definition's journey analytics are grouped
 * @param consistencyUnits the fields whose units' scores are charted per period
 * @param period the period of the consistency charts
 * @param zone the zone that decides a timestamp's day
 * @param closedLoop the follow-up time and the staff names of the closed loop
 * @param scores intervals, confidence and the low-sample threshold
 * @param consistency the control limits and alternation rule of the charts
 * @since 0.1.0
 */
public record JourneyOptions(JourneyGrouping grouping, List<String> consistencyUnits, Period period, ZoneId zone,
        ClosedLoopRules closedLoop, ScoreOptions scores, ConsistencyRules consistency) implements Serializable {

    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public JourneyOptions {
        Objects.requireNonNull(grouping, "grouping");
        consistencyUnits = List.copyOf(consistencyUnits);
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(closedLoop, "closedLoop");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(consistency, "consistency");
    }

    /** Returns the defaults of {@code cx journeys}: no grouping, units touchpoint and location, months in UTC. */
    public static JourneyOptions defaults() {
        return new JourneyOptions(JourneyGrouping.none(), List.of("touchpoint", "location"), Period.MONTH,
                ZoneOffset.UTC, new ClosedLoopRules(Duration.ofHours(48), List.of(), ZoneOffset.UTC),
                ScoreOptions.defaults(), ConsistencyRules.defaults());
    }

    /**
     * Returns these options with another grouping.
     *
     * @param value the grouping
     * @return the options
     */
    public JourneyOptions withGrouping(JourneyGrouping value) {
        return new JourneyOptions(value, consistencyUnits, period, zone, closedLoop, scores, consistency);
    }

    /** The analytics these options describe, over the given definitions. */
    JourneyAnalytics analytics(List<dev.cxkit.core.journey.JourneyDefinition> definitions) {
        return JourneyAnalytics.builder(definitions).grouping(grouping).consistencyUnits(consistencyUnits)
                .period(period).zone(zone).closedLoop(closedLoop).build();
    }
}
