package dev.cxkit.benchmarks;

import dev.cxkit.core.service.Channel;
import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicyOptions;
import dev.cxkit.rules.engine.PolicySource;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.rules.fact.AffectedItem;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.fact.PolicySettings;
import dev.cxkit.rules.fact.RecoveryContext;
import dev.cxkit.rules.fact.Severity;
import dev.cxkit.rules.plan.AwareStep;
import dev.cxkit.rules.plan.OfferKind;
import dev.cxkit.rules.plan.Owner;
import dev.cxkit.rules.plan.PlanDraft;
import dev.cxkit.rules.plan.RecoveryPlan;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Deciding one incident with the {@code restaurant} policy pack, next to a hand-written plain-Java
 * version of five of its rules, so the rule engine's cost reads as a ratio.
 *
 * <p><b>Input</b>: 256 incidents drawn once from a fixed seed (wrong items, undelivered items,
 * long waits, contact breaches; in person and remote), decided in turn.
 *
 * <p><b>Baseline</b> ({@link #plainJava}): five rules of the pack written in Java against the same
 * {@link PlanDraft}: the ACKNOWLEDGE step with its deadline, a WAIVE_CHARGE per undelivered item,
 * the wrong-item REMAKE (+ FREE_ITEM from MODERATE), the wait tiers, and the manager check-in.
 *
 * <p><b>Measured</b>: {@link #droolsCallerThread} (the whole pack, 40+ rules, on the caller's thread)
 * and {@link #droolsWorkerThread} (the default isolation: a worker thread that a time budget can
 * abandon). Modes: throughput (decisions/s) and sample time (for p99).
 *
 * <p><b>Targets</b>: at least 100 000 decisions/s on one thread and p99 ≤ 200 µs.
 */
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class RecoveryDecisionBenchmark {

    private static final int INCIDENTS = 256;
    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

    Policy caller;
    Policy worker;
    /** The same pack with its invariant queries taken out: what the invariants cost, in the same run. */
    Policy callerWithoutInvariants;
    PolicySettings settings;
    Incident[] incidents;
    Customer customer;
    RecoveryContext context;
    int next;

    /** Compiles the pack and draws the incidents. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        // Default guard rails (10 000 firings, 100 ms); compile warms the policy up.
        worker = Policy.compile(PolicySource.classpath("restaurant"));
        caller = worker.withOptions(worker.options().withIsolation(PolicyOptions.Isolation.CALLER));
        settings = worker.source().settings();
        PolicySource pack = PolicySource.classpath("restaurant");
        java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
        pack.files().forEach((name, text) -> files.put(name,
                text.replaceAll("(?ms)^query \"invariant:.*?^end\\s*$", "")));
        callerWithoutInvariants = Policy.compile(PolicySource.of("restaurant", files, pack.settings()))
                .withOptions(worker.options().withIsolation(PolicyOptions.Isolation.CALLER));
        if (!callerWithoutInvariants.invariants().isEmpty() || caller.invariants().isEmpty()) {
            throw new IllegalStateException("the A/B needs the pack with and without its invariants");
        }
        customer = new Customer("c1", "standard", null, new ContactPreference(Channel.SMS, AddressKind.MOBILE), 0);
        context = new RecoveryContext(T0, Money.of("500.00", "EUR"), 1, false);
        SplittableRandom random = new SplittableRandom(42);
        IncidentType[] types = {IncidentType.WRONG_ITEM, IncidentType.ITEM_NOT_DELIVERED, IncidentType.LONG_WAIT,
            IncidentType.CONTACT_RULE_BROKEN};
        incidents = new Incident[INCIDENTS];
        for (int i = 0; i < INCIDENTS; i++) {
            IncidentType type = types[random.nextInt(types.length)];
            Incident.Builder b = Incident.builder("i" + i, type).detectedAt(T0)
                    .channel(random.nextInt(4) == 0 ? Channel.PHONE : Channel.IN_PERSON)
                    .severity(Severity.values()[random.nextInt(4)]).orderValue(Money.of("60.00", "EUR"));
            if (type == IncidentType.LONG_WAIT) {
                b.wait(20 + random.nextInt(60), 20);
            }
            if (type == IncidentType.ITEM_NOT_DELIVERED) {
                b.item(new AffectedItem("main", Money.of("18.50", "EUR"), false));
            }
            incidents[i] = b.build();
        }
    }

    /** Releases the sessions. */
    @TearDown(Level.Trial)
    public void tearDown() {
        worker.close();
        callerWithoutInvariants.close();
    }

    private Incident nextIncident() {
        Incident incident = incidents[next];
        next = (next + 1) & (INCIDENTS - 1);
        return incident;
    }

    /** Baseline: five of the pack's rules in plain Java. @return the plan */
    @Benchmark
    public RecoveryPlan plainJava() {
        Incident i = nextIncident();
        PlanDraft p = new PlanDraft(i.id(), fact -> { });
        p.ruleFiring("Acknowledge");
        int ackMinutes = i.isInPerson() ? settings.minutes("acknowledge.inPerson.minutes")
                : settings.minutes("acknowledge.remote.minutes");
        p.step(AwareStep.ACKNOWLEDGE, i.isInPerson() ? Owner.FRONTLINE : Owner.SUPPORT,
                p.after(i.detectedAt(), ackMinutes), "Acknowledge the problem and apologize sincerely.");
        for (AffectedItem item : i.undeliveredItems()) {
            p.ruleFiring("Never charge for an item that was never delivered");
            p.offerExempt(OfferKind.WAIVE_CHARGE, item.price(), "never delivered: " + item.name());
        }
        if (i.type() == IncidentType.WRONG_ITEM) {
            p.ruleFiring("Wrong item");
            p.offer(OfferKind.REMAKE, "remake it at once");
            if (i.severity().atLeast(Severity.MODERATE)) {
                p.offer(OfferKind.FREE_ITEM, "a dessert on the house");
            }
        }
        int overrun = i.overrunMinutes();
        if (i.type() == IncidentType.LONG_WAIT && overrun > settings.minutes("wait.small.maxOverrunMinutes")) {
            p.ruleFiring("Wait comp");
            if (overrun <= settings.minutes("wait.medium.maxOverrunMinutes")) {
                p.offer(OfferKind.FREE_ITEM, "a free item for the wait");
            } else {
                Money discount = i.orderValue().percent(settings.decimal("wait.large.discountPercent"))
                        .min(settings.money("wait.large.discountCap"));
                p.offer(OfferKind.DISCOUNT, discount, "a discount for the wait");
            }
        }
        if (i.severity().atLeast(Severity.MAJOR) || i.minutesWaited() > 2 * i.minutesPromised() && i.minutesPromised() > 0) {
            p.ruleFiring("Manager check-in");
            p.escalate(Owner.MANAGER, p.after(i.detectedAt(), settings.minutes("escalation.managerCheckIn.minutes")),
                    "manager check-in");
        }
        return p.toPlan();
    }

    /** The restaurant pack on the caller's thread. @return the plan */
    @Benchmark
    public RecoveryPlan droolsCallerThread() {
        return caller.decide(nextIncident(), customer, context);
    }

    /** The restaurant pack on the caller's thread, without its invariant queries. @return the plan */
    @Benchmark
    public RecoveryPlan droolsCallerThreadWithoutInvariants() {
        return callerWithoutInvariants.decide(nextIncident(), customer, context);
    }

    /** The restaurant pack on a worker thread (the default isolation). @return the plan */
    @Benchmark
    public RecoveryPlan droolsWorkerThread() {
        return worker.decide(nextIncident(), customer, context);
    }

}
