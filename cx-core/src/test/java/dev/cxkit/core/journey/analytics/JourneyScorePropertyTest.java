package dev.cxkit.core.journey.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.journey.Journey;
import dev.cxkit.core.journey.JourneyAnalyzer;
import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.journey.loop.ClosedLoopAccumulator;
import dev.cxkit.core.journey.loop.ClosedLoopRules;
import dev.cxkit.core.journey.loop.ConsistencyAccumulator;
import dev.cxkit.core.journey.loop.ConsistencyReport;
import dev.cxkit.core.journey.loop.ConsistencyRules;
import dev.cxkit.core.journey.loop.ControlChart;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.survey.Period;
import dev.cxkit.core.survey.Response;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Laws of the score-joined journey analytics over seeded random journeys and responses: merge is
 * associative and commutative with the empty accumulator as identity, and any partition of the
 * journeys merged gives the one-pass result. A failure names its seed.
 */
class JourneyScorePropertyTest {

    private static final ConsistencyRules RULES = ConsistencyRules.defaults().withAlternations(2);
    private static final ClosedLoopRules LOOP = ClosedLoopRules.defaults().withStaff(List.of("Ana", "Bo"));
    private static final String[] COMMENTS = {"Ana was lovely", "thanks bo", "Banana", "great food", null};

    static LongStream seeds() {
        return LongStream.range(1, 101).map(i -> i * 0xBF58476D1CE4E5B9L);
    }

    /** A journey with its responses. */
    private record Joined(JourneyOutcome outcome, List<Response> responses) {
    }

    private static List<Joined> data(SplittableRandom random) {
        RandomJourneys journeys = new RandomJourneys(random, random.nextInt(0, 70), Duration.ofDays(90));
        JourneyAnalyzer analyzer = JourneyAnalyzer.of(RandomJourneys.DINE_IN, journeys.preferences::get);
        List<Joined> out = new ArrayList<>();
        int id = 0;
        for (Journey j : RandomJourneys.assemble(journeys.events)) {
            JourneyOutcome outcome = analyzer.outcome(j);
            List<Response> responses = new ArrayList<>();
            for (int k = random.nextInt(0, 4); k > 0; k--) {
                Metric metric = random.nextInt(3) == 0 ? Metric.CSAT : Metric.NPS;
                Response.Builder b = Response.builder(metric, metric.min() + random.nextInt(metric.points()))
                        .responseId("r" + id++).journeyId(j.journeyId());
                if (random.nextBoolean()) {
                    b.submittedAt(j.endedAt().plusSeconds(random.nextLong(86_400 * 3)));
                }
                if (random.nextInt(3) == 0) {
                    b.touchpoint(RandomJourneys.PATH[random.nextInt(RandomJourneys.PATH.length)]);
                }
                String comment = COMMENTS[random.nextInt(COMMENTS.length)];
                if (comment != null) {
                    b.attribute("comment", comment);
                }
                responses.add(b.build());
            }
            out.add(new Joined(outcome, responses));
        }
        return out;
    }

    private static JourneyScoreAccumulator scores(List<Joined> part) {
        JourneyScoreAccumulator acc = JourneyScoreAccumulator.create(RandomJourneys.DINE_IN);
        part.forEach(j -> acc.record(j.outcome(), j.responses()));
        return acc;
    }

    private static ConsistencyAccumulator consistency(List<Joined> part) {
        ConsistencyAccumulator acc = ConsistencyAccumulator.create("location", Period.WEEK, ZoneId.of("UTC"));
        part.forEach(j -> j.responses().forEach(r -> acc.record(r, j.outcome())));
        return acc;
    }

    private static ClosedLoopAccumulator loop(List<Joined> part) {
        ClosedLoopAccumulator acc = ClosedLoopAccumulator.create(LOOP);
        part.forEach(j -> j.responses().forEach(r -> acc.record(r, j.outcome())));
        return acc;
    }

    private static FailureEffectAccumulator effects(List<Joined> part) {
        FailureEffectAccumulator acc = new FailureEffectAccumulator(List.of(RandomJourneys.DINE_IN.name()));
        part.forEach(j -> acc.record(0, j.outcome(), j.responses()));
        return acc;
    }

