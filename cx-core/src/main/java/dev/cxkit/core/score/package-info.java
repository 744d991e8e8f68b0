/**
 * Survey metrics and their scores: a {@link dev.cxkit.core.score.Metric} (NPS, CSAT or CES) says
 * what a rating means, accumulators ({@link dev.cxkit.core.score.ScoreAccumulator},
 * {@link dev.cxkit.core.score.ScoreTable} per group, and the thread-safe
 * {@link dev.cxkit.core.score.ConcurrentScoreAccumulator} and
 * {@link dev.cxkit.core.score.ConcurrentScoreTable}) record ratings into histograms and merge, and
 * their snapshots are immutable {@link dev.cxkit.core.score.RatingDistribution}s.
 *
 * <p>A {@link dev.cxkit.core.score.Score} is evaluated from a distribution: the value, its
 * confidence interval and the low-sample flag, with the value absent when there are no responses.
 * {@link dev.cxkit.core.score.ScoreComparison} and {@link dev.cxkit.core.score.ComparisonVerdict}
 * test two scores and say whether they differ, are equivalent within a margin, or cannot be told
 * apart. Accumulators and snapshots also have a versioned byte form ({@code docs/format.md}).
 */
@NullMarked
package dev.cxkit.core.score;

import org.jspecify.annotations.NullMarked;
