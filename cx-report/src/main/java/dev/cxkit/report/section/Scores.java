package dev.cxkit.report.section;

import static dev.cxkit.report.internal.Checks.requireMetrics;
import static dev.cxkit.report.internal.Checks.requireText;
import static dev.cxkit.report.internal.Checks.requireUnique;
import static dev.cxkit.report.internal.Checks.sortedCopy;

import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.Score;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Section 2: every metric by the values of each grouping column (location and touchpoint by
 * default; stage when responses carry one), each against the rest and its latest change, and the
 * trend of each metric per period.
 *
 * @param groups one table per column and metric: columns in the order given, metrics NPS, CSAT, CES
 * @param trends one trend per metric, in the order NPS, CSAT, CES
 * @since 0.1.0
 */
public record Scores(List<GroupScores> groups, List<Trend> trends) {

    /**
     * Orders the trends by metric and checks there is at most one per metric, and one table per
     * column and metric.
     *
     * @throws IllegalArgumentException if a metric kind appears twice among the trends, or a
     *     column and metric twice among the tables
     */
    public Scores {
        groups = List.copyOf(groups);
        trends = sortedCopy(trends, Comparator.comparing(t -> t.metric().kind()));
        requireUnique(groups, g -> g.column() + " " + g.metric().id(), "column and metric");
        requireUnique(trends, t -> t.metric().kind(), "trend metric");
    }

    /**
     * A score with the name of what it belongs to.
     *
     * @param name a touchpoint, stage or group name, from the user's data
     * @param score the score
     */
    public record NamedScore(String name, Score score) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if the name is blank
         */
        public NamedScore {
            requireText(name, "name");
            Objects.requireNonNull(score, "score");
        }
    }

    /**
     * A metric's score per period, oldest first, for the trend chart.
     *
     * @param metric the metric of every point
     * @param points the periods in time order, as given; a period without responses has an empty score
     */
    public record Trend(Metric metric, List<PeriodScore> points) {

        /**
         * Checks the points.
         *
         * @throws IllegalArgumentException if a point is of another metric or a period repeats
         */
        public Trend {
            points = List.copyOf(points);
            requireMetrics(points, metric, PeriodScore::period, PeriodScore::score);
            requireUnique(points, PeriodScore::period, "period");
        }
    }

    /**
     * A score in a period.
     *
     * @param period the period's label, for example {@code 2026-03}, {@code 2026-W09}, {@code 2026-Q1}
     * @param score the score
     */
    public record PeriodScore(String period, Score score) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if the period is blank
         */
        public PeriodScore {
            requireText(period, "period");
            Objects.requireNonNull(score, "score");
        }
    }
}
