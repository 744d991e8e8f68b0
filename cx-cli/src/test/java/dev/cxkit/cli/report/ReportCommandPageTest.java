package dev.cxkit.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.cli.Cx;
import dev.cxkit.report.format.Chromium;
import dev.cxkit.report.format.Pages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code cx report} with no arguments, end to end, as a newcomer would: the bundled sample
 * into {@code cx-cli/target/report-command/}, then opens the page in headless {@code chromium}
 * (see {@code ReportBrowserTest} in cx-report for how the page is probed) and checks that it renders without
 * errors, with its charts and the numbers of {@code report.json}, which the terminal summary
 * shows too. The screenshot stays in that directory for a person to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ReportCommandPageTest {

    static final Path DIR = Path.of("target", "report-command");
    private static final int WIDTH = 1280;
    private static final JsonMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private int exit;
    private String text;
    private String errors;
    private JsonNode json;
    private String html;
    private Chromium.Run opened;
    private Path screenshot;

    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void runTheReportAndOpenItInChromium() throws IOException, InterruptedException {
        Files.createDirectories(DIR);
        Files.deleteIfExists(DIR.resolve("report.html"));
        Files.deleteIfExists(DIR.resolve("report.json"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cx = Cx.commandLine(new ByteArrayInputStream(new byte[0]));
        cx.setOut(new PrintWriter(out, true));
        cx.setErr(new PrintWriter(err, true));
        exit = cx.execute("report", "--out", DIR.toString());
        text = out.toString();
        errors = err.toString();
        assertThat(exit).as(errors).isZero();
        json = READER.readTree(Files.readString(DIR.resolve("report.json"), StandardCharsets.UTF_8));
        html = Files.readString(DIR.resolve("report.html"), StandardCharsets.UTF_8);

        Chromium chromium = Chromium.find(Duration.ofSeconds(120));
        opened = chromium.run(DIR, "report-dom", Pages.probed(html, DIR, "report-probed.html"),
                "--window-size=" + WIDTH + ",2400", "--dump-dom");
        assertThat(opened.exit()).as(opened.stderr()).isZero();
        screenshot = DIR.resolve("report.png");
        Files.deleteIfExists(screenshot);
        int height = Math.min(Pages.htmlNumber(opened.stdout(), "data-scroll-height"), 12_000);
        Chromium.Run shot = chromium.run(DIR, "report-shot", DIR.resolve("report.html"),
                "--window-size=" + WIDTH + "," + height, "--screenshot=" + screenshot.toAbsolutePath());
        assertThat(shot.exit()).as(shot.stderr()).isZero();
    }

    @Test
    void theSampleReportIsWrittenAndSummarised() {
        assertThat(errors).startsWith("cx: no inputs given: reporting on the bundled sample")
                .contains("cx: wrote " + DIR.resolve("report.html")).doesNotContain("Exception");
        assertThat(text).contains("1. Headline scores", "2. Scores by group and period",
                "3. Journeys: funnel, durations and promises", "4. Failures and scores", "5. Recovery",
                "6. Consistency and closed loop", "Where the numbers come from");
        assertThat(text.indexOf("1. Headline")).isLessThan(text.indexOf("4. Failures and scores"));
        for (String section : List.of("headline", "scores", "journeys", "failureImpact", "recoveryPlans",
                "recoveryEffectiveness", "consistency", "closedLoop")) {
            assertThat(json.get(section).get("available").asBoolean()).as(section).isTrue();
        }
    }

    @Test
    void thePageOpensWithoutErrorsAndDrawsItsCharts() {
        String dom = opened.stdout();
        assertThat(Pages.htmlAttribute(dom, "data-loaded")).as("the probe saw the page load").isEqualTo("true");
        assertThat(Pages.htmlAttribute(dom, "data-errors")).as("errors recorded by the page's probe").isEmpty();
        assertThat(opened.consoleLines()).as("console messages in chromium's log").isEmpty();
        List<String> titles = Pages.svgs(dom).stream().map(Pages::chartTitle).toList();
        assertThat(titles).contains("NPS per period, with its confidence interval as a band",
                "NPS by touchpoint, worst first", "Journey funnel of dine-in: journeys per stage",
                "Journey funnel of delivery: journeys per stage",
                "Failures and scores: NPS of journeys with each failure minus journeys without it, the other failures "
                        + "held equal",
                "NPS by recovery: no failure, recovered, not recovered");
        assertThat(Pages.svgs(dom)).allSatisfy(svg -> assertThat(svg).containsPattern("<(rect|path|circle|line)\\b"));
    }

    @Test
    void keyNumbersAreTheSameInTheJsonThePageAndTheTerminal() {
        String page = Pages.visibleText(opened.stdout());
        List<String> expected = new ArrayList<>();
        for (JsonNode h : json.get("headline").get("scores")) {
            String unit = h.get("metric").asString().equals("csat") ? "%" : "";
            expected.add(plain(h.get("value")) + unit);
            expected.add("[" + plain(h.get("interval").get("lower")) + ", " + plain(h.get("interval").get("upper"))
                    + "]");
            expected.add(plain(h.get("change").get("difference").get("difference")));
        }
        JsonNode costliest = json.get("failureImpact").get("ranking").get(0);
        expected.add(costliest.get("failureType").asString());
        expected.add(plain(costliest.get("difference").get("difference")));
        expected.add(plain(costliest.get("detractorSharePercent")) + "%");
        JsonNode effectiveness = json.get("recoveryEffectiveness");
        expected.add(plain(effectiveness.get("notRecovered").get("value")));
        expected.add(json.get("consistency").get("findings").get(0).get("sentence").asString());
        expected.add(json.get("recoveryPlans").get("plans").get(0).get("incidentId").asString());
        expected.add(Long.toString(json.get("provenance").get("rows").get("read").asLong()));
        assertThat(page).contains(expected);
        assertThat(text).contains(expected);

        // the dine-in funnel: the page's table, the JSON and the terminal's table row by row
        JsonNode funnel = json.get("journeys").get("definitions").get(0).get("funnel");
        List<List<String>> rows = Pages.table(html, "Funnel of dine-in");
        assertThat(rows).hasSize(funnel.size());
        for (int i = 0; i < funnel.size(); i++) {
            JsonNode s = funnel.get(i);
            List<String> cells = List.of(s.get("stage").asString(), s.get("entered").asString(),
                    s.get("reached").asString(), s.get("completed").asString(), s.get("fallout").asString(),
                    plain(s.get("falloutPercent")) + "%");
            assertThat(rows.get(i)).containsExactlyElementsOf(cells);
            assertThat(text).containsPattern(Pattern.compile("(?m)^" + String.join(" +",
                    cells.stream().map(Pattern::quote).toList()) + "$"));
        }
    }

    @Test
    void aScreenshotIsSaved() throws IOException {
        Pages.assertScreenshot(screenshot, WIDTH);
    }

    /** A JSON number as the page writes it: its decimal digits, no exponent. */
    private static String plain(JsonNode number) {
        return number.decimalValue().toPlainString();
    }
}
