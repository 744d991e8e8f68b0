package dev.cxkit.report.format;

import static dev.cxkit.report.format.ReportFixtures.BREAKOUT;
import static dev.cxkit.report.format.ReportFixtures.QUOTES;
import static dev.cxkit.report.format.ReportFixtures.SCRIPT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.report.HealthReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class HtmlFormatTest {

    private static final List<String> HOSTILE = List.of(SCRIPT, QUOTES, BREAKOUT);

    @Test
    void escapesEveryCharacterThatIsMarkup() {
        assertThat(Markup.escape("<a href=\"x\">Tom & 'Jerry'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
        assertThat(Markup.escape("bell\u0007 and tab\t")).isEqualTo("bell\uFFFD and tab\t");
        assertThat(Markup.escape("plain")).isSameAs("plain");
    }

    @Test
    void hostileNamesAreTextNotMarkup() {
        String html = ReportFormat.html().render(ReportFixtures.hostile());
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContain("<img").doesNotContain("<b>")
                .doesNotContain("\u0007").contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;")
                .contains("Tom &amp; Jerry&#39;s &quot;Bar&quot; &lt;b&gt;");
        // the page shows each name as it was written
        assertThat(Pages.visibleText(html)).contains(HOSTILE).contains("Report for " + QUOTES + "\uFFFD");
        // no </svg> in a name closed a chart early: every chart is still one whole element
        assertThat(Pages.svgs(html)).hasSize(6);
        assertThat(html.split("</svg>", -1)).hasSize(7);
    }

    @Test
    void hostileNamesInChartsParseAsXmlText() throws Exception {
        List<String> texts = new ArrayList<>();
        for (String svg : Pages.svgs(ReportFormat.html().render(ReportFixtures.hostile()))) {
            // the charts are well-formed XML: escaping left no stray markup
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            for (String element : List.of("title", "text", "desc")) {
                NodeList nodes = doc.getElementsByTagName(element);
                for (int i = 0; i < nodes.getLength(); i++) {
                    texts.add(nodes.item(i).getTextContent());
                }
            }
            assertThat(doc.getElementsByTagName("img").getLength()).isZero();
            assertThat(doc.getElementsByTagName("script").getLength()).isZero();
        }
        // tooltips name the touchpoint, stage, failure and period in full; labels in short
        assertThat(texts).anySatisfy(t -> assertThat(t).startsWith(SCRIPT + ": NPS"))
                .anySatisfy(t -> assertThat(t).startsWith(QUOTES + ": NPS"))
                .anySatisfy(t -> assertThat(t).startsWith(BREAKOUT + ": NPS"))
                .anySatisfy(t -> assertThat(t).startsWith(SCRIPT + ": entered 90"))
                .anySatisfy(t -> assertThat(t).startsWith(SCRIPT + " at " + BREAKOUT + " (PRODUCT)"))
                .anySatisfy(t -> assertThat(t).isEqualTo(Markup.shorten(SCRIPT, 17)))
                .anySatisfy(t -> assertThat(t).contains("Journey funnel of " + QUOTES));
    }

    @Test
    void absentSectionsSaySoInASentence() {
        HealthReport model = ReportFixtures.responsesOnly();
        String html = ReportFormat.html().render(model);
        // a present section with nothing to show says so in its box
        assertThat(html).contains("<p class=\"absent\">" + Markup.escape(model.closedLoop().absentNote()) + "</p>");
        // a section that needs input not given is one line under "Not in this report", not an empty section
        assertThat(html).contains("<li>" + Markup.escape("3. Journeys: " + model.journeys().absentNote()) + "</li>")
                .contains("<li>" + Markup.escape("4. Failures and scores: " + model.failureImpact().absentNote())
                        + "</li>")
                .contains("<li>" + Markup.escape("5. Recovery: " + model.recoveryPlans().absentNote() + " "
                        + model.recoveryEffectiveness().absentNote()) + "</li>");
        assertThat(headings(html)).containsExactly("1. Headline scores", "2. Scores by group and period",
                "6. Consistency and closed loop", "Not in this report", "Where the numbers come from");
        // the trends and touchpoint bars remain; no funnel, impact or recovery chart
        assertThat(Pages.svgs(html)).hasSize(6);
    }

    @Test
    void aReportWithNothingInItStillRenders() {
        HealthReport model = ReportFixtures.nothing();
        String html = ReportFormat.html().render(model);
        assertThat(Pages.svgs(html)).isEmpty();
        assertThat(html).contains("No responses were given (--responses), so there are no scores.")
                .contains("No incidents were given (--incidents), so there are no recovery plans.");
        assertThat(Pages.table(html, "Inputs read")).containsExactly(List.of("Total", "", "0", "0", "0", "0", "0"));
        assertThat(headings(html)).hasSize(5);
    }

    @Test
    void theSameModelGivesTheSameBytesWhateverTheLocaleAndTimeZone() {
        String first = ReportFormat.html().render(ReportFixtures.realistic());
        assertThat(ReportFormat.html().render(ReportFixtures.realistic())).isEqualTo(first);
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
            assertThat(ReportFormat.html().render(ReportFixtures.realistic())).isEqualTo(first);
            assertThat(ReportFormat.json().render(ReportFixtures.realistic())).isEqualTo(
                    withDefaults(locale, zone, () -> ReportFormat.json().render(ReportFixtures.realistic())));
            assertThat(ReportFormat.text().render(ReportFixtures.realistic())).isEqualTo(
                    withDefaults(locale, zone, () -> ReportFormat.text().render(ReportFixtures.realistic())));
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    private static String withDefaults(Locale locale, TimeZone zone, java.util.function.Supplier<String> render) {
        Locale before = Locale.getDefault();
        TimeZone beforeZone = TimeZone.getDefault();
        try {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
            return render.get();
        } finally {
            Locale.setDefault(before);
            TimeZone.setDefault(beforeZone);
        }
    }

    @Test
    void thePageFetchesNothingAndSaysSoInItsPolicy() {
        String html = ReportFormat.html().render(ReportFixtures.realistic());
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">");
        assertThat(html).doesNotContain("http:").doesNotContain("https:").doesNotContain("src=")
                .doesNotContain("@import").doesNotContainIgnoringCase("<script").doesNotContain("<link");
        Matcher urls = Pattern.compile("url\\(([^)]*)\\)").matcher(html);
        while (urls.find()) {
            assertThat(urls.group(1)).as("only the charts' own patterns").startsWith("#chart-");
        }
        Matcher links = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (links.find()) {
            assertThat(links.group(1)).as("only links within the page").startsWith("#");
        }
    }

    @Test
    void thePageIsStructuredForPeopleAndScreenReaders() {
        String html = ReportFormat.html().render(ReportFixtures.realistic());
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("@media print").contains("@media (max-width:40rem)");
        assertThat(count(html, "<table>")).isEqualTo(count(html, "<caption>")).isGreaterThan(15);
        assertThat(count(html, "<table>")).isEqualTo(count(html, "<div class=\"scroll\"><table>"));
        for (String svg : Pages.svgs(html)) {
            Matcher id = Pattern.compile("<svg id=\"(chart-\\d+)\"").matcher(svg);
            assertThat(id.find()).isTrue();
            String chart = id.group(1);
            assertThat(svg).contains("role=\"img\" aria-labelledby=\"" + chart + "-title " + chart + "-desc\"")
                    .contains("<title id=\"" + chart + "-title\">").contains("<desc id=\"" + chart + "-desc\">");
        }
        assertThat(Pages.svgs(html)).extracting(svg -> svg.substring(0, svg.indexOf('"', 9)))
                .doesNotHaveDuplicates();
        assertThat(count(html, "<h1>")).isEqualTo(1);
        assertThat(count(html, "<section ")).isEqualTo(count(html, "</section>")).isEqualTo(6);
    }

    private static List<String> headings(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<h2[^>]*>([^<]*)</h2>").matcher(html);
        while (m.find()) {
            out.add(Pages.unescape(m.group(1)));
        }
        return out;
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}
