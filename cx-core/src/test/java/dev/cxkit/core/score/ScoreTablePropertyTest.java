package dev.cxkit.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Laws of the accumulators over many seeded random cases. A failure names its seed; rerun one
 * case by calling the body with that seed.
 */
class ScoreTablePropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 200).map(i -> 0x5DEECE66DL * (i + 1));
    }

    private static final Metric[] METRICS = {Metric.NPS, Metric.CSAT, Metric.CES, Metric.csat(0, 10, 8)};

    /** One rating event: group name, rating, weight (NaN = unweighted). */
    record Event(String group, int rating, double weight) {}

    static List<Event> events(SplittableRandom random, Metric metric, boolean weighted) {
        int size = random.nextInt(0, 300);
        int groups = random.nextInt(1, 8);
        List<Event> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            double w = weighted && random.nextBoolean() ? 0.1 + random.nextDouble() * 5 : Double.NaN;
            out.add(new Event("g" + random.nextInt(groups), random.nextInt(metric.min(), metric.max() + 1), w));
        }
        return out;
    }

    static ScoreTable table(Metric metric, List<Event> events) {
        ScoreTable t = ScoreTable.create(metric, "g");
        for (Event e : events) {
            int g = t.group(e.group());
            if (Double.isNaN(e.weight())) {
                t.record(g, e.rating());
            } else {
                t.record(g, e.rating(), e.weight());
            }
        }
        return t;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void mergeIsAssociativeCommutativeAndHasIdentity(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Metric metric = METRICS[random.nextInt(METRICS.length)];
        boolean weighted = random.nextBoolean();
        List<Event> ea = events(random, metric, weighted);
        List<Event> eb = events(random, metric, weighted);
        List<Event> ec = events(random, metric, weighted);

        ScoreTable left = table(metric, ea); // (a + b) + c
        left.merge(table(metric, eb));
        left.merge(table(metric, ec));
        ScoreTable bc = table(metric, eb); // a + (b + c)
        bc.merge(table(metric, ec));
        ScoreTable right = table(metric, ea);
        right.merge(bc);
        ScoreTable swapped = table(metric, ec); // c + b + a
        swapped.merge(table(metric, eb));
        swapped.merge(table(metric, ea));
        ScoreTable withEmpty = table(metric, ea);
        withEmpty.merge(ScoreTable.create(metric, "g"));

        assertSameDistributions(left, right, seed);
        assertSameDistributions(left, swapped, seed);
        assertSameDistributions(withEmpty, table(metric, ea), seed);

        List<Event> all = new ArrayList<>(ea);
        all.addAll(eb);
        all.addAll(ec);
        assertSameDistributions(left, table(metric, all), seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void orderOfRecordsDoesNotMatter(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Metric metric = METRICS[random.nextInt(METRICS.length)];
        List<Event> events = events(random, metric, random.nextBoolean());
        List<Event> shuffled = new ArrayList<>(events);
        Collections.shuffle(shuffled, new Random(seed));
        assertSameDistributions(table(metric, events), table(metric, shuffled), seed);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void columnarRecordEqualsOneByOne(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Metric metric = METRICS[random.nextInt(METRICS.length)];
        int n = random.nextInt(0, 2000);
        int groupCount = random.nextInt(1, 50);
        int[] groups = new int[n];
        byte[] ratings = new byte[n];
        for (int i = 0; i < n; i++) {
            groups[i] = random.nextInt(groupCount);
            ratings[i] = (byte) random.nextInt(metric.min(), metric.max() + 1);
        }
        int from = n == 0 ? 0 : random.nextInt(n);
        int to = from + (n == from ? 0 : random.nextInt(n - from + 1));
        ScoreTable bulk = ScoreTable.create(metric, "g");
        ScoreTable single = ScoreTable.create(metric, "g");
        for (int g = 0; g < groupCount; g++) {
            bulk.group("g" + g);
            single.group("g" + g);
        }
        bulk.record(groups, ratings, from, to);
        for (int i = from; i < to; i++) {
            single.record(groups[i], ratings[i]);
        }
        assertThat(bulk.snapshot()).as("seed %d", seed).isEqualTo(single.snapshot());
        assertThat(bulk.total().n()).as("seed %d", seed).isEqualTo(to - from);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void columnarRecordWithOneBadElementChangesNothing(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Metric metric = METRICS[random.nextInt(METRICS.length)];
        int groupCount = random.nextInt(1, 40); // capacity is at least 16 groups: ids past the count stay in the array
        ScoreTable table = ScoreTable.create(metric, "g");
        for (int g = 0; g < groupCount; g++) {
            table.group("g" + g);
        }
        if (random.nextBoolean()) {
            table.record(0, metric.min(), 2.5); // the weighted path validates first
        }
        int n = random.nextInt(1, 500);
        int[] groups = new int[n];
        byte[] ratings = new byte[n];
        for (int i = 0; i < n; i++) {
            groups[i] = random.nextInt(groupCount);
            ratings[i] = (byte) random.nextInt(metric.min(), metric.max() + 1);
        }
        table.record(groups, ratings, 0, n / 2);
        var before = table.snapshot();
        int bad = random.nextInt(n);
        switch (random.nextInt(6)) {
            case 0 -> groups[bad] = -1 - random.nextInt(1000);
            case 1 -> groups[bad] = groupCount + random.nextInt(20); // may still be inside the array
            case 2 -> groups[bad] = Integer.MAX_VALUE - random.nextInt(100);
            case 3 -> ratings[bad] = (byte) (metric.max() + 1 + random.nextInt(10));
            case 4 -> ratings[bad] = (byte) (metric.min() - 1 - random.nextInt(100));
            default -> ratings[bad] = Byte.MIN_VALUE;
        }
        assertThatThrownBy(() -> table.record(groups, ratings, 0, n)).as("seed %d", seed)
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("index " + bad + ":");
        assertThat(table.snapshot()).as("seed %d", seed).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void weightsOfOneEqualUnweighted(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Metric metric = METRICS[random.nextInt(METRICS.length)];
        List<Event> events = events(random, metric, false);
        List<Event> ones = events.stream().map(e -> new Event(e.group(), e.rating(), 1.0)).toList();
        ScoreTable plain = table(metric, events);
        ScoreTable weighted = table(metric, ones);
        var weightedGroups = weighted.snapshot();
        for (var entry : plain.snapshot().entrySet()) {
            RatingDistribution p = entry.getValue();
            RatingDistribution w = weightedGroups.get(entry.getKey());
            assertThat(w.isWeighted()).as("seed %d", seed).isTrue();
            assertThat(w.n()).as("seed %d", seed).isEqualTo(p.n());
            assertThat(w.weightedN()).as("seed %d", seed).isEqualTo(p.weightedN());
            assertThat(w.effectiveN()).as("seed %d", seed).isEqualTo(p.effectiveN());
            assertThat(w.effectiveCounts()).as("seed %d", seed).containsExactly(p.effectiveCounts());
            assertThat(w.mean()).as("seed %d", seed).isEqualTo(p.mean());
            assertThat(w.positiveShare()).as("seed %d", seed).isEqualTo(p.positiveShare());
            if (p.n() > 1) {
                assertThat(w.variance()).as("seed %d", seed).isCloseTo(p.variance(), within(1e-12));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void effectiveSizeIsBoundedByCountAndSharesByOne(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Metric metric = METRICS[random.nextInt(METRICS.length)];
        ScoreTable t = table(metric, events(random, metric, true));
        for (RatingDistribution d : t.snapshot().values()) {
            // Cauchy–Schwarz: (Σw)² ≤ n·Σw², so 0 < n_eff ≤ n.
            assertThat(d.effectiveN()).as("seed %d", seed).isGreaterThan(0).isLessThanOrEqualTo(d.n() * (1 + 1e-12));
            assertThat(d.positiveShare() + d.negativeShare()).as("seed %d", seed).isBetween(0.0, 1 + 1e-12);
            assertThat(d.mean()).as("seed %d", seed).isBetween((double) metric.min(), (double) metric.max());
        }
    }

    static void assertSameDistributions(ScoreTable expected, ScoreTable actual, long seed) {
        var expectedGroups = expected.snapshot();
        var actualGroups = actual.snapshot();
        assertThat(actualGroups.keySet()).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(expectedGroups.keySet());
        for (GroupKey key : expectedGroups.keySet()) {
            RatingDistribution e = expectedGroups.get(key);
            RatingDistribution a = actualGroups.get(key);
            assertThat(a.counts()).as("seed %d, %s", seed, key).containsExactly(e.counts());
            assertThat(a.isWeighted()).as("seed %d, %s", seed, key).isEqualTo(e.isWeighted());
            for (int r = e.metric().min(); r <= e.metric().max(); r++) {
                // weight sums are floating-point sums: equal up to rounding
                assertThat(a.weight(r)).as("seed %d, %s, rating %d", seed, key, r).isCloseTo(e.weight(r), within(1e-9));
            }
            assertThat(a.sumSquaredWeights()).as("seed %d", seed).isCloseTo(e.sumSquaredWeights(), within(1e-9));
        }
    }
}
