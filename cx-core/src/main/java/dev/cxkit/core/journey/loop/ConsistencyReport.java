package dev.cxkit.core.journey.loop;

import dev.cxkit.core.survey.Period;
import java.util.List;
import java.util.Objects;

/**
 * The snapshot of a {@link ConsistencyAccumulator}: one p-chart per metric, unit and share.
 *
 * <p>Immutable and thread-safe.
 *
 * @param dimension the unit dimension, for example {@code touchpoint} or {@code location}
 * @param period the period of the charts
 * @param rules the rules the charts were evaluated with
 * @param undated the responses left out because neither they nor their journey had a time
 * @param charts by metric (NPS, CSAT, CES), unit (missing last) and share (unmodifiable); CSAT
 *     and CES chart one share, the other being its complement
 * @param pointsJudged the periods of all charts that were judged (enough responses): the family
 *     the false-alarm budget of {@code rules} is split over
 * @since 0.1.0
 */
public record ConsistencyReport(String dimension, Period period, ConsistencyRules rules, long undated,
        List<ControlChart> charts, int pointsJudged) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if {@code undated} is negative
     */
    public ConsistencyReport {
        Objects.requireNonNull(dimension, "dimension");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(rules, "rules");
        if (undated < 0) {
            throw new IllegalArgumentException("undated must not be negative: " + undated);
        }
        charts = List.copyOf(charts);
    }

    /** Returns the charts with a period outside the limits or an alternating run. */
    public List<ControlChart> flagged() {
        return charts.stream().filter(ControlChart::flagged).toList();
    }
}
