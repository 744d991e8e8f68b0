package dev.cxkit.cli;

/**
 * A command line that cannot run as given, or an input that cannot be used: reported as
 * {@code cx: message} with exit code 2.
 */
final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
