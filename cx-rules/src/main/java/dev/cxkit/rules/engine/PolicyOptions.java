package dev.cxkit.rules.engine;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The guard rails of every decision.
 *
 * <p>Immutable and thread-safe.
 *
 * @param firingLimit the most rule firings one decision may take (default 10 000)
 * @param timeBudget the most CPU time the deciding thread may spend on one decision (default 100 ms):
 *     time a decision waits for a core, for the garbage collector or in a queue is not charged, so
 *     healthy decisions hold under load. The deciding thread halts a decision that has spent it at
 *     the next rule firing. With {@link Isolation#WORKER}, the caller also gives up on a worker whose
 *     consequence does not return: when it has used a budget of CPU time past the first budget of
 *     elapsed time, when it is blocked (waiting or asleep) there, or after
 *     10 budgets of elapsed time in any case; that decision then counts as
 *     stuck. Where the JVM cannot measure thread CPU time, elapsed time stands in.
 * @param isolation where decisions run
 * @param maxStuckDecisions with {@link Isolation#WORKER}: how many abandoned decisions may still be
 *     running (stuck in a consequence that does not return) before the policy refuses new ones
 *     (default 4); each holds a thread, and one that loops holds a core
 * @param executor with {@link Isolation#WORKER}: the host's executor that runs decisions, or null
 *     for the policy's own pool of daemon threads (the default). A host that isolates work in its
 *     own pools (bounded, named, monitored) gives one here; it must run each task on a thread of
 *     its own (a direct executor would run the decision on the caller and defeat the time budget).
 * @since 0.1.0
 */
public record PolicyOptions(int firingLimit, Duration timeBudget, Isolation isolation, int maxStuckDecisions,
        java.util.concurrent.@Nullable Executor executor) {

    /** Where a decision runs, which decides what the time budget can stop. */
    public enum Isolation {
        /**
         * On a worker thread, the caller waiting at most the time budget: a consequence that never
         * returns fails its decision and the caller goes on (the stuck worker is abandoned). The
         * safe default.
         */
        WORKER,
        /**
         * On the caller's thread: fastest, and the time budget halts the session between firings,
         * but a consequence that never returns would hang the caller. For trusted, linted
         * policies on hot paths.
         */
        CALLER
    }

    /** The default firing limit. */
    public static final int DEFAULT_FIRING_LIMIT = 10_000;

    /** The default number of stuck decisions after which a policy refuses new ones. */
    public static final int DEFAULT_MAX_STUCK_DECISIONS = 4;

    /** The default time budget. */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofMillis(100);

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if the limit, budget or stuck maximum is not positive
     * @throws NullPointerException if a field is null
     */
    public PolicyOptions {
        Objects.requireNonNull(timeBudget, "timeBudget");
        Objects.requireNonNull(isolation, "isolation");
        if (firingLimit <= 0) {
            throw new IllegalArgumentException("firing limit must be positive: " + firingLimit);
        }
        if (maxStuckDecisions <= 0) {
            throw new IllegalArgumentException("the most stuck decisions must be positive: " + maxStuckDecisions);
        }
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("time budget must be positive: " + timeBudget);
        }
    }

    /** Returns the defaults: 10 000 firings, 100 ms, worker isolation, at most 4 stuck decisions. */
    public static PolicyOptions defaults() {
        return new PolicyOptions(DEFAULT_FIRING_LIMIT, DEFAULT_TIME_BUDGET, Isolation.WORKER,
                DEFAULT_MAX_STUCK_DECISIONS, null);
    }

    /** Returns these options with another firing limit. */
    public PolicyOptions withFiringLimit(int limit) {
        return new PolicyOptions(limit, timeBudget, isolation, maxStuckDecisions, executor);
    }

    /** Returns these options with another time budget. */
    public PolicyOptions withTimeBudget(Duration budget) {
        return new PolicyOptions(firingLimit, budget, isolation, maxStuckDecisions, executor);
    }

    /** Returns these options with another isolation. */
    public PolicyOptions withIsolation(Isolation where) {
        return new PolicyOptions(firingLimit, timeBudget, where, maxStuckDecisions, executor);
    }

    /** Returns these options with another maximum of stuck decisions. */
    public PolicyOptions withMaxStuckDecisions(int max) {
        return new PolicyOptions(firingLimit, timeBudget, isolation, max, executor);
    }

    /**
     * Returns these options with decisions run on the host's executor (with {@link Isolation#WORKER}).
     *
     * @param where the executor, or null for the policy's own pool
     * @return the options
     */
    public PolicyOptions withExecutor(java.util.concurrent.@Nullable Executor where) {
        return new PolicyOptions(firingLimit, timeBudget, isolation, maxStuckDecisions, where);
    }
}
