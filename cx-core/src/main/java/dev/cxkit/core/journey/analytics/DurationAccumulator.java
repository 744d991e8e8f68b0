package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.internal.ByteForm;
import dev.cxkit.core.io.Durations;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
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

    /**
     * Count, negatives, and when the count is not 0: sum, min, max and the histogram in
     * HdrHistogram's own uncompressed encoding ({@code encodeIntoByteBuffer}), length-prefixed.
     */
    void write(ByteForm.Writer out) {
        out.varLong(count).varLong(negative);
        if (count > 0) {
            ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
            histogram.encodeIntoByteBuffer(buffer);
            out.varLong(sum).varLong(min).varLong(max).blob(Arrays.copyOf(buffer.array(), buffer.position()));
        }
    }

    /** Reads what {@link #write} wrote into an empty accumulator. */
    void read(ByteForm.Reader in) {
        count = in.varLong();
        negative = in.varLong();
        if (count == 0) {
            return;
        }
        sum = in.varLong();
        min = in.varLong();
        max = in.varLong();
        byte[] encoded = in.blob();
        try {
            histogram = Histogram.decodeFromByteBuffer(ByteBuffer.wrap(encoded), 0);
        } catch (RuntimeException e) {
            throw in.error("not an HdrHistogram: " + e.getMessage());
        }
        if (histogram.getTotalCount() != count || min > max || histogram.getNumberOfSignificantValueDigits() != DIGITS) {
            throw in.error("a histogram of " + histogram.getTotalCount() + " durations for a count of " + count);
        }
    }

    DurationSummary snapshot() {
        return new DurationSummary(count, negative, sum, min, max, histogram == null ? null : histogram.copy());
    }
}
