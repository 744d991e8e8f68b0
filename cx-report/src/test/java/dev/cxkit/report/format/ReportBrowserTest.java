package dev.cxkit.report.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.score.Score;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.report.HealthReport;
import dev.cxkit.report.internal.Figures;
import dev.cxkit.report.section.FailureImpactRanking.ImpactRow;
import dev.cxkit.report.section.Headline.HeadlineScore;
import dev.cxkit.report.section.Journeys.PromiseResult;
import dev.cxkit.report.section.GroupScores.GroupRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * Opens the report of a realistic model in a real browser, Debian's headless {@code chromium}, on a
 * laptop-sized and a phone-sized viewport, and checks what a person would see: no errors, the
 * charts drawn, the model's numbers on the page, nothing wider than a phone. Screenshots stay in
 * {@code cx-cli/target/report-browser/} for a person to look at.
 *
 * <p>The page itself has no script. The test opens a copy with a small probe script placed before
 * the page's Content-Security-Policy (a policy in a meta element does not apply to what comes
 * before it): the probe records uncaught errors, failed loads, CSP violations and console errors
 * into attributes of {@code <html>}, and measures the page on load; {@code --dump-dom} returns
 * them. The browser's log must also hold no {@code CONSOLE} line at all, since the page logs
 * nothing when all is well.
 *
 * <p>Headless chromium lays out no narrower than 500 CSS pixels, so the phone view is the page in
 * a 390-pixel iframe of a wrapper page, which gives the page a true 390-pixel viewport.
 *
 * <p>Without chromium every test here fails with a message saying how to install it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ReportBrowserTest {

    static final Path DIR = Path.of("target", "report-browser");
    private static final int DESKTOP_WIDTH = 1280;
    private static final int PHONE_WIDTH = 390;
    /** Chromium's screenshots stay well below its texture limits at this height. */
    private static final int MAX_SCREENSHOT_HEIGHT = 12_000;


    /** Copies the probe's attributes from the framed page to the wrapper, where --dump-dom sees them. */
    private static final String PHONE_WRAPPER = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>report.html on a phone</title><style>html,body{margin:0}"
            + "iframe{display:block;border:0;width:%dpx;height:%dpx}</style></head><body>"
            + "<iframe src=\"report-probed.html\" title=\"report\"></iframe><script>addEventListener('load',function(){"
            + "var d=frames[0].document.documentElement;d.getAttributeNames().forEach(function(a){"
            + "if(a.indexOf('data-')===0){document.documentElement.setAttribute(a,d.getAttribute(a));}});});"
            + "</script></body></html>\n";

    private final HealthReport model = ReportFixtures.realistic();
    private Chromium.Run desktop;
    private Chromium.Run hostile;
    private String desktopDom;
    private String phoneDom;
    private Path desktopShot;
    private Path desktopFullShot;
    private Path phoneShot;

    @BeforeAll
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void openTheReportInChromium() throws IOException, InterruptedException {
        Chromium chromium = Chromium.find(Duration.ofSeconds(120));
        Files.createDirectories(DIR);
        String html = ReportFormat.html().render(model);
        Files.writeString(DIR.resolve("report.html"), html, StandardCharsets.UTF_8);
        Path probed = Pages.probed(html, DIR, "report-probed.html");
        hostile = chromium.run(DIR, "hostile-dom", Pages.probed(ReportFormat.html().render(ReportFixtures.hostile()), DIR,
                "hostile-probed.html"), "--window-size=" + DESKTOP_WIDTH + ",2400", "--dump-dom");
        assertThat(hostile.exit()).as(hostile.stderr()).isZero();

        desktop = chromium.run(DIR, "desktop-dom", probed, "--window-size=" + DESKTOP_WIDTH + ",2400", "--dump-dom");
        assertThat(desktop.exit()).as(desktop.stderr()).isZero();
        desktopDom = desktop.stdout();
        int desktopHeight = Pages.htmlNumber(desktopDom, "data-scroll-height");

        Path wrapper = DIR.resolve("phone.html");
        Files.writeString(wrapper, String.format(PHONE_WRAPPER, PHONE_WIDTH, 844), StandardCharsets.UTF_8);
        Chromium.Run phone = chromium.run(DIR, "phone-dom", wrapper, "--window-size=" + PHONE_WIDTH + ",844",
                "--allow-file-access-from-files", "--dump-dom");
        assertThat(phone.exit()).as(phone.stderr()).isZero();
        phoneDom = phone.stdout();
        int phoneHeight = Math.min(Pages.htmlNumber(phoneDom, "data-scroll-height"), MAX_SCREENSHOT_HEIGHT);

        desktopShot = DIR.resolve("report-desktop.png");
        screenshot(chromium, "desktop-shot", probed, desktopShot, DESKTOP_WIDTH, 2400);
        desktopFullShot = DIR.resolve("report-desktop-full.png");
        screenshot(chromium, "desktop-full-shot", probed, desktopFullShot, DESKTOP_WIDTH,
                Math.min(desktopHeight, MAX_SCREENSHOT_HEIGHT));
        Files.writeString(wrapper, String.format(PHONE_WRAPPER, PHONE_WIDTH, phoneHeight), StandardCharsets.UTF_8);
        phoneShot = DIR.resolve("report-phone.png");
        screenshot(chromium, "phone-shot", wrapper, phoneShot, PHONE_WIDTH, phoneHeight);
    }

    private static void screenshot(Chromium chromium, String name, Path page, Path png, int width, int height)
            throws IOException, InterruptedException {
        Files.deleteIfExists(png);
        Chromium.Run run = chromium.run(DIR, name, page, "--window-size=" + width + "," + height,
                "--screenshot=" + png.toAbsolutePath());
        assertThat(run.exit()).as(run.stderr()).isZero();
    }

    @Test
    void noErrorsAndNothingFetched() {
        assertThat(Pages.htmlAttribute(desktopDom, "data-loaded")).as("the probe saw the page load").isEqualTo("true");
        assertThat(Pages.htmlAttribute(desktopDom, "data-errors")).as("errors recorded by the page's probe").isEmpty();
        assertThat(Pages.htmlAttribute(phoneDom, "data-errors")).as("errors recorded on the phone").isEmpty();
        assertThat(desktop.consoleLines()).as("console messages in chromium's log").isEmpty();
    }

    /** Markup in names stays text: had any of it become markup, the CSP would block it and the log would say so. */
    @Test
    void hostileNamesRenderAsTextWithoutErrors() {
        assertThat(Pages.htmlAttribute(hostile.stdout(), "data-loaded")).isEqualTo("true");
        assertThat(Pages.htmlAttribute(hostile.stdout(), "data-errors")).isEmpty();
        assertThat(hostile.consoleLines()).isEmpty();
        assertThat(Pages.visibleText(hostile.stdout())).contains(ReportFixtures.SCRIPT, ReportFixtures.QUOTES,
                ReportFixtures.BREAKOUT);
        assertThat(Pages.svgs(hostile.stdout())).hasSize(6);
        assertThat(hostile.stdout()).doesNotContain("<img").doesNotContain("<b>");
    }

    @Test
    void chartsAreDrawnWithTitlesAndMarks() {
        List<String> charts = Pages.svgs(desktopDom);
        assertThat(charts).hasSize(9);
        assertThat(chartTitled(charts, "NPS per period, with its confidence interval as a band"))
                .contains("class=\"band\"").contains("class=\"line\"")
                .satisfies(svg -> assertThat(count(svg, "<circle")).isEqualTo(6));
        String touchpoints = chartTitled(charts, "NPS by touchpoint, worst first");
        assertThat(count(touchpoints, "class=\"bar\"")).isEqualTo(3);
        assertThat(count(touchpoints, "class=\"bar-low\"")).as("call centre and delivery notice are low n")
                .isEqualTo(2);
        assertThat(count(touchpoints, "class=\"whisker\"")).isEqualTo(5 * 3);
        assertThat(touchpoints).contains("no responses");
        String funnel = chartTitled(charts, "Journey funnel of restaurant-visit: journeys per stage");
        assertThat(count(funnel, "class=\"bar\"")).isEqualTo(4);
        assertThat(count(funnel, "class=\"bar-reached\"")).isEqualTo(4);
        String impact = chartTitled(charts, "Failures and scores: NPS of journeys with each failure minus journeys"
                + " without it, the other failures held equal");
        assertThat(count(impact, "class=\"bar-bad\"") + count(impact, "class=\"bar-ns\"")).isEqualTo(4);
        for (String svg : charts) {
            assertThat(svg).contains("role=\"img\"").containsPattern("<desc id=\"chart-\\d+-desc\">[^<]{20,}");
            assertThat(count(svg, "<rect") + count(svg, "<line") + count(svg, "<path") + count(svg, "<circle"))
                    .as("marks in %s", Pages.chartTitle(svg)).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void keyNumbersOfTheModelAreOnThePage() {
        String text = Pages.visibleText(desktopDom);
        List<String> expected = new ArrayList<>();
        for (HeadlineScore h : model.headline().content().orElseThrow().scores()) {
            Score s = h.score();
            expected.add(Figures.score(s.metric(), s.value().getAsDouble()).text());
            expected.add(Figures.range(s.metric(), s.interval().orElseThrow()));
            Comparison change = h.change().orElseThrow().difference().orElseThrow();
            expected.add(Figures.difference(s.metric(), change.difference()).text());
        }
        GroupRow worst = model.scores().content().orElseThrow().groups().get(0).rows().get(0);
        expected.add(worst.name());
        expected.add(Figures.score(worst.all().metric(), worst.all().value().getAsDouble()).text());
        PromiseResult served = model.journeys().content().orElseThrow().get(0).promises().get(0);
        expected.add(Figures.duration(served.durations().orElseThrow().p90()));
        expected.add(Figures.percent(served.breachRate().getAsDouble()).text());
        ImpactRow costliest = model.failureImpact().content().orElseThrow().ranking().get(0);
        expected.add(Figures.difference(costliest.with().metric(),
                costliest.difference().orElseThrow().difference()).text());
        expected.add(Figures.percent(costliest.detractorShare()).text());
        expected.add("EUR 24.50");
        expected.add(model.recoveryEffectiveness().content().orElseThrow().verdict());
        expected.add(model.consistency().content().orElseThrow().findings().get(0).sentence());
        expected.add(Long.toString(model.provenance().total().read()));
        expected.add("Fork & Fire");
        assertThat(text).contains(expected);
    }

    @Test
    void fitsAPhoneWithoutSidewaysScrolling() {
        assertThat(Pages.htmlNumber(phoneDom, "data-client-width")).isEqualTo(PHONE_WIDTH);
        assertThat(Pages.htmlNumber(phoneDom, "data-scroll-width")).as("the page is no wider than the phone; wide tables"
                + " and charts scroll inside their own box").isLessThanOrEqualTo(PHONE_WIDTH);
        assertThat(Pages.htmlNumber(desktopDom, "data-scroll-width")).isLessThanOrEqualTo(DESKTOP_WIDTH);
    }

    @Test
    void screenshotsAreSaved() throws IOException {
        Pages.assertScreenshot(desktopShot, DESKTOP_WIDTH);
        Pages.assertScreenshot(desktopFullShot, DESKTOP_WIDTH);
        Pages.assertScreenshot(phoneShot, PHONE_WIDTH);
    }

    // ---- reading the dumped DOM ----------------------------------------------------------------------

    private static String chartTitled(List<String> charts, String title) {
        return charts.stream().filter(svg -> Pages.chartTitle(svg).equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no chart titled '" + title + "' among "
                        + charts.stream().map(Pages::chartTitle).toList()));
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
