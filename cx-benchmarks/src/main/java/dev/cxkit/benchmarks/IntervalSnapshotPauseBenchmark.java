package dev.cxkit.benchmarks;

import dev.cxkit.core.score.ConcurrentScoreTable;
import dev.cxkit.core.score.GroupKey;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pause a writer sees while interval snapshots of 1,000 groups are taken: one thread records
 * into a {@link ConcurrentScoreTable} ({@code write}, sampled one record at a time) while another
 * takes an interval snapshot every millisecond ({@code snapshot}). Read the {@code write} line's
 * percentiles: the target is p99 ≤ 1 µs. Two threads on the machine's two cores.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@State(Scope.Group)
public class IntervalSnapshotPauseBenchmark {

    private static final int GROUPS = 1000;

    ConcurrentScoreTable live;
    final int[] groups = new int[4096];
    final int[] ratings = new int[4096];
    int next;

    /** Registers the groups and draws the records. */
    @Setup(Level.Trial)
    public void setUp() {
        live = ConcurrentScoreTable.create(Metric.NPS, "group");
        for (int g = 0; g < GROUPS; g++) {
            live.group("g" + g);
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < groups.length; i++) {
            groups[i] = random.nextInt(GROUPS);
            ratings[i] = random.nextInt(11);
        }
    }

    /** One record, timed. */
    @Benchmark
    @Group("pause")
    @GroupThreads(1)
    public void write() {
        int i = next;
        next = (i + 1) & 4095;
        live.record(groups[i], ratings[i]);
    }

    /** An interval snapshot of every group, then a millisecond's rest. @return the snapshot */
    @Benchmark
    @Group("pause")
    @GroupThreads(1)
    public Map<GroupKey, RatingDistribution> snapshot() {
        Map<GroupKey, RatingDistribution> out = live.intervalSnapshot();
        LockSupport.parkNanos(1_000_000);
        return out;
    }
}
