package dev.cxkit.core.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How many rows one read (or several, {@linkplain #plus(ReadSummary) added}) saw, accepted and
 * rejected, and warnings about the input as a whole, such as an empty file.
 *
 * <p>Blank lines and the CSV header are not rows. Every row is either accepted or rejected, so
 * {@code read == accepted + rejected} always holds.
 *
 * <p>Immutable and thread-safe.
 *
 * @param read the number of rows read
 * @param accepted the number of rows turned into responses
 * @param rejected the number of rows rejected
 * @param warnings messages about whole inputs, for example {@code responses.csv is empty}
 *     (unmodifiable, never null)
 */
public record ReadSummary(long read, long accepted, long rejected, List<String> warnings) {

    /** The summary of reading nothing. */
    public static final ReadSummary EMPTY = new ReadSummary(0, 0, 0, List.of());

    /**
     * Validates the counts and copies the warnings.
     *
     * @throws IllegalArgumentException if a count is negative or {@code read != accepted + rejected}
     * @throws NullPointerException if {@code warnings} or one of them is null
     */
    public ReadSummary {
        if (read < 0 || accepted < 0 || rejected < 0) {
            throw new IllegalArgumentException("counts must not be negative: read " + read + ", accepted " + accepted
                    + ", rejected " + rejected);
        }
        if (read != accepted + rejected) {
            throw new IllegalArgumentException("read " + read + " != accepted " + accepted + " + rejected " + rejected);
        }
        warnings = List.copyOf(warnings);
    }

    /**
     * A summary without warnings.
     *
     * @param accepted the number of rows accepted
     * @param rejected the number of rows rejected
     * @return the summary, with {@code read = accepted + rejected}
     */
    public static ReadSummary of(long accepted, long rejected) {
        return new ReadSummary(Math.addExact(accepted, rejected), accepted, rejected, List.of());
    }

    /**
     * Returns the sum of this summary and another, warnings in order.
     *
     * @param other another summary
     * @return the combined summary
     */
    public ReadSummary plus(ReadSummary other) {
        Objects.requireNonNull(other, "other");
        List<String> all = warnings;
        if (!other.warnings.isEmpty()) {
            all = new ArrayList<>(warnings);
            all.addAll(other.warnings);
        }
        return new ReadSummary(Math.addExact(read, other.read), Math.addExact(accepted, other.accepted),
                Math.addExact(rejected, other.rejected), all);
    }
}
