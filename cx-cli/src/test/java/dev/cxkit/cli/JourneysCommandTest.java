package dev.cxkit.cli;

import dev.cxkit.cli.print.Json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.cli.print.ScoreText;
import dev.cxkit.cli.sample.SampleJourneys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class JourneysCommandTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private Path dineIn() throws IOException {
        return write("dine-in.yaml", dev.cxkit.core.journey.JourneyDefinitions.sampleText("dine-in"));
    }

    private static final String HEADER = "event_id,journey_id,customer_id,touchpoint,occurred_at,location,outcome,"
            + "failure_type,factor,recovered_at\n";

    /**
     * Four dine-in journeys by hand: a on time; b served after 30 minutes (served-in-20 broken);
     * c's order failed (wrong_item) and was put right 10 minutes later; d on time. One duplicate
     * (a-2 again), one bad row (no timestamp), one event at an unknown touchpoint.
     */
    private Path events() throws IOException {
        return write("events.csv", HEADER
                + "a-1,a,C1,order,2026-03-02T19:00:00Z,York,,,,\n"
                + "a-2,a,C1,served,2026-03-02T19:10:00Z,York,,,,\n"
                + "a-3,a,C1,bill,2026-03-02T20:00:00Z,York,,,,\n"
                + "a-2,a,C1,served,2026-03-02T19:10:00Z,York,,,,\n"
                + "b-1,b,C2,order,2026-03-02T19:00:00Z,York,,,,\n"
                + "b-2,b,C2,served,2026-03-02T19:30:00Z,York,,,,\n"
                + "b-3,b,C2,bill,2026-03-02T20:00:00Z,York,,,,\n"
                + "c-1,c,C3,order,2026-03-02T19:00:00Z,Leeds,failed,wrong_item,product,2026-03-02T19:10:00Z\n"
                + "c-2,c,C3,served,2026-03-02T19:15:00Z,Leeds,,,,\n"
                + "c-3,c,C3,bill,2026-03-02T20:00:00Z,Leeds,,,,\n"
                + "c-4,c,C3,kitchen-printer,2026-03-02T19:05:00Z,Leeds,,,,\n"
                + "d-1,d,C4,order,2026-03-02T19:00:00Z,Leeds,,,,\n"
                + "d-2,d,C4,served,,Leeds,,,,\n"
                + "d-3,d,C4,served,2026-03-02T19:12:00Z,Leeds,,,,\n"
                + "d-4,d,C4,bill,2026-03-02T20:00:00Z,Leeds,,,,\n");
    }

    private Path responses() throws IOException {
        return write("responses.csv", "response_id,submitted_at,metric,score,journey_id,comment\n"
                + "r1,2026-03-03T10:00:00Z,nps,10,a,Ana was great\n"
                + "r2,2026-03-03T11:00:00Z,nps,2,b,cold and late\n"
                + "r3,2026-03-03T12:00:00Z,nps,9,c,\n"
                + "r4,2026-03-03T13:00:00Z,nps,6,d,\n"
                + "r5,2026-03-03T14:00:00Z,nps,8,zzz,\n");
    }

    @Test
    void jsonOfHandBuiltJourneys() throws IOException {
        CliRun run = CliRun.run("journeys", events().toString(), "--definition", dineIn().toString(),
                "--responses", responses().toString(), "--staff", "Ana,Bo", "--format", "json", "--min-n", "0");
        assertThat(run.exit()).as(run.toString()).isEqualTo(0);
        JsonNode json = run.json();
        for (String section : List.of("funnel", "durations", "promises", "failures", "scores", "failureImpact",
                "recovery", "consistency", "closedLoop", "rows", "rejected")) {
            assertThat(json.has(section)).as(section).isTrue();
        }
        // 15 rows: 13 in journeys, 1 rejected, 1 duplicate, 0 late
        JsonNode rows = json.get("rows");
        assertThat(rows.get("read").asLong()).isEqualTo(15);
        assertThat(rows.get("accepted").asLong()).isEqualTo(13);
        assertThat(rows.get("rejected").asLong()).isEqualTo(1);
        assertThat(rows.get("duplicates").asLong()).isEqualTo(1);
        assertThat(rows.get("late").asLong()).isZero();
        assertThat(rows.get("journeys").asLong()).isEqualTo(4);
        JsonNode rejected = json.get("rejected").get(0);
        assertThat(rejected.get("source").asString()).endsWith("events.csv");
        assertThat(rejected.get("line").asLong()).isEqualTo(14);
        assertThat(rejected.get("reason").asString()).contains("occurred_at");
        // the unknown touchpoint is kept and reported
        assertThat(json.get("funnel").get(0).get("unknownTouchpoints").get("kitchen-printer").asLong()).isEqualTo(1);
        // served-in-20: 4 checks, b broken
        JsonNode served = json.get("promises").get(0);
        assertThat(served.get("promise").asString()).isEqualTo("served-in-20");
        assertThat(served.get("broken").asLong()).isEqualTo(1);
        assertThat(served.get("breachRate").asDouble()).isEqualTo(0.25);
        // NPS of all four joined journeys: 10, 2, 9, 6 -> (2 - 2) / 4 = 0
        JsonNode all = json.get("scores").get(0);
        assertThat(all.get("metric").asString()).isEqualTo("nps");
        assertThat(all.get("n").asLong()).isEqualTo(4);
        assertThat(all.get("value").asDouble()).isEqualTo(0.0);
        // served-in-20 at served: with {2}, without {10, 9, 6}: excess = 1 x (1 - 1/3)
        JsonNode impact = json.get("failureImpact").get(0);
        assertThat(impact.get("type").asString()).isEqualTo("served-in-20");
        assertThat(impact.get("with").get("value").asDouble()).isEqualTo(-100.0);
        assertThat(impact.get("without").get("value").asDouble()).isCloseTo(100.0 / 3, org.assertj.core.data.Offset
                .offset(1e-9));
        assertThat(impact.get("excessDetractors").asDouble()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset
                .offset(1e-9));
        assertThat(impact.get("detractorShare").asDouble()).isEqualTo(0.5);
        assertThat(impact.get("difference").get("pValue").asDouble()).isBetween(0.0, 1.0);
        // recovery: a and d without failure (10, 6), c recovered in 10 minutes (9), b not recovered (2)
        JsonNode recovery = json.get("recovery").get(0);
        assertThat(recovery.get("noFailure").get("n").asLong()).isEqualTo(2);
        assertThat(recovery.get("recovered").get("n").asLong()).isEqualTo(1);
        assertThat(recovery.get("recovered").get("value").asDouble()).isEqualTo(100.0);
        assertThat(recovery.get("notRecovered").get("value").asDouble()).isEqualTo(-100.0);
        assertThat(recovery.get("paradox").asString()).isIn("not_significant", "too_few");
        // closed loop: b (2) and d (6) due 48 h after their answers; a praises Ana
        JsonNode followUps = json.get("closedLoop").get("followUps");
        assertThat(followUps).hasSize(2);
        assertThat(followUps.get(0).get("journeyId").asString()).isEqualTo("b");
        assertThat(followUps.get(0).get("due").asString()).isEqualTo("2026-03-05T11:00:00Z");
        JsonNode praise = json.get("closedLoop").get("recognitions");
        assertThat(praise).hasSize(1);
        assertThat(praise.get(0).get("staff").get(0).asString()).isEqualTo("Ana");
        // the response about an unknown journey is kept and counted
        JsonNode responses = json.get("responseRows");
        assertThat(responses.get("joined").asLong()).isEqualTo(4);
        assertThat(responses.get("unmatched").asLong()).isEqualTo(1);
        assertThat(run.err()).contains("events.csv line 14").contains("1 response has no journey");
    }

    @Test
    void anIdleGapClosesJourneysAsTheEventsGoByAndCountsLaterEventsAsLate() throws IOException {
        JsonNode wide = rows(CliRun.run("journeys", events().toString(), "--definition", dineIn().toString(),
                "--idle-gap", "6h", "--format", "json"));
        assertThat(wide.get("accepted").asLong()).isEqualTo(13); // every journey ends within the evening
        assertThat(wide.get("late").asLong()).isZero();

        // the four journeys interleave over an hour: with a 30-minute gap, events older than
        // 30 minutes before the newest one seen arrive after their journey could have closed
        JsonNode narrow = rows(CliRun.run("journeys", events().toString(), "--definition", dineIn().toString(),
                "--idle-gap", "30m", "--format", "json"));
        assertThat(narrow.get("late").asLong()).isPositive();
        assertThat(narrow.get("read").asLong()).isEqualTo(15).isEqualTo(narrow.get("accepted").asLong()
                + narrow.get("rejected").asLong() + narrow.get("duplicates").asLong() + narrow.get("late").asLong());

        CliRun bad = CliRun.run("journeys", events().toString(), "--definition", dineIn().toString(), "--idle-gap", "0s");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--idle-gap must be positive");
    }

    private static JsonNode rows(CliRun run) {
        assertThat(run.exit()).as(run.err()).isZero();
        return Json.MAPPER.readTree(run.out()).get("rows");
    }

    @Test
    void strictRefusesRejectedRowsAndRejectsAreWritten() throws IOException {
        Path rejects = dir.resolve("rejects.csv");
        CliRun run = CliRun.run("journeys", events().toString(), "--definition", dineIn().toString(), "--strict",
                "--rejects", rejects.toString());
        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(rejects)).isEqualTo(HEADER + "d-2,d,C4,served,,Leeds,,,,\n");
    }

    @Test
    void anInvalidDefinitionIsRefusedWithItsPlace() throws IOException {
        String broken = dev.cxkit.core.journey.JourneyDefinitions.sampleText("dine-in")
                .replace("limit: 20 min", "limit: -20 min");
        Path definition = write("broken.yaml", broken);
        CliRun run = CliRun.run("journeys", events().toString(), "--definition", definition.toString());
        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("broken.yaml line").contains("promises[0].limit").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void usageErrors() throws IOException {
        CliRun noDefinition = CliRun.run("journeys", events().toString());
        assertThat(noDefinition.exit()).isEqualTo(2);
        assertThat(noDefinition.err()).contains("--definition FILE is required");
        CliRun noEvents = CliRun.run("journeys", "--responses", "x.csv");
        assertThat(noEvents.exit()).isEqualTo(2);
        assertThat(noEvents.err()).contains("need EVENTS");
        CliRun missing = CliRun.run("journeys", dir.resolve("nope.csv").toString(), "--definition",
                dineIn().toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.csv").doesNotContain("Exception");
        CliRun csv = CliRun.run("journeys", "--format", "csv");
        assertThat(csv.exit()).isEqualTo(2);
        assertThat(csv.err()).contains("--format csv");
    }

    @Test
    void twoDefinitionsRouteJourneysByTheirTouchpoints() throws IOException {
        Path delivery = write("delivery.yaml", dev.cxkit.core.journey.JourneyDefinitions.sampleText("delivery"));
        Path events = write("mixed.csv", "event_id,journey_id,touchpoint,occurred_at\n"
                + "1,x,order-placed,2026-03-02T18:00:00Z\n"
                + "2,x,notify,2026-03-02T18:20:00Z\n"
                + "3,x,arrival,2026-03-02T18:55:00Z\n"
                + "4,x,survey-invite,2026-03-02T20:00:00Z\n"
                + "5,y,order,2026-03-02T18:00:00Z\n"
                + "6,y,survey-invite,2026-03-02T20:00:00Z\n"
                + "7,z,survey-invite,2026-03-02T20:00:00Z\n");
        CliRun run = CliRun.run("journeys", events.toString(), "--definition", dineIn().toString(), "--definition",
                delivery.toString(), "--format", "json");
        assertThat(run.exit()).as(run.toString()).isEqualTo(0);
        JsonNode funnel = run.json().get("funnel");
        assertThat(funnel.get(0).get("definition").asString()).isEqualTo("dine-in");
        assertThat(funnel.get(0).get("journeys").asLong()).isEqualTo(2); // y, and z (a tie goes to the first)
        assertThat(funnel.get(1).get("definition").asString()).isEqualTo("delivery");
        assertThat(funnel.get(1).get("journeys").asLong()).isEqualTo(1);
    }

    @Test
    void theSampleShowsItsStories() {
        CliRun run = CliRun.run("journeys", "--format", "json");
        assertThat(run.exit()).as(run.err()).isEqualTo(0);
        JsonNode json = run.json();
        JsonNode rows = json.get("rows");
        assertThat(rows.get("read").asLong()).isEqualTo(rows.get("accepted").asLong() + rows.get("rejected").asLong()
                + rows.get("duplicates").asLong() + rows.get("late").asLong());
        assertThat(rows.get("journeys").asLong()).isEqualTo(SampleJourneys.DEFAULT_SIZE);
        assertThat(rows.get("duplicates").asLong()).isPositive();
        // the arrival notice on the wrong channel is the delivery failure that costs most detractors
        JsonNode top = null;
        List<String> verdicts = new ArrayList<>();
        for (JsonNode f : json.get("failureImpact")) {
            if (top == null && f.get("definition").asString().equals("delivery") && f.get("metric").asString()
                    .equals("nps") && !f.get("type").isNull()) {
                top = f;
            }
        }
        assertThat(top.get("type").asString()).isEqualTo("chosen-channel");
        assertThat(top.get("touchpoint").asString()).isEqualTo("notify");
        assertThat(top.get("difference").get("significant").asBoolean()).isTrue();
        for (JsonNode r : json.get("recovery")) {
            verdicts.add(r.get("paradox").asString());
        }
        assertThat(verdicts).isNotEmpty();
        // Sheffield alternates good and bad months
        boolean sheffield = false;
        for (JsonNode c : json.get("consistency")) {
            if (c.get("by").asString().equals("location") && "Sheffield".equals(c.get("unit").asString())
                    && c.get("metric").asString().equals("nps") && !c.get("alternatingRuns").isEmpty()) {
                sheffield = true;
            }
        }
        assertThat(sheffield).isTrue();
        assertThat(json.get("closedLoop").get("followUps")).isNotEmpty();
        assertThat(json.get("closedLoop").get("recognitions")).isNotEmpty();
        for (JsonNode p : json.get("closedLoop").get("recognitions")) {
            assertThat(SampleJourneys.STAFF).contains(p.get("staff").get(0).asString());
            assertThat(p.get("score").asInt()).isGreaterThanOrEqualTo(9);
        }
    }

    @Test
    void theTableIsReadable() {
        CliRun run = CliRun.run("journeys");
        assertThat(run.exit()).isEqualTo(0);
        assertThat(run.out()).contains("== dine-in:", "== delivery:", "Funnel", "Promises, worst first",
                "What failures cost", "Recovery:", "Consistency by location and month", "Closed loop:",
                "Recognition:", "Events: ");
        assertThat(run.out().lines().filter(l -> l.endsWith(" "))).isEmpty();
    }
}
