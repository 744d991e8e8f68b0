package dev.cxkit.report.section;

import static dev.cxkit.report.internal.Checks.requireMetric;
import static dev.cxkit.report.internal.Checks.requireNonEmpty;
import static dev.cxkit.report.internal.Checks.requireText;
import static dev.cxkit.report.internal.Checks.requireUnique;
import static dev.cxkit.report.internal.Checks.sortedCopy;

import dev.cxkit.core.score.ComparisonVerdict;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.stats.Comparison;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Section 1: one entry per metric that has responses, in the order NPS, CSAT, CES.
 *
 * @param scores the headline scores, at most one per metric kind
 * @since 0.1.0
 */
public record Headline(List<HeadlineScore> scores) {

    /**
     * Orders the scores by metric and checks there is one per metric kind.
     *
     * @throws IllegalArgumentException if a metric kind appears twice or there is none
     */
    public Headline {
        scores = sortedCopy(scores, Comparator.comparing(h -> h.score().metric().kind()));
        requireNonEmpty(scores, "headline scores");
        requireUnique(scores, h -> h.score().metric().kind(), "headline metric");
    }

    /**
     * A metric's score in the reported period and its change from the period before.
     *
     * @param period the period the score covers, for example {@code 2026-03} or {@code all responses}
     * @param score the score, with n, interval and low-sample flag
     * @param change the change from the previous period, or empty when there is none
     */
    public record HeadlineScore(String period, Score score, Optional<Change> change) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if the period is blank or the change is of another metric
         */
        public HeadlineScore {
            requireText(period, "period");
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(change, "change");
            change.ifPresent(c -> requireMetric(c.previous(), score.metric(), "previous period's score"));
        }
    }

    /**
     * The change of a score from the previous period: this period minus the previous one.
     *
     * @param previousPeriod the previous period, for example {@code 2026-02}
     * @param previous the previous period's score
     * @param verdict what the change lets one say: different, equivalent within the margin, or
     *     cannot be told (always the last when a period is low-sample), with the difference, its
     *     interval and p-value
     */
    public record Change(String previousPeriod, Score previous, ComparisonVerdict verdict) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if the period is blank
         */
        public Change {
            requireText(previousPeriod, "previousPeriod");
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(verdict, "verdict");
        }

        /**
         * Returns this period minus the previous one.
         *
         * @return the difference with its interval and p-value; empty when a period has no value
         */
        public Optional<Comparison> difference() {
            return verdict.difference();
        }
    }
}
