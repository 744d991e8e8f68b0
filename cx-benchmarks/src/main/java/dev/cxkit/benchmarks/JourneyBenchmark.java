package dev.cxkit.benchmarks;

import dev.cxkit.core.io.JourneyEventReader;
import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.journey.AssemblySummary;
import dev.cxkit.core.journey.JourneyAnalyzer;
import dev.cxkit.core.journey.JourneyAssembler;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.journey.analytics.JourneyAnalysis;
import dev.cxkit.core.journey.analytics.JourneyAnalytics;
import dev.cxkit.core.journey.analytics.JourneyScoreAccumulator;
import dev.cxkit.core.journey.loop.ConsistencyAccumulator;
import dev.cxkit.core.journey.loop.ConsistencyRules;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.core.survey.Period;
import dev.cxkit.core.survey.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Journey assembly and analytics at volume, and the cost of the score-joined analytics.
 *
 * <p><b>Part 1, 1M journeys / 8M events</b> (single shot: one invocation is the whole stream,
 * about ten seconds, too long for throughput iterations). {@link Stream} generates the events of
 * {@value #JOURNEYS} dine-in journeys in time order on the fly: a journey starts every 10 seconds
 * and has 8 events 15 minutes apart (seated, order, an unknown {@code kitchen-printer}, served,
 * the printer again, bill, survey invitation, call-back), with a served-in-20 breach every 7th
 * journey and a failed, recovered order every 11th. {@link #generateOnly} (the baseline) makes
 * the events and hands them to a Blackhole; {@link #assembleAndAnalyze} makes them and assembles
 * them with a 30-minute idle gap through {@link JourneyAnalytics}, the entry point {@code cx journeys}
 * and {@code cx report} run, which measures each journey and records it. Time-ordered input and
 * the gap keep about 800 journeys open at any
 * time: memory is proportional to open journeys, not to the 8M events ({@link JourneyFootprint}
 * measures the heap).
 *
 * <p><b>Part 2, analytics against reading</b> ({@value #SMALL} journeys, average time per
 * invocation): {@link #readEvents} (the baseline) parses their events as CSV with
 * {@link JourneyEventReader}; {@link #failureImpactAndConsistency} records the same journeys'
 * outcomes with one NPS answer each into a {@link JourneyScoreAccumulator} and a
 * {@link ConsistencyAccumulator} by location and month, and takes both snapshots (failure impact,
 * recovery, p-charts and alternating runs).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class JourneyBenchmark {

    /** Journeys in part 1. */
    static final int JOURNEYS = 1_000_000;
    /** Events per journey in part 1. */
    static final int EVENTS_PER_JOURNEY = 8;
    /** Journeys in part 2. */
    static final int SMALL = 100_000;

    static final JourneyDefinition DINE_IN = JourneyDefinitions.sample("dine-in");
    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    static final String[] PATH = {"seated", "order", "kitchen-printer", "served", "kitchen-printer", "bill",
        "survey-invite", "callback"};
    static final String[] LOCATIONS = {"Leeds", "York", "Manchester", "Sheffield"};

    /** Generates the events of {@code journeys} journeys in time order. */
    static final class Stream {
        private Stream() {
        }

        static void events(int journeys, Consumer<JourneyEvent> sink) {
            // Journey j starts at j * 10 s; its event k comes at + k * 15 min = + 90 k starts.
            int step = 90;
            for (int s = 0; s < journeys + step * (EVENTS_PER_JOURNEY - 1); s++) {
                for (int k = EVENTS_PER_JOURNEY - 1; k >= 0; k--) {
                    int j = s - step * k;
                    if (j >= 0 && j < journeys) {
                        sink.accept(event(j, k));
                    }
                }
            }
        }

        static JourneyEvent event(int j, int k) {
            String journey = "J" + j;
            long at = 10L * j + 900L * k + (k == 3 && j % 7 == 0 ? 600 : 0); // served late every 7th
            JourneyEvent.Builder b = JourneyEvent.builder(journey + "-" + k, journey, PATH[k],
                    START.plusSeconds(at)).customer("C" + (j % 50_000)).location(LOCATIONS[j % 4]);
            if (k == 1 && j % 11 == 0) {
                b.failed("wrong_item", SatisfactionFactor.PRODUCT).recoveredAt(START.plusSeconds(at + 600));
            }
            return b.build();
        }
    }

    /** Part 2's input: the events as CSV, and the outcomes with their answers. */
    @State(Scope.Benchmark)
    public static class Small {
        byte[] csv;
        List<JourneyOutcome> outcomes;
        List<List<Response>> answers;

        /** Builds the input once. */
        @Setup(Level.Trial)
        public void setUp() {
            StringBuilder sb = new StringBuilder("event_id,journey_id,customer_id,touchpoint,occurred_at,location,"
                    + "outcome,failure_type,factor,recovered_at\n");
            Stream.events(SMALL, e -> sb.append(e.eventId()).append(',').append(e.journeyId()).append(',')
                    .append(e.customerId()).append(',').append(e.touchpoint()).append(',').append(e.occurredAt())
                    .append(',').append(e.location()).append(',').append(e.failed() ? "failed,wrong_item,product,"
                            + e.recoveredAt() : "ok,,,").append('\n'));
            csv = sb.toString().getBytes(StandardCharsets.UTF_8);
            JourneyAnalyzer analyzer = JourneyAnalyzer.of(DINE_IN);
            outcomes = new ArrayList<>(SMALL);
            JourneyAssembler assembler = JourneyAssembler.builder().idleGap(Duration.ofMinutes(30))
                    .build(journey -> outcomes.add(analyzer.outcome(journey)));
            Stream.events(SMALL, assembler::add);
            assembler.finish();
            SplittableRandom random = new SplittableRandom(42);
            answers = new ArrayList<>(SMALL);
            for (JourneyOutcome o : outcomes) {
                int score = Math.max(0, Math.min(10, 8 + random.nextInt(-3, 3) - (o.failures().isEmpty() ? 0 : 3)));
                answers.add(List.of(Response.builder(Metric.NPS, score).journeyId(o.journeyId())
                        .submittedAt(o.endedAt().plusSeconds(3600)).build()));
            }
        }
    }

    /**
     * Baseline of part 1: generates the 8M events.
     *
     * @param bh the sink
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public void generateOnly(Blackhole bh) {
        Stream.events(JOURNEYS, bh::consume);
    }

    /**
     * Part 1: generates, assembles (30-minute idle gap), measures and accumulates 1M journeys.
     *
     * @return the summary (peak open journeys in {@code journeys})
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public Object assembleAndAnalyze() {
        // the entry point cx journeys and cx report run: assembly, routing, analysis, accumulators
        JourneyAnalytics analytics = JourneyAnalytics.builder(List.of(DINE_IN)).idleGap(Duration.ofMinutes(30))
                .build();
        Stream.events(JOURNEYS, analytics::addEvent);
        JourneyAnalysis analysis = analytics.finish(ScoreOptions.defaults(), ConsistencyRules.defaults());
        AssemblySummary summary = analysis.assembly();
        if (summary.journeys() != JOURNEYS || summary.late() != 0) {
            throw new IllegalStateException("unexpected " + summary);
        }
        return analysis;
    }

    /**
     * Baseline of part 2: reads the events of 100k journeys from CSV.
     *
     * @param data the input
     * @param bh the sink
     * @return the read summary
     * @throws IOException never (in memory)
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public ReadSummary readEvents(Small data, Blackhole bh) throws IOException {
        return JourneyEventReader.create().read(new ByteArrayInputStream(data.csv), "events.csv", bh::consume,
                bh::consume);
    }

    /**
     * Part 2: failure impact, recovery and consistency of the same 100k journeys, with snapshots.
     *
     * @param data the input
     * @param bh the sink
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    public void failureImpactAndConsistency(Small data, Blackhole bh) {
        JourneyScoreAccumulator scores = JourneyScoreAccumulator.create(DINE_IN);
        ConsistencyAccumulator consistency = ConsistencyAccumulator.create("location", Period.MONTH,
                ZoneId.of("UTC"));
        for (int i = 0; i < data.outcomes.size(); i++) {
            JourneyOutcome o = data.outcomes.get(i);
            List<Response> answers = data.answers.get(i);
            scores.record(o, answers);
            for (Response r : answers) {
                consistency.record(r, o);
            }
        }
        bh.consume(scores.snapshot(ScoreOptions.defaults()));
        bh.consume(consistency.snapshot(ConsistencyRules.defaults()));
    }
}
