package dev.cxkit.core.score;

import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.stats.IntervalMethod;
import dev.cxkit.core.stats.MeanStatistics;
import dev.cxkit.core.stats.NpsStatistics;
import dev.cxkit.core.stats.ProportionStatistics;
import java.util.Objects;
import java.util.Optional;

/**
 * Two scores of the same metric from independent samples, and the test of their difference
 * a − b: is a change real or noise?
 *
 * <ul>
 *   <li>NPS: adjusted-Wald (default, Rocks 2016) or Wald interval of the difference and the
 *       pooled score test of no difference, see {@link NpsStatistics#compare}.
 *   <li>CSAT: Newcombe's hybrid score interval (default) or the Wald interval of the difference;
 *       the p-value of the pooled two-proportion z-test, or Fisher's exact test when an expected
 *       cell count is below 5, see {@link ProportionStatistics#newcombe} and
 *       {@link ProportionStatistics#compare}.
 *   <li>CES: Welch's t-test, see {@link MeanStatistics#welch}.
 * </ul>
 *
 * <p>Weighted samples enter through their effective sample sizes (Kish). The difference is
 * absent when either side has no value, or for CES when either side has n<sub>eff</sub> ≤ 1 or
 * both sides are constant (no variance: the test is undefined, not p = 0).
 *
 * <p>Immutable and thread-safe.
 *
 * @param a the first score
 * @param b the second score
 * @param method the method of the difference's interval and test
 * @param difference the comparison of a − b, in the metric's unit; absent when undefined
 * @param verdict what the comparison lets one say: different, equivalent within the margin, or
 *     cannot be told (always the last when a side is low-sample)
 * @since 0.1.0
 */
public record ScoreComparison(Score a, Score b, IntervalMethod method, Optional<Comparison> difference,
        ComparisonVerdict verdict) {

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the metrics differ
     */
    public ScoreComparison {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(difference, "difference");
        Objects.requireNonNull(verdict, "verdict");
        if (!a.metric().equals(b.metric())) {
            throw new IllegalArgumentException("cannot compare " + a.metric() + " with " + b.metric());
        }
    }

    /**
     * Compares two distributions of the same metric.
     *
     * @param a the first sample, for example this period
     * @param b the second sample, for example the previous period
     * @param options the comparison method (null: the metric's default), confidence, and the
     *     low-sample threshold of the two scores
     * @return the comparison
     * @throws IllegalArgumentException if the metrics differ or the method does not apply
     */
    public static ScoreComparison of(RatingDistribution a, RatingDistribution b, ScoreOptions options) {
        Metric metric = a.metric();
        if (!metric.equals(b.metric())) {
            throw new IllegalArgumentException("cannot compare " + metric + " with " + b.metric());
        }
        IntervalMethod fallback = metric.kind() == Metric.Kind.CSAT ? IntervalMethod.NEWCOMBE : metric.defaultInterval();
        IntervalMethod method = metric.checkInterval(options.intervalMethod(), metric.comparisonMethods(), fallback);
        ScoreOptions scoreOptions = options.withIntervalMethod(null);
        Score sa = Score.of(a, scoreOptions);
        Score sb = Score.of(b, scoreOptions);
        Optional<Comparison> difference = difference(a, b, method, options.confidence());
        // the TOST's interval: (1 - 2 alpha), 90% for a 95% comparison; undefined below 50%
        double tostLevel = options.equivalenceConfidence();
        Optional<Comparison> equivalence = tostLevel > 0 ? difference(a, b, method, tostLevel) : Optional.empty();
        ComparisonVerdict verdict = ComparisonVerdict.of(difference, equivalence, options.alpha(),
                options.margins().of(metric),
                sa.lowSample() || sb.lowSample());
        return new ScoreComparison(sa, sb, method, difference, verdict);
    }

    private static Optional<Comparison> difference(RatingDistribution a, RatingDistribution b,
            IntervalMethod method, double confidence) {
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        switch (a.metric().kind()) {
            case NPS: {
                Score.ShareCounts ca = Score.ShareCounts.of(a);
                Score.ShareCounts cb = Score.ShareCounts.of(b);
                return Optional.of(NpsStatistics.compare(ca.positive(), ca.middle(), ca.negative(),
                        cb.positive(), cb.middle(), cb.negative(), method, confidence));
            }
            case CSAT: {
                Score.ShareCounts ca = Score.ShareCounts.of(a);
                Score.ShareCounts cb = Score.ShareCounts.of(b);
                return Optional.of((method == IntervalMethod.NEWCOMBE
                        ? ProportionStatistics.newcombe(ca.positive(), ca.total(), cb.positive(), cb.total(), confidence)
                        : ProportionStatistics.compare(ca.positive(), ca.total(), cb.positive(), cb.total(), confidence))
                        .scale(100));
            }
            default: {
                if (!(a.effectiveN() > 1 && b.effectiveN() > 1)) {
                    return Optional.empty();
                }
                if (a.variance() == 0 && b.variance() == 0) {
                    return Optional.empty(); // both constant: the t statistic is undefined (R's t.test refuses)
                }
                return Optional.of(MeanStatistics.welch(a.mean(), a.variance(), a.effectiveN(),
                        b.mean(), b.variance(), b.effectiveN(), confidence));
            }
        }
    }
}
