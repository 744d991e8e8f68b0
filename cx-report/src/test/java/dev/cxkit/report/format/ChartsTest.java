package dev.cxkit.report.format;

import static dev.cxkit.report.format.ReportFixtures.ces;
import static dev.cxkit.report.format.ReportFixtures.csat;
import static dev.cxkit.report.format.ReportFixtures.nps;
import static dev.cxkit.report.format.ReportFixtures.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.stats.Interval;
import dev.cxkit.core.stats.IntervalMethod;
import dev.cxkit.report.format.Charts.Scale;
import dev.cxkit.report.section.FailureImpactRanking.ImpactRow;
import dev.cxkit.report.section.FailureImpactRanking;
import dev.cxkit.report.section.Journeys.FunnelStep;
import dev.cxkit.report.section.Journeys;
import dev.cxkit.report.section.Scores.NamedScore;
import dev.cxkit.report.section.Scores.PeriodScore;
import dev.cxkit.report.section.Scores.Trend;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Chart geometry: where values land, read back from the SVG the charts write. */
class ChartsTest {

    private static final Pattern ELEMENT = Pattern.compile("<(rect|line|text|circle|path)\\b([^>]*?)/?>([^<]*)");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)=\"([^\"]*)\"");

    /** One SVG element: its name, attributes and text. */
    private record Mark(String element, Map<String, String> attributes, String text) {

        double number(String attribute) {
            return Double.parseDouble(attributes.get(attribute));
        }

        String cls() {
            return attributes.getOrDefault("class", "");
        }
    }

    private static List<Mark> marks(String svg) {
        List<Mark> out = new ArrayList<>();
        Matcher m = ELEMENT.matcher(svg);
        while (m.find()) {
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher a = ATTRIBUTE.matcher(m.group(2));
            while (a.find()) {
                attributes.put(a.group(1), a.group(2));
            }
            out.add(new Mark(m.group(1), attributes, m.group(3)));
        }
        return out;
    }

    private static List<Mark> marks(String svg, String element, String cls) {
        return marks(svg).stream().filter(m -> m.element().equals(element) && m.cls().equals(cls)).toList();
    }

    /** The x of an axis tick label. */
    private static double tickX(String svg, String label) {
        return marks(svg, "text", "tick").stream().filter(t -> t.text().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no tick " + label)).number("x");
    }

    @Test
    void aScaleMapsItsEndsAndClipsBeyondThem() {
        Scale x = new Scale(0, 100, 132, 384);
        assertThat(x.at(0)).isEqualTo(132);
        assertThat(x.at(100)).isEqualTo(384);
        assertThat(x.at(50)).isEqualTo(258);
        assertThat(x.at(-20)).isEqualTo(132);
        assertThat(x.at(130)).isEqualTo(384);
        Scale y = new Scale(-100, 100, 220, 14);
        assertThat(y.at(100)).isEqualTo(14);
        assertThat(y.at(-100)).isEqualTo(220);
        assertThatThrownBy(() -> new Scale(5, 5, 0, 1)).hasMessageContaining("empty domain");
    }

    @Test
    void barsOfZeroAndHundredPercentSpanTheAxisFromEndToEnd() {
        String svg = Charts.bars("t", "CSAT", Metric.CSAT, List.of(
                new NamedScore("nobody satisfied", score(csat(40, 0, 0))),
                new NamedScore("everybody satisfied", score(csat(0, 0, 40)))));
        double zero = tickX(svg, "0");
        double hundred = tickX(svg, "100");
        assertThat(hundred).isGreaterThan(zero + 200);
        List<Mark> bars = marks(svg, "rect", "bar");
        assertThat(bars).hasSize(2);
        assertThat(bars.get(0).number("x")).isEqualTo(zero);
        assertThat(bars.get(0).number("width")).isZero();
        assertThat(bars.get(1).number("x")).isEqualTo(zero);
        assertThat(bars.get(1).number("x") + bars.get(1).number("width")).isCloseTo(hundred, within(0.1));
        // Wilson intervals reach 0 and 100 exactly: the whiskers end on the axis ends
        List<Mark> whiskers = marks(svg, "line", "whisker");
        assertThat(whiskers.get(0).number("x1")).isEqualTo(zero);
        assertThat(whiskers.get(3).number("x2")).isCloseTo(hundred, within(0.1));
    }

    @Test
    void intervalsBeyondTheScaleAreClippedToTheAxis() {
        // intervals as a caller might pass them, wider than the scale: the whiskers stop at its ends
        Score ces = new Score(ces(0, 0, 0, 0, 0, 10, 30), OptionalDouble.of(6.75),
                Optional.of(new Interval(6.4, 7.6, 0.95, IntervalMethod.T)), false);
        String cesSvg = Charts.bars("c", "CES", Metric.CES, List.of(new NamedScore("easy", ces)));
        Mark cesWhisker = marks(cesSvg, "line", "whisker").get(0);
        double six = tickX(cesSvg, "6");
        double seven = tickX(cesSvg, "7");
        assertThat(cesWhisker.number("x2")).isEqualTo(seven);
        assertThat(cesWhisker.number("x1")).isCloseTo(six + 0.4 * (seven - six), within(0.1));
        Score nps = new Score(nps(40, 0, 0), OptionalDouble.of(-100),
                Optional.of(new Interval(-130, -70, 0.95, IntervalMethod.WALD)), false);
        String npsSvg = Charts.bars("n", "NPS", Metric.NPS, List.of(new NamedScore("awful", nps)));
        assertThat(marks(npsSvg, "line", "whisker").get(0).number("x1")).isEqualTo(tickX(npsSvg, "-100"));
        Mark bar = marks(npsSvg, "rect", "bar").get(0);
        assertThat(bar.number("x")).as("an NPS bar grows left from 0").isEqualTo(tickX(npsSvg, "-100"));
        assertThat(bar.number("x") + bar.number("width")).isCloseTo(tickX(npsSvg, "0"), within(0.1));
    }

    @Test
    void lowSampleBarsAreHatchedAndSaySo() {
        String svg = Charts.bars("t", "NPS", Metric.NPS, List.of(new NamedScore("few", score(nps(2, 2, 4))),
                new NamedScore("many", score(nps(20, 20, 40)))));
        assertThat(marks(svg, "rect", "bar-low")).singleElement()
                .satisfies(m -> assertThat(m.attributes().get("fill")).isEqualTo("url(#t-hatch)"));
        assertThat(marks(svg, "rect", "bar")).hasSize(1);
        assertThat(svg).contains("<pattern id=\"t-hatch\"");
        assertThat(marks(svg, "text", "value")).extracting(Mark::text).containsExactly("25.0 low n", "25.0");
    }

    @Test
    void theTrendStaysInsideItsPlotAndItsBandCoversTheIntervals() {
        List<PeriodScore> points = List.of(new PeriodScore("2026-01", score(nps(40, 0, 0))),
                new PeriodScore("2026-02", score(nps(0, 0, 0))),
                new PeriodScore("2026-03", score(nps(10, 10, 20))),
                new PeriodScore("2026-04", score(nps(0, 0, 40))));
        String svg = Charts.trend("t", new Trend(Metric.NPS, points));
        List<Mark> ticks = marks(svg, "line", "grid");
        double top = ticks.stream().mapToDouble(m -> m.number("y1")).min().orElseThrow();
        double bottom = marks(svg, "line", "axis").get(0).number("y1");
        assertThat(marks(svg, "text", "tick")).extracting(Mark::text).contains("-100", "100");
        assertThat(marks(svg, "circle", "point")).hasSize(3).allSatisfy(c -> assertThat(c.number("cy"))
                .isBetween(top, bottom));
        // an all-detractor period sits on the bottom of the axis, an all-promoter one on its top
        assertThat(marks(svg, "circle", "point").get(0).number("cy")).isEqualTo(bottom);
        assertThat(marks(svg, "circle", "point").get(2).number("cy")).isEqualTo(top);
        // the empty February breaks the line and the band into two runs
        assertThat(marks(svg, "path", "line").get(0).attributes().get("d")).matches("M[^M]+ M[^M]+");
        assertThat(marks(svg, "path", "band")).hasSize(2);
        for (Mark band : marks(svg, "path", "band")) {
            String[] xy = band.attributes().get("d").replaceAll("[MLZ]", " ").trim().split("\\s+");
            for (int i = 1; i < xy.length; i += 2) {
                assertThat(Double.parseDouble(xy[i])).as("y in %s", band).isBetween(top, bottom);
            }
        }
    }

    @Test
    void theTrendAxisHugsTheDataOnRoundNumbersInsideTheScale() {
        double[] domain = Charts.niceDomain(Metric.NPS, List.of(score(nps(10, 20, 70)), score(nps(12, 22, 66))));
        Score a = score(nps(10, 20, 70));
        assertThat(domain[0]).isLessThanOrEqualTo(a.interval().get().lower()).isGreaterThan(-100);
        assertThat(domain[1]).isGreaterThanOrEqualTo(a.interval().get().upper()).isLessThanOrEqualTo(100);
        assertThat(domain[0] % domain[2]).isZero();
        assertThat(Charts.niceDomain(Metric.CSAT, List.of(score(csat(0, 0, 0))))).containsExactly(0, 100, 25);
        assertThat(Charts.niceDomain(Metric.NPS, List.of(score(nps(30, 0, 0))))[0]).isEqualTo(-100);
    }

    @Test
    void ticksAndSteps() {
        assertThat(Charts.ticks(-100, 100, 50)).extracting(BigDecimal::toPlainString)
                .containsExactly("-100", "-50", "0", "50", "100");
        assertThat(Charts.ticks(4.5, 5.75, 0.25)).extracting(BigDecimal::toPlainString)
                .containsExactly("4.5", "4.75", "5", "5.25", "5.5", "5.75");
        assertThat(Charts.niceStep(18.7)).isEqualTo(20);
        assertThat(Charts.niceStep(0.3)).isEqualTo(0.5);
        assertThat(Charts.niceStep(25)).isEqualTo(25);
        assertThat(Charts.niceStep(101)).isEqualTo(200);
    }

    @Test
    void funnelBarsAreProportionalToTheJourneys() {
        Journeys journeys = new Journeys("visit", 200, List.of(new FunnelStep("order", 200, 200, 200, 0),
                new FunnelStep("served", 50, 100, 40, 150)), List.of());
        String svg = Charts.funnel("f", journeys);
        List<Mark> entered = marks(svg, "rect", "bar");
        double full = entered.get(0).number("width");
        assertThat(entered.get(1).number("width")).isCloseTo(full / 4, within(0.1));
        assertThat(marks(svg, "rect", "bar-reached").get(1).number("width")).isCloseTo(full / 2, within(0.1));
        assertThat(entered.get(0).number("x") + full).isEqualTo(tickX(svg, "200 journeys"));
    }

    @Test
    void impactBarsRunFromZeroToTheDifference() {
        Comparison bad = Comparison.of(-40, 8, new Interval(-56, -24, 0.95, IntervalMethod.WALD), 0.0001);
        Comparison noise = Comparison.of(5, 6, new Interval(-7, 17, 0.95, IntervalMethod.WALD), 0.4);
        Comparison marginal = Comparison.of(-60, 8, new Interval(-76, -44, 0.95, IntervalMethod.WALD), 0.00001);
        // the bars are the held-equal differences; the marginal one is drawn nowhere
        FailureImpactRanking impact = ReportFixtures.ranking(Metric.NPS, List.of(
                new ImpactRow("late", "kitchen", dev.cxkit.core.service.SatisfactionFactor.TIMELINESS, 50,
                        score(nps(30, 10, 10)), score(nps(10, 10, 30)), Optional.of(marginal), 0.4, Optional.of(bad)),
                new ImpactRow("cold", "kitchen", dev.cxkit.core.service.SatisfactionFactor.PRODUCT, 50,
                        score(nps(10, 10, 30)), score(nps(10, 10, 30)), Optional.of(marginal), 0.1,
                        Optional.of(noise))));
        String svg = Charts.impact("i", impact);
        double zero = tickX(svg, "0");
        double minus20 = tickX(svg, "-20");
        double perPoint = (zero - minus20) / 20;
        Mark badBar = marks(svg, "rect", "bar-bad").get(0);
        assertThat(badBar.number("x")).isCloseTo(zero - 40 * perPoint, within(0.1));
        assertThat(badBar.number("x") + badBar.number("width")).isCloseTo(zero, within(0.1));
        Mark noiseBar = marks(svg, "rect", "bar-ns").get(0);
        assertThat(noiseBar.number("x")).isEqualTo(zero);
        assertThat(noiseBar.number("width")).isCloseTo(5 * perPoint, within(0.1));
        assertThat(marks(svg, "line", "axis").get(0).number("x1")).isEqualTo(zero);
        assertThat(marks(svg, "text", "tick")).extracting(Mark::text).contains("-60", "+20");
    }
}
