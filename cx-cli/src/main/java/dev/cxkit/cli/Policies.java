package dev.cxkit.cli;

import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicyCache;
import dev.cxkit.rules.engine.PolicyCompilationException;
import dev.cxkit.rules.engine.PolicyOptions;
import dev.cxkit.rules.engine.PolicyProblem;
import dev.cxkit.rules.engine.PolicySource;
import dev.cxkit.core.io.DocumentFields;
import dev.cxkit.rules.fact.PolicySettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The door to {@link PolicySource#resolve}, {@link Policy#compile} and {@link PolicyCache} for the commands: a
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
        return compile(source, options, null, err);
    }

    /**
     * Compiles a policy as {@link #compile(PolicySource, PolicyOptions, PrintWriter)} does, reading
     * its compiled form from a cache when the cache holds one for the same text and versions (and
     * keeping it there otherwise). What is printed is the same either way.
     *
     * @param source the policy's text
     * @param options the guard rails of its decisions
     * @param cache the compiled-policy cache, or null to compile
     * @param err where warnings and errors go
     * @return the policy, or null when it does not compile
     */
    static Policy compile(PolicySource source, PolicyOptions options, @Nullable PolicyCache cache, PrintWriter err) {
        try {
            Policy policy = cache == null ? Policy.compile(source, options) : cache.compile(source, options);
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
     * Returns the policy with a settings overlay file merged into its settings, after checking the
     * overlay: a key the policy does not have, or a value its rules cannot read, is printed with its
     * line and nothing is returned.
     *
     * @param policy the compiled policy
     * @param file a settings.properties overlay
     * @param err where problems go
     * @return the policy with the overlay, or null when the overlay has problems
     * @throws UsageException if the file cannot be read
     */
    static Policy withOverlay(Policy policy, Path file, PrintWriter err) {
        PolicySettings overlay;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            overlay = PolicySettings.read(file.toString(), reader);
        } catch (IOException e) {
            throw new UsageException("cannot read --settings " + file + ": " + Cx.message(e));
        }
        PolicySettings base = policy.source().settings();
        List<String> problems = new ArrayList<>();
        for (String key : overlay.values().keySet()) {
            if (!base.values().containsKey(key)) {
                String near = DocumentFields.closest(key, base.values().keySet());
                problems.add(file + ":" + overlay.line(key) + ": " + key + ": policy '" + policy.name()
                        + "' has no such setting, so it would change nothing"
                        + (near == null ? "" : " (did you mean '" + near + "'?)"));
            }
        }
        PolicySettings merged = base.with(overlay.values());
        for (PolicyProblem problem : policy.checkSettings(merged)) {
            if (problem.error()) {
                String key = overlayKey(problem.message(), overlay);
                problems.add(key == null ? problem.toString() : file + ":" + overlay.line(key) + ": "
                        + problem.message());
            }
        }
        if (!problems.isEmpty()) {
            err.println("cx: --settings " + file + " does not fit policy '" + policy.name() + "' (nothing decided):");
            problems.forEach(err::println);
            err.flush();
            return null;
        }
        return policy.withSettings(merged);
    }

    /** The overlay key a problem's message is about, or null. */
    private static String overlayKey(String message, PolicySettings overlay) {
        for (String key : overlay.values().keySet()) {
            if (message.contains("'" + key + "'")) {
                return key;
            }
        }
        return null;
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
