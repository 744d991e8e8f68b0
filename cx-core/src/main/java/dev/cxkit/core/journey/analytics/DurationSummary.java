package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.io.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The distribution of one kind of duration over many journeys (the steps from order to served, or
 * a promise's measured times): count, exact minimum, maximum and mean, and percentiles.
 *
 * <p>Durations are kept in milliseconds. Percentiles come from an HdrHistogram with two
 * significant digits: a percentile is the nearest-rank value (the smallest recorded value with at
 * least that share of values at or below it), reported as the top of its histogram bucket, so it
 * is at most 1% above the true nearest-rank value, and never above the maximum. Negative durations
 * (the later event came first) are not in the distribution; they are {@linkplain #outOfOrder()
 * counted} apart.
 *
 * <p>An empty summary (no durations) has no minimum, maximum, mean or percentiles: they are empty,
 * never zero.
 *
 * <p>Immutable and thread-safe (the histogram is a private copy that is only read).
 *
 * @since 0.1.0
 */
public final class DurationSummary {

    private final long count;
    private final long outOfOrder;
    private final long sum;
    private final long min;
    private final long max;
    private final Histogram histogram;

    DurationSummary(long count, long outOfOrder, long sum, long min, long max, Histogram histogram) {
        this.count = count;
        this.outOfOrder = outOfOrder;
        this.sum = sum;
        this.min = min;
        this.max = max;
        this.histogram = histogram;
    }

    /** Returns the number of durations in the distribution. */
    public long count() {
        return count;
    }

    /** Returns the number of negative durations left out (the later event came first). */
    public long outOfOrder() {
        return outOfOrder;
    }

    /** Returns whether there are no durations. */
    public boolean isEmpty() {
        return count == 0;
    }

    /** Returns the shortest duration, exactly, or empty. */
    public Optional<Duration> min() {
        return count == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(min));
    }

    /** Returns the longest duration, exactly, or empty. */
    public Optional<Duration> max() {
        return count == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(max));
    }

    /** Returns the mean, exact to the millisecond (rounded down), or empty. */
    public Optional<Duration> mean() {
        return count == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(sum / count));
    }

    /**
     * Returns a percentile.
     *
     * @param percentile the percentile, from 0 (exclusive) to 100
     * @return the nearest-rank value (see the class description), or empty when there are no
     *     durations
     * @throws IllegalArgumentException if the percentile is not in (0, 100]
     */
    public Optional<Duration> percentile(double percentile) {
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
        }
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.min(max, histogram.getValueAtPercentile(percentile))));
    }

    /** Returns the median (50th percentile), or empty. */
    public Optional<Duration> p50() {
        return percentile(50);
    }

    /** Returns the 90th percentile, or empty. */
    public Optional<Duration> p90() {
        return percentile(90);
    }

    /** Returns the 99th percentile, or empty. */
    public Optional<Duration> p99() {
        return percentile(99);
    }

    /** Two summaries are equal when they hold the same durations (up to the histogram's precision). */
    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof DurationSummary d && d.count == count && d.outOfOrder == outOfOrder && d.sum == sum
                && (count == 0 || d.min == min && d.max == max && d.histogram.equals(histogram));
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, outOfOrder, sum, count == 0 ? 0 : min, count == 0 ? 0 : max);
    }

    @Override
    public String toString() {
        if (count == 0) {
            return "DurationSummary[empty" + (outOfOrder > 0 ? ", " + outOfOrder + " out of order]" : "]");
        }
        return "DurationSummary[n=" + count + ", p50=" + Durations.format(p50().orElseThrow()) + ", p90="
                + Durations.format(p90().orElseThrow()) + ", p99=" + Durations.format(p99().orElseThrow()) + ", max="
                + Durations.format(max().orElseThrow()) + (outOfOrder > 0 ? ", " + outOfOrder + " out of order" : "")
                + "]";
    }
}
