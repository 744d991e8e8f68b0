package dev.cxkit.smoke;

import dev.cxkit.core.journey.JourneyAnalyzer;
import dev.cxkit.core.journey.JourneyAssembler;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.journey.analytics.JourneyAccumulator;
import dev.cxkit.core.journey.analytics.JourneySummary;
import dev.cxkit.core.journey.analytics.StepSummary;
import java.lang.module.ModuleDescriptor;
import java.time.Duration;
import java.time.Instant;

/**
 * Run by run.sh with cx-core's jar and its published dependencies on the module path: records
 * journeys so that the relocated HdrHistogram is loaded and used inside module dev.cxkit.core, and
 * checks that its package is there but not exported and that no HdrHistogram module is present.
 */
public final class Smoke {

    private static final String INTERNAL = "dev.cxkit.core.internal.hdrhistogram";

    public static void main(String[] args) throws Exception {
        JourneyDefinition definition = JourneyDefinitions.sample("delivery");
        JourneyAnalyzer analyzer = JourneyAnalyzer.of(definition);
        JourneyAccumulator accumulator = JourneyAccumulator.create(definition);
        JourneyAssembler assembler = JourneyAssembler.builder().build(j -> accumulator.record(analyzer.outcome(j)));
        Instant t0 = Instant.parse("2026-03-01T12:00:00Z");
        for (int i = 0; i < 100; i++) {
            String id = "j" + i;
            Instant placed = t0.plus(Duration.ofMinutes(i));
            assembler.add(JourneyEvent.builder(id + "-order", id, "order-placed", placed).customer("c" + i).build());
            assembler.add(JourneyEvent.builder(id + "-notify", id, "notify", placed.plusSeconds(600)).build());
            assembler.add(JourneyEvent.builder(id + "-arrival", id, "arrival", placed.plusSeconds(600 + 60L * (i + 1)))
                    .build());
        }
        assembler.finish();
        JourneySummary all = accumulator.snapshot().overall();
        System.out.println("journeys: " + all.journeys());
        for (StepSummary step : all.steps()) {
            System.out.println(step.from() + " -> " + step.to() + ": " + step.durations());
        }
        Duration p90 = all.steps().get(1).durations().p90().orElseThrow();
        check(p90.compareTo(Duration.ofMinutes(90)) >= 0 && p90.compareTo(Duration.ofMinutes(91)) <= 0,
                "notify -> arrival p90 is 90 min (within 1%): " + p90);

        Module core = JourneyAccumulator.class.getModule();
        ModuleDescriptor descriptor = core.getDescriptor();
        System.out.println("module: " + descriptor.toNameAndVersion() + (descriptor.isAutomatic() ? " (automatic)" : ""));
        System.out.println("requires: " + descriptor.requires());
        check(core.isNamed() && !descriptor.isAutomatic(), "cx-core is an explicit module");
        check(descriptor.packages().contains(INTERNAL), "cx-core contains " + INTERNAL);
        check(!core.isExported(INTERNAL), INTERNAL + " is not exported");
        check(descriptor.requires().stream().noneMatch(r -> r.name().equalsIgnoreCase("HdrHistogram")),
                "cx-core does not require HdrHistogram");
        check(ModuleLayer.boot().modules().stream().noneMatch(m -> m.getName().toLowerCase().contains("hdrhistogram")),
                "no HdrHistogram module in the boot layer");
        Class<?> histogram = Class.forName(core, INTERNAL + ".Histogram");
        check(histogram != null && histogram.getModule() == core, "the relocated Histogram is in cx-core");
        try {
            histogram.getConstructor(int.class).newInstance(2);
            check(false, "the relocated Histogram is not accessible from another module");
        } catch (IllegalAccessException expected) {
            check(true, "the relocated Histogram is not accessible from another module");
        }
        System.out.println("module-path smoke test passed");
    }

    private static void check(boolean ok, String what) {
        System.out.println((ok ? "ok: " : "FAILED: ") + what);
        if (!ok) {
            System.exit(1);
        }
    }
}
