package dev.cxkit.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentScoreAccumulatorTest {

    @Test
    void concurrentRecordsAreAllCountedExactlyOnce() throws Exception {
        ConcurrentScoreAccumulator live = ConcurrentScoreAccumulator.of(Metric.NPS);
        int threads = 4;
        int perThread = 200_000;
        long[][] expected = new long[threads][11];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        List<RatingDistribution> midway = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(thread);
                start.await();
                for (int i = 0; i < perThread; i++) {
                    int rating = random.nextInt(11);
                    expected[thread][rating]++;
                    live.record(rating);
                }
                return null;
            }));
        }
        start.countDown();
        for (int i = 0; i < 20; i++) {
            midway.add(live.snapshot()); // snapshots taken while threads record
        }
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        long[] total = new long[11];
        for (long[] e : expected) {
            for (int r = 0; r < 11; r++) {
                total[r] += e[r];
            }
        }
        RatingDistribution end = live.snapshot();
        assertThat(end.counts()).containsExactly(total);
        assertThat(end.n()).isEqualTo((long) threads * perThread);
        for (RatingDistribution m : midway) {
            for (int r = 0; r < 11; r++) {
                assertThat(m.count(r)).isBetween(0L, total[r]); // never more than was recorded
            }
        }
    }

    @Test
    void mergesSingleThreadedBatchesAndRejectsBadInput() {
        ConcurrentScoreAccumulator live = ConcurrentScoreAccumulator.of(Metric.CSAT);
        ScoreAccumulator batch = ScoreAccumulator.of(Metric.CSAT);
        batch.record(5);
        batch.record(4);
        live.record(1);
        live.merge(batch);
        assertThat(live.snapshot().counts()).containsExactly(1, 0, 0, 1, 1);

        assertThatThrownBy(() -> live.record(6)).hasMessageContaining("rating 6 is outside 1..5 for csat");
        ScoreAccumulator weighted = ScoreAccumulator.of(Metric.CSAT);
        weighted.record(5, 2.0);
        assertThatThrownBy(() -> live.merge(weighted)).hasMessageContaining("unweighted");
        assertThatThrownBy(() -> live.merge(ScoreAccumulator.of(Metric.NPS))).hasMessageContaining("cannot merge");
        assertThat(live.snapshot().n()).isEqualTo(3);
    }
}
