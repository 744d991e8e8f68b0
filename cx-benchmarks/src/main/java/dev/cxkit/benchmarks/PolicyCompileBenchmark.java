package dev.cxkit.benchmarks;

import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicyCache;
import dev.cxkit.rules.engine.PolicySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compiling the {@code restaurant} pack: a warm reload (the JVM has compiled policies before, as a
 * host that reloads does) and a cold compile (the first in a fresh JVM: single shot, one per fork).
 * Both include the engine's warm-up decisions. And the same first compile in a fresh JVM with a
 * {@link PolicyCache} ({@code coldWithCache}): read from an entry an earlier process wrote
 * ({@code entry=read}, a second {@code cx} run in a row), and compiled into an empty cache
 * ({@code entry=write}, a first run: the compile plus serializing and writing the entry).
 *
 * <p><b>Baseline</b>: {@code coldCompile} for the two cache benchmarks; the targets are absolute:
 * a warm reload in at most 1 s, a cold compile in at most 1.5 s (issue 17, item 5).
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

    /** The folder of the cache benchmarks' entries (one per build of this jar: the key has its size and time). */
    static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"), "cxkit-bench-policy-cache");

    /**
     * Before a cache benchmark's fork measures: the restaurant pack's entry written by another
     * process (this JVM must stay cold), or none.
     */
    @State(Scope.Benchmark)
    public static class Cache {
        PolicyCache cache;

        /** {@code read}: the entry is there; {@code write}: it is not, and is written. */
        @Param({"read", "write"})
        public String entry;

        /** @throws Exception if the entry cannot be prepared */
        @Setup(Level.Trial)
        public void prepare() throws Exception {
            cache = PolicyCache.in(CACHE);
            Path entry = cache.entry(PolicySource.classpath("restaurant"));
            if (this.entry.equals("write")) {
                Files.deleteIfExists(entry);
            } else if (!Files.exists(entry)) {
                fill();
            }
        }

        /** Compiles the pack into the cache in a child JVM, so that this one stays cold. */
        private static void fill() throws IOException, InterruptedException {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), PolicyCompileBenchmark.class.getName())
                    .inheritIO().start();
            if (child.waitFor() != 0) {
                throw new IllegalStateException("could not fill the policy cache " + CACHE);
            }
        }
    }

    /**
     * Fills the benchmark's cache with the restaurant pack (run by {@link Cache} in a child JVM).
     *
     * @param args unused
     * @throws Exception if the pack does not compile
     */
    public static void main(String[] args) throws Exception {
        PolicyCache.in(CACHE).compile(PolicySource.classpath("restaurant")).close();
    }

    /**
     * The first compile in a fresh JVM with a cache: {@code entry=read} is a second run (the entry an
     * earlier process wrote is read), {@code entry=write} a first run (compiled into an empty cache).
     *
     * @param cache the prepared cache
     * @return the policy
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Fork(value = 5, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public Policy coldWithCache(Cache cache) throws Exception {
        return cache.cache.compile(source);
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
