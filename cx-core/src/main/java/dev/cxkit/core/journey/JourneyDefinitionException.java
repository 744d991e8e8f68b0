package dev.cxkit.core.journey;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a journey definition is invalid: built in Java with a stage that does not exist, a
 * stage listed twice, a negative limit or a promise naming an unknown touchpoint, or loaded from a
 * file with such problems or unknown keys. A file's problems are all reported at once, each naming
 * the file, line and place ({@link #problems()}); the message lists them, one per line.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class JourneyDefinitionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The field of the object being built that the problem is about, for the loader; may be null. */
    private final transient String field;
    private final transient List<DefinitionProblem> problems;

    private JourneyDefinitionException(String field, List<DefinitionProblem> problems) {
        super(problems.stream().map(DefinitionProblem::toString).collect(Collectors.joining("\n")));
        this.field = field;
        this.problems = List.copyOf(problems);
    }

    /**
     * Creates the exception for problems found in a definition.
     *
     * @param problems the problems, at least one
     * @throws IllegalArgumentException if there are none
     */
    public JourneyDefinitionException(List<DefinitionProblem> problems) {
        this(null, requireSome(problems));
    }

    private static List<DefinitionProblem> requireSome(List<DefinitionProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        return problems;
    }

    /** One problem about {@code field} (the loader maps it to a place in the file). */
    static JourneyDefinitionException at(String field, String message) {
        return new JourneyDefinitionException(field, List.of(new DefinitionProblem(null, 0, "", message)));
    }

    /** Returns the field the problem is about, or null. */
    String field() {
        return field;
    }

    /**
     * Returns the problems, in the order found.
     *
     * @return the problems (unmodifiable, never empty)
     */
    public List<DefinitionProblem> problems() {
        return problems;
    }
}
