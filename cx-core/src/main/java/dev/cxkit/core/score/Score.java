package dev.cxkit.core.score;

import dev.cxkit.core.stats.Interval;
import dev.cxkit.core.stats.IntervalMethod;
import dev.cxkit.core.stats.MeanStatistics;
import dev.cxkit.core.stats.NpsStatistics;
import dev.cxkit.core.stats.ProportionStatistics;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A score evaluated from a {@link RatingDistribution}: the value, its confidence interval and the
 * low-sample flag, with the distribution it came from (so n, Σw and n<sub>eff</sub> travel with
 * it).
 *
 * <p>Defined edge cases:
 * <ul>
 *   <li>n = 0: the value and the interval are absent (never 0, never NaN) and the score is
 *       flagged low-sample.
 *   <li>An interval that would leave the metric's range (for example all promoters) is clipped
 *       to it: NPS to [−100, 100], CSAT to [0, 100], and CES to its scale (a t interval around
 *       a mean near the end of a short scale can otherwise pass the scale's end).
 *   <li>CES needs n<sub>eff</sub> &gt; 1 for its t interval; with one response the value is
 *       present and the interval absent. When all ratings are equal the interval has zero width.
 *   <li>Low-sample means n<sub>eff</sub> &lt; {@code minN}; low-sample scores are flagged, never
 *       hidden.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param ratings the distribution the score was computed from
 * @param value the score: NPS in points, CSAT in percent, CES as the mean; absent when n = 0
 * @param interval the confidence interval of the value, absent when it is undefined
 * @param lowSample whether n<sub>eff</sub> is below the threshold the score was evaluated with
 * @since 0.1.0
 */
public record Score(RatingDistribution ratings, OptionalDouble value, Optional<Interval> interval, boolean lowSample) {

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if there is an interval without a value
     */
    public Score {
        Objects.requireNonNull(ratings, "ratings");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(interval, "interval");
        if (value.isEmpty() && interval.isPresent()) {
            throw new IllegalArgumentException("an interval needs a value");
        }
    }

    /**
     * Evaluates a distribution.
     *
     * @param ratings the ratings
     * @param options interval method, confidence and low-sample threshold
     * @return the score
     * @throws IllegalArgumentException if the interval method does not apply to the metric
     */
    public static Score of(RatingDistribution ratings, ScoreOptions options) {
        Metric metric = ratings.metric();
        IntervalMethod method = metric.checkInterval(options.intervalMethod(), metric.intervalMethods(),
                metric.defaultInterval());
        boolean lowSample = ratings.effectiveN() < options.minN();
        if (ratings.isEmpty()) {
            return new Score(ratings, OptionalDouble.empty(), Optional.empty(), true);
        }
        double confidence = options.confidence();
        switch (metric.kind()) {
            case NPS: {
                ShareCounts c = ShareCounts.of(ratings);
                // from the counts, as the interval's centre is, so 25 prints as 25 and not 24.999999999999996
                double value = NpsStatistics.nps(c.positive, c.middle, c.negative);
                Interval interval = NpsStatistics.interval(c.positive, c.middle, c.negative, method, confidence);
                return new Score(ratings, OptionalDouble.of(value), Optional.of(interval), lowSample);
            }
            case CSAT: {
                ShareCounts c = ShareCounts.of(ratings);
                double value = 100 * c.positive / c.total();
                Interval interval = ProportionStatistics.interval(c.positive, c.total(), method, confidence).scale(100);
                return new Score(ratings, OptionalDouble.of(value), Optional.of(interval), lowSample);
            }
            default: {
                double mean = ratings.mean();
                double nEff = ratings.effectiveN();
                Optional<Interval> interval = nEff > 1
                        ? Optional.of(MeanStatistics.t(mean, ratings.variance(), nEff, confidence)
                                .clip(metric.min(), metric.max()))
                        : Optional.empty();
                return new Score(ratings, OptionalDouble.of(mean), interval, lowSample);
            }
        }
    }

    /**
     * Evaluates a distribution with the {@linkplain ScoreOptions#defaults() default options}.
     *
     * @param ratings the ratings
     * @return the score
     */
    public static Score of(RatingDistribution ratings) {
        return of(ratings, ScoreOptions.defaults());
    }

    /** Returns the metric. */
    public Metric metric() {
        return ratings.metric();
    }

    /** Returns the number of responses. */
    public long n() {
        return ratings.n();
    }

    /** Returns the effective sample size (n when unweighted). */
    public double effectiveN() {
        return ratings.effectiveN();
    }

    /**
     * Effective counts of the negative, middle and positive ratings: what share-based intervals
     * take as input. Weighted shares are scaled to n<sub>eff</sub> (Kish), so an interval computed
     * from them has the width the effective sample size supports.
     */
    record ShareCounts(double negative, double middle, double positive) {
        static ShareCounts of(RatingDistribution ratings) {
            Metric m = ratings.metric();
            double scale = ratings.isWeighted() ? ratings.effectiveN() / ratings.weightedN() : 1;
            double negative = ratings.weightBetween(m.min(), m.negativeUpTo()) * scale;
            double positive = ratings.weightBetween(m.positiveFrom(), m.max()) * scale;
            double middle = ratings.weightBetween(m.negativeUpTo() + 1, m.positiveFrom() - 1) * scale;
            return new ShareCounts(negative, middle, positive);
        }

        double total() {
            return negative + middle + positive;
        }
    }
}
