package dev.cxkit.rules.scenario;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One scenario file after loading: either its {@link Scenario}, or every problem found in it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the file, as the user named it
 * @param scenario the scenario, or null when the file has problems
 * @param problems the problems, empty when the scenario loaded
 * @since 0.1.0
 */
public record ScenarioFile(String source, @Nullable Scenario scenario, List<ScenarioProblem> problems) {

    /**
     * Validates the result: exactly one of a scenario or problems.
     *
     * @throws NullPointerException if the source is null
     * @throws IllegalArgumentException if there is both or neither a scenario and problems
     */
    public ScenarioFile {
        Objects.requireNonNull(source, "source");
        problems = List.copyOf(problems == null ? List.of() : problems);
        if ((scenario == null) == problems.isEmpty()) {
            throw new IllegalArgumentException(source + ": a scenario file has either a scenario or problems");
        }
    }

    /** Returns whether the file loaded without problems. */
    public boolean isValid() {
        return scenario != null;
    }

    /** Returns the scenario, empty when the file has problems. */
    public Optional<Scenario> loaded() {
        return Optional.ofNullable(scenario);
    }
}
