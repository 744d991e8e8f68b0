package dev.cxkit.benchmarks;

import dev.cxkit.core.journey.JourneyAnalyzer;
import dev.cxkit.core.journey.JourneyAssembler;
import dev.cxkit.core.journey.analytics.JourneyAccumulator;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;

/**
 * Heap held while assembling time-ordered journeys: runs {@link JourneyBenchmark}'s stream of
 * {@code N} journeys (8 events each) through an assembler, analyzer and accumulator, once with a
 * 30-minute idle gap and once without (every journey open until the end), and prints the peak open
 * journeys and the used heap after a full GC at four checkpoints. An estimate: {@code System.gc()}
 * is a request. Run: {@code java -cp cx-benchmarks/target/benchmarks.jar
 * dev.cxkit.benchmarks.JourneyFootprint 1000000}.
 */
public final class JourneyFootprint {

    private JourneyFootprint() {
    }

    /**
     * Runs the measurement.
     *
     * @param args the number of journeys (default 1,000,000)
     */
    public static void main(String[] args) {
        int journeys = args.length > 0 ? Integer.parseInt(args[0]) : JourneyBenchmark.JOURNEYS;
        run(journeys, Duration.ofMinutes(30));
        run(journeys, null);
    }

    private static void run(int journeys, Duration gap) {
        JourneyAnalyzer analyzer = JourneyAnalyzer.of(JourneyBenchmark.DINE_IN);
        JourneyAccumulator accumulator = JourneyAccumulator.create(JourneyBenchmark.DINE_IN);
        JourneyAssembler.Builder builder = JourneyAssembler.builder();
        if (gap != null) {
            builder.idleGap(gap);
        }
        JourneyAssembler assembler = builder.build(journey -> accumulator.record(analyzer.outcome(journey)));
        long total = (long) journeys * JourneyBenchmark.EVENTS_PER_JOURNEY;
        long[] seen = {0};
        long before = usedAfterGc();
        long[] peakHeap = {0};
        JourneyBenchmark.Stream.events(journeys, e -> {
            assembler.add(e);
            if (++seen[0] % (total / 4) == 0) {
                long used = usedAfterGc() - before;
                peakHeap[0] = Math.max(peakHeap[0], used);
                System.out.printf(Locale.ROOT, "gap %-5s %,11d events: %,9d open journeys, heap +%,8.1f MiB%n",
                        gap == null ? "none" : gap.toMinutes() + "m", seen[0], assembler.openJourneys(),
                        used / 1048576.0);
            }
        });
        int peak = assembler.peakOpenJourneys();
        assembler.finish();
        System.out.printf(Locale.ROOT, "gap %-5s peak open journeys %,d; peak heap +%,.1f MiB; %,d journeys "
                + "accumulated%n", gap == null ? "none" : gap.toMinutes() + "m", peak, peakHeap[0] / 1048576.0,
                accumulator.journeys());
    }

    private static long usedAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
