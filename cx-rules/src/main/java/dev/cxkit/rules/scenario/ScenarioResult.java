package dev.cxkit.rules.scenario;

import dev.cxkit.rules.plan.RecoveryPlan;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of running one scenario: passed, or failed with a readable diff of expected against
 * actual, section by section.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scenario the scenario
 * @param plan the plan the policy decided, or null when the decision failed
 * @param differences the diff, one line each (section headers, then items indented by two
 *     spaces); empty when the scenario passed
 * @since 0.1.0
 */
public record ScenarioResult(Scenario scenario, @Nullable RecoveryPlan plan, List<String> differences) {

    /**
     * Validates the result.
     *
     * @throws NullPointerException if the scenario or differences are null
     */
    public ScenarioResult {
        Objects.requireNonNull(scenario, "scenario");
        differences = List.copyOf(differences);
    }

    /** Returns whether the plan met every expectation. */
    public boolean passed() {
        return differences.isEmpty();
    }

    /** Returns the scenario's name. */
    public String name() {
        return scenario.name();
    }

    /** Returns the decided plan, empty when the decision failed. */
    public Optional<RecoveryPlan> decided() {
        return Optional.ofNullable(plan);
    }

    /**
     * Returns the result as a report: {@code PASS name}, or {@code FAIL name} followed by the diff
     * indented by four spaces.
     *
     * @return the report, lines separated by {@code \n}
     */
    public String report() {
        StringBuilder sb = new StringBuilder(passed() ? "PASS " : "FAIL ").append(name());
        for (String line : differences) {
            sb.append("\n    ").append(line);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return report();
    }
}
