package dev.cxkit.cli;

import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicyCompilationException;
import dev.cxkit.rules.engine.PolicyOptions;
import dev.cxkit.rules.engine.PolicyProblem;
import dev.cxkit.rules.engine.PolicySource;
import java.io.PrintWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns a {@code --policy} or {@code DIR} argument into a policy source: a directory of DRL files
 * when one exists at that path, else a pack bundled with cxkit ({@code restaurant}, {@code eu261}).
 * Stateless.
 */
final class Policies {

    /** The packs bundled with cxkit. */
    static final List<String> BUNDLED = List.of("restaurant", "eu261");
    /** The pack used when no policy is given. */
    static final String DEFAULT = "restaurant";

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
     * Loads a policy's text (does not compile it).
     *
     * @param value a directory, or the name of a bundled pack
     * @return the source
     * @throws UsageException if it is neither, or the directory cannot be read
     */
    static PolicySource load(String value) {
        Path dir = Path.of(value);
        if (Files.isDirectory(dir)) {
            PolicySource source;
            try {
                source = PolicySource.directory(dir);
            } catch (IOException e) {
                throw new UsageException("cannot read policy directory " + value + ": " + Cx.message(e));
            } catch (IllegalArgumentException e) {
                throw new UsageException("cannot read policy directory " + value + ": " + e.getMessage());
            }
            if (source.files().isEmpty()) {
                throw new UsageException("policy directory " + value + " has no .drl files");
            }
            return source;
        }
        if (BUNDLED.contains(value)) {
            return PolicySource.classpath(value);
        }
        if (Files.exists(dir)) {
            throw new UsageException("policy " + value + " is not a directory (give the directory of its .drl files)");
        }
        throw new UsageException("policy " + value + ": no such directory, and not a bundled pack (bundled: "
                + String.join(", ", BUNDLED) + ")");
    }
}
