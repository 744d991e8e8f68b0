package dev.cxkit.benchmarks;

import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.ScoreTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Columnar recording of grouped NPS ratings: {@link ScoreTable#record(int[], byte[], int, int)}.
 *
 * <p><b>Input</b> ({@link Data}, built once per trial): {@value #N} NPS ratings (bytes 0..10)
 * with a realistic skew (about 45% promoters, 30% passives, 25% detractors) into
 * {@value #GROUPS} groups, group ids drawn uniformly; both columns come from a
 * {@link SplittableRandom} with a fixed seed, so every run sees the same data.
 *
 * <p><b>Baseline</b> ({@link #baseline}): the hand-written counting loop
 * {@code counts[group * 11 + rating]++} into a fresh {@code long[100 * 11]}, without any
 * validation. It is the fastest a grouped count can be written in plain Java.
 *
 * <p><b>Measured</b> ({@link #scoreTable}): a fresh {@code ScoreTable.create(Metric.NPS, "group")},
 * registration of the 100 groups (negligible next to 10M ratings), then one bulk
 * {@code record(groups, ratings, 0, n)}, which also checks every group id and rating.
 *
 * <p><b>Unit</b>: throughput per rating. Each invocation handles {@value #N} ratings and is
 * declared with {@code @OperationsPerInvocation(N)}, so the reported {@code ops/s} are
 * <em>ratings per second</em>; higher is better.
 *
 * <p><b>Target</b>: {@code scoreTable} &ge; 0.8&times; the throughput of {@code baseline},
 * measured in the same run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class GroupedNpsBenchmark {

    /** The number of ratings recorded per invocation. */
    static final int N = 10_000_000;

    /** The number of groups. */
    static final int GROUPS = 100;

    /** The points on the NPS scale, 0..10. */
    static final int POINTS = 11;

    /** The input columns, shared by all benchmarks of a trial. */
    @State(Scope.Benchmark)
    public static class Data {
        /** Group id of each rating, 0..99. */
        int[] groups;
        /** Each rating, 0..10. */
        byte[] ratings;
        /** The group names, registered in id order. */
        List<String> names;

        /** Builds the columns from a fixed seed and checks that both benchmarks count alike. */
        @Setup(Level.Trial)
        public void setUp() {
            // Share of each rating 0..10 in percent: a typical skew towards promoters.
            int[] percent = {3, 1, 2, 2, 3, 6, 8, 13, 17, 22, 23};
            byte[] table = new byte[100];
            int k = 0;
            for (int r = 0; r < percent.length; r++) {
                for (int j = 0; j < percent[r]; j++) {
                    table[k++] = (byte) r;
                }
            }
            if (k != table.length) {
                throw new IllegalStateException("rating shares must add up to 100, got " + k);
            }
            SplittableRandom random = new SplittableRandom(20_260_101L);
            groups = new int[N];
            ratings = new byte[N];
            for (int i = 0; i < N; i++) {
                groups[i] = random.nextInt(GROUPS);
                ratings[i] = table[random.nextInt(table.length)];
            }
            names = new ArrayList<>(GROUPS);
            for (int g = 0; g < GROUPS; g++) {
                names.add("group-" + g);
            }
            check();
        }

        private void check() {
            long[] expected = countByHand(groups, ratings);
            ScoreTable table = recordIntoTable(this);
            long[] actual = new long[GROUPS * POINTS];
            for (int g = 0; g < GROUPS; g++) {
                System.arraycopy(table.snapshot(g).counts(), 0, actual, g * POINTS, POINTS);
            }
            if (!Arrays.equals(expected, actual)) {
                throw new IllegalStateException("ScoreTable counts differ from the baseline counts");
            }
        }
    }

    static long[] countByHand(int[] groups, byte[] ratings) {
        long[] counts = new long[GROUPS * POINTS];
        for (int i = 0; i < groups.length; i++) {
            counts[groups[i] * POINTS + ratings[i]]++;
        }
        return counts;
    }

    static ScoreTable recordIntoTable(Data data) {
        ScoreTable table = ScoreTable.create(Metric.NPS, "group");
        List<String> names = data.names;
        for (int g = 0; g < names.size(); g++) {
            table.group(names.get(g));
        }
        table.record(data.groups, data.ratings, 0, data.groups.length);
        return table;
    }

    /**
     * The reference: a plain counting loop into a fresh array, returned so it is not eliminated.
     *
     * @param data the input columns
     * @return the counts, indexed {@code group * 11 + rating}
     */
    @Benchmark
    @OperationsPerInvocation(N)
    public long[] baseline(Data data) {
        return countByHand(data.groups, data.ratings);
    }

    /**
     * A fresh table with 100 registered groups and one bulk record of all ratings; the table is
     * returned (JMH consumes it), so its counts cannot be eliminated.
     *
     * @param data the input columns
     * @return the filled table
     */
    @Benchmark
    @OperationsPerInvocation(N)
    public ScoreTable scoreTable(Data data) {
        return recordIntoTable(data);
    }
}
