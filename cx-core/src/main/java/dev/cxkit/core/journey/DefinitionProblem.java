package dev.cxkit.core.journey;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a journey definition, with where it is: {@code dine-in.yaml line 31
 * (promises[2].limit): promise 'notice': the limit -5m is negative}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the file or resource the definition came from, or null for a definition built in
 *     Java
 * @param line the 1-based line, or 0 when unknown
 * @param path where in the document, for example {@code promises[2].limit}, or empty when the
 *     problem is about the whole definition
 * @param message what is wrong, in words a person can act on
 * @since 0.1.0
 */
public record DefinitionProblem(@Nullable String source, int line, String path, String message) {

    /**
     * Validates the problem.
     *
     * @throws NullPointerException if {@code path} or {@code message} is null
     * @throws IllegalArgumentException if {@code line} is negative
     */
    public DefinitionProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }

    /**
     * Returns the message a person reads: source, line and path when known, then what is wrong.
     *
     * @return the message
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (source != null) {
            sb.append(source);
        }
        if (line > 0) {
            sb.append(sb.length() > 0 ? " " : "").append("line ").append(line);
        }
        if (!path.isEmpty()) {
            sb.append(sb.length() > 0 ? " (" + path + ")" : path);
        }
        return sb.length() == 0 ? message : sb.append(": ").append(message).toString();
    }
}
