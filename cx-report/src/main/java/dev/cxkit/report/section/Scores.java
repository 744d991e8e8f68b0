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
 * Section 2: scores by touchpoint and by stage (one ranking per metric), and the trend of each
 * metric per period.
 *
 * @param byTouchpoint one ranking per metric, in the order NPS, CSAT, CES
 * @param byStage one ranking per metric, in the order NPS, CSAT, CES
 * @param trends one trend per metric, in the order NPS, CSAT, CES
 */
public record Scores(List<Ranking> byTouchpoint, List<Ranking> byStage, List<Trend> trends) {

    /**
     * Orders each list by metric and checks there is at most one entry per metric.
     *
     * @throws IllegalArgumentException if a metric kind appears twice in a list
     */
    public Scores {
        byTouchpoint = sortedCopy(byTouchpoint, Comparator.comparing(r -> r.metric().kind()));
        byStage = sortedCopy(byStage, Comparator.comparing(r -> r.metric().kind()));
        trends = sortedCopy(trends, Comparator.comparing(t -> t.metric().kind()));
        requireUnique(byTouchpoint, r -> r.metric().kind(), "touchpoint ranking metric");
        requireUnique(byStage, r -> r.metric().kind(), "stage ranking metric");
        requireUnique(trends, t -> t.metric().kind(), "trend metric");
    }

    /**
     * The scores of one metric by touchpoint (or stage), worst first: lowest value first, cells
     * without responses last, ties by name. Low-sample cells keep their place and are marked by
     * their score's flag.
     *
     * @param metric the metric of every score
     * @param rows the scores, sorted worst first by the constructor
     */
    public record Ranking(Metric metric, List<NamedScore> rows) {

        /**
         * Sorts the rows worst first and checks their metric and names.
         *
         * @throws IllegalArgumentException if a score is of another metric or a name repeats
         */
        public Ranking {
            rows = sortedCopy(rows, WORST_FIRST);
            requireMetrics(rows, metric, NamedScore::name, NamedScore::score);
            requireUnique(rows, NamedScore::name, "name");
        }

        private static final Comparator<NamedScore> WORST_FIRST = Comparator
                .<NamedScore>comparingDouble(r -> r.score().value().orElse(Double.POSITIVE_INFINITY))
                .thenComparing(NamedScore::name);
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
