package dev.cxkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.io.JourneyEventReader;
import dev.cxkit.core.io.ResponseReader;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.journey.analytics.JourneyAnalytics;
import dev.cxkit.core.journey.analytics.JourneyGrouping;
import dev.cxkit.core.journey.analytics.PromiseSummary;
import dev.cxkit.core.journey.loop.ConsistencyRules;
import dev.cxkit.core.score.ScoreOptions;
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
        assertThat(CxSparkScoresTest.cx("sample", "--out", dir.toString(), "--size", "2000", "-q").exit()).isZero();
        spark = LocalSpark.session();
        definitions = List.of(JourneyDefinitions.load(dir.resolve("dine-in.yaml")),
                JourneyDefinitions.load(dir.resolve("delivery.yaml")));
    }

    static Dataset<Row> csv(String name) {
        return spark.read().option("header", "true").csv(dir.resolve(name).toString());
    }

    @Test
    void groupedJourneysAndScoresEqualTheAnalyticsOfOneJvm() throws Exception {
        JourneyGrouping grouping = JourneyGrouping.byLocation();
        JourneyResults results = CxSpark.journeys(csv("events.csv"), csv("responses.csv"), definitions, grouping);

        JourneyAnalytics local = JourneyAnalytics.builder(definitions).grouping(grouping).build();
        ResponseReader.create().read(dir.resolve("responses.csv"), local::addResponse, r -> { });
        JourneyEventReader.create().read(dir.resolve("events.csv"), local::addEvent, r -> { });
        var analysis = local.finish(ScoreOptions.defaults(), ConsistencyRules.defaults());

        for (int d = 0; d < definitions.size(); d++) {
            assertThat(results.summaries().get(d)).as(definitions.get(d).name())
                    .isEqualTo(local.journeyAccumulators().get(d).snapshot());
            assertThat(results.summaries().get(d).groups()).hasSizeGreaterThan(1);
            assertThat(results.scoreReports(ScoreOptions.defaults()).get(d))
                    .isEqualTo(local.scoreAccumulators().get(d).snapshot(ScoreOptions.defaults()));
        }
        assertThat(results.assembly()).isEqualTo(analysis.assembly());
        assertThat(results.joined()).isEqualTo(analysis.joined());
        assertThat(results.unmatched()).isEqualTo(analysis.unmatched());
        assertThat(results.eventsRejected() + results.responsesRejected()).isZero();
    }

    @Test
    void theNumbersAreWhatCxJourneysPrints() {
        JourneyResults results = CxSpark.journeys(csv("events.csv"), csv("responses.csv"), definitions,
                JourneyGrouping.none());
        JsonNode printed = CxSparkScoresTest.cx("journeys", dir.resolve("events.csv").toString(), "--responses",
                dir.resolve("responses.csv").toString(), "--definition", dir.resolve("dine-in.yaml").toString(),
                "--definition", dir.resolve("delivery.yaml").toString(), "--format", "json", "-q").json();
        for (JsonNode funnel : printed.get("funnel")) {
            int d = funnel.get("definition").asString().equals("dine-in") ? 0 : 1;
            var overall = results.summaries().get(d).overall();
            assertThat(overall.journeys()).isEqualTo(funnel.get("journeys").asLong());
            assertThat(overall.completed()).isEqualTo(funnel.get("completed").asLong());
            assertThat(overall.events()).isEqualTo(funnel.get("events").asLong());
        }
        int checked = 0;
        for (JsonNode promise : printed.get("promises")) {
            int d = promise.get("definition").asString().equals("dine-in") ? 0 : 1;
            PromiseSummary p = results.summaries().get(d).overall().promise(promise.get("promise").asString());
            assertThat(p.kept()).isEqualTo(promise.get("kept").asLong());
            assertThat(p.broken()).isEqualTo(promise.get("broken").asLong());
            checked++;
        }
        assertThat(checked).isGreaterThan(2);
        assertThat(results.assembly().duplicates()).isEqualTo(printed.get("rows").get("duplicates").asLong());
        assertThat(results.joined()).isEqualTo(printed.get("responseRows").get("joined").asLong());
    }

    @Test
    void jsonLinesInATextColumnWorkToo() {
        Path events = dir.resolve("events.jsonl");
        csv("events.csv").coalesce(1).write().mode("overwrite").json(events.toString());
        JourneyResults fromText = CxSpark.journeys(spark.read().text(events.toString()), null, definitions,
                JourneyGrouping.none());
        JourneyResults fromCsv = CxSpark.journeys(csv("events.csv"), null, definitions, JourneyGrouping.none());
        assertThat(fromText.summaries()).isEqualTo(fromCsv.summaries());
        assertThat(fromText.responsesRead()).isZero();
    }
}
