package dev.cxkit.cli;

import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicyCompilationException;
import dev.cxkit.rules.engine.PolicyOptions;
import dev.cxkit.rules.engine.PolicyProblem;
import dev.cxkit.rules.engine.PolicySource;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The door to {@link PolicySource#resolve} and {@link Policy#compile} for the commands: a
 * {@code --policy} or {@code DIR} argument becomes a source or a usage error, and compiling prints
 * the warnings or every problem. Stateless.
 */
final class Policies {

    /** The pack used when no policy is given. */
    static final String DEFAULT = PolicySource.DEFAULT_PACK;

    private Policies() {
    }

    /**
     * Compiles a policy, printing its warnings to {@code err}; when it does not compile, prints
     * every problem ({@code file:line: rule "name": message}) and returns null.
     *
     * @param source the policy's text
     * @param options the guard rails of its decisions
     * @param err where warnings and errors go
     * @return the policy, or null when it does not compile
     */
    static Policy compile(PolicySource source, PolicyOptions options, PrintWriter err) {
        try {
            Policy policy = Policy.compile(source, options);
            for (PolicyProblem warning : policy.warnings()) {
                err.println("cx: " + warning);
            }
            err.flush();
            return policy;
        } catch (PolicyCompilationException e) {
            long errors = e.problems().stream().filter(PolicyProblem::error).count();
            err.println("cx: policy '" + source.name() + "' does not compile (" + errors
                    + (errors == 1 ? " error" : " errors") + "):");
            for (PolicyProblem problem : e.problems()) {
                err.println(problem);
            }
            err.flush();
            return null;
        }
    }

    /**
     * Finds a policy's text (does not compile it): a directory, or the name of a bundled pack.
     *
     * @param value the argument as typed
     * @return the source
     * @throws UsageException if it is neither, or the directory cannot be read
     */
    static PolicySource load(String value) {
        try {
            return PolicySource.resolve(value);
        } catch (IOException e) {
            throw new UsageException("cannot read policy directory " + value + ": " + Cx.message(e));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
