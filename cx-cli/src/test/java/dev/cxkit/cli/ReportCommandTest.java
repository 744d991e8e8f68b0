package dev.cxkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.cli.sample.SampleJourneys;
import dev.cxkit.core.journey.JourneyDefinitions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code cx report} and {@code cx sample} from the command line: the sample's stories in the
 * report, the same report from the files {@code cx sample} writes, the output formats, absent
 * sections, bad input, and usage errors. The page in a browser is {@code ReportCommandPageTest}'s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private CliRun sampleRun;
    private JsonNode sample;
    private Path sampleFiles;
    private CliRun filesRun;

    @BeforeAll
    void reportTheSampleBothWays(@TempDir Path shared) throws IOException {
        Path out = shared.resolve("from-sample");
        sampleRun = CliRun.run("report", "--format", "json", "--out", out.toString());
        assertThat(sampleRun.exit()).as(sampleRun.toString()).isZero();
        sample = sampleRun.json();

        sampleFiles = shared.resolve("sample");
        CliRun written = CliRun.run("sample", "--out", sampleFiles.toString());
        assertThat(written.exit()).as(written.toString()).isZero();
        filesRun = CliRun.run("report", "--responses", file("responses.csv"), "--events", file("events.csv"),
                "--definition", file("dine-in.yaml"), "--definition", file("delivery.yaml"),
                "--customers", file("customers.jsonl"), "--staff",
                String.join(",", SampleJourneys.STAFF), "--now", SampleJourneys.REPORTED_AT.toString(), "--out",
                shared.resolve("from-files").toString(), "--format", "html");
        assertThat(filesRun.exit()).as(filesRun.toString()).isZero();
    }

    private String file(String name) {
        return sampleFiles.resolve(name).toString();
    }

    private JsonNode filesJson() throws IOException {
        return JSON.readTree(Files.readString(Path.of(filesRun.err().lines().filter(l -> l.startsWith("cx: wrote "))
                .findFirst().orElseThrow().replaceFirst(".* and ", "")), StandardCharsets.UTF_8));
    }

    @Test
    void theSampleReportTellsTheSamplesStories() {
        assertThat(sample.get("title").asString()).isEqualTo("CX health report: the sample restaurant chain, 2026-06");
        JsonNode nps = sample.get("headline").get("scores").get(0);
        assertThat(nps.get("metric").asString()).isEqualTo("nps");
        assertThat(nps.get("period").asString()).as("June ended before the report's time").isEqualTo("2026-06");
        assertThat(nps.get("change").get("previousPeriod").asString()).isEqualTo("2026-05");
        assertThat(nps.get("change").get("difference").has("significant")).isTrue();
        assertThat(sample.get("journeys").get("definitions")).extracting(d -> d.get("definition").asString())
                .containsExactly("dine-in", "delivery");
        JsonNode ranking = sample.get("failureImpact").get("ranking");
        JsonNode worst = ranking.get(0);
        assertThat(worst.get("failureType").asString() + " at " + worst.get("touchpoint").asString())
                .as("held equal, a delivery over two hours late costs the most per journey")
                .isEqualTo("delivered-in-2h at arrival");
        JsonNode mostDetractors = java.util.stream.StreamSupport.stream(ranking.spliterator(), false)
                .max(java.util.Comparator.comparingDouble(r -> r.get("detractorSharePercent").asDouble()))
                .orElseThrow();
        assertThat(mostDetractors.get("failureType").asString() + " at " + mostDetractors.get("touchpoint").asString())
                .as("the arrival notice that goes by SMS whatever the customer chose: the most detractors")
                .isEqualTo("chosen-channel at notify");
        assertThat(mostDetractors.get("heldEqual").get("significant").asBoolean()).isTrue();
        assertThat(sample.get("consistency").get("findings")).anySatisfy(f -> {
            assertThat(f.get("kind").asString()).isEqualTo("alternating");
            assertThat(f.get("where").asString()).isEqualTo("Sheffield (location)");
        });
        JsonNode plans = sample.get("recoveryPlans");
        assertThat(plans.get("policy").asString()).isEqualTo("restaurant");
        // the sample has no incidents file: its plans are the open failures of its events' last two weeks
        assertThat(plans.get("plans").size()).isGreaterThan(20);
        for (JsonNode plan : plans.get("plans")) {
            assertThat(plan.get("steps")).extracting(s -> s.get("step").asString())
                    .containsExactly("ACKNOWLEDGE", "WIDEN", "AGREE", "RESOLVE", "EVALUATE");
            assertThat(plan.get("source").asString()).startsWith("open failure in journey V");
            assertThat(plan.get("incidentId").asString()).startsWith("INC-V");
            assertThat(plan.get("steps").get(0).get("due").asString()).isGreaterThan("2026-06-16T")
                    .isLessThan("2026-07-01T08");
        }
        assertThat(plans.get("plans")).extracting(p -> p.get("summary").asString().split(",")[0])
                .contains("LONG_WAIT", "ITEM_NOT_DELIVERED", "WRONG_ITEM", "QUALITY", "CONTACT_RULE_BROKEN");
        // never charged for what never came: the missing item comes off the bill, at its price from the events
        assertThat(plans.get("plans")).filteredOn(p -> p.get("summary").asString().startsWith("ITEM_NOT_DELIVERED"))
                .isNotEmpty().allSatisfy(p -> assertThat(p.get("offers")).anySatisfy(o -> {
                    assertThat(o.get("kind").asString()).isEqualTo("WAIVE_CHARGE");
                    assertThat(o.get("amount").asString()).isIn("11.00", "12.50", "11.50", "10.50", "4.50", "2.50");
                }));
        assertThat(sample.get("recoveryEffectiveness").get("verdict").asString()).startsWith("Recovery works");
        assertThat(sample.get("closedLoop").get("recognitions")).isNotEmpty().allSatisfy(r ->
                assertThat(SampleJourneys.STAFF).contains(r.get("staff").asString()));
        for (JsonNode input : sample.get("provenance").get("inputs")) {
            JsonNode rows = input.get("rows");
            assertThat(rows.get("read").asLong()).as(input.toString()).isEqualTo(rows.get("accepted").asLong()
                    + rows.get("rejected").asLong() + rows.get("duplicates").asLong());
        }
        assertThat(sample.get("provenance").get("generatedAt").asString()).isEqualTo("2026-07-01T08:00:00Z");
    }

    @Test
    void theFilesOfCxSampleGiveTheSameReportAsNoArguments() throws IOException {
        JsonNode files = filesJson();
        for (String section : List.of("headline", "scores", "journeys", "failureImpact", "recoveryPlans",
                "recoveryEffectiveness", "consistency", "closedLoop")) {
            assertThat(files.get(section)).as(section).isEqualTo(sample.get(section));
        }
        assertThat(files.get("provenance").get("rows")).isEqualTo(sample.get("provenance").get("rows"));
        assertThat(files.get("provenance").get("inputs")).extracting(i -> i.get("name").asString())
                .contains(file("events.csv"), file("customers.jsonl"));
    }

    /**
     * With an idle gap longer than any pause within a sample journey (3 days), journeys close as
     * the events stream, and the report is the one that keeps every journey to the end; a gap
     * shorter than such a pause (1 day) splits journeys, and the report says so in its counts.
     */
    /**
     * A responses file large enough to be read in parts (about 5 MB, with bad rows, duplicates far
     * apart and quoted comments over line ends): the report and the rejects file of 2 threads are
     * those of 1 thread, byte for byte.
     */
    @Test
    void aLargeResponsesFileReadInPartsGivesTheOneThreadReport() throws IOException {
        long seed = 1205L;
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        Path file = dir.resolve("large-responses.csv");
        String[] locations = {"Leeds", "York", "Hull", "Bath"};
        try (java.io.BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("response_id,submitted_at,metric,score,location,touchpoint,customer_id,comment\n");
            for (int i = 0; i < 95_000; i++) {
                String metric = new String[] {"nps", "csat", "ces"}[random.nextInt(3)];
                int id = random.nextInt(300) == 0 ? random.nextInt(i + 1) : i;
                String comment = random.nextInt(30) == 0 ? "\"cold,\nthen \"\"late\"\"\"" : "";
                w.write("r" + id + ",2026-0" + (1 + random.nextInt(6)) + "-1" + random.nextInt(10) + "T12:00:00Z,"
                        + metric + "," + random.nextInt(-1, 12) + "," + locations[random.nextInt(4)] + ",t"
                        + random.nextInt(5) + ",c" + random.nextInt(3000) + "," + comment + "\n");
            }
        }
        assertThat(Files.size(file)).as("above the size read in parts").isGreaterThan(4L << 20);
        String[] reports = new String[3];
        String[] rejects = new String[3];
        for (int threads = 1; threads <= 2; threads++) {
            Path out = dir.resolve("large-" + threads);
            Path rejected = dir.resolve("large-rejects-" + threads + ".csv");
            CliRun run = CliRun.run("report", "--responses", file.toString(), "--now", "2026-07-01T00:00:00Z",
                    "--threads", Integer.toString(threads), "--rejects", rejected.toString(), "--out", out.toString(),
                    "-q");
            assertThat(run.exit()).as("seed %d, %d threads: %s", seed, threads, run.err()).isZero();
            reports[threads] = Files.readString(out.resolve("report.json"), StandardCharsets.UTF_8);
            rejects[threads] = Files.readString(rejected, StandardCharsets.UTF_8);
        }
        assertThat(reports[2]).as("seed %d: the report", seed).isEqualTo(reports[1]);
        assertThat(rejects[2]).as("seed %d: the rejects", seed).isEqualTo(rejects[1]);
        assertThat(JSON.readTree(reports[1]).get("provenance").toString()).contains("duplicates");
    }

    @Test
    void anIdleGapLongerThanAnyPauseGivesTheSameReport() {
        CliRun gap = CliRun.run("report", "--idle-gap", "3d", "--format", "json", "--out",
                dir.resolve("gap").toString());
        assertThat(gap.exit()).as(gap.toString()).isZero();
        JsonNode report = gap.json();
        for (String section : List.of("headline", "scores", "journeys", "failureImpact", "recoveryPlans",
                "recoveryEffectiveness", "consistency", "closedLoop", "provenance")) {
            assertThat(report.get(section)).as(section).isEqualTo(sample.get(section));
        }
        CliRun shortGap = CliRun.run("report", "--idle-gap", "1d", "--format", "json", "--out",
                dir.resolve("short-gap").toString());
        assertThat(shortGap.exit()).as(shortGap.toString()).isZero();
        assertThat(shortGap.json().get("journeys")).isNotEqualTo(sample.get("journeys"));
        CliRun zero = CliRun.run("report", "--idle-gap", "0s", "--out", dir.resolve("zero").toString());
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("--idle-gap must be positive");
    }

    @Test
    void anIncidentGivenWinsOverTheOpenFailureItNamesAndAnOpenWindowOfZeroDecidesNoFailure() throws IOException {
        JsonNode open = sample.get("recoveryPlans").get("plans").get(0);
        String journey = open.get("incidentId").asString().split("-")[1];
        String type = open.get("summary").asString().split(",")[0];
        Path incidents = write("incidents.jsonl", "{\"incident_id\":\"mine\",\"journey_id\":\"" + journey
                + "\",\"type\":\"" + type + "\",\"severity\":\"MAJOR\",\"detected_at\":\"2026-06-30T12:00:00Z\"}\n");
        List<String> args = new java.util.ArrayList<>(List.of("report", "--responses", file("responses.csv"),
                "--events", file("events.csv"), "--definition", file("dine-in.yaml"), "--definition",
                file("delivery.yaml"), "--customers", file("customers.jsonl"), "--now",
                SampleJourneys.REPORTED_AT.toString(), "--format", "json", "--out", dir.resolve("given").toString()));
        CliRun given = CliRun.run(concat(args, "--incidents", incidents.toString()));
        assertThat(given.exit()).as(given.toString()).isZero();
        JsonNode plans = given.json().get("recoveryPlans").get("plans");
        assertThat(plans.size()).isEqualTo(sample.get("recoveryPlans").get("plans").size());
        assertThat(plans.get(0).get("incidentId").asString()).isEqualTo("mine");
        assertThat(plans.get(0).get("source").asString()).isEqualTo(incidents + " line 1");
        assertThat(plans).extracting(p -> p.get("incidentId").asString())
                .doesNotContain(open.get("incidentId").asString());

        CliRun none = CliRun.run(concat(args, "--open-window", "0"));
        assertThat(none.exit()).as(none.toString()).isZero();
        assertThat(none.json().get("recoveryPlans").get("note").asString())
                .startsWith("No incidents were given (--incidents)");
    }

    private static String[] concat(List<String> args, String... more) {
        List<String> all = new java.util.ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    @Test
    void theSampleStatesItsFamilyAndItsVerdictsClaimNoMoreThanTheData() {
        JsonNode impact = sample.get("failureImpact");
        assertThat(impact.get("family").get("description").asString())
                .isEqualTo(impact.get("family").get("tests").asString() + " failures × 1 metric (NPS), Holm-adjusted "
                        + "at 0.05");
        for (JsonNode row : impact.get("ranking")) {
            JsonNode d = row.get("difference");
            if (!d.isNull()) {
                assertThat(d.get("pValueAdjusted").asDouble()).isGreaterThanOrEqualTo(d.get("pValue").asDouble());
                assertThat(d.get("significant").asBoolean()).isEqualTo(d.get("pValueAdjusted").asDouble() < 0.05
                        && !row.get("with").get("lowSample").asBoolean()
                        && !row.get("without").get("lowSample").asBoolean());
            }
        }
        JsonNode recovery = sample.get("recoveryEffectiveness");
        assertThat(recovery.get("notRecoveredVerdict").get("outcome").asString()).isEqualTo("different");
        assertThat(recovery.get("noFailureVerdict").get("outcome").asString()).isIn("different", "equivalent",
                "cannot_tell");
        assertThat(recovery.get("noFailureVerdict").get("margin").asDouble()).isEqualTo(5.0);
        assertThat(recovery.get("verdict").asString()).doesNotContain("about as well").doesNotContain("won back");
        for (JsonNode h : sample.get("headline").get("scores")) {
            JsonNode verdict = h.get("change").get("verdict");
            if (h.get("lowSample").asBoolean() || h.get("change").get("previous").get("lowSample").asBoolean()) {
                assertThat(verdict.get("outcome").asString()).as(h.toString()).isEqualTo("cannot_tell");
                assertThat(verdict.get("reason").asString()).isEqualTo("low sample");
                JsonNode difference = h.get("change").get("difference");
                assertThat(difference.isNull() || !difference.get("significant").asBoolean())
                        .as("no significance label on a low-sample cell").isTrue();
            }
        }
    }

    @Test
    void adjustChoosesTheFamilysAdjustment() {
        CliRun none = CliRun.run("report", "--adjust", "none", "--format", "json", "--out",
                dir.resolve("none").toString());
        assertThat(none.exit()).as(none.toString()).isZero();
        JsonNode impact = none.json().get("failureImpact");
        assertThat(impact.get("family").get("adjustment").asString()).isEqualTo("none");
        assertThat(impact.get("family").get("description").asString()).endsWith("unadjusted, each at 0.05");
        for (JsonNode row : impact.get("ranking")) {
            JsonNode d = row.get("difference");
            if (!d.isNull()) {
                assertThat(d.get("pValueAdjusted").asDouble()).isEqualTo(d.get("pValue").asDouble());
            }
        }
        CliRun bad = CliRun.run("report", "--adjust", "bonferroni", "--out", dir.resolve("bad").toString());
        assertThat(bad.exit()).isEqualTo(Cx.EXIT_USAGE);
        assertThat(bad.err()).contains("expected holm, bh or none");
    }

    @Test
    void alphaIsEveryFamilysErrorRateAndTheOtherSideOfConfidence() {
        CliRun run = CliRun.run("report", "--alpha", "0.1", "--format", "json", "--out", dir.resolve("alpha").toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        JsonNode impact = run.json().get("failureImpact");
        assertThat(impact.get("family").get("alpha").asDouble()).isEqualTo(0.1);
        assertThat(impact.get("family").get("description").asString()).endsWith("Holm-adjusted at 0.1");
        assertThat(impact.get("heldEqualFamily").get("description").asString()).endsWith("Holm-adjusted at 0.1");
        for (JsonNode row : impact.get("ranking")) {
            if (!row.get("difference").isNull()) {
                assertThat(row.get("difference").get("interval").get("confidence").asDouble()).isEqualTo(0.9);
            }
        }
        CliRun same = CliRun.run("report", "--alpha", "0.1", "--confidence", "0.9", "--out",
                dir.resolve("same").toString());
        assertThat(same.exit()).as(same.toString()).isZero();
        CliRun disagree = CliRun.run("report", "--alpha", "0.1", "--confidence", "0.95", "--out",
                dir.resolve("disagree").toString());
        assertThat(disagree.exit()).isEqualTo(Cx.EXIT_USAGE);
        assertThat(disagree.err()).contains("--alpha 0.1 and --confidence 0.95 disagree");
        CliRun outOfRange = CliRun.run("report", "--alpha", "1.5", "--out", dir.resolve("range").toString());
        assertThat(outOfRange.exit()).isEqualTo(Cx.EXIT_USAGE);
        assertThat(outOfRange.err()).contains("--alpha must be between 0 and 1");
    }

    @Test
    void standardOutputCarriesTheChosenFormatAndTheFilesAreWrittenAnyway() throws IOException {
        Path json = Path.of(sampleRun.err().lines().filter(l -> l.startsWith("cx: wrote ")).findFirst().orElseThrow()
                .replaceFirst(".* and ", ""));
        assertThat(sampleRun.out()).isEqualTo(Files.readString(json, StandardCharsets.UTF_8));
        Path html = Path.of(filesRun.err().lines().filter(l -> l.startsWith("cx: wrote ")).findFirst().orElseThrow()
                .replaceFirst("cx: wrote ", "").replaceFirst(" and .*", ""));
        assertThat(filesRun.out()).startsWith("<!DOCTYPE html>").isEqualTo(Files.readString(html,
                StandardCharsets.UTF_8));
    }

    @Test
    void sampleWritesEveryFileAndTheSameSizeGivesTheSameBytes() throws IOException {
        Path again = dir.resolve("again");
        CliRun run = CliRun.run("sample", "--out", again.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("cx report --responses " + again.resolve("responses.csv"));
        for (String name : SampleJourneys.FILES) {
            assertThat(Files.readString(again.resolve(name))).as(name)
                    .isEqualTo(Files.readString(sampleFiles.resolve(name)));
        }
        CliRun small = CliRun.run("sample", "--size", "300", "--out", dir.resolve("small").toString());
        assertThat(small.exit()).isZero();
        assertThat(Files.readAllLines(dir.resolve("small").resolve("events.csv")).size())
                .isLessThan(Files.readAllLines(again.resolve("events.csv")).size() / 10);
        CliRun zero = CliRun.run("sample", "--size", "0");
        assertThat(zero.exit()).isEqualTo(Cx.EXIT_USAGE);
        assertThat(zero.err()).contains("--size must be between 1 and");
    }

    // ---- inputs given by hand -----------------------------------------------------------------------

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static final String RESPONSES = "response_id,submitted_at,metric,score,touchpoint,stage,location,"
            + "journey_id,customer_id,comment\n"
            + "r1,2026-02-10T10:00:00Z,nps,9,bill,follow-up,Leeds,v1,c1,\n"
            + "r2,2026-02-11T10:00:00Z,nps,3,served,served,Leeds,v2,c2,Cold soup\n"
            + "r3,2026-03-02T10:00:00Z,nps,10,bill,follow-up,York,v3,c3,Ana was great\n"
            + "r4,2026-03-03T10:00:00Z,nps,11,bill,follow-up,York,v4,c4,\n"
            + "r5,2026-03-04T10:00:00Z,csat,4,served,served,York,v3,c3,\n";

    @Test
    void responsesAloneGiveTheScoresAndSayWhatIsMissing() throws IOException {
        Path out = dir.resolve("out");
        CliRun run = CliRun.run("report", "--responses", write("responses.csv", RESPONSES).toString(), "--now",
                "2026-04-01T00:00:00Z", "--out", out.toString(), "--format", "json");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.err()).contains("responses.csv line 5: score 11 is outside 0..10").doesNotContain("Exception");
        JsonNode json = run.json();
        assertThat(json.get("title").asString()).isEqualTo("CX health report, 2026-03");
        JsonNode nps = json.get("headline").get("scores").get(0);
        assertThat(nps.get("n").asInt()).isEqualTo(1);
        assertThat(nps.get("change").get("previousPeriod").asString()).isEqualTo("2026-02");
        JsonNode touchpoints = null;
        for (JsonNode g : json.get("scores").get("groups")) {
            if (g.get("column").asString().equals("touchpoint") && g.get("metric").asString().equals("nps")) {
                touchpoints = g;
            }
        }
        // two touchpoints with a response or two each cannot be told apart: name order, and the page says so
        assertThat(touchpoints.get("toldApart").asBoolean()).isFalse();
        assertThat(touchpoints.get("rows")).extracting(r -> r.get("name").asString()).containsExactly("bill", "served");
        assertThat(json.get("journeys").get("note").asString()).isEqualTo("No journey events were given (--events), so "
                + "there is no funnel and no promise check.");
        assertThat(json.get("failureImpact").get("available").asBoolean()).isFalse();
        assertThat(json.get("recoveryPlans").get("note").asString())
                .startsWith("No incidents were given (--incidents)");
        assertThat(json.get("consistency").get("available").asBoolean()).isTrue();
        // without events the closed loop is the responses': these name no customer, so no one to call back
        assertThat(json.get("closedLoop").get("available").asBoolean()).isTrue();
        assertThat(json.get("closedLoop").get("callBacks")).isEmpty();
        JsonNode rows = json.get("provenance").get("inputs").get(0).get("rows");
        assertThat(List.of(rows.get("read").asInt(), rows.get("accepted").asInt(), rows.get("rejected").asInt()))
                .containsExactly(5, 4, 1);
        assertThat(Files.exists(out.resolve("report.html"))).isTrue();
    }

    @Test
    void theLatestPeriodThatHasNotEndedIsReportedAsSoFar() throws IOException {
        CliRun run = CliRun.run("report", "--responses", write("responses.csv", RESPONSES).toString(), "--now",
                "2026-03-20T00:00:00Z", "--out", dir.resolve("out").toString(), "--format", "json", "--quiet");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.json().get("headline").get("scores").get(0).get("period").asString())
                .as("February is the latest month that ended by 20 March").isEqualTo("2026-02");
        CliRun early = CliRun.run("report", "--responses", dir.resolve("responses.csv").toString(), "--now",
                "2026-02-20T00:00:00Z", "--out", dir.resolve("out").toString(), "--format", "json", "--quiet");
        assertThat(early.json().get("headline").get("scores").get(0).get("period").asString())
                .as("no month has ended: the latest one, so far").isEqualTo("2026-03 so far");
    }

    @Test
    void strictRejectionWritesNoReport() throws IOException {
        Path out = dir.resolve("strict");
        CliRun run = CliRun.run("report", "--responses", write("responses.csv", RESPONSES).toString(), "--strict",
                "--out", out.toString(), "--rejects", dir.resolve("rejects.csv").toString());
        assertThat(run.exit()).isEqualTo(Cx.EXIT_REJECTED);
        assertThat(run.err()).contains("1 row rejected and --strict is on: no report written");
        assertThat(run.out()).isEmpty();
        assertThat(Files.exists(out.resolve("report.json"))).isFalse();
        assertThat(Files.readAllLines(dir.resolve("rejects.csv"))).containsExactly(RESPONSES.lines().findFirst()
                .orElseThrow(), "r4,2026-03-03T10:00:00Z,nps,11,bill,follow-up,York,v4,c4,");
    }

    @Test
    void eventsAreCountedPerFileWithTheirDuplicatesAndJoinedToTheResponses() throws IOException {
        String header = "event_id,journey_id,customer_id,touchpoint,occurred_at,location,outcome,failure_type,factor\n";
        StringBuilder first = new StringBuilder(header);
        for (int v = 1; v <= 4; v++) {
            String day = "2026-0" + (v <= 2 ? 2 : 3) + "-1" + v + "T";
            first.append("e").append(v).append("a,v").append(v).append(",c").append(v).append(",order,").append(day)
                    .append("19:00:00Z,Leeds,ok,,\n");
            first.append("e").append(v).append("b,v").append(v).append(",c").append(v).append(",served,").append(day)
                    .append(v == 2 ? "19:40:00Z,Leeds,failed,cold_food,product\n" : "19:10:00Z,Leeds,ok,,\n");
        }
        Path events1 = write("events1.csv", first.toString());
        Path events2 = write("events2.csv", header + "e1a,v1,c1,order,2026-02-11T19:00:00Z,Leeds,ok,,\n"
                + "e9,v1,c1,bill,2026-02-11T20:00:00Z,Leeds,ok,,\n" + "bad,v1,c1,bill,not-a-time,Leeds,ok,,\n");
        Path definition = write("dine-in.yaml", JourneyDefinitions.sampleText("dine-in"));
        CliRun run = CliRun.run("report", "--responses", write("responses.csv", RESPONSES).toString(), "--events",
                events1.toString(), "--events", events2.toString(), "--definition", definition.toString(), "--now",
                "2026-04-01T00:00:00Z", "--out", dir.resolve("out").toString(), "--format", "json");
        assertThat(run.exit()).as(run.toString()).isZero();
        JsonNode json = run.json();
        List<String> rows = new ArrayList<>();
        for (JsonNode input : json.get("provenance").get("inputs")) {
            JsonNode r = input.get("rows");
            rows.add(input.get("kind").asString() + " " + r.get("read") + "=" + r.get("accepted") + "+"
                    + r.get("rejected") + "+" + r.get("duplicates"));
        }
        assertThat(rows).containsExactly("responses 5=4+1+0", "definition 1=1+0+0", "events 8=8+0+0",
                "events 3=1+1+1");
        assertThat(json.get("journeys").get("definitions").get(0).get("journeys").asInt()).isEqualTo(4);
        JsonNode impact = json.get("failureImpact").get("ranking");
        assertThat(impact).anySatisfy(r -> {
            assertThat(r.get("failureType").asString()).isEqualTo("cold_food");
            assertThat(r.get("journeys").asInt()).isEqualTo(1);
            assertThat(r.get("with").get("n").asInt()).as("r2 is about v2").isEqualTo(1);
        });
        JsonNode callBack = json.get("closedLoop").get("callBacks");
        assertThat(callBack.size()).as("r2's follow-up was due long before --now").isZero();
        CliRun recent = CliRun.run("report", "--responses", dir.resolve("responses.csv").toString(), "--events",
                events1.toString(), "--definition", definition.toString(), "--now", "2026-02-12T12:00:00Z", "--out",
                dir.resolve("out").toString(), "--format", "json", "--quiet");
        JsonNode due = recent.json().get("closedLoop").get("callBacks").get(0);
        assertThat(due.get("customerId").asString()).isEqualTo("c2");
        assertThat(due.get("comment").asString()).isEqualTo("Cold soup");
        assertThat(due.get("overdue").asBoolean()).isFalse();
    }

    @Test
    void usageErrorsAreOneLineAndExitTwo() throws IOException {
        Path responses = write("responses.csv", RESPONSES);
        Path aFile = write("not-a-dir", "x");
        List<List<String>> cases = List.of(
                List.of("report", "--events", responses.toString()),
                List.of("report", "--responses", responses.toString(), "--policy", "eu261"),
                List.of("report", "--responses", responses.toString(), "--customers", responses.toString()),
                List.of("report", "--responses", dir.resolve("nope.csv").toString(), "--out", dir.toString()),
                List.of("report", "--responses", responses.toString(), "--out", aFile.toString()),
                List.of("report", "--incidents", responses.toString(), "--policy", "no-such-policy"),
                List.of("report", "--format", "pdf"),
                List.of("report", "--by", "period"));
        List<String> messages = List.of("--events needs --definition FILE", "--policy decides --incidents and the open failures of --events",
                "--customers is used with --events", "nope.csv: no such file", "is a file, not a directory",
                "no such directory, and not a bundled pack", "Invalid value for option '--format'",
                "--by needs column names other than period and metric");
        for (int i = 0; i < cases.size(); i++) {
            CliRun run = CliRun.run(cases.get(i).toArray(new String[0]));
            assertThat(run.exit()).as(run.toString()).isEqualTo(Cx.EXIT_USAGE);
            assertThat(run.err()).as(run.toString()).contains(messages.get(i)).doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void verboseTimesTheStepsAndQuietSaysNothingButProblems() throws IOException {
        Path responses = write("responses.csv", RESPONSES);
        CliRun verbose = CliRun.run("--verbose", "report", "--responses", responses.toString(), "--out",
                dir.resolve("out").toString());
        assertThat(verbose.err()).contains("cx: timing: JVM start ", ", reading ", "; cx report ");
        CliRun quiet = CliRun.run("report", "--quiet", "--responses", responses.toString(), "--out",
                dir.resolve("out").toString());
        assertThat(quiet.exit()).isZero();
        assertThat(quiet.err()).as("the rejected row is still reported").contains("line 5")
                .doesNotContain("wrote");
    }
}
