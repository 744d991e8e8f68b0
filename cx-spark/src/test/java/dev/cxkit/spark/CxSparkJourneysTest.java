package dev.cxkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cxkit.core.io.JourneyEventReader;
import dev.cxkit.core.io.ResponseReader;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.analytics.JourneyAnalysis;
import dev.cxkit.core.journey.analytics.JourneyAnalytics;
import dev.cxkit.core.journey.analytics.JourneyGrouping;
import dev.cxkit.core.journey.analytics.PromiseSummary;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@link CxSpark#journeys} against cx-core's analytics in one JVM (exactly equal snapshots) and
 * against what {@code cx journeys} prints, on the generated sample.
 */
class CxSparkJourneysTest {

    @TempDir
    static Path dir;
    static SparkSession spark;
    static List<JourneyDefinition> definitions;

    @BeforeAll
    static void sample() throws Exception {
        SampleData.generate(dir, 2000);
        spark = LocalSpark.session();
        definitions = SampleData.definitions(dir);
    }

    static Dataset<Row> csv(String name) {
        return SampleData.csv(dir, name);
    }

    @Test
    void theAnalysisEqualsTheAnalyticsOfOneJvmGroupedToo() throws Exception {
        JourneyOptions options = JourneyOptions.defaults().withGrouping(JourneyGrouping.byLocation());
        JourneyResults results = CxSpark.journeys(csv("events.csv"), csv("responses.csv"), definitions, options);

        JourneyAnalytics local = options.analytics(definitions);
        ResponseReader.create().read(dir.resolve("responses.csv"), local::addResponse, r -> { });
        JourneyEventReader.create().read(dir.resolve("events.csv"), local::addEvent, r -> { });
        JourneyAnalysis expected = local.finish(options.scores(), options.consistency());
        JourneyAnalysis actual = results.analysis();

        assertThat(actual.summaries()).isEqualTo(expected.summaries());
        assertThat(actual.scores()).isEqualTo(expected.scores());
        assertThat(actual.consistency()).isEqualTo(expected.consistency());
        assertThat(actual.closedLoop().followUps()).containsExactlyElementsOf(expected.closedLoop().followUps());
        assertThat(actual.closedLoop().recognitions()).containsExactlyElementsOf(expected.closedLoop().recognitions());
        assertThat(actual.failureJourneys()).isEqualTo(expected.failureJourneys());
        assertThat(actual.assembly()).isEqualTo(expected.assembly());
        assertThat(actual.joined()).isEqualTo(expected.joined());
        assertThat(actual.unmatched()).isEqualTo(expected.unmatched());
        // the regression sums its groups in hash order: equal to the last bits or nearly so
        assertThat(actual.failureEffects().keySet()).isEqualTo(expected.failureEffects().keySet());
        expected.failureEffects().forEach((metric, byDefinition) -> byDefinition.forEach((d, kinds) ->
                kinds.forEach((kind, e) -> assertThat(actual.failureEffects().get(metric).get(d).get(kind).difference())
                        .isCloseTo(e.difference(), within(1e-9)))));
        for (int d = 0; d < definitions.size(); d++) {
            assertThat(results.grouped().get(d)).as(definitions.get(d).name())
                    .isEqualTo(local.journeyAccumulators().get(d).snapshot());
            assertThat(results.grouped().get(d).groups()).hasSizeGreaterThan(1);
        }
        assertThat(results.eventsRejected() + results.responsesRejected()).isZero();
    }

    @Test
    void theNumbersAreWhatCxJourneysPrints() {
        JourneyAnalysis analysis = CxSpark.journeys(csv("events.csv"), csv("responses.csv"), definitions,
                JourneyOptions.defaults()).analysis();
        JsonNode printed = CxSparkScoresTest.cx("journeys", dir.resolve("events.csv").toString(), "--responses",
                dir.resolve("responses.csv").toString(), "--definition", dir.resolve("dine-in.yaml").toString(),
                "--definition", dir.resolve("delivery.yaml").toString(), "--format", "json", "-q").json();
        for (JsonNode funnel : printed.get("funnel")) {
            int d = funnel.get("definition").asString().equals("dine-in") ? 0 : 1;
            var overall = analysis.summaries().get(d);
            assertThat(overall.journeys()).isEqualTo(funnel.get("journeys").asLong());
            assertThat(overall.completed()).isEqualTo(funnel.get("completed").asLong());
            assertThat(overall.events()).isEqualTo(funnel.get("events").asLong());
        }
        int checked = 0;
        for (JsonNode promise : printed.get("promises")) {
            int d = promise.get("definition").asString().equals("dine-in") ? 0 : 1;
            PromiseSummary p = analysis.summaries().get(d).promise(promise.get("promise").asString());
            assertThat(p.kept()).isEqualTo(promise.get("kept").asLong());
            assertThat(p.broken()).isEqualTo(promise.get("broken").asLong());
            checked++;
        }
        assertThat(checked).isGreaterThan(2);
        assertThat(analysis.assembly().duplicates()).isEqualTo(printed.get("rows").get("duplicates").asLong());
        assertThat(analysis.joined()).isEqualTo(printed.get("responseRows").get("joined").asLong());
        assertThat(analysis.closedLoop().followUps()).hasSize(printed.get("closedLoop").get("followUps").size());
        assertThat(analysis.consistency().stream().mapToLong(c -> c.charts().size()).sum())
                .isEqualTo(printed.get("consistency").size());
    }

    @Test
    void jsonLinesInATextColumnWorkToo() {
        Path events = dir.resolve("events.jsonl");
        csv("events.csv").coalesce(1).write().mode("overwrite").json(events.toString());
        JourneyResults fromText = CxSpark.journeys(spark.read().text(events.toString()), null, definitions,
                JourneyOptions.defaults());
        JourneyResults fromCsv = CxSpark.journeys(csv("events.csv"), null, definitions, JourneyOptions.defaults());
        assertThat(fromText.analysis().summaries()).isEqualTo(fromCsv.analysis().summaries());
        assertThat(fromText.responsesRead()).isZero();
    }
}
