package dev.cxkit.cli;

import dev.cxkit.rules.engine.PolicyCache;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --no-policy-cache}, shared by every command that compiles a policy (through
 * {@link DecisionOptions}, and by {@code cx report}): by default a compiled policy is kept in the
 * user's cache folder and read back by the next run with the same files and versions
 * ({@link PolicyCache}, decision 0021). The cache never changes what a command prints: a folder that
 * cannot be written is a note under {@code --verbose}, and the policy is compiled as without it.
 */
final class PolicyCacheOption {

    @Option(names = "--no-policy-cache",
            description = "Compile the policy even if an earlier run compiled the same files, and keep nothing. "
                    + "Default: compiled policies are kept in $XDG_CACHE_HOME/cxkit/policies (else "
                    + "~/.cache/cxkit/policies) and read back when the files and versions are the same.")
    private boolean off;

    /**
     * Returns the cache these flags ask for, or null when it is turned off or there is no folder for it.
     *
     * @param verbose whether the cache's notes (read, written, ignored and why) go to {@code err}
     * @param err where the notes go
     * @return the cache, or null
     */
    @Nullable PolicyCache cache(boolean verbose, PrintWriter err) {
        if (off) {
            return null;
        }
        Path directory = directory(System.getenv(), System.getProperty("user.home"));
        if (directory == null) {
            return null;
        }
        PolicyCache cache = PolicyCache.in(directory);
        return verbose ? cache.withNotes(note -> {
            err.println("cx: policy cache: " + note);
            err.flush();
        }) : cache.withNotes(note -> { });
    }

    /**
     * The per-user folder of compiled policies: {@code $XDG_CACHE_HOME/cxkit/policies} when that
     * variable holds an absolute path (the XDG base directory rule), else
     * {@code ~/.cache/cxkit/policies}; null without either.
     */
    static @Nullable Path directory(Map<String, String> environment, @Nullable String userHome) {
        String xdg = environment.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "cxkit", "policies");
        }
        if (userHome == null || userHome.isBlank()) {
            return null;
        }
        return Path.of(userHome, ".cache", "cxkit", "policies");
    }
}
