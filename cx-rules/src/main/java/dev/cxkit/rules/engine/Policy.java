// Over 500 lines on purpose: deciding with its guard rails (firing limit, time budget, worker
// isolation, stuck-decision accounting) is one piece of concurrency that reads best in one place;
// compiling lives in PolicyCompiler.
package dev.cxkit.rules.engine;

import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Disruption;
import dev.cxkit.rules.fact.FlightDisruption;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.fact.RecoveryContext;
import dev.cxkit.rules.plan.PlanDraft;
import dev.cxkit.rules.plan.RecoveryPlan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.conf.ThreadSafeOption;

/**
 * A compiled service-recovery policy: DRL rules plus settings, ready to decide incidents.
 *
 * <pre>{@code
 * Policy policy = Policy.compile(PolicySource.classpath("restaurant"));
 * RecoveryPlan plan = policy.decide(incident, customer, RecoveryContext.at(clock.instant()));
 * }</pre>
 *
 * <p>Each decision runs in its own pooled Drools session with up to five facts: the {@link Incident},
 * the {@link Customer}, the {@link RecoveryContext}, the policy's
 * {@link dev.cxkit.rules.fact.PolicySettings} and a fresh {@link PlanDraft} that the rules write
 * into. The last two are also set as the globals {@code plan} and {@code settings} when the DRL
 * declares them ({@code global PlanDraft plan;}, {@code global PolicySettings settings;}): rules
 * that use the globals instead of matching the two facts skip two joins each, which makes the
 * restaurant pack about a third faster; and when no rule matches the two as facts, they are not
 * inserted at all. Every decision has a firing limit and a time budget
 * ({@link PolicyOptions}); exceeding either, or an exception in a condition or a consequence,
 * fails that decision with a {@link DecisionException} naming the incident and the rule, and
 * nothing else.
 *
 * <p><b>Policies are trusted code.</b> DRL consequences can call any Java the host can reach;
 * Drools has no sandbox and the JDK no SecurityManager. {@link PolicyLint} flags dangerous calls,
 * as a guard against accidents, not a security boundary.
 *
 * <p>Thread-safe: compile once and decide from any number of threads.
 *
 * @since 0.1.0
 */
public final class Policy implements AutoCloseable {

    /**
     * How long a caller spins for its worker's decision before it blocks. A decision takes a few
     * microseconds; waking a blocked caller took tens of them on a 2-core machine, most of a worker
     * decision's time (about 4x fewer decisions per second without the spin). Bounded, so a slow
     * decision costs the caller at most this much CPU before it blocks as before.
     */
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    /** The most elapsed time a caller waits for a worker, in budgets, whatever the worker's CPU time. */
    static final int WAIT_FACTOR = 10;
    static final String PLAN_GLOBAL = "plan";
    static final String SETTINGS_GLOBAL = "settings";
    private static final DecisionWorkers WORKERS = new DecisionWorkers("cx-policy-decision-");
    /**
     * The configuration of every pooled session: not thread-safe. A decision's session is used by
     * one thread only (the caller's or one worker's), and an unsynchronised session skips the locks
     * of the thread-safe one. It must then never be touched from another thread, not even to halt
     * it: a decision that runs out of time is halted by its own thread, between firings (see
     * {@link Decision#beforeMatchFired}). One shared instance, because the pool keys its sessions
     * by the configuration's identity.
     */
    private static final KieSessionConfiguration SESSION_CONFIGURATION = sessionConfiguration();

    private static KieSessionConfiguration sessionConfiguration() {
        KieSessionConfiguration conf = KieServices.get().newKieSessionConfiguration();
        conf.setOption(ThreadSafeOption.NO);
        return conf;
    }

