package dev.cxkit.core.io;

import java.util.Objects;

/**
 * What a read into a {@link java.util.stream.Collector} gives: the collected value and the counts
 * of the rows read.
 *
 * <p>Immutable if the value is.
 *
 * @param value the collector's result
 * @param summary the counts of what was read, and warnings about whole inputs
 * @param <R> the collector's result type
 * @since 0.1.0
 */
public record ReadResult<R>(R value, ReadSummary summary) {

    /**
     * Checks the parts.
     *
     * @throws NullPointerException if either is null
     */
    public ReadResult {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(summary, "summary");
    }
}
