package dev.cxkit.benchmarks;

import dev.cxkit.core.score.ConcurrentScoreTable;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.ScoreTable;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
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
 * Grouped recording from two threads into 100 groups: the host-application path of issue 15.
 *
 * <p><b>Baselines</b> in the same run: {@link #perThreadScoreTable}, a {@link ScoreTable} per thread
 * (no sharing, merged later: the upper bound), and {@link #concurrentHashMapOfLongAdders}, the
 * obvious hand-written shared counter, {@code ConcurrentHashMap<String, LongAdder[]>} looked up by
 * the group's key on every record.
 *
 * <p><b>Measured</b>: {@link #concurrentScoreTable}, {@link ConcurrentScoreTable#record(int, int)}
 * with the group's id (looked up once, as the class documents), and
 * {@link #concurrentScoreTableByKey}, looking the id up by the group's key on every record, as the
 * map baseline does. Targets: at least 0.5 times the per-thread table, at least 5 times the map.
 *
 * <p><b>Unit</b>: records per second, summed over the two threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Threads(2)
public class GroupedConcurrentBenchmark {

    private static final int GROUPS = 100;

    /** The shared targets. */
    @State(Scope.Benchmark)
    public static class Shared {
        final ConcurrentScoreTable live = ConcurrentScoreTable.create(Metric.NPS, "touchpoint");
        final ConcurrentHashMap<String, LongAdder[]> map = new ConcurrentHashMap<>();
        final String[] keys = new String[GROUPS];

        /** Registers the groups. */
        @Setup(Level.Trial)
        public void setUp() {
            for (int g = 0; g < GROUPS; g++) {
                keys[g] = "touchpoint-" + g;
                live.group(keys[g]);
                LongAdder[] adders = new LongAdder[11];
                for (int r = 0; r < 11; r++) {
                    adders[r] = new LongAdder();
                }
                map.put(keys[g], adders);
            }
        }
    }

    /** Each thread's pre-drawn groups and ratings, and its own table. */
    @State(Scope.Thread)
    public static class PerThread {
        final int[] groups = new int[4096];
        final int[] ratings = new int[4096];
        int next;
        ScoreTable own;

        /** Draws the thread's records from a fixed seed. */
        @Setup(Level.Trial)
        public void setUp() {
            SplittableRandom random = new SplittableRandom(Thread.currentThread().getId());
            for (int i = 0; i < groups.length; i++) {
                groups[i] = random.nextInt(GROUPS);
                ratings[i] = random.nextInt(11);
            }
            own = ScoreTable.create(Metric.NPS, "touchpoint");
            for (int g = 0; g < GROUPS; g++) {
                own.group("touchpoint-" + g);
            }
        }

        int step() {
            int i = next;
            next = (i + 1) & 4095;
            return i;
        }
    }

    /** Upper bound: a table per thread, no sharing. */
    @Benchmark
    public void perThreadScoreTable(PerThread t) {
        int i = t.step();
        t.own.record(t.groups[i], t.ratings[i]);
    }

    /** Baseline: a shared map of LongAdders, looked up by key. */
    @Benchmark
    public void concurrentHashMapOfLongAdders(Shared s, PerThread t) {
        int i = t.step();
        s.map.get(s.keys[t.groups[i]])[t.ratings[i]].increment();
    }

    /** The shared concurrent table, by group id. */
    @Benchmark
    public void concurrentScoreTable(Shared s, PerThread t) {
        int i = t.step();
        s.live.record(t.groups[i], t.ratings[i]);
    }

    /** The shared concurrent table, looking the group up by key on every record. */
    @Benchmark
    public void concurrentScoreTableByKey(Shared s, PerThread t) {
        int i = t.step();
        s.live.record(s.live.group(s.keys[t.groups[i]]), t.ratings[i]);
    }
}