    private final PolicySource source;
    private final PolicyOptions options;
    private final KieBase kieBase;
    private final KieSessionsPool sessions;
    private final List<String> ruleNames;
    private final boolean planGlobal;
    private final boolean settingsGlobal;
    /** Whether a rule matches the plan or the settings as a fact: if none does, they are not inserted. */
    private final boolean planMatched;
    private final boolean settingsMatched;
    private final List<PolicyProblem> warnings;
    /** The flight fields the pack needs for every flight (its settings' {@code flight.required}). */
    private final List<String> requiredFlightFields;
    /** The pack's invariants: the names of its queries named {@code invariant: ...}. */
    private final List<String> invariants;
    /** Decisions abandoned at their time budget (shared by versions with other settings or options). */
    private final AtomicInteger abandoned;
    /** Abandoned decisions whose worker still runs (shared likewise). */
    private final AtomicInteger stuck;
    /** The rules those stuck decisions were firing, for the message that refuses new decisions. */
    private final java.util.Set<String> stuckRules;
    /**
     * Decisions in flight on the shared pool, plus {@link #RETIRED} once a reload has replaced this
     * version: the last decision to end then frees the pool (shared likewise).
     */
    private final AtomicInteger users;
    private static final int RETIRED = 1 << 30;
    /** Whether the shared pool is shut (shared likewise). */
    private final java.util.concurrent.atomic.AtomicBoolean closed;

