package dev.cxkit.core.io;

import java.io.IOException;
import java.util.Objects;

/**
 * Thrown when an input cannot be read as responses at all, rather than row by row: for example a
 * CSV header without a {@code score} column, a header that names a column twice, or a header that
 * is not valid UTF-8. The message names the input and the line, for example
 * {@code responses.csv line 1: the header has no 'score' column (columns: id, rating)}.
 *
 * <p>Rows read before the problem was found have been passed on; for a header problem, none.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class UnreadableInputException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;

    /**
     * Creates the exception.
     *
     * @param source the name of the input
     * @param line the 1-based line of the problem
     * @param problem what is wrong
     */
    public UnreadableInputException(String source, long line, String problem) {
        super(Objects.requireNonNull(source, "source") + " line " + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    /** Returns the name of the input. */
    public String source() {
        return source;
    }

    /** Returns the 1-based line of the problem. */
    public long line() {
        return line;
    }
}
