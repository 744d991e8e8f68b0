package dev.cxkit.rules.engine;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One problem found while compiling or linting a policy, with where it is.
 *
 * <p>Immutable and thread-safe.
 *
 * @param file the file, relative to the policy, for example {@code restaurant/comp.drl}
 * @param line the 1-based line, or 0 when unknown
 * @param rule the rule's name, or null when the problem is not inside a rule
 * @param message what is wrong
 * @param error true for an error (the policy cannot be used), false for a warning
 * @since 0.1.0
 */
public record PolicyProblem(String file, int line, @Nullable String rule, String message, boolean error) {

    /**
     * Validates the problem.
     *
     * @throws NullPointerException if the file or message is null
     */
    public PolicyProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** Returns the problem as a rule author reads it: {@code file:line: rule "name": message}. */
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (error ? "" : "warning: ")
                + (rule == null ? "" : "rule \"" + rule + "\": ") + message;
    }
}
