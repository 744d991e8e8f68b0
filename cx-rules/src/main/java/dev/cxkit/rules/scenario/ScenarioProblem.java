package dev.cxkit.rules.scenario;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One thing wrong with a scenario file, with where it is: the file and the field, as a dotted path
 * ({@code given.incident.type}, {@code expect.offers[1].amount}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the file, as the user named it (for example {@code scenarios/wrong-item.yaml})
 * @param field the field's path, or null when the problem is with the whole file (for example a
 *     YAML syntax error, whose message carries the line and column)
 * @param message what is wrong
 * @since 0.1.0
 */
public record ScenarioProblem(String source, @Nullable String field, String message) {

    /**
     * Validates the problem.
     *
     * @throws NullPointerException if the source or message is null
     */
    public ScenarioProblem {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
    }

    /** Returns the problem as a rule author reads it: {@code file: field: message}. */
    @Override
    public String toString() {
        return source + ": " + (field == null ? "" : field + ": ") + message;
    }
}
