package dev.cxkit.rules.engine;

import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.RecoveryContext;
import dev.cxkit.rules.plan.RecoveryPlan;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A policy that rule authors can change while the host runs: {@link #reload(PolicySource)}
 * compiles the new version and swaps it in atomically. A version that fails to compile never
 * replaces the working one; the failure is returned with every problem.
 *
 * <p>Decisions already running finish on the version they started with; later ones use the new
 * one, and the old version is closed when its last decision ends. Thread-safe.
 *
 * @since 0.1.0
 */
public final class ReloadablePolicy {

    /**
     * The outcome of a reload.
     *
     * @param swapped whether the new version replaced the old one
     * @param problems the compiler's errors (when not swapped) or warnings
     * @param compileTime how long compiling took
     */
    public record Reload(boolean swapped, List<PolicyProblem> problems, Duration compileTime) {

        /**
         * Copies the problems.
         *
         * @throws NullPointerException if a field is null
         */
        public Reload {
            problems = List.copyOf(problems);
            Objects.requireNonNull(compileTime, "compileTime");
        }
    }

    private final AtomicReference<Policy> current;

    private ReloadablePolicy(Policy initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    /**
     * Wraps a compiled policy.
     *
     * @param initial the working version
     * @return the reloadable policy
     */
    public static ReloadablePolicy of(Policy initial) {
        return new ReloadablePolicy(initial);
    }

    /** Returns the version in use now. */
    public Policy current() {
        return current.get();
    }

    /**
     * Decides with the version in use now; see {@link Policy#decide}.
     *
     * @param incident the incident
     * @param customer the customer
     * @param context the context
     * @return the plan
     * @throws DecisionException if the decision fails
     */
    public RecoveryPlan decide(Incident incident, Customer customer, RecoveryContext context) {
        return current.get().decide(incident, customer, context);
    }

    /**
     * Compiles {@code source} with the current version's guard rails and, if it compiles, makes
     * it the version in use. The old version is closed once the decisions running on it have
     * finished (its pooled sessions are freed; a later decision on a reference to it fails).
     *
     * @param source the new DRL files and settings
     * @return whether it was swapped in, with the problems found and the compile time
     */
    public Reload reload(PolicySource source) {
        long start = System.nanoTime();
        try {
            Policy next = Policy.compile(source, current.get().options());
            current.getAndSet(next).retire();
            return new Reload(true, next.warnings(), Duration.ofNanos(System.nanoTime() - start));
        } catch (PolicyCompilationException e) {
            return new Reload(false, e.problems(), Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
