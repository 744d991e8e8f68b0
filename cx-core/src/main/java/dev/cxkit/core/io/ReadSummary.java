package dev.cxkit.core.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How many rows one read (or several, {@linkplain #plus(ReadSummary) added}) saw and what became
 * of each, and warnings about the input as a whole, such as an empty file.
 *
 * <p>Blank lines and header rows are not rows. Every row is accepted, rejected, a duplicate,
 * filtered out or unanswered, so {@code read == accepted + rejected + duplicates + filtered +
 * unanswered} always holds. Rejected and duplicate rows are both handed to the reader's rejection
 * consumer, with their text, so nothing read is lost.
 *
 * <p>Immutable and thread-safe.
 *
 * @param read the number of rows read
 * @param accepted the number of rows turned into records (responses, events)
 * @param rejected the number of rows rejected as invalid
 * @param duplicates the number of rows whose id (with its metric, for responses) was read before
 * @param filtered the number of valid rows left out by a filter ({@code --where}, {@code --from}, {@code --to})
 * @param unanswered the number of valid rows of a wide survey file that answer none of the mapped questions
 * @param records the number of records handed on: more than {@code accepted} when a row of a wide
 *     file answers several metrics
 * @param undated the number of accepted rows kept without a time, because theirs could not be read
 *     and none was needed
 * @param warnings messages about whole inputs, for example {@code responses.csv is empty}
 *     (unmodifiable, never null)
 * @since 0.1.0
 */
public record ReadSummary(long read, long accepted, long rejected, long duplicates, long filtered, long unanswered,
        long records, long undated, List<String> warnings) {

    /** The summary of reading nothing. */
    public static final ReadSummary EMPTY = new ReadSummary(0, 0, 0, List.of());

    /**
     * Validates the counts and copies the warnings.
     *
     * @throws IllegalArgumentException if a count is negative, the rows do not add up to
     *     {@code read}, there are fewer records than accepted rows, or more undated rows than accepted
     * @throws NullPointerException if {@code warnings} or one of them is null
     */
    public ReadSummary {
        if (read < 0 || accepted < 0 || rejected < 0 || duplicates < 0 || filtered < 0 || unanswered < 0
                || records < 0 || undated < 0) {
            throw new IllegalArgumentException("counts must not be negative: read " + read + ", accepted " + accepted
                    + ", rejected " + rejected + ", duplicates " + duplicates + ", filtered " + filtered
                    + ", unanswered " + unanswered + ", records " + records + ", undated " + undated);
        }
        if (read != accepted + rejected + duplicates + filtered + unanswered) {
            throw new IllegalArgumentException("read " + read + " != accepted " + accepted + " + rejected " + rejected
                    + " + duplicates " + duplicates + " + filtered " + filtered + " + unanswered " + unanswered);
        }
        if (records < accepted || undated > accepted) {
            throw new IllegalArgumentException("records " + records + " and undated " + undated
                    + " must be at least and at most accepted " + accepted);
        }
        warnings = List.copyOf(warnings);
    }

    /**
     * A summary of rows that were only accepted or rejected, one record per accepted row.
     *
     * @param read the number of rows read
     * @param accepted the number of rows accepted
     * @param rejected the number of rows rejected
     * @param warnings messages about whole inputs
     * @throws IllegalArgumentException if {@code read != accepted + rejected}
     */
    public ReadSummary(long read, long accepted, long rejected, List<String> warnings) {
        this(read, accepted, rejected, 0, 0, 0, accepted, 0, warnings);
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
     * Returns the number of rows not accepted: rejected, duplicates, filtered and unanswered.
     *
     * @return {@code read - accepted}
     */
    public long notAccepted() {
        return read - accepted;
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
                Math.addExact(rejected, other.rejected), Math.addExact(duplicates, other.duplicates),
                Math.addExact(filtered, other.filtered), Math.addExact(unanswered, other.unanswered),
                Math.addExact(records, other.records), Math.addExact(undated, other.undated), all);
    }
}
