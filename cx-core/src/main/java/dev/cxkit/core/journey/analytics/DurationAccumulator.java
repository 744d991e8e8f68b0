package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.io.Durations;
import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * Durations in milliseconds: exact count, sum, minimum and maximum, and an HdrHistogram with two
 * significant digits for percentiles. Negative durations (the later event came first) are counted
 * apart and not recorded. {@link #merge} is exact.
 *
 * <p>Not thread-safe.
 */
final class DurationAccumulator {

    /** Significant decimal digits kept by the histogram: values within 1% of the truth. */
    static final int DIGITS = 2;

    private Histogram histogram;
    private long count;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max = Long.MIN_VALUE;
    private long negative;

    void record(Duration d) {
        long ms = d.toMillis();
        if (ms < 0) {
            negative++;
            return;
        }
        if (histogram == null) {
            histogram = new Histogram(DIGITS);
        }
        histogram.recordValue(ms);
        count++;
        sum = Math.addExact(sum, ms);
        min = Math.min(min, ms);
        max = Math.max(max, ms);
    }

    void merge(DurationAccumulator other) {
        if (other.histogram != null) {
            if (histogram == null) {
                histogram = new Histogram(DIGITS);
            }
            histogram.add(other.histogram);
        }
        count += other.count;
        sum = Math.addExact(sum, other.sum);
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        negative += other.negative;
    }

    DurationSummary snapshot() {
        return new DurationSummary(count, negative, sum, min, max, histogram == null ? null : histogram.copy());
    }
}
