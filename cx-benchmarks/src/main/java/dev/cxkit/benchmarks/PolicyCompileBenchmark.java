package dev.cxkit.benchmarks;

import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicySource;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compiling the {@code restaurant} pack: a warm reload (the JVM has compiled policies before, as a
 * host that reloads does) and a cold compile (the first in a fresh JVM: single shot, one per fork).
 * Both include the engine's warm-up decisions.
 *
 * <p><b>Baseline</b>: none; the target is absolute: a warm reload in at most 1 s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class PolicyCompileBenchmark {

    final PolicySource source = PolicySource.classpath("restaurant");

    /** A warm reload: compile (and warm up) the pack again. @return the policy */
    @Benchmark
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 5)
    public Policy warmReload() throws Exception {
        Policy policy = Policy.compile(source);
        policy.close();
        return policy;
    }

    /** A cold compile: the first compile in a fresh JVM. @return the policy */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(value = 5, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public Policy coldCompile() throws Exception {
        return Policy.compile(source);
    }
}
