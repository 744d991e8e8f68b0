package dev.cxkit.core.journey.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.journey.AssemblySummary;
import dev.cxkit.core.journey.Journey;
import dev.cxkit.core.journey.JourneyAnalyzer;
import dev.cxkit.core.journey.JourneyAssembler;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.journey.JourneyOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Laws of journey assembly and analytics over seeded random journeys; a failure names its seed.
 */
class JourneyPropertyTest {

    static LongStream seeds() {
        return LongStream.range(1, 121).map(i -> i * 0x9E3779B97F4A7C15L);
    }

    private static JourneyAccumulator accumulate(List<JourneyOutcome> outcomes, JourneyGrouping grouping) {
        JourneyAccumulator acc = JourneyAccumulator.create(RandomJourneys.DINE_IN, grouping);
        outcomes.forEach(acc::record);
        return acc;
    }

    private static JourneyGrouping grouping(SplittableRandom random) {
        switch (random.nextInt(3)) {
            case 0:
                return JourneyGrouping.none();
            case 1:
                return JourneyGrouping.byLocation();
            default:
                return JourneyGrouping.byPeriod(random.nextBoolean(), dev.cxkit.core.survey.Period.DAY,
                        java.time.ZoneId.of("Europe/Berlin"));
        }
    }

    private static List<JourneyOutcome> outcomes(RandomJourneys data) {
        JourneyAnalyzer analyzer = JourneyAnalyzer.of(RandomJourneys.DINE_IN, data.preferences::get);
        return RandomJourneys.assemble(data.events).stream().map(analyzer::outcome).toList();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void mergeIsAssociativeCommutativeAndHasAnIdentity(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<JourneyOutcome> all = outcomes(new RandomJourneys(random, random.nextInt(0, 60), Duration.ofDays(3)));
        JourneyGrouping grouping = grouping(random);
        int cut1 = all.isEmpty() ? 0 : random.nextInt(all.size() + 1);
        int cut2 = cut1 + (all.size() == cut1 ? 0 : random.nextInt(all.size() - cut1 + 1));
        List<JourneyOutcome> a = all.subList(0, cut1);
        List<JourneyOutcome> b = all.subList(cut1, cut2);
        List<JourneyOutcome> c = all.subList(cut2, all.size());

        JourneyAccumulator left = accumulate(a, grouping);      // (a + b) + c
        left.merge(accumulate(b, grouping));
        left.merge(accumulate(c, grouping));
        JourneyAccumulator bc = accumulate(b, grouping);        // a + (b + c)
        bc.merge(accumulate(c, grouping));
        JourneyAccumulator right = accumulate(a, grouping);
        right.merge(bc);
        JourneyAccumulator swapped = accumulate(c, grouping);   // c + b + a
        swapped.merge(accumulate(b, grouping));
        swapped.merge(accumulate(a, grouping));
        JourneyAccumulator identity = accumulate(all, grouping);
        identity.merge(JourneyAccumulator.create(RandomJourneys.DINE_IN, grouping));
        JourneyAccumulator empty = JourneyAccumulator.create(RandomJourneys.DINE_IN, grouping);
        empty.merge(accumulate(all, grouping));

        GroupedJourneySummary onePass = accumulate(all, grouping).snapshot();
        assertThat(left.snapshot()).as("seed %d: (a+b)+c", seed).isEqualTo(onePass);
        assertThat(right.snapshot()).as("seed %d: a+(b+c)", seed).isEqualTo(onePass);
        assertThat(swapped.snapshot()).as("seed %d: c+b+a", seed).isEqualTo(onePass);
        assertThat(identity.snapshot()).as("seed %d: x+0", seed).isEqualTo(onePass);
        assertThat(empty.snapshot()).as("seed %d: 0+x", seed).isEqualTo(onePass);
        assertThat(onePass.overall().journeys()).as("seed %d", seed).isEqualTo(all.size());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void byteFormsRoundTripAndMergeAsInMemory(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<JourneyOutcome> all = outcomes(new RandomJourneys(random, random.nextInt(0, 60), Duration.ofDays(3)));
        JourneyGrouping grouping = grouping(random);
        int cut = all.isEmpty() ? 0 : random.nextInt(all.size() + 1);
        JourneyAccumulator a = accumulate(all.subList(0, cut), grouping);
        JourneyAccumulator b = accumulate(all.subList(cut, all.size()), grouping);

        assertThat(JourneyAccumulator.fromBytes(RandomJourneys.DINE_IN, grouping, a.toBytes()).snapshot())
                .as("seed %d", seed).isEqualTo(a.snapshot());
        byte[] merged = JourneyAccumulator.mergeBytes(RandomJourneys.DINE_IN, grouping, a.toBytes(), b.toBytes());
        JourneyAccumulator back = JourneyAccumulator.fromBytes(RandomJourneys.DINE_IN, grouping, merged);
        assertThat(back.snapshot()).as("seed %d", seed).isEqualTo(accumulate(all, grouping).snapshot());
        back.merge(a); // what was read merges on like any accumulator
        a.merge(accumulate(all, grouping));
        assertThat(back.snapshot()).as("seed %d", seed).isEqualTo(a.snapshot());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void analyticsOfPartitionsByJourneyMergeThroughBytesToOnePass(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RandomJourneys data = new RandomJourneys(random, random.nextInt(1, 60), Duration.ofDays(2));
        List<JourneyEvent> input = RandomJourneys.shuffledWithDuplicates(data.events, random);
        JourneyGrouping grouping = grouping(random);
        java.util.function.Supplier<JourneyAnalytics> make = () -> JourneyAnalytics.builder(List.of(RandomJourneys.DINE_IN))
                .contactPreferences(data.preferences::get).grouping(grouping).consistencyUnits(List.of("location"))
                .build();
        JourneyAnalytics one = make.get();
        input.forEach(one::addEvent);
        var expected = one.finish(dev.cxkit.core.score.ScoreOptions.defaults(),
                dev.cxkit.core.journey.loop.ConsistencyRules.defaults());

        int parts = random.nextInt(1, 5);
        List<JourneyAnalytics> partitions = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            partitions.add(make.get());
        }
        input.forEach(e -> partitions.get(Math.floorMod(e.journeyId().hashCode(), parts)).addEvent(e));
        JourneyAnalytics merged = make.get();
        partitions.forEach(p -> merged.merge(p.finishToBytes()));
        var actual = merged.finish(dev.cxkit.core.score.ScoreOptions.defaults(),
                dev.cxkit.core.journey.loop.ConsistencyRules.defaults());
        assertThat(actual.summaries()).as("seed %d", seed).isEqualTo(expected.summaries());
        assertThat(actual.assembly()).as("seed %d", seed).isEqualTo(expected.assembly());
        assertThat(actual.failureJourneys()).as("seed %d", seed).isEqualTo(expected.failureJourneys());
        assertThat(merged.journeyAccumulators().get(0).snapshot()).as("seed %d", seed)
                .isEqualTo(one.journeyAccumulators().get(0).snapshot());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void partitionsByJourneyMergeToOnePass(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RandomJourneys data = new RandomJourneys(random, random.nextInt(1, 80), Duration.ofDays(2));
        JourneyGrouping grouping = grouping(random);
        JourneyAnalyzer analyzer = JourneyAnalyzer.of(RandomJourneys.DINE_IN, data.preferences::get);
        List<JourneyEvent> input = RandomJourneys.shuffledWithDuplicates(data.events, random);

        JourneyAccumulator one = JourneyAccumulator.create(RandomJourneys.DINE_IN, grouping);
        JourneyAssembler single = JourneyAssembler.builder().build(j -> one.record(analyzer.outcome(j)));
        input.forEach(single::add);
        AssemblySummary whole = single.finish();

        int parts = random.nextInt(1, 6);
        JourneyAccumulator merged = JourneyAccumulator.create(RandomJourneys.DINE_IN, grouping);
        AssemblySummary sum = AssemblySummary.EMPTY;
        List<JourneyAssembler> assemblers = new ArrayList<>();
        List<JourneyAccumulator> accumulators = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            JourneyAccumulator acc = JourneyAccumulator.create(RandomJourneys.DINE_IN, grouping);
            accumulators.add(acc);
            assemblers.add(JourneyAssembler.builder().build(j -> acc.record(analyzer.outcome(j))));
        }
        for (JourneyEvent e : input) {
            assemblers.get(Math.floorMod(e.journeyId().hashCode(), parts)).add(e);
        }
        for (int p = 0; p < parts; p++) {
            sum = sum.plus(assemblers.get(p).finish());
            merged.merge(accumulators.get(p));
        }
        assertThat(sum).as("seed %d", seed).isEqualTo(whole);
        assertThat(merged.snapshot()).as("seed %d", seed).isEqualTo(one.snapshot());
        assertThat(whole.events()).as("seed %d", seed).isEqualTo(input.size());
        assertThat(whole.assembled()).as("seed %d", seed).isEqualTo(data.events.size());
        assertThat(whole.duplicates()).as("seed %d", seed).isEqualTo(input.size() - data.events.size());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void assemblyDoesNotDependOnOrderOrRepeats(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RandomJourneys data = new RandomJourneys(random, random.nextInt(1, 50), Duration.ofDays(1));
        List<Journey> reference = RandomJourneys.assemble(data.events);
        List<JourneyEvent> input = RandomJourneys.shuffledWithDuplicates(data.events, random);
        List<Journey> shuffled = RandomJourneys.assemble(input);
        assertThat(shuffled).as("seed %d", seed).hasSameSizeAs(reference);
        for (int i = 0; i < reference.size(); i++) {
            Journey r = reference.get(i);
            Journey s = shuffled.get(i);
            assertThat(s.events()).as("seed %d journey %s", seed, r.journeyId()).isEqualTo(r.events());
            assertThat(s.customerId()).as("seed %d", seed).isEqualTo(r.customerId());
            assertThat(s.location()).as("seed %d", seed).isEqualTo(r.location());
        }
        assertThat(shuffled.stream().mapToLong(Journey::duplicates).sum()).as("seed %d", seed)
                .isEqualTo(input.size() - data.events.size());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anIdleGapOnTimeOrderedInputGivesTheSameJourneysWithBoundedMemory(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RandomJourneys data = new RandomJourneys(random, random.nextInt(20, 120), Duration.ofDays(5));
        List<JourneyEvent> ordered = new ArrayList<>(data.events);
        ordered.sort(Comparator.comparing(JourneyEvent::occurredAt).thenComparing(JourneyEvent::eventId));
        Duration gap = data.longestPause.plusMinutes(1);
        List<Journey> streamed = new ArrayList<>();
        JourneyAssembler assembler = JourneyAssembler.builder().idleGap(gap).build(streamed::add);
        int[] openAfterEach = new int[ordered.size()];
        for (int i = 0; i < ordered.size(); i++) {
            assembler.add(ordered.get(i));
            openAfterEach[i] = assembler.openJourneys();
        }
        AssemblySummary summary = assembler.finish();
        streamed.sort(Comparator.comparing(Journey::journeyId));
        assertThat(streamed).as("seed %d", seed).isEqualTo(RandomJourneys.assemble(data.events));
        assertThat(summary.late()).as("seed %d", seed).isZero();
        // Open journeys never exceed those with an event within one gap (+ the journey of the event).
        for (int i = 0; i < ordered.size(); i++) {
            java.time.Instant now = ordered.get(i).occurredAt();
            long recent = ordered.subList(0, i + 1).stream()
                    .filter(e -> !e.occurredAt().isBefore(now.minus(gap)))
                    .map(JourneyEvent::journeyId).distinct().count();
            assertThat((long) openAfterEach[i]).as("seed %d event %d", seed, i).isLessThanOrEqualTo(recent);
        }
        assertThat(assembler.peakOpenJourneys()).as("seed %d", seed)
                .isEqualTo(Arrays.stream(openAfterEach).max().orElse(0));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void percentilesAreTheNearestRankWithinTheHistogramsPrecision(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = random.nextInt(1, 3000);
        long[] millis = new long[n];
        DurationAccumulator acc = new DurationAccumulator();
        long scale = random.nextBoolean() ? 60_000 : 7_200_000;
        for (int i = 0; i < n; i++) {
            millis[i] = random.nextInt(4) == 0 ? random.nextLong(scale * 10) : random.nextLong(scale);
            acc.record(Duration.ofMillis(millis[i]));
        }
        acc.record(Duration.ofMillis(-5));
        DurationSummary summary = acc.snapshot();
        long[] sorted = millis.clone();
        Arrays.sort(sorted);
        for (double p : new double[] {50, 90, 99, 100}) {
            int rank = (int) Math.ceil(p / 100 * n);
            long expected = sorted[Math.max(0, rank - 1)];
            long actual = summary.percentile(p).orElseThrow().toMillis();
            assertThat(actual).as("seed %d p%s", seed, p).isBetween(expected, expected + expected / 100 + 1);
        }
        assertThat(summary.count()).isEqualTo(n);
        assertThat(summary.outOfOrder()).isEqualTo(1);
        assertThat(summary.min()).hasValue(Duration.ofMillis(sorted[0]));
        assertThat(summary.max()).hasValue(Duration.ofMillis(sorted[n - 1]));
        assertThat(summary.mean()).hasValue(Duration.ofMillis(Arrays.stream(millis).sum() / n));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void countsBalance(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RandomJourneys data = new RandomJourneys(random, random.nextInt(1, 60), Duration.ofDays(2));
        GroupedJourneySummary report = accumulate(outcomes(data), JourneyGrouping.byLocation()).snapshot();
        JourneySummary all = report.overall();
        assertThat(all.events()).as("seed %d", seed).isEqualTo(data.events.size());
        assertThat(report.groups().values().stream().mapToLong(JourneySummary::journeys).sum()).as("seed %d", seed)
                .isEqualTo(all.journeys());
        long stopped = all.funnel().stream().mapToLong(FunnelStage::stopped).sum();
        assertThat(stopped + all.completed() + all.reachedNoStage()).as("seed %d", seed).isEqualTo(all.journeys());
        assertThat(all.recovery().values().stream().mapToLong(Long::longValue).sum()).as("seed %d", seed)
                .isEqualTo(all.journeys());
        assertThat(all.failures().byRecovery().values().stream().mapToLong(Long::longValue).sum()).as("seed %d", seed)
                .isEqualTo(all.failures().failures());
        for (PromiseSummary p : all.promises()) {
            assertThat(p.byTouchpoint().stream().mapToLong(Offender::checks).sum()).as("seed %d", seed)
                    .isEqualTo(p.checks());
            assertThat(p.byLocation().stream().mapToLong(Offender::breaches).sum()).as("seed %d", seed)
                    .isEqualTo(p.breaches());
            assertThat(p.durations().count() + p.durations().outOfOrder()).as("seed %d", seed)
                    .isEqualTo(p.kept() + p.broken());
        }
    }
}
