package dev.cxkit.benchmarks;

import dev.cxkit.core.score.GroupKey;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import dev.cxkit.core.survey.Grouping;
import dev.cxkit.core.survey.Response;
import dev.cxkit.core.survey.ResponseScorer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
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
 * The object API: scoring a {@code List<Response>} grouped by touchpoint with
 * {@link ResponseScorer}.
 *
 * <p><b>Input</b> ({@link Data}, built once per trial): {@value #N} NPS responses made with
 * {@link Response#builder}, ratings 0..10 with a realistic skew, touchpoints drawn with an
 * uneven mix from {@value #TOUCHPOINTS} names, every other field null. Each response gets its
 * own copy of the touchpoint string, as a CSV or JSON reader would produce, so lookups compare
 * string contents rather than hitting the identity fast path. Fixed seed.
 *
 * <p><b>Baselines</b>, doing the same work (group by touchpoint, count by rating):
 * <ul>
 *   <li>{@link #baselineLoop}: a plain for-loop, one {@code HashMap<String, long[]>} lookup per
 *       response, then {@code c[r.score()]++};
 *   <li>{@link #baselineStream}: {@code Collectors.groupingBy(touchpoint,
 *       groupingBy(score, counting()))}, the idiomatic stream version.
 * </ul>
 *
 * <p><b>Measured</b> ({@link #responseScorer}): a fresh
 * {@code ResponseScorer.create(Grouping.by(List.of("touchpoint")))}, {@code record} of every
 * response, then {@code snapshot(Metric.NPS)}, which is returned.
 *
 * <p><b>Unit</b>: throughput per response. Each invocation handles {@value #N} responses and
 * is declared with {@code @OperationsPerInvocation(N)}, so {@code ops/s} are <em>responses per
 * second</em>; higher is better.
 *
 * <p><b>Targets</b>: {@code responseScorer} &ge; 0.8&times; {@code baselineLoop} and
 * &ge; 5&times; {@code baselineStream}, measured in the same run.
 *
 * <p><b>Method notes</b>: the heap is settled with full collections at the end of setup (see
 * {@link #settleHeap()}), so that all three benchmarks start from the same memory layout.
 * Warm-up is 5 iterations rather than 3: in trial runs the stream and the scorer were not yet
 * steady in their second and third warm-up iterations.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ObjectApiBenchmark {

    /** The number of responses per invocation. */
    static final int N = 1_000_000;

    /** The number of distinct touchpoints. */
    static final int TOUCHPOINTS = 10;

    /** The input responses, shared by all benchmarks of a trial. */
    @State(Scope.Benchmark)
    public static class Data {
        /** The responses, in recording order. */
        List<Response> responses;

        /** Builds the responses from a fixed seed and checks that all benchmarks count alike. */
        @Setup(Level.Trial)
        public void setUp() {
            String[] names = {"order_counter", "kitchen", "drive_through", "delivery_notice", "delivery",
                "call_centre", "web_order", "app_order", "bill", "table_service"};
            if (names.length != TOUCHPOINTS) {
                throw new IllegalStateException("expected " + TOUCHPOINTS + " touchpoints");
            }
            // Uneven traffic: touchpoint i has weight (TOUCHPOINTS - i).
            int[] pick = new int[TOUCHPOINTS * (TOUCHPOINTS + 1) / 2];
            int k = 0;
            for (int i = 0; i < TOUCHPOINTS; i++) {
                for (int j = 0; j < TOUCHPOINTS - i; j++) {
                    pick[k++] = i;
                }
            }
            // Share of each rating 0..10 in percent, skewed towards promoters.
            int[] percent = {3, 1, 2, 2, 3, 6, 8, 13, 17, 22, 23};
            int[] rating = new int[100];
            k = 0;
            for (int r = 0; r < percent.length; r++) {
                for (int j = 0; j < percent[r]; j++) {
                    rating[k++] = r;
                }
            }
            SplittableRandom random = new SplittableRandom(20_260_102L);
            responses = new ArrayList<>(N);
            for (int i = 0; i < N; i++) {
                String touchpoint = new String(names[pick[random.nextInt(pick.length)]]);
                responses.add(Response.builder(Metric.NPS, rating[random.nextInt(rating.length)])
                        .touchpoint(touchpoint)
                        .build());
            }
            check();
            settleHeap();
        }

        private void check() {
            Map<String, long[]> loop = countByLoop(responses);
            Map<String, Map<Integer, Long>> stream = countByStream(responses);
            Map<GroupKey, RatingDistribution> scorer = score(responses);
            if (loop.size() != TOUCHPOINTS || stream.size() != TOUCHPOINTS || scorer.size() != TOUCHPOINTS) {
                throw new IllegalStateException("expected " + TOUCHPOINTS + " groups");
            }
            for (Map.Entry<GroupKey, RatingDistribution> e : scorer.entrySet()) {
                String touchpoint = e.getKey().value("touchpoint");
                for (int r = 0; r <= 10; r++) {
                    long fromScorer = e.getValue().count(r);
                    long fromLoop = loop.get(touchpoint)[r];
                    long fromStream = stream.get(touchpoint).getOrDefault(r, 0L);
                    if (fromScorer != fromLoop || fromScorer != fromStream) {
                        throw new IllegalStateException("counts differ for " + touchpoint + " rating " + r);
                    }
                }
            }
        }
    }

    /**
     * Moves the responses into the old generation with full collections before measuring, so all
     * three benchmarks start from the same heap layout. Otherwise the first young collection in a
     * benchmark that allocates (the stream, or a scorer that allocates) would copy the million
     * responses to new addresses, while the loop, which allocates nothing, keeps the
     * allocation-order layout; a pass over the list could then differ for reasons that have
     * nothing to do with the code being measured. Once they are old, young collections leave the
     * responses in place.
     */
    static void settleHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
    }

    static Map<String, long[]> countByLoop(List<Response> responses) {
        Map<String, long[]> counts = new HashMap<>();
        for (int i = 0, n = responses.size(); i < n; i++) {
            Response r = responses.get(i);
            long[] c = counts.get(r.touchpoint());
            if (c == null) {
                c = new long[11];
                counts.put(r.touchpoint(), c);
            }
            c[r.score()]++;
        }
        return counts;
    }

    static Map<String, Map<Integer, Long>> countByStream(List<Response> responses) {
        return responses.stream().collect(Collectors.groupingBy(Response::touchpoint,
                Collectors.groupingBy(Response::score, Collectors.counting())));
    }

    static Map<GroupKey, RatingDistribution> score(List<Response> responses) {
        ResponseScorer scorer = ResponseScorer.create(Grouping.by(List.of("touchpoint")));
        for (int i = 0, n = responses.size(); i < n; i++) {
            scorer.record(responses.get(i));
        }
        return scorer.snapshot(Metric.NPS);
    }

    /**
     * The reference: a plain loop with one hash lookup per response.
     *
     * @param data the responses
     * @return counts by touchpoint, indexed by rating
     */
    @Benchmark
    @OperationsPerInvocation(N)
    public Map<String, long[]> baselineLoop(Data data) {
        return countByLoop(data.responses);
    }

    /**
     * The idiomatic stream: nested {@code groupingBy} with {@code counting()}.
     *
     * @param data the responses
     * @return counts by touchpoint and rating
     */
    @Benchmark
    @OperationsPerInvocation(N)
    public Map<String, Map<Integer, Long>> baselineStream(Data data) {
        return countByStream(data.responses);
    }

    /**
     * A fresh scorer grouped by touchpoint, every response recorded, then the snapshot.
     *
     * @param data the responses
     * @return the ratings by touchpoint
     */
    @Benchmark
    @OperationsPerInvocation(N)
    public Map<GroupKey, RatingDistribution> responseScorer(Data data) {
        return score(data.responses);
    }
}
