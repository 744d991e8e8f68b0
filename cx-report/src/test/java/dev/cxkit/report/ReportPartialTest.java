package dev.cxkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.core.survey.Response;
import dev.cxkit.report.format.ReportFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builders of parts (journeys split by id, each with its responses) merged through their bytes
 * make the report one builder makes of everything.
 */
class ReportPartialTest {

    private static final Instant AS_OF = Instant.parse("2026-07-01T08:00:00Z");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 20261205})
    void partsMergedThroughBytesMakeTheReportOfOneBuilder(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Supplier<ReportBuilder> settings = () -> ReportBuilder.asOf(AS_OF)
                .definitions(List.of(JourneyDefinitions.sample("dine-in"))).staff(List.of("Ana"));
        List<Response> responses = new ArrayList<>();
        List<JourneyEvent> events = new ArrayList<>();
        String[] locations = {"York", "Leeds", null};
        for (int v = 0; v < 120; v++) {
            String journey = "v" + v;
            Instant t = Instant.parse("2026-03-01T19:00:00Z").plusSeconds(random.nextLong(0, 120L * 86_400));
            String location = locations[random.nextInt(locations.length)];
            events.add(JourneyEvent.builder("o" + v, journey, "order", t).location(location).build());
            JourneyEvent.Builder served = JourneyEvent.builder("s" + v, journey, "served",
                    t.plusSeconds(random.nextLong(300, 3_000))).location(location);
            if (random.nextInt(4) == 0) {
                served.failed("cold_food", SatisfactionFactor.PRODUCT);
            }
            events.add(served.build());
            if (random.nextBoolean()) {
                responses.add(Response.builder(Metric.NPS, random.nextInt(11)).responseId("r" + v).journeyId(journey)
                        .customerId("c" + v).location(location).attribute("comment", random.nextBoolean() ? "Ana was kind" : "slow")
                        .submittedAt(t.plusSeconds(7_200)).build());
            }
        }
        responses.add(Response.builder(Metric.CSAT, 2).responseId("no-journey").customerId("c-x")
                .submittedAt(Instant.parse("2026-06-02T10:00:00Z")).build());

        ReportBuilder one = settings.get();
        responses.forEach(one::addResponse);
        events.forEach(one::addEvent);
        String expected = ReportFormat.json().render(one.build());

        int parts = 1 + random.nextInt(4);
        List<ReportBuilder> builders = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            builders.add(settings.get());
        }
        responses.forEach(r -> builders.get(part(r.journeyId(), parts)).addResponse(r));
        events.forEach(e -> builders.get(part(e.journeyId(), parts)).addEvent(e));
        ReportBuilder merged = settings.get();
        builders.forEach(b -> merged.merge(b.finishToBytes()));
        assertThat(ReportFormat.json().render(merged.build())).as("seed %d, %d parts", seed, parts).isEqualTo(expected);
    }

    private static int part(String journeyId, int parts) {
        return journeyId == null ? 0 : Math.floorMod(journeyId.hashCode(), parts);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1})
    void bytesThatAreNotAPartialOrOfOtherSettingsAreRefused(long seed) {
        ReportBuilder part = ReportBuilder.asOf(AS_OF).definitions(List.of(JourneyDefinitions.sample("dine-in")));
        byte[] bytes = part.finishToBytes();
        assertThatThrownBy(() -> ReportBuilder.asOf(AS_OF).merge(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportBuilder.asOf(AS_OF).merge(bytes)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(part::finishToBytes).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(part::build).isInstanceOf(IllegalStateException.class);
    }
}
