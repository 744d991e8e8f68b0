package dev.cxkit.benchmarks;

import dev.cxkit.rules.engine.DecisionException;
import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicyOptions;
import dev.cxkit.rules.engine.PolicySource;
import dev.cxkit.rules.engine.ReloadablePolicy;
import dev.cxkit.rules.scenario.Scenario;
import dev.cxkit.rules.scenario.ScenarioFile;
import dev.cxkit.rules.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decisions of a healthy pack under load (issue 17, item 3): 8 threads decide the restaurant pack's
 * scenarios over and over through a {@link ReloadablePolicy} with worker isolation and the default
 * budget (100 ms), while 2 threads spin on the 2 cores and a third reloads the policy every 500 ms;
 * prints the decisions made, the failures by reason, and the stuck count. Run with
 * {@code java -cp cx-benchmarks/target/benchmarks.jar dev.cxkit.benchmarks.DecisionsUnderLoad [SECONDS]}.
 */
public final class DecisionsUnderLoad {

    private DecisionsUnderLoad() {}

    /**
     * Runs the load and prints the counts.
     *
     * @param args the duration in seconds (default 30)
     * @throws Exception if the pack does not compile
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        PolicySource source = PolicySource.classpath("restaurant");
        PolicyOptions options = PolicyOptions.defaults().withIsolation(PolicyOptions.Isolation.WORKER);
        ReloadablePolicy policy = ReloadablePolicy.of(Policy.compile(source, options));
        List<Scenario> scenarios = new ArrayList<>();
        for (ScenarioFile f : ScenarioLoader.loadPack("restaurant", source.settings().givenCurrency().orElse(null))) {
            if (f.scenario().settings().isEmpty() && f.scenario().expect().fails() == null) {
                scenarios.add(f.scenario());
            }
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong decided = new AtomicLong();
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int offset = t;
            threads.add(new Thread(() -> {
                int i = offset;
                while (running.get()) {
                    Scenario s = scenarios.get(i++ % scenarios.size());
                    try {
                        policy.decide(s.incident(), s.customer(), s.context());
                        decided.incrementAndGet();
                    } catch (DecisionException e) {
                        failures.computeIfAbsent(e.reason().replaceAll("[0-9]+", "N"), k -> new AtomicLong())
                                .incrementAndGet();
                    }
                }
            }, "decider-" + t));
        }
        for (int t = 0; t < 2; t++) {
            threads.add(new Thread(() -> {
                long x = 0;
                while (running.get()) {
                    x += System.nanoTime() % 7;
                }
                if (x == 42) {
                    System.out.print("");
                }
            }, "spinner-" + t));
        }
        AtomicLong reloads = new AtomicLong();
        threads.add(new Thread(() -> {
            while (running.get()) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
                if (policy.reload(source).swapped()) {
                    reloads.incrementAndGet();
                }
            }
        }, "reloader"));
        threads.forEach(Thread::start);
        Thread.sleep(seconds * 1000L);
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }
        long failed = failures.values().stream().mapToLong(AtomicLong::get).sum();
        System.out.printf("%d s: %d decisions, %d failed (%.3f %%), %d reloads, %d stuck now%n", seconds,
                decided.get(), failed, 100.0 * failed / Math.max(1, decided.get() + failed), reloads.get(),
                policy.current().stuckDecisions());
        new TreeMap<>(failures).forEach((reason, n) -> System.out.printf("  %6d  %s%n", n.get(), reason));
        policy.current().close();
    }
}
