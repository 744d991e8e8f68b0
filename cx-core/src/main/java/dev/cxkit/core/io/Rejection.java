package dev.cxkit.core.io;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One input row that was not accepted, with where it is and why, and its original text so it can
 * be fixed and read again.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the name of the input, for example {@code responses.csv} or {@code -} for stdin
 * @param line the 1-based physical line number where the row starts (a CSV header is line 1)
 * @param reason what is wrong, in words a person can act on, for example
 *     {@code score 11 is outside 0..10 for metric nps}
 * @param raw the row's original text, verbatim and without its final line end: for CSV the
 *     physical line(s) of the record (a quoted field may span lines), for JSON Lines the line.
 *     A line longer than {@value ResponseReader#MAX_RECORD_CHARS} characters is cut to that length.
 * @param header for CSV the header line of the input the row came from (verbatim), so rejected
 *     rows can be written under it; null for JSON Lines
 * @since 0.1.0
 */
public record Rejection(String source, long line, String reason, String raw, @Nullable String header) {

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if {@code source}, {@code reason} or {@code raw} is null
     * @throws IllegalArgumentException if {@code line} is less than 1
     */
    public Rejection {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(raw, "raw");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1: " + line);
        }
    }

    /**
     * Returns the message a person reads: {@code responses.csv line 7: score 11 is outside 0..10
     * for metric nps}.
     *
     * @return the source, line and reason
     */
    public String message() {
        return source + " line " + line + ": " + reason;
    }

    @Override
    public String toString() {
        return message();
    }
}