    private Policy(PolicySource source, PolicyOptions options, KieBase kieBase, List<PolicyProblem> warnings) {
        this(source, options, kieBase, kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors()), warnings,
                new AtomicInteger(), new AtomicInteger(), java.util.concurrent.ConcurrentHashMap.newKeySet(),
                new AtomicInteger(), new java.util.concurrent.atomic.AtomicBoolean());
    }

    private Policy(PolicySource source, PolicyOptions options, KieBase kieBase, KieSessionsPool sessions,
            List<PolicyProblem> warnings, AtomicInteger abandoned, AtomicInteger stuck, java.util.Set<String> stuckRules,
            AtomicInteger users, java.util.concurrent.atomic.AtomicBoolean closed) {
        this.abandoned = abandoned;
        this.stuck = stuck;
        this.stuckRules = stuckRules;
        this.users = users;
        this.closed = closed;
        this.source = source;
        this.options = options;
        this.kieBase = kieBase;
        this.sessions = sessions;
        List<String> names = new ArrayList<>();
        boolean planGlobal = false;
        boolean settingsGlobal = false;
        List<String> invariants = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            java.util.Set<String> queries = new java.util.HashSet<>();
            for (org.kie.api.definition.rule.Query query : pkg.getQueries()) {
                queries.add(query.getName());
                if (Invariants.isInvariant(query.getName())) {
                    invariants.add(query.getName());
                }
            }
            for (Rule rule : pkg.getRules()) {
                if (!queries.contains(rule.getName())) { // Drools lists queries among the rules
                    names.add(rule.getName());
                }
            }
            for (org.kie.api.definition.rule.Global global : pkg.getGlobalVariables()) {
                planGlobal |= global.getName().equals(PLAN_GLOBAL);
                settingsGlobal |= global.getName().equals(SETTINGS_GLOBAL);
            }
        }
        this.planGlobal = planGlobal;
        this.settingsGlobal = settingsGlobal;
        this.planMatched = matched(kieBase, PlanDraft.class);
        this.settingsMatched = matched(kieBase, dev.cxkit.rules.fact.PolicySettings.class);
        names.sort(Comparator.naturalOrder());
        this.ruleNames = List.copyOf(names);
        this.warnings = List.copyOf(warnings);
        invariants.sort(Comparator.naturalOrder());
        this.invariants = List.copyOf(invariants);
        List<String> required;
        try {
            required = source.settings().requiredFlightFields();
        } catch (IllegalArgumentException e) {
            required = List.of(); // reported by the settings check when the policy was compiled
        }
        this.requiredFlightFields = required;
    }

    /**
     * Returns whether any rule matches facts of a class (a pattern on it or on a supertype), from
     * the object-type nodes of the compiled network. Policies that reach the plan and the settings
     * only through their globals then skip two inserts per decision. This reads Drools' internal
     * API; if that ever fails, the answer is yes and the fact is inserted as always.
     */
    private static boolean matched(KieBase kieBase, Class<?> type) {
        try {
            for (ObjectTypeNode node : ((InternalRuleBase) kieBase).getRete().getObjectTypeNodes()) {
                if (node.getObjectSinkPropagator().size() > 0 && node.getObjectType().isAssignableFrom(type)) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException | LinkageError e) {
            return true;
        }
    }

    /**
     * Compiles a policy with the default guard rails.
     *
     * @param source the DRL files and settings
     * @return the policy
     * @throws PolicyCompilationException with every error (file, line, rule) if it does not compile
     */
    public static Policy compile(PolicySource source) throws PolicyCompilationException {
        return compile(source, PolicyOptions.defaults());
    }

    /**
     * Compiles a policy.
     *
     * @param source the DRL files and settings
     * @param options the guard rails of its decisions
     * @return the policy
     * @throws PolicyCompilationException with every error (file, line, rule) if it does not compile
     */
    public static Policy compile(PolicySource source, PolicyOptions options) throws PolicyCompilationException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        requireFiles(source);
        PolicyCompiler.Compiled compiled = PolicyCompiler.compile(source);
        return warmedUp(source, options, compiled.kieBase(), compiled.warnings());
    }

    /**
     * Checks that a source has DRL files to compile.
     *
     * @throws PolicyCompilationException if it has none
     */
    static void requireFiles(PolicySource source) throws PolicyCompilationException {
        if (source.files().isEmpty()) {
            throw new PolicyCompilationException(source.name(), List.of(new PolicyProblem(source.name(), 0, null,
                    "no DRL files", true)));
        }
    }

    /**
     * A policy of a compiled rule base (just compiled, or read from a {@link PolicyCache}), after its
     * warm-up: the same policy either way.
     *
     * @param source what it was compiled from
     * @param options the guard rails
     * @param kieBase the rules
     * @param compileWarnings what compiling warned about
     * @return the policy
     */
    static Policy warmedUp(PolicySource source, PolicyOptions options, KieBase kieBase,
            List<PolicyProblem> compileWarnings) {
        Policy cold = new Policy(source, options, kieBase, compileWarnings);
        List<PolicyProblem> warnings = new ArrayList<>(compileWarnings);
        warnings.addAll(cold.warmUp());
        return new Policy(source, options, cold.kieBase, cold.sessions, warnings, cold.abandoned, cold.stuck,
                cold.stuckRules, cold.users, cold.closed);
    }

    /**
     * Decides one synthetic incident of every type, in person and remote, and one flight of each
     * disruption, under the decision guards (on a worker, with a few seconds each) and keeping
     * only what failed: the first decisions load and link the rules' classes, which can take
     * longer than a decision's time budget; after this, real decisions start warm. Compiling
     * checked the text before (a call that stops the host is refused there); what the rules do
     * with these incidents is reported with the rule's name, and a rule that does not return
     * ends the warm-up at once rather than holding one thread per synthetic incident.
     *
     * @return one warning per failed warm-up decision, naming the rule
     */
    private List<PolicyProblem> warmUp() {
        Policy relaxed = withOptions(options.withTimeBudget(java.time.Duration.ofSeconds(5))
                .withIsolation(PolicyOptions.Isolation.WORKER));
        java.time.Instant now = java.time.Instant.EPOCH;
        Customer someone = new Customer("warm-up", null, null, new dev.cxkit.core.service.ContactPreference(
                dev.cxkit.core.service.Channel.EMAIL, dev.cxkit.core.service.AddressKind.EMAIL), 0);
        List<Incident> incidents = new ArrayList<>();
        int n = 0;
        for (dev.cxkit.rules.fact.IncidentType type : dev.cxkit.rules.fact.IncidentType.values()) {
            for (dev.cxkit.core.service.Channel channel : new dev.cxkit.core.service.Channel[] {
                dev.cxkit.core.service.Channel.IN_PERSON, dev.cxkit.core.service.Channel.PHONE}) {
                incidents.add(Incident.builder("warm-up-" + n++, type).channel(channel).detectedAt(now)
                        .wait(45, 20).build());
            }
        }
        // a pack for flights (eu261) matches Incident.flight(): warm those rules up too
        for (FlightDisruption flight : WARM_UP_FLIGHTS) {
            incidents.add(Incident.builder("warm-up-" + n++, flight).detectedAt(now)
                    .extraordinaryCircumstances(n % 2 == 0).build());
        }
        List<PolicyProblem> problems = new ArrayList<>();
        for (Incident incident : incidents) {
            try {
                relaxed.decide(incident, someone, RecoveryContext.at(now));
            } catch (DecisionException e) {
                // A synthetic incident may lack facts a policy needs; real decisions report that
                // too, so only a rule that never returns or cannot run at all is worth a warning.
                if (e.getMessage().contains("time budget") || e.getMessage().contains("firing limit")) {
                    problems.add(new PolicyProblem(source.name(), 0, e.rule(), "while warming up on a synthetic "
                            + incident.summary() + ": " + e.reason(), false));
                    if (stuck.get() > 0) {
                        break;
                    }
                }
            }
        }
        return problems;
    }

    /** One flight of each disruption, long and late enough that most flight rules fire. */
    private static final List<FlightDisruption> WARM_UP_FLIGHTS = List.of(
            FlightDisruption.builder(Disruption.DELAY).distanceKm(6000).intraEu(false).departureDelayMinutes(320)
                    .arrivalDelayMinutes(230).overnight(true).build(),
            FlightDisruption.builder(Disruption.CANCELLATION).distanceKm(1000).intraEu(true).noticeDays(0)
                    .rerouted(true).arrivalDelayMinutes(100).build(),
            FlightDisruption.builder(Disruption.DENIED_BOARDING).distanceKm(2000).intraEu(false).build(),
            FlightDisruption.builder(Disruption.DOWNGRADE).distanceKm(2000).intraEu(true)
                    .ticketPrice(Money.of("100.00", "EUR")).build());

    /**
     * Checks settings against this policy's rules before deciding with them, for example a
     * location's overrides merged into the pack's: every key a rule reads by name must be there
     * and parse as the rule reads it (errors), and a key no rule reads changes nothing
     * (warnings). Runs no rule.
     *
     * @param settings the settings to check
     * @return the problems, errors first by file and line; empty when the settings fit
     */
    public List<PolicyProblem> checkSettings(dev.cxkit.rules.fact.PolicySettings settings) {
        Objects.requireNonNull(settings, "settings");
        List<PolicyProblem> problems = new ArrayList<>(SettingsCheck.check(source, settings));
        problems.sort(Comparator.comparing((PolicyProblem p) -> !p.error()).thenComparing(PolicyProblem::file)
                .thenComparingInt(PolicyProblem::line));
        return problems;
    }

    /**
     * Returns this policy with other settings, reusing the compiled rules (no recompilation), for
     * example per location. The two share their session pool; close only one of them.
     *
     * @param settings the settings
     * @return the policy
     */
    public Policy withSettings(dev.cxkit.rules.fact.PolicySettings settings) {
        return new Policy(source.withSettings(settings), options, kieBase, sessions, warnings, abandoned, stuck,
                stuckRules, users, closed);
    }

    /**
     * Returns this policy with other guard rails, reusing the compiled rules. The two share their
     * session pool; close only one of them.
     *
     * @param other the options
     * @return the policy
     */
    public Policy withOptions(PolicyOptions other) {
        return new Policy(source, other, kieBase, sessions, warnings, abandoned, stuck, stuckRules, users, closed);
    }

    /** Returns the policy's name. */
    public String name() {
        return source.name();
    }

    /** Returns what the policy was compiled from. */
    public PolicySource source() {
        return source;
    }

    /** Returns the guard rails. */
    public PolicyOptions options() {
        return options;
    }

    /** Returns the names of the policy's rules, sorted. */
    public List<String> ruleNames() {
        return ruleNames;
    }

    /**
     * Returns the pack's invariants: its DRL queries named {@code "invariant: ..."}, checked after
     * every decision (see {@link Invariants}).
     */
    public List<String> invariants() {
        return invariants;
    }

    /** Returns the compiler's warnings (the policy compiled despite them). */
    public List<PolicyProblem> warnings() {
        return warnings;
    }

    /**
     * Decides one incident: what to do, who does it, by when, and what to give.
     *
     * @param incident the service failure
     * @param customer the customer it happened to
     * @param context the time, budget and history
     * @return the plan
     * @throws DecisionException if a consequence throws, or the firing limit or time budget is
     *     exceeded; the message names the incident and the rule
     */
    public RecoveryPlan decide(Incident incident, Customer customer, RecoveryContext context) {
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(context, "context");
        if (closed.get()) {
            throw new DecisionException(incident.id(), null, "policy '" + name() + "' is closed (a reload replaced "
                    + "it, or close() was called): decide with the current version", null);
        }
        users.incrementAndGet();
        try {
            return decideOpen(incident, customer, context);
        } finally {
            if (users.decrementAndGet() == RETIRED) {
                shutDown();
            }
        }
    }

    private RecoveryPlan decideOpen(Incident incident, Customer customer, RecoveryContext context) {
        if (incident.flight() != null && !requiredFlightFields.isEmpty()) {
            List<String> lacking = incident.flight().lacks(requiredFlightFields);
            if (!lacking.isEmpty()) {
                throw new DecisionException(incident.id(), null, "the flight has no " + String.join(", ", lacking)
                        + ", which policy '" + name() + "' needs for every flight ("
                        + dev.cxkit.rules.fact.PolicySettings.FLIGHT_REQUIRED + " in its settings)", null);
            }
        }
        if (options.isolation() == PolicyOptions.Isolation.CALLER) {
            return run(incident, customer, context, d -> { });
        }
        int stuckNow = stuck.get();
        if (stuckNow >= options.maxStuckDecisions()) {
            List<String> rules = new ArrayList<>(stuckRules);
            rules.sort(Comparator.naturalOrder());
            String where = rules.isEmpty() ? "a consequence that does not return"
                    : (rules.size() == 1 ? "rule " : "rules ") + rules.stream().map(r -> "\"" + r + "\"")
                            .collect(java.util.stream.Collectors.joining(", ")) + ", which does not return";
            throw new DecisionException(incident.id(), rules.isEmpty() ? null : rules.get(0), "refused: " + stuckNow
                    + " earlier decisions of policy '" + name() + "' are still stuck in " + where
                    + " (their threads are abandoned); fix it and reload the policy", null);
        }
        Attempt attempt = new Attempt();
        java.util.concurrent.FutureTask<RecoveryPlan> future = new java.util.concurrent.FutureTask<>(() -> {
            if (!attempt.start()) {
                return null;
            }
            try {
                return run(incident, customer, context, attempt::running);
            } finally {
                if (!attempt.finish() && stuck.decrementAndGet() == 0) {
                    stuckRules.clear();
                }
            }
        });
        try {
            (options.executor() != null ? options.executor() : WORKERS).execute(future);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new DecisionException(incident.id(), null, "the executor refused the decision: " + e.getMessage(), e);
        }
        try {
            long start = System.nanoTime();
            while (!future.isDone() && System.nanoTime() - start < SPIN_NANOS) {
                Thread.onSpinWait();
            }
            return await(future, attempt, start);
        } catch (TimeoutException e) {
            abandon(attempt, future);
            throw new DecisionException(incident.id(), attempt.rule(), "exceeded the time budget of "
                    + options.timeBudget().toMillis() + " ms" + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DecisionException) {
                throw (DecisionException) cause;
            }
            throw new DecisionException(incident.id(), attempt.rule(), "failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(attempt, future);
            throw new DecisionException(incident.id(), attempt.rule(), "interrupted", e);
        }
    }

    /**
     * Waits for a worker's decision, as the worker itself counts (see {@code Decision.spent}): while
     * the decision is queued the wait goes on; once it runs and a budget of elapsed time has
     * passed, the worker's CPU time is read, and the caller gives up when the worker has used a
     * budget of CPU time from then. So that a caller is never held for long (a consequence that
     * blocks uses no CPU), it gives up after {@value #WAIT_FACTOR} budgets of elapsed time in any
     * case.
     *
     * @throws TimeoutException when the worker used its budget, or the elapsed time ran out; the
     *     message says which
     */
    private <T> T await(Future<T> future, Attempt attempt, long start)
            throws InterruptedException, ExecutionException, TimeoutException {
        long budget = options.timeBudget().toNanos();
        long giveUp = start + (budget > Long.MAX_VALUE / (2 * WAIT_FACTOR) ? Long.MAX_VALUE / 2 : budget * WAIT_FACTOR);
        long next = start + budget;
        long cpuMark = -1;
        int blocked = 0;
        while (true) {
            try {
                return future.get(Math.max(0, Math.min(next, giveUp) - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                long now = System.nanoTime();
                if (now - giveUp >= 0) {
                    throw new TimeoutException("(" + (attempt.started() ? "still running" : "still queued") + " after "
                            + TimeUnit.NANOSECONDS.toMillis(now - start) + " ms elapsed)");
                }
                if (!attempt.started()) {
                    next = now + budget;
                } else if (attempt.blocked()) {
                    // blocked, waiting or asleep in a consequence, twice a quarter budget apart: not
                    // waiting for a core, so elapsed time is what counts
                    if (++blocked >= 2) {
                        throw new TimeoutException("(its rule is blocked, not running)");
                    }
                    next = now + budget / 4;
                } else if (cpuMark < 0) {
                    blocked = 0;
                    cpuMark = attempt.workerCpu();
                    next = now + budget;
                } else {
                    blocked = 0;
                    long used = attempt.workerCpu() - cpuMark;
                    if (used >= budget || used < 0) {
                        throw new TimeoutException(null);
                    }
                    next = now + (budget - used);
                }
            }
        }
    }

    /** Gives up on a worker's decision: it halts at its next firing, or is counted as stuck. */
    private void abandon(Attempt attempt, Future<?> future) {
        if (attempt.abandon()) {
            abandoned.incrementAndGet();
            stuck.incrementAndGet();
            String rule = attempt.rule();
            if (rule != null) {
                stuckRules.add(rule);
            }
        }
        future.cancel(true);
    }

    /**
     * One decision handed to a worker, as seen by both threads: queued, running, then done by the
     * worker or abandoned by the caller, whichever comes first. Counting a decision as stuck
     * exactly when the caller abandons it while it runs, and uncounting it exactly when such a
     * decision ends, keeps the count of threads still held by this policy right.
     */
    private static final class Attempt {
        private static final int QUEUED = 0;
        private static final int RUNNING = 1;
        private static final int DONE = 2;
        private static final int CANCELLED = 3;
        private static final int ABANDONED = 4;

        private final AtomicInteger state = new AtomicInteger(QUEUED);
        private volatile Decision decision;
        private volatile long worker = -1;

        /** On the worker: returns false when the caller gave up before it started. */
        boolean start() {
            worker = Thread.currentThread().getId();
            return state.compareAndSet(QUEUED, RUNNING);
        }

        /** On the caller: whether the worker has begun the decision. */
        boolean started() {
            return state.get() != QUEUED;
        }

        /** On the caller: whether the worker thread is blocked, waiting or asleep. */
        boolean blocked() {
            return ThreadTime.blocked(worker);
        }

        /** On the caller: the worker thread's CPU time now ({@link Long#MAX_VALUE} once it has ended). */
        long workerCpu() {
            long now = ThreadTime.of(worker);
            return now < 0 ? Long.MAX_VALUE : now;
        }

        void running(Decision d) {
            decision = d;
        }

        /** On the worker: returns false when the caller abandoned the decision meanwhile. */
        boolean finish() {
            return state.compareAndSet(RUNNING, DONE);
        }

        /** On the caller: returns true when the decision was running and is now abandoned. */
        boolean abandon() {
            if (state.compareAndSet(QUEUED, CANCELLED)) {
                return false;
            }
            if (state.compareAndSet(RUNNING, ABANDONED)) {
                Decision d = decision;
                if (d != null) {
                    d.abandoned = true;
                }
                return true;
            }
            return false;
        }

        String rule() {
            Decision d = decision;
            return d == null ? null : d.currentRule();
        }
    }

    /**
     * One decision: its audit trail and guard rails. Registered as the session's agenda listener,
     * so it sees every firing on the deciding thread: it names the rule for the audit trail and
     * for error messages, and halts the session there when the time budget is spent (the caller's
     * own deadline, or a waiting caller that gave up). Halting from the deciding thread is what
     * lets the sessions be unsynchronised.
     */
    private static final class Decision extends DefaultAgendaEventListener {
        private final PlanDraft draft;
        private final long budget;
        /** The deciding thread's CPU time when the decision began. */
        private final long cpuStart;
        /** When, in elapsed time, the budget could at the earliest be spent: checked at every firing. */
        private long deadline;
        private volatile String rule;
        /** Set by a caller that stopped waiting for a worker. */
        private volatile boolean abandoned;
        private boolean halted;

        Decision(PlanDraft draft, long budget) {
            this.draft = draft;
            this.budget = budget;
            this.cpuStart = ThreadTime.current();
            this.deadline = System.nanoTime() + budget;
        }

        /**
         * Whether the budget is spent: the deciding thread's CPU time since the decision began. At
         * each firing only the elapsed time is read (cheap); once a budget of it has passed, the CPU
         * time is read, and the next check moves by the time the thread did not run: a decision that
         * waited for a core or for the garbage collector is not stopped.
         */
        private boolean spent() {
            long now = System.nanoTime();
            if (now - deadline <= 0) {
                return false;
            }
            long used = ThreadTime.current() - cpuStart;
            if (used >= budget) {
                return true;
            }
            deadline = now + (budget - used);
            return false;
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            String name = event.getMatch().getRule().getName();
            rule = name;
            draft.ruleFiring(name);
            if (!halted && (abandoned || spent())) {
                halted = true;
                event.getKieRuntime().halt();
            }
        }

        String currentRule() {
            return rule;
        }
    }

    private RecoveryPlan run(Incident incident, Customer customer, RecoveryContext context,
            Consumer<Decision> started) {
        KieSession session = sessions.newKieSession(SESSION_CONFIGURATION);
        PlanDraft draft = new PlanDraft(incident.id(), session::insert);
        Decision decision = new Decision(draft, options.timeBudget().toNanos());
        started.accept(decision);
        try {
            session.addEventListener(decision);
            Invariants.Insertions insertions = invariants.isEmpty() ? null : new Invariants.Insertions(decision::currentRule);
            if (insertions != null) {
                session.addEventListener(insertions);
            }
            if (planGlobal) {
                session.setGlobal(PLAN_GLOBAL, draft);
            }
            if (settingsGlobal) {
                session.setGlobal(SETTINGS_GLOBAL, source.settings());
            }
            int limit = options.firingLimit();
            int fired;
            try {
                // sessions are not thread-safe, so inserts propagate at once: a condition that
                // throws does so here as well as while firing
                session.insert(incident);
                session.insert(customer);
                session.insert(context);
                if (settingsMatched) {
                    session.insert(source.settings());
                }
                if (planMatched) {
                    session.insert(draft);
                }
                fired = session.fireAllRules(limit + 1);
            } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
                // a rule's failure fails its decision, whatever it threw; the host and other decisions go on
                throw failure(incident, decision, e);
            }
            if (fired > limit) {
                throw new DecisionException(incident.id(), decision.rule, "exceeded the firing limit of " + limit
                        + " (does a rule keep re-activating itself?)", null);
            }
            if (decision.halted) {
                throw new DecisionException(incident.id(), decision.rule, "exceeded the time budget of "
                        + options.timeBudget().toMillis() + " ms", null);
            }
            if (insertions != null) {
                Invariants.check(session, invariants, insertions, incident.id());
                session.removeEventListener(insertions);
            }
            return draft.toPlan();
        } finally {
            session.removeEventListener(decision);
            session.dispose();
        }
    }

    /**
     * Explains an exception thrown inside the engine: by a consequence (the firing rule is known)
     * or by a condition, while matching (Drools names the rule only in its message).
     */
    private DecisionException failure(Incident incident, Decision decision, Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String what = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        if (e.getClass().getSimpleName().equals("ConstraintEvaluationException")) {
            String rule = CompilerMessages.ruleIn(String.valueOf(e.getMessage()), ruleNames);
            return new DecisionException(incident.id(), rule != null ? rule : decision.rule,
                    "a condition threw " + what, cause);
        }
        return new DecisionException(incident.id(), decision.rule, "the consequence threw " + what, cause);
    }

    /** Whether decisions insert the plan as a fact (some rule matches it); for tests. */
    boolean insertsPlanFact() {
        return planMatched;
    }

    /** Whether decisions insert the settings as a fact (some rule matches them); for tests. */
    boolean insertsSettingsFact() {
        return settingsMatched;
    }

    /** Returns how many decisions were abandoned at their time budget (their threads may still run). */
    public int abandonedDecisions() {
        return abandoned.get();
    }

    /**
     * Returns how many abandoned decisions are still running: stuck in a consequence that has
     * not returned. At {@link PolicyOptions#maxStuckDecisions()} the policy refuses new decisions.
     */
    public int stuckDecisions() {
        return stuck.get();
    }

    /**
     * Releases the pooled sessions. Decisions after this fail. While a decision is stuck (see
     * {@link #stuckDecisions()}), its session is still running a consequence that does not return,
     * and disposing the pool would wait for it forever; the pool is then left to the garbage
     * collector instead.
     */
    @Override
    public void close() {
        shutDown();
    }

    /**
     * Frees the pooled sessions once the decisions running now have ended: a reload's old version
     * ({@link ReloadablePolicy}). Decisions that start later fail as after {@link #close()}.
     */
    void retire() {
        if (users.addAndGet(RETIRED) == RETIRED) {
            shutDown();
        }
    }

    private void shutDown() {
        if (stuck.get() == 0 && closed.compareAndSet(false, true)) {
            sessions.shutdown();
        }
    }
}
