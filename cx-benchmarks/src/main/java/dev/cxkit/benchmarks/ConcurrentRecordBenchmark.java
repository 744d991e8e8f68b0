package dev.cxkit.benchmarks;

import dev.cxkit.core.score.ConcurrentScoreAccumulator;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.ScoreAccumulator;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording single NPS ratings from two threads into one live score: the host-application path.
 *
 * <p><b>Baseline</b> ({@link #sharedAtomicArray}): {@code AtomicLongArray.incrementAndGet} on a
 * shared 11-cell array, the obvious hand-written thread-safe counter.
 *
 * <p><b>Measured</b>: {@link #concurrentAccumulator}, {@link ConcurrentScoreAccumulator#record(int)}
 * on a shared accumulator (one {@code LongAdder} per rating), and, for reference,
 * {@link #perThreadAccumulator}, a {@link ScoreAccumulator} per thread (merge later).
 *
 * <p><b>Unit</b>: records per second, summed over the two threads. Each thread cycles through its
 * own 4096 pre-drawn ratings. No target is set; the run documents the cost of sharing.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(2)
public class ConcurrentRecordBenchmark {

    /** The shared targets. */
    @State(Scope.Benchmark)
    public static class Shared {
        final AtomicLongArray atomic = new AtomicLongArray(11);
        final ConcurrentScoreAccumulator live = ConcurrentScoreAccumulator.of(Metric.NPS);
    }

    /** Each thread's ratings, position and private accumulator. */
    @State(Scope.Thread)
    public static class PerThread {
        final byte[] ratings = new byte[4096];
        int next;
        ScoreAccumulator own;

        /** Draws the thread's ratings from a fixed seed. */
        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom random = new SplittableRandom(Thread.currentThread().getId());
            for (int i = 0; i < ratings.length; i++) {
                ratings[i] = (byte) random.nextInt(11);
            }
            own = ScoreAccumulator.of(Metric.NPS);
        }

        int rating() {
            int r = ratings[next];
            next = (next + 1) & (ratings.length - 1);
            return r;
        }
    }

    /** Baseline: a shared AtomicLongArray. @return the new count, to defeat dead-code elimination */
    @Benchmark
    public long sharedAtomicArray(Shared shared, PerThread thread) {
        return shared.atomic.incrementAndGet(thread.rating());
    }

    /** A shared ConcurrentScoreAccumulator. */
    @Benchmark
    public void concurrentAccumulator(Shared shared, PerThread thread) {
        shared.live.record(thread.rating());
    }

    /** A ScoreAccumulator per thread. */
    @Benchmark
    public void perThreadAccumulator(PerThread thread) {
        thread.own.record(thread.rating());
    }
}
