package dev.cxkit.core.score;

/**
 * Thrown when bytes given to a {@code fromBytes} or {@code mergeBytes} method are not a valid
 * cxkit byte form: not cxkit bytes at all, cut short, changed after they were written (the
 * checksum differs), of a newer format version, of another kind (a score table where a rating
 * distribution was expected), or holding values no accumulator could have produced. The message
 * says which, and where. Bad bytes never decode into a wrong score.
 *
 * <p>The format is documented in {@code docs/format.md}.
 *
 * @since 0.1.0
 */
public final class ByteFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong with the bytes, and where
     */
    public ByteFormatException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what is wrong with the bytes, and where
     * @param cause the check that failed
     */
    public ByteFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
