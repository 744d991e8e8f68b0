package dev.cxkit.cli;

import dev.cxkit.rules.engine.PolicyCache;
import dev.cxkit.rules.engine.PolicyOptions;
import java.io.PrintWriter;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The guard rails of each decision, and whether the compiled policy is kept
 * ({@link PolicyCacheOption}), shared by the commands that run a policy.
 */
final class DecisionOptions {

    /**
     * Generous next to the library's 100 ms: a command runs one fresh JVM, whose first decisions
     * also compile and load rule code.
     */
    static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(10);

    @Option(names = "--time-budget", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "The most CPU time one decision may use before it fails (500ms, 5s, 1m or ISO-8601 like "
                    + "PT5S); time spent waiting for a core is not counted. Default: 10s.")
    private Duration timeBudget;

    @Option(names = "--firing-limit", paramLabel = "N",
            description = "The most rule firings one decision may take before it fails. Default: 10000.")
    private Integer firingLimit;

    @Mixin
    private PolicyCacheOption policyCache = new PolicyCacheOption();

    /**
     * Returns the compiled-policy cache these flags ask for, or null with {@code --no-policy-cache}.
     *
     * @param verbose whether the cache's notes go to {@code err}
     * @param err where they go
     * @return the cache, or null
     */
    @Nullable PolicyCache policyCache(boolean verbose, PrintWriter err) {
        return policyCache.cache(verbose, err);
    }

    /**
     * Returns the policy options these flags ask for.
     *
     * @throws UsageException if a value is not positive
     */
    PolicyOptions toPolicyOptions() {
        PolicyOptions options = PolicyOptions.defaults().withTimeBudget(DEFAULT_TIME_BUDGET);
        if (timeBudget != null) {
            if (timeBudget.isNegative() || timeBudget.isZero()) {
                throw new UsageException("--time-budget must be positive, got " + timeBudget);
            }
            options = options.withTimeBudget(timeBudget);
        }
        if (firingLimit != null) {
            if (firingLimit < 1) {
                throw new UsageException("--firing-limit must be at least 1, got " + firingLimit);
            }
            options = options.withFiringLimit(firingLimit);
        }
        return options;
    }
}