    /** Checks the merge laws and partitions for one kind of accumulator. */
    private static <A, S> void laws(long seed, String what, List<Joined> all, List<List<Joined>> parts,
            Function<List<Joined>, A> make, BiConsumer<A, A> merge, Function<A, S> snapshot) {
        S onePass = snapshot.apply(make.apply(all));
        Supplier<A> empty = () -> make.apply(List.of());
        A a = make.apply(parts.get(0));
        A b = make.apply(parts.get(1));
        A c = make.apply(parts.get(2));
        A left = make.apply(parts.get(0));                     // (a + b) + c
        merge.accept(left, b);
        merge.accept(left, c);
        A bc = make.apply(parts.get(1));                       // a + (b + c)
        merge.accept(bc, c);
        A right = make.apply(parts.get(0));
        merge.accept(right, bc);
        A swapped = make.apply(parts.get(2));                  // c + b + a
        merge.accept(swapped, b);
        merge.accept(swapped, a);
        A identity = make.apply(all);                          // x + 0 and 0 + x
        merge.accept(identity, empty.get());
        A zero = empty.get();
        merge.accept(zero, make.apply(all));
        assertThat(snapshot.apply(left)).as("seed %d %s: (a+b)+c", seed, what).isEqualTo(onePass);
        assertThat(snapshot.apply(right)).as("seed %d %s: a+(b+c)", seed, what).isEqualTo(onePass);
        assertThat(snapshot.apply(swapped)).as("seed %d %s: c+b+a", seed, what).isEqualTo(onePass);
        assertThat(snapshot.apply(identity)).as("seed %d %s: x+0", seed, what).isEqualTo(onePass);
        assertThat(snapshot.apply(zero)).as("seed %d %s: 0+x", seed, what).isEqualTo(onePass);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void byteFormsRoundTripAndMergeToOnePass(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Joined> all = data(random);
        int cut = random.nextInt(all.size() + 1);
        List<Joined> a = all.subList(0, cut);
        List<Joined> b = all.subList(cut, all.size());
        ScoreOptions options = ScoreOptions.defaults().withMinN(random.nextInt(0, 20));

        JourneyScoreAccumulator scores = JourneyScoreAccumulator.fromBytes(RandomJourneys.DINE_IN, scores(a).toBytes());
        scores.merge(JourneyScoreAccumulator.fromBytes(RandomJourneys.DINE_IN, scores(b).toBytes()));
        assertThat(scores.snapshot(options)).as("seed %d", seed).isEqualTo(scores(all).snapshot(options));
        assertThat(JourneyScoreAccumulator.fromBytes(RandomJourneys.DINE_IN, scores.toBytes()).toBytes())
                .as("seed %d", seed).isEqualTo(scores.toBytes());

        ConsistencyAccumulator consistency = ConsistencyAccumulator.fromBytes(consistency(a).toBytes());
        consistency.merge(ConsistencyAccumulator.fromBytes(consistency(b).toBytes()));
        assertThat(consistency.snapshot(RULES)).as("seed %d", seed).isEqualTo(consistency(all).snapshot(RULES));
        ClosedLoopAccumulator loop = ClosedLoopAccumulator.fromBytes(loop(a).toBytes());
        loop.merge(ClosedLoopAccumulator.fromBytes(loop(b).toBytes()));
        assertThat(loop.snapshot()).as("seed %d", seed).isEqualTo(loop(all).snapshot());
        assertThat(ClosedLoopAccumulator.fromBytes(loop.toBytes()).toBytes()).as("seed %d", seed)
                .isEqualTo(loop.toBytes());

        FailureEffectAccumulator inMemory = effects(a);
        inMemory.merge(effects(b));
        FailureEffectAccumulator viaBytes = FailureEffectAccumulator.fromBytes(effects(a).toBytes());
        viaBytes.merge(FailureEffectAccumulator.fromBytes(effects(b).toBytes()));
        for (Metric metric : List.of(Metric.NPS, Metric.CSAT, Metric.CES)) {
            // the fit sums its groups in hash order, so equal sums may differ in the last bits
            var expected = inMemory.effects(metric, 0.95, 3);
            var actual = viaBytes.effects(metric, 0.95, 3);
            assertThat(actual.keySet()).as("seed %d %s", seed, metric).isEqualTo(expected.keySet());
            expected.forEach((definition, kinds) -> kinds.forEach((kind, e) -> {
                var got = actual.get(definition).get(kind);
                assertThat(got.difference()).as("seed %d %s %s", seed, metric, kind)
                        .isCloseTo(e.difference(), org.assertj.core.api.Assertions.within(1e-9));
                assertThat(got.standardError()).isCloseTo(e.standardError(), org.assertj.core.api.Assertions.within(1e-9));
                assertThat(got.pValue()).isCloseTo(e.pValue(), org.assertj.core.api.Assertions.within(1e-9));
            }));
        }

        ConsistencyAccumulator continued = ConsistencyAccumulator.fromBytes(consistency(a).toBytes());
        b.forEach(j -> j.responses().forEach(r -> continued.record(r, j.outcome()))); // records on after reading
        assertThat(continued.snapshot(RULES)).as("seed %d", seed).isEqualTo(consistency(all).snapshot(RULES));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void mergeLawsAndPartitionsHold(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Joined> all = data(random);
        // a random partition of the journeys into three parts, in shuffled order
        List<List<Joined>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Joined j : all) {
            parts.get(random.nextInt(3)).add(j);
        }
        ScoreOptions options = ScoreOptions.defaults().withMinN(random.nextInt(0, 20));
        laws(seed, "scores", all, parts, JourneyScorePropertyTest::scores, JourneyScoreAccumulator::merge,
                acc -> acc.snapshot(options));
        laws(seed, "consistency", all, parts, JourneyScorePropertyTest::consistency, ConsistencyAccumulator::merge,
                acc -> acc.snapshot(RULES));
        laws(seed, "closed loop", all, parts, JourneyScorePropertyTest::loop, ClosedLoopAccumulator::merge,
                ClosedLoopAccumulator::snapshot);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void countsAddUpAndFailureRowsSplitTheResponses(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Joined> all = data(random);
        JourneyScoreReport report = scores(all).snapshot(ScoreOptions.defaults());
        long responses = all.stream().mapToLong(j -> j.responses().size()).sum();
        assertThat(report.responses()).as("seed %d", seed).isEqualTo(responses);
        assertThat(report.journeys()).as("seed %d", seed).isEqualTo(all.size());
        report.scores().forEach((metric, rows) -> {
            long n = all.stream().flatMap(j -> j.responses().stream()).filter(r -> r.metric().equals(metric)).count();
            assertThat(rows.get(0).score().n()).as("seed %d %s all", seed, metric).isEqualTo(n);
            for (FailureImpact f : report.failureImpact().get(metric)) {
                assertThat(f.with().n() + f.without().n()).as("seed %d %s", seed, f).isEqualTo(n);
                long with = all.stream().filter(j -> j.outcome().hasFailure(f.type(), f.touchpoint())
                        && j.outcome().failures().stream().anyMatch(x -> x.factor() == f.factor()
                                && x.type().equals(f.type()) && x.touchpoint().equals(f.touchpoint())))
                        .flatMap(j -> j.responses().stream()).filter(r -> r.metric().equals(metric)).count();
                assertThat(f.with().n()).as("seed %d %s", seed, f).isEqualTo(with);
            }
            RecoveryEffect effect = report.recovery().get(metric);
            assertThat(effect.noFailure().n() + effect.recovered().n() + effect.notRecovered().n())
                    .as("seed %d %s", seed, metric).isEqualTo(n);
            for (int i = 1; i < report.failureImpact().get(metric).size(); i++) {
                assertThat(report.failureImpact().get(metric).get(i - 1).excessNegative())
                        .as("seed %d ranked", seed)
                        .isGreaterThanOrEqualTo(report.failureImpact().get(metric).get(i).excessNegative());
            }
        });
        // every chart's points hold all dated responses of its unit
        ConsistencyReport consistency = consistency(all).snapshot(RULES);
        double charted = consistency.charts().stream().filter(c -> c.share() == ControlChart.Share.POSITIVE)
                .flatMap(c -> c.points().stream()).mapToDouble(ControlChart.Point::n).sum();
        assertThat(charted + consistency.undated()).as("seed %d", seed).isEqualTo((double) responses);
    }
}
