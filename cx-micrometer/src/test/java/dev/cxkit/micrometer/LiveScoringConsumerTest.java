package dev.cxkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.score.ConcurrentScoreTable;
import dev.cxkit.core.score.GroupKey;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import dev.cxkit.core.score.ScoreTable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a host application does (issue "live scoring", done-when): 8 request threads record NPS
 * per touchpoint, the scores are published to a Micrometer registry as interval gauges refreshed
 * every 100 ms while the threads write, and the sum of the intervals' n equals the cumulative
 * counts exactly; the cumulative snapshot equals what the threads recorded, and its byte form
 * round-trips and merges to the same scores.
 */
class LiveScoringConsumerTest {

    private static final String[] TOUCHPOINTS = {"counter", "kiosk", "app", "web", "phone", "delivery"};
    private static final int THREADS = 8;
    private static final int PER_THREAD = 150_000;
    private static final int PHASES = 10;

    @Test
    void intervalsPublishedWhileEightThreadsWriteAddUpToTheCumulativeCounts() throws Exception {
        ConcurrentScoreTable live = ConcurrentScoreTable.bounded(Metric.NPS, 100, "touchpoint");
        ScoreGauges gauges = ScoreGauges.builder(live).interval().build();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        gauges.bindTo(registry);

        long[][] expected = new long[TOUCHPOINTS.length][11];
        for (int t = 0; t < THREADS; t++) {
            SplittableRandom random = new SplittableRandom(20261205L + t);
            for (int i = 0; i < PER_THREAD; i++) {
                expected[random.nextInt(TOUCHPOINTS.length)][random.nextInt(11)]++;
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger ended = new AtomicInteger();
        List<Future<?>> writers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = 20261205L + t;
            writers.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(seed); // the same draws as above
                start.await();
                // In PHASES phases, each begun only after another interval ended, so the writes
                // span many intervals (a fast machine would otherwise finish within the first).
                for (int phase = 0; phase < PHASES; phase++) {
                    for (int i = 0; i < PER_THREAD / PHASES; i++) {
                        String touchpoint = TOUCHPOINTS[random.nextInt(TOUCHPOINTS.length)];
                        live.record(live.group(touchpoint), random.nextInt(11));
                    }
                    while (ended.get() <= phase) {
                        Thread.sleep(1);
                    }
                }
                return null;
            }));
        }
        long[] summedN = new long[TOUCHPOINTS.length];
        int intervals = 0;
        start.countDown();
        while (!writers.stream().allMatch(Future::isDone)) {
            Thread.sleep(100);
            intervals += addIntervalN(gauges, registry, summedN);
            ended.incrementAndGet();
        }
        for (Future<?> w : writers) {
            w.get();
        }
        addIntervalN(gauges, registry, summedN); // the last interval
        pool.shutdown();

        Map<GroupKey, RatingDistribution> cumulative = live.snapshot();
        for (int i = 0; i < TOUCHPOINTS.length; i++) {
            RatingDistribution d = cumulative.get(GroupKey.of(List.of("touchpoint"), List.of(TOUCHPOINTS[i])));
            assertThat(d.counts()).as(TOUCHPOINTS[i]).containsExactly(expected[i]);
            assertThat(summedN[i]).as("sum of interval n at %s over %d intervals", TOUCHPOINTS[i], intervals)
                    .isEqualTo(d.n());
        }
        assertThat(live.overflowed()).isZero();
        assertThat(intervals).isGreaterThanOrEqualTo(PHASES);

        // The cumulative state crosses a process boundary as bytes and merges to the same scores.
        ScoreTable table = ScoreTable.of(Metric.NPS, live.dimensions(), cumulative);
        byte[] doubled = ScoreTable.mergeBytes(table.toBytes(), table.toBytes());
        ScoreTable twice = ScoreTable.create(Metric.NPS, "touchpoint");
        twice.merge(table);
        twice.merge(table);
        assertThat(ScoreTable.fromBytes(doubled).scores(dev.cxkit.core.score.ScoreOptions.defaults()))
                .isEqualTo(twice.scores(dev.cxkit.core.score.ScoreOptions.defaults()));
        gauges.close();
    }

    /** Refreshes (ends an interval) and adds each touchpoint's published n; returns 1. */
    private static int addIntervalN(ScoreGauges gauges, SimpleMeterRegistry registry, long[] summedN) {
        gauges.refresh();
        for (int i = 0; i < TOUCHPOINTS.length; i++) {
            Gauge n = registry.find("cx.score.n").tags("touchpoint", TOUCHPOINTS[i]).gauge();
            summedN[i] += n == null ? 0 : (long) n.value();
        }
        return 1;
    }
}
