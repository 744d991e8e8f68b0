package dev.cxkit.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConcurrentScoreTableTest {

    /** One thread: the same records give the batch table's snapshot, weighted or not. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 20261205})
    void oneThreadGivesTheBatchTablesSnapshot(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ConcurrentScoreTable live = ConcurrentScoreTable.create(Metric.NPS, "touchpoint");
        ScoreTable batch = ScoreTable.create(Metric.NPS, "touchpoint");
        boolean weights = seed % 2 == 0;
        for (int i = 0; i < 2_000; i++) {
            String tp = "tp" + random.nextInt(7);
            int rating = random.nextInt(11);
            if (weights && random.nextBoolean()) {
                double w = 0.5 + random.nextDouble() * 2;
                live.record(live.group(tp), rating, w);
                batch.record(batch.group(tp), rating, w);
            } else {
                live.record(live.group(tp), rating);
                batch.record(batch.group(tp), rating);
            }
            if (i == 700) {
                live.intervalSnapshot(); // an interval in between changes nothing in the total
            }
        }
        Map<GroupKey, RatingDistribution> expected = batch.snapshot();
        Map<GroupKey, RatingDistribution> actual = live.snapshot();
        assertThat(actual.keySet()).as("seed %d", seed).containsExactlyElementsOf(expected.keySet());
        expected.forEach((key, e) -> {
            RatingDistribution a = actual.get(key);
            assertThat(a.counts()).as("seed %d %s", seed, key).containsExactly(e.counts());
            assertThat(a.isWeighted()).isEqualTo(e.isWeighted());
            if (e.isWeighted()) {
                assertThat(a.weightedN()).isCloseTo(e.weightedN(), within(1e-9));
                assertThat(a.sumSquaredWeights()).isCloseTo(e.sumSquaredWeights(), within(1e-9));
            }
        });
    }

    /**
     * Four writers and a reader taking interval snapshots all the while: every record is in exactly
     * one interval, and the intervals add up to the cumulative snapshot and to the records made.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {7, 20261205})
    void intervalsTakenWhileWritingLoseNothingAndCountNothingTwice(long seed) throws Exception {
        int writers = 4;
        int perWriter = 200_000;
        int groups = 50;
        ConcurrentScoreTable live = ConcurrentScoreTable.create(Metric.CSAT, "store");
        long[][] expected = new long[groups][5];
        for (int t = 0; t < writers; t++) {
            SplittableRandom random = new SplittableRandom(seed + t);
            for (int i = 0; i < perWriter; i++) {
                expected[random.nextInt(groups)][random.nextInt(5)]++;
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < writers; t++) {
            long threadSeed = seed + t;
            running.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(threadSeed);
                start.await();
                for (int i = 0; i < perWriter; i++) {
                    int g = random.nextInt(groups);
                    int r = random.nextInt(5);
                    live.record(live.group("s" + g), r + 1);
                }
                return null;
            }));
        }
        long[][] fromIntervals = new long[groups][5];
        AtomicBoolean done = new AtomicBoolean();
        start.countDown();
        int intervals = 0;
        while (!done.get()) {
            done.set(running.stream().allMatch(Future::isDone));
            add(fromIntervals, live.intervalSnapshot());
            intervals++;
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        add(fromIntervals, live.intervalSnapshot());
        long[][] cumulative = new long[groups][5];
        add(cumulative, live.snapshot());
        for (int g = 0; g < groups; g++) {
            int id = live.group("s" + g);
            assertThat(fromIntervals[id]).as("seed %d, group %d, %d intervals", seed, g, intervals)
                    .containsExactly(expected[g]);
            assertThat(cumulative[id]).containsExactly(expected[g]);
        }
        assertThat(intervals).as("intervals were taken while writing").isGreaterThan(1);
    }

    private static void add(long[][] into, Map<GroupKey, RatingDistribution> snapshot) {
        int g = 0;
        for (RatingDistribution d : snapshot.values()) {
            long[] c = d.counts();
            for (int r = 0; r < c.length; r++) {
                into[g][r] += c[r];
            }
            g++;
        }
    }

    @Test
    void groupsRegisteredFromManyThreadsGetOneIdEach() throws Exception {
        ConcurrentScoreTable live = ConcurrentScoreTable.create(Metric.NPS, "location", "touchpoint");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Set<Integer>>> ids = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            ids.add(pool.submit(() -> {
                Set<Integer> seen = new HashSet<>();
                for (int i = 0; i < 300; i++) {
                    int id = live.group("loc" + (i % 30), "tp" + (i % 10));
                    seen.add(id);
                    live.record(id, 10);
                }
                return seen;
            }));
        }
        Set<Integer> all = new HashSet<>();
        for (Future<Set<Integer>> f : ids) {
            all.addAll(f.get());
        }
        pool.shutdown();
        assertThat(all).hasSize(30); // i % 30 decides i % 10, so 30 distinct pairs
        Map<GroupKey, RatingDistribution> snapshot = live.snapshot();
        assertThat(snapshot).hasSize(30);
        assertThat(snapshot.values().stream().mapToLong(RatingDistribution::n).sum()).isEqualTo(1200);
        assertThat(snapshot.keySet().iterator().next().names()).containsExactly("location", "touchpoint");
    }

    @Test
    void badInputIsRefusedAtRecordTime() {
        ConcurrentScoreTable live = ConcurrentScoreTable.create(Metric.CES);
        int g = live.group();
        assertThatThrownBy(() -> live.record(g, 8)).hasMessageContaining("rating 8 is outside 1..7");
        assertThatThrownBy(() -> live.record(g + 1, 3)).hasMessageContaining("not registered");
        assertThatThrownBy(() -> live.record(g, 3, 1e200)).hasMessageContaining("weight");
        assertThatThrownBy(() -> live.group("x")).hasMessageContaining("one value per dimension");
        assertThatThrownBy(() -> ConcurrentScoreTable.create(Metric.NPS, "a", "a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(live.snapshot().get(GroupKey.NONE).n()).isZero();
    }

    @Test
    void aBoundedTableSendsNewKeysToOneOverflowGroupOnceFull() {
        ConcurrentScoreTable live = ConcurrentScoreTable.bounded(Metric.NPS, 3, "touchpoint", "location");
        int a = live.group("counter", "Lyon");
        live.group("counter", "Paris");
        live.group("kiosk", "Lyon");
        int overflow = live.group("request-4711", "Lyon");
        assertThat(live.group("request-4712", null)).isEqualTo(overflow);
        assertThat(live.group("counter", "Lyon")).isEqualTo(a); // known keys keep their group
        assertThat(live.groupCount()).isEqualTo(4);
        assertThat(live.overflowed()).isEqualTo(2);
        live.record(overflow, 0);
        live.record(live.group("request-4713", "Nice"), 10);
        RatingDistribution other = live.snapshot().get(GroupKey.of(List.of("touchpoint", "location"),
                List.of(ConcurrentScoreTable.OVERFLOW, ConcurrentScoreTable.OVERFLOW)));
        assertThat(other.n()).isEqualTo(2);
        assertThat(ConcurrentScoreTable.create(Metric.NPS, "touchpoint").overflowed()).isZero();
        assertThatThrownBy(() -> ConcurrentScoreTable.bounded(Metric.NPS, 0, "touchpoint"))
                .hasMessageContaining("at least 1 group");
    }
}
