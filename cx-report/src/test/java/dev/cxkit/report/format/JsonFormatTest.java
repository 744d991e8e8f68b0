package dev.cxkit.report.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.report.HealthReport;
import dev.cxkit.report.internal.Figures;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonFormatTest {

    /** Reads decimals as BigDecimal, so that 31.0 stays 31.0 and the digits can be compared. */
    private static final JsonMapper READER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @TempDir
    Path dir;

    private static JsonNode json(HealthReport model) {
        return READER.readTree(ReportFormat.json().render(model));
    }

    @Test
    void sectionsInTheIssuesOrderWithDocumentedKeys() {
        JsonNode root = json(ReportFixtures.realistic());
        assertThat(root.propertyNames()).containsExactly("title", "provenance", "headline", "scores", "journeys",
                "failureImpact", "recoveryPlans", "recoveryEffectiveness", "consistency", "closedLoop");
        JsonNode nps = root.get("headline").get("scores").get(0);
        assertThat(nps.propertyNames()).containsExactly("metric", "period", "n", "value", "interval", "lowSample",
                "change");
        assertThat(nps.get("interval").propertyNames()).containsExactly("method", "confidence", "lower", "upper");
        assertThat(nps.get("change").get("difference").propertyNames())
                .containsExactly("difference", "interval", "pValue", "significant");
        JsonNode promise = root.get("journeys").get("definitions").get(0).get("promises").get(0);
        assertThat(promise.get("limit").asString()).isEqualTo("PT20M");
        assertThat(promise.get("p50").asString()).isEqualTo("PT14M30S");
        assertThat(promise.get("kind").asString()).isEqualTo("at-most");
        JsonNode noChecks = root.get("journeys").get("definitions").get(0).get("promises").get(2);
        assertThat(noChecks.get("p50").isNull()).isTrue();
        assertThat(noChecks.get("breachInterval").isNull()).isTrue();
        JsonNode offer = root.get("recoveryPlans").get("plans").get(0).get("offers").get(0);
        assertThat(offer.get("amount").isString()).as("amounts are strings").isTrue();
        assertThat(offer.get("amount").asString()).isEqualTo("24.50");
        assertThat(root.get("recoveryPlans").get("plans").get(0).get("offers").get(1).get("amount").isNull()).isTrue();
        assertThat(root.get("recoveryPlans").get("approvalsNeeded").asInt()).isEqualTo(1);
        assertThat(root.get("recoveryPlans").get("plans").get(0).get("steps").get(0).get("due").asString())
                .isEqualTo("2026-03-31T19:44:00Z");
        assertThat(root.get("failureImpact").get("ranking").get(0).get("rank").asInt()).isEqualTo(1);
        JsonNode swing = root.get("consistency").get("findings").get(0);
        assertThat(swing.propertyNames()).containsExactly("kind", "where", "metric", "share", "period", "percent",
                "controlLimits", "sentence");
        assertThat(swing.get("share").asString()).isEqualTo("positive");
        assertThat(swing.get("percent").decimalValue()).isEqualByComparingTo("22.0");
        assertThat(swing.get("controlLimits").get("lower").decimalValue()).isEqualByComparingTo("35.1");
        assertThat(swing.get("sentence").asString()).isEqualTo("Leith: the share of NPS promoters (9–10) in 2026-03, "
                + "22.0%, swings below what sampling noise explains (control limits [35.1%, 61.0%]).");
        assertThat(root.get("consistency").get("family").asString()).startsWith("48 periods judged");
        JsonNode alternation = root.get("consistency").get("findings").get(1);
        assertThat(alternation.get("sentence").asString()).endsWith("more than sampling noise explains. Unstable, "
                + "or possible gaming?").doesNotContain("gaming, not");
        assertThat(alternation.get("kind").asString()).isEqualTo("alternating");
        assertThat(alternation.get("periods").get(1).get("percent").decimalValue()).isEqualByComparingTo("30.0");
        assertThat(root.get("closedLoop").get("callBacks").get(0).get("overdue").asBoolean()).isTrue();
        assertThat(root.get("provenance").get("generatedAt").asString()).isEqualTo("2026-04-01T08:00:00Z");
        assertThat(root.get("scores").get("groups").get(0).get("rows").get(5).get("value").isNull()).isTrue();
    }

    @Test
    void absentSectionsCarryTheirSentence() {
        JsonNode root = json(ReportFixtures.responsesOnly());
        assertThat(root.get("headline").get("available").asBoolean()).isTrue();
        assertThat(root.get("journeys").propertyNames()).containsExactly("available", "note");
        assertThat(root.get("journeys").get("available").asBoolean()).isFalse();
        assertThat(root.get("journeys").get("note").asString()).startsWith("No journey events were given");
        assertThat(root.get("recoveryPlans").get("note").asString()).startsWith("No incidents were given");
        JsonNode nothing = json(ReportFixtures.nothing());
        for (String section : List.of("headline", "scores", "journeys", "failureImpact", "recoveryPlans",
                "recoveryEffectiveness", "consistency", "closedLoop")) {
            assertThat(nothing.get(section).get("available").asBoolean()).as(section).isFalse();
        }
    }

    @Test
    void hostileNamesRoundTrip() {
        JsonNode root = json(ReportFixtures.hostile());
        assertThat(root.get("title").asString()).isEqualTo("Report for " + ReportFixtures.QUOTES + "\u0007");
        assertThat(root.get("scores").get("groups").get(0).get("rows")).extracting(r -> r.get("name").asString())
                .contains(ReportFixtures.SCRIPT, ReportFixtures.QUOTES, ReportFixtures.BREAKOUT);
    }

    @Test
    void writesTheFile() throws Exception {
        Path file = dir.resolve("report.json");
        ReportFormat.json().write(ReportFixtures.realistic(), file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(ReportFormat.json().render(ReportFixtures.realistic()))
                .endsWith("}\n");
    }

    // ---- the page and the JSON show the same numbers ------------------------------------------------------

    /** Every decimal on the page, in tables, charts and sentences, is a number (or amount) of the JSON, digit for digit. */
    @Test
    void everyDecimalOnThePageIsInTheJson() {
        HealthReport model = ReportFixtures.realistic();
        Set<String> jsonNumbers = new HashSet<>();
        collectNumbers(json(model), jsonNumbers);
        // axis tick labels are the chart's scale, not data; p-values below 0.0001 are checked below
        String smallP = "< " + Figures.SMALLEST_SHOWN_P.toPlainString();
        String page = Pages.allText(ReportFormat.html().render(model).replaceAll("<text class=\"tick\"[^>]*>[^<]*</text>", " "))
                .replace(smallP, " ");
        Matcher decimal = Pattern.compile("(?<![\\w.])[-+]?\\d+\\.\\d+").matcher(page);
        List<String> shown = new ArrayList<>();
        while (decimal.find()) {
            shown.add(decimal.group().startsWith("+") ? decimal.group().substring(1) : decimal.group());
        }
        assertThat(shown).hasSizeGreaterThan(150);
        assertThat(jsonNumbers).containsAll(shown);
        assertThat(ReportFormat.html().render(model)).contains("p " + Markup.escape(smallP));
        assertThat(jsonNumbers.stream().map(BigDecimal::new).filter(n -> n.signum() > 0
                && n.compareTo(Figures.SMALLEST_SHOWN_P) < 0)).as("the p-values shown as < 0.0001").isNotEmpty();
    }

    private static void collectNumbers(JsonNode node, Set<String> out) {
        if (node.isNumber()) {
            out.add(node.decimalValue().toPlainString());
        }
        for (String name : node.propertyNames()) {
            JsonNode child = node.get(name);
            if (name.equals("amount") && child.isString()) {
                out.add(child.asString());
            }
            collectNumbers(child, out);
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                collectNumbers(child, out);
            }
        }
    }

    @Test
    void headlineCardsAndTablesMatchTheJsonFieldByField() {
        HealthReport model = ReportFixtures.realistic();
        JsonNode root = json(model);
        String html = ReportFormat.html().render(model);

        List<String> cards = new ArrayList<>();
        Matcher card = Pattern.compile("<p class=\"value\">([^<]*)</p>").matcher(html);
        while (card.find()) {
            cards.add(card.group(1));
        }
        JsonNode headline = root.get("headline").get("scores");
        assertThat(cards).containsExactly(headline.get(0).get("value").decimalValue().toPlainString(),
                headline.get(1).get("value").decimalValue().toPlainString() + "%",
                headline.get(2).get("value").decimalValue().toPlainString());

        List<List<String>> touchpoints = Pages.table(html, "NPS by touchpoint: over all responses against the rest");
        JsonNode rows = root.get("scores").get("groups").get(0).get("rows");
        assertThat(touchpoints).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            List<String> cells = touchpoints.get(i);
            assertThat(cells.get(0)).isEqualTo(row.get("name").asString());
            assertThat(cells.get(1)).isEqualTo(row.get("value").isNull() ? "–" : plain(row.get("value")));
            assertThat(cells.get(2)).isEqualTo(row.get("interval").isNull() ? "–" : "["
                    + plain(row.get("interval").get("lower")) + ", " + plain(row.get("interval").get("upper")) + "]");
            assertThat(cells.get(3)).isEqualTo(row.get("n").asString());
            assertThat(cells.get(6)).isEqualTo(row.get("lowSample").asBoolean() ? "low n" : "");
        }

        List<List<String>> funnel = Pages.table(html, "Funnel of restaurant-visit");
        JsonNode stages = root.get("journeys").get("definitions").get(0).get("funnel");
        for (int i = 0; i < stages.size(); i++) {
            JsonNode s = stages.get(i);
            assertThat(funnel.get(i)).containsExactly(s.get("stage").asString(), s.get("entered").asString(),
                    s.get("reached").asString(), s.get("completed").asString(), s.get("fallout").asString(),
                    plain(s.get("falloutPercent")) + "%");
        }

        List<List<String>> impact = Pages.table(html, "Failure impact on NPS, most harmful (held equal) first");
        JsonNode ranking = root.get("failureImpact").get("ranking");
        for (int i = 0; i < ranking.size(); i++) {
            JsonNode r = ranking.get(i);
            List<String> cells = impact.get(i);
            JsonNode d = r.get("difference");
            assertThat(cells.get(0)).isEqualTo(r.get("rank").asString() + ". " + r.get("failureType").asString()
                    + " at " + r.get("touchpoint").asString());
            assertThat(new BigDecimal(cells.get(5))).isEqualTo(d.get("difference").decimalValue());
            assertThat(cells.get(6)).isEqualTo("[" + plain(d.get("interval").get("lower")) + ", "
                    + plain(d.get("interval").get("upper")) + "]");
            assertThat(sameNumber(cells.get(7), d.get("pValue"))).as(cells.get(7)).isTrue();
            String adjusted = cells.get(8).replace(" significant", "");
            assertThat(sameNumber(adjusted, d.get("pValueAdjusted"))).as(cells.get(8)).isTrue();
            assertThat(cells.get(8).endsWith(" significant")).isEqualTo(d.get("significant").asBoolean());
            assertThat(d.get("pValueAdjusted").asDouble()).isGreaterThanOrEqualTo(d.get("pValue").asDouble());
            JsonNode held = r.get("heldEqual");
            assertThat(cells.get(9)).isEqualTo(held.isNull() ? "–" : plain(held.get("difference")) + " ["
                    + plain(held.get("interval").get("lower")) + ", " + plain(held.get("interval").get("upper")) + "]");
            if (!held.isNull()) {
                String heldAdjusted = cells.get(10).replace(" significant", "");
                assertThat(sameNumber(heldAdjusted, held.get("pValueAdjusted"))).as(cells.get(10)).isTrue();
                assertThat(cells.get(10).endsWith(" significant")).isEqualTo(held.get("significant").asBoolean());
                assertThat(held.get("pValueAdjusted").asDouble()).isGreaterThanOrEqualTo(held.get("pValue").asDouble());
            } else {
                assertThat(cells.get(10)).isEqualTo("–");
            }
            assertThat(cells.get(11)).isEqualTo(plain(r.get("detractorSharePercent")) + "%");
        }
        // ranked by the held-equal difference, the most harmful first; rows without one last
        List<Double> heldEqual = new java.util.ArrayList<>();
        for (JsonNode r : ranking) {
            heldEqual.add(r.get("heldEqual").isNull() ? Double.POSITIVE_INFINITY
                    : r.get("heldEqual").get("difference").asDouble());
        }
        assertThat(heldEqual).isSorted();
        assertThat(root.get("failureImpact").get("heldEqualFamily").get("tests").asLong())
                .isEqualTo(heldEqual.stream().filter(Double::isFinite).count());

        List<List<String>> inputs = Pages.table(html, "Inputs read");
        JsonNode total = root.get("provenance").get("rows");
        assertThat(inputs.get(inputs.size() - 1)).containsExactly("Total", "", total.get("read").asString(),
                total.get("accepted").asString(), total.get("rejected").asString(), total.get("duplicates").asString(),
                total.get("filtered").asString());
    }

    private static String plain(JsonNode number) {
        return number.decimalValue().toPlainString();
    }

    /** A page cell ({@code 0.050}, {@code < 0.0001}) shows the JSON's number. */
    private static boolean sameNumber(String cell, JsonNode number) {
        if (cell.startsWith("< ")) {
            return number.decimalValue().compareTo(new BigDecimal(cell.substring(2))) < 0;
        }
        return new BigDecimal(cell).compareTo(number.decimalValue()) == 0;
    }
}
