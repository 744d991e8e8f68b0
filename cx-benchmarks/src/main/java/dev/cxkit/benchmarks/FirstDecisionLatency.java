package dev.cxkit.benchmarks;

import dev.cxkit.rules.engine.DecisionException;
import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicySource;
import dev.cxkit.rules.scenario.Scenario;
import dev.cxkit.rules.scenario.ScenarioFile;
import dev.cxkit.rules.scenario.ScenarioLoader;
import java.util.Arrays;
import java.util.List;

/**
 * How long the first decision on each rule path takes in a fresh JVM, with the default guard
 * rails (100 ms): each bundled pack is compiled (which warms it up on synthetic incidents), then
 * every shipped scenario is decided once, in order, and timed. A scenario exercises its rules' path
 * for the first time when it runs, so the slowest of these is what a host's first real decisions
 * risk. Run with {@code java -cp cx-benchmarks/target/benchmarks.jar
 * dev.cxkit.benchmarks.FirstDecisionLatency}; one JVM per run, so run it several times.
 */
public final class FirstDecisionLatency {

    private FirstDecisionLatency() {}

    /**
     * Prints, per pack, the compile time and the first decisions' latencies.
     *
     * @param args unused
     * @throws Exception if a pack does not compile
     */
    public static void main(String[] args) throws Exception {
        for (String pack : PolicySource.BUNDLED_PACKS) {
            long start = System.nanoTime();
            try (Policy policy = Policy.compile(PolicySource.classpath(pack))) {
                double compileMs = (System.nanoTime() - start) / 1e6;
                List<ScenarioFile> files = ScenarioLoader.loadPack(pack,
                        policy.source().settings().givenCurrency().orElse(null));
                double[] ms = new double[files.size()];
                int failed = 0;
                int n = 0;
                for (ScenarioFile file : files) {
                    Scenario s = file.scenario();
                    Policy deciding = s.settings().isEmpty() ? policy
                            : policy.withSettings(policy.source().settings().with(s.settings()));
                    long t = System.nanoTime();
                    try {
                        deciding.decide(s.incident(), s.customer(), s.context());
                    } catch (DecisionException e) {
                        failed++;
                    }
                    ms[n++] = (System.nanoTime() - t) / 1e6;
                }
                double[] sorted = Arrays.copyOf(ms, n);
                Arrays.sort(sorted);
                System.out.printf("%s: compiled and warmed up in %.0f ms; first decisions of %d scenarios: median "
                        + "%.2f ms, slowest %.2f ms (the first: %.2f ms); %d failed (budget %d ms)%n", pack, compileMs,
                        n, sorted[n / 2], sorted[n - 1], ms[0], failed, policy.options().timeBudget().toMillis());
            }
        }
    }
}
