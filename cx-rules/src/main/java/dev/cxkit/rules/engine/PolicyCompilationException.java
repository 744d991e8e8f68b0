package dev.cxkit.rules.engine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy did not compile. Carries every problem found, not only the first.
 *
 * @since 0.1.0
 */
public final class PolicyCompilationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<PolicyProblem> problems;

    /**
     * Creates the exception.
     *
     * @param policy the policy's name
     * @param problems the problems, at least one an error
     */
    public PolicyCompilationException(String policy, List<PolicyProblem> problems) {
        super("policy '" + policy + "' does not compile:\n" + problems.stream().map(PolicyProblem::toString)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** Returns every problem found, errors and warnings, in file and line order. */
    public List<PolicyProblem> problems() {
        return problems;
    }
}
