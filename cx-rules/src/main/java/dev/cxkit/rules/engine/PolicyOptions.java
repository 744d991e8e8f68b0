package dev.cxkit.rules.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * The guard rails of every decision.
 *
 * <p>Immutable and thread-safe.
 *
 * @param firingLimit the most rule firings one decision may take (default 10 000)
 * @param timeBudget the longest one decision may take (default 100 ms)
 * @param isolation where decisions run
 */
public record PolicyOptions(int firingLimit, Duration timeBudget, Isolation isolation) {

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

    /** The default time budget. */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofMillis(100);

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if the limit or budget is not positive
     * @throws NullPointerException if a field is null
     */
    public PolicyOptions {
        Objects.requireNonNull(timeBudget, "timeBudget");
        Objects.requireNonNull(isolation, "isolation");
        if (firingLimit <= 0) {
            throw new IllegalArgumentException("firing limit must be positive: " + firingLimit);
        }
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("time budget must be positive: " + timeBudget);
        }
    }

    /** Returns the defaults: 10 000 firings, 100 ms, worker isolation. */
    public static PolicyOptions defaults() {
        return new PolicyOptions(DEFAULT_FIRING_LIMIT, DEFAULT_TIME_BUDGET, Isolation.WORKER);
    }

    /** Returns these options with another firing limit. */
    public PolicyOptions withFiringLimit(int limit) {
        return new PolicyOptions(limit, timeBudget, isolation);
    }

    /** Returns these options with another time budget. */
    public PolicyOptions withTimeBudget(Duration budget) {
        return new PolicyOptions(firingLimit, budget, isolation);
    }

    /** Returns these options with another isolation. */
    public PolicyOptions withIsolation(Isolation where) {
        return new PolicyOptions(firingLimit, timeBudget, where);
    }
}
