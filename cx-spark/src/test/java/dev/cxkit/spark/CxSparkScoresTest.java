package dev.cxkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cxkit.cli.Cx;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.score.ScoreComparison;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.score.ScoreState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The score functions against {@code cx score} and {@code cx compare} on the same generated data:
 * counts exactly, values and intervals to the precision {@code cx} prints and, against the
 * library's own evaluation of the same counts, to 1e-12.
 */
class CxSparkScoresTest {

    @TempDir
    static Path dir;
    static Path responses;
    static SparkSession spark;

    @BeforeAll
    static void sample() {
        assertThat(cx("sample", "--out", dir.toString(), "--size", "3000", "-q").exit).isZero();
        responses = dir.resolve("responses.csv");
        spark = LocalSpark.session();
        spark.read().option("header", "true")
                .schema("response_id STRING, submitted_at TIMESTAMP, metric STRING, score INT, location STRING,"
                        + " touchpoint STRING, channel STRING, stage STRING, customer_id STRING, journey_id STRING,"
                        + " comment STRING")
                .csv(responses.toString()).createOrReplaceTempView("responses");
    }

    record Out(int exit, String out) {
        JsonNode json() {
            return JsonMapper.builder().build().readTree(out);
        }
    }

    static Out cx(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cmd = Cx.commandLine(System.in, args);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(new StringWriter(), true));
        return new Out(cmd.execute(args), out.toString());
    }

    @Test
    void cxNpsByTouchpointIsWhatCxScorePrints() {
        Map<String, JsonNode> printed = new HashMap<>();
        for (JsonNode r : cx("score", responses.toString(), "--by", "touchpoint", "--format", "json", "-q").json()
                .get("results")) {
            if (r.get("metric").asString().equals("nps")) {
                printed.put(r.get("group").get("touchpoint").asString(), r);
            }
        }
        List<Row> rows = spark.sql("SELECT touchpoint, cx_nps(score) AS nps FROM responses WHERE metric = 'nps'"
                + " GROUP BY touchpoint").collectAsList();
        assertThat(rows).hasSize(printed.size()).isNotEmpty();
        for (Row row : rows) {
            String touchpoint = row.getString(0);
            Row nps = row.getStruct(1);
            JsonNode expected = printed.get(touchpoint);
            assertThat(nps.getLong(nps.fieldIndex("n"))).as(touchpoint).isEqualTo(expected.get("n").asLong());
            assertThat(nps.getDouble(0)).as(touchpoint).isCloseTo(expected.get("value").asDouble(), within(1e-8));
            assertThat(nps.getDouble(1)).isCloseTo(expected.get("interval").get("lower").asDouble(), within(1e-8));
            assertThat(nps.getDouble(2)).isCloseTo(expected.get("interval").get("upper").asDouble(), within(1e-8));
            assertThat(nps.getBoolean(5)).isEqualTo(expected.get("lowSample").asBoolean());
            // to 1e-12 against the library on the counts cx printed
            long[] counts = new long[11];
            for (int r = 0; r <= 10; r++) {
                counts[r] = expected.get("counts").get(String.valueOf(r)).asLong();
            }
            Score score = Score.of(RatingDistribution.ofCounts(Metric.NPS, counts));
            assertThat(nps.getDouble(0)).isCloseTo(score.value().getAsDouble(), within(1e-12));
            assertThat(nps.getDouble(1)).isCloseTo(score.interval().orElseThrow().lower(), within(1e-12));
            assertThat(nps.getDouble(2)).isCloseTo(score.interval().orElseThrow().upper(), within(1e-12));
            assertThat(nps.getLong(6)).as("without score").isZero();
            assertThat(nps.getLong(7)).as("rejected").isZero();
        }
    }

    @Test
    void everyMetricThroughStatesIsWhatCxScorePrintsPerGroup() {
        List<Row> rows = spark.sql("SELECT metric, location, cx_result(cx_state(metric, score)) AS s FROM responses"
                + " GROUP BY metric, location").collectAsList();
        JsonNode results = cx("score", responses.toString(), "--by", "location", "--format", "json", "-q").json()
                .get("results");
        assertThat(rows).hasSize(results.size());
        for (JsonNode r : results) {
            String metric = r.get("metric").asString();
            String location = r.get("group").get("location").asString();
            Row s = rows.stream().filter(x -> x.getString(0).equals(metric) && x.getString(1).equals(location))
                    .findFirst().orElseThrow().getStruct(2);
            assertThat(s.getLong(3)).as("%s %s", metric, location).isEqualTo(r.get("n").asLong());
            assertThat(s.getDouble(0)).as("%s %s", metric, location).isCloseTo(r.get("value").asDouble(), within(1e-8));
        }
    }

    @Test
    void dailyStatesMergedIntoMonthsEqualTheMonthlyAggregate() {
        spark.sql("SELECT metric, touchpoint, to_date(submitted_at) AS day, cx_state(metric, score) AS state"
                + " FROM responses GROUP BY metric, touchpoint, to_date(submitted_at)")
                .createOrReplaceTempView("daily_states");
        List<Row> rolledUp = spark.sql("SELECT metric, touchpoint, date_trunc('month', day) AS month,"
                + " cx_merge(state) AS state FROM daily_states GROUP BY metric, touchpoint, date_trunc('month', day)"
                + " ORDER BY metric, touchpoint, month").collectAsList();
        List<Row> direct = spark.sql("SELECT metric, touchpoint, date_trunc('month', to_date(submitted_at)) AS month,"
                + " cx_state(metric, score) AS state FROM responses GROUP BY metric, touchpoint,"
                + " date_trunc('month', to_date(submitted_at)) ORDER BY metric, touchpoint, month").collectAsList();
        assertThat(rolledUp).hasSameSizeAs(direct).hasSizeGreaterThan(20);
        for (int i = 0; i < direct.size(); i++) {
            ScoreState a = ScoreState.fromBytes((byte[]) rolledUp.get(i).get(3));
            ScoreState b = ScoreState.fromBytes((byte[]) direct.get(i).get(3));
            assertThat(a.ratings()).as("row %d", i).isEqualTo(b.ratings());
            assertThat(a.rows()).isEqualTo(b.rows());
        }
    }

    @Test
    void nullAndOffScaleScoresAreCountedNeverScoredAndAnEmptyGroupHasNoValue() {
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("g", DataTypes.StringType, false),
                DataTypes.createStructField("score", DataTypes.IntegerType, true),
                DataTypes.createStructField("weight", DataTypes.DoubleType, true)));
        List<Row> data = new ArrayList<>(List.of(
                RowFactory.create("a", 10, null), RowFactory.create("a", 9, 2.0), RowFactory.create("a", null, null),
                RowFactory.create("a", 11, null), RowFactory.create("a", -1, null), RowFactory.create("a", 6, -3.0),
                RowFactory.create("empty", null, null), RowFactory.create("empty", 42, null)));
        Dataset<Row> frame = spark.createDataFrame(data, schema);
        frame.createOrReplaceTempView("messy");
        Map<String, Row> byGroup = new HashMap<>();
        spark.sql("SELECT g, cx_nps(score, weight) AS s FROM messy GROUP BY g").collectAsList()
                .forEach(r -> byGroup.put(r.getString(0), r.getStruct(1)));
        Row a = byGroup.get("a");
        assertThat(a.getLong(3)).as("n").isEqualTo(2);
        assertThat(a.getLong(6)).as("without score").isEqualTo(1);
        assertThat(a.getLong(7)).as("rejected: 11, -1 and a negative weight").isEqualTo(3);
        assertThat(a.getDouble(4)).as("n_eff of weights 1 and 2").isCloseTo(9.0 / 5.0, within(1e-12));
        Row empty = byGroup.get("empty");
        assertThat(empty.isNullAt(0)).as("no value, not 0").isTrue();
        assertThat(empty.isNullAt(1)).isTrue();
        assertThat(empty.getLong(3)).isZero();
        assertThat(empty.getLong(6) + empty.getLong(7)).isEqualTo(2);
    }

    @Test
    void cxCompareGivesTheLibrarysComparisonAndVerdict() {
        List<Row> rows = spark.sql("WITH s AS (SELECT location, cx_state(metric, score) AS state FROM responses"
                + " WHERE metric = 'csat' GROUP BY location) SELECT a.location, b.location, cx_compare(a.state, b.state),"
                + " a.state, b.state FROM s a JOIN s b ON a.location < b.location").collectAsList();
        assertThat(rows).isNotEmpty();
        for (Row r : rows) {
            RatingDistribution a = ScoreState.fromBytes((byte[]) r.get(3)).ratings();
            RatingDistribution b = ScoreState.fromBytes((byte[]) r.get(4)).ratings();
            ScoreComparison expected = ScoreComparison.of(a, b, ScoreOptions.defaults());
            Row c = r.getStruct(2);
            assertThat(c.getString(4)).isEqualTo(expected.verdict().outcome().id());
            assertThat(c.getDouble(0)).isCloseTo(expected.difference().orElseThrow().difference(), within(1e-12));
            assertThat(c.getDouble(3)).isCloseTo(expected.difference().orElseThrow().pValue(), within(1e-12));
        }
    }

    @Test
    void cxCompareOfTwoLocationsIsWhatCxComparePrints() {
        for (String metric : new String[] {"nps", "csat", "ces"}) {
            List<Row> locations = spark.sql("SELECT DISTINCT location FROM responses ORDER BY location").collectAsList();
            String a = locations.get(0).getString(0);
            String b = locations.get(1).getString(0);
            Row c = spark.sql("WITH s AS (SELECT location, cx_state(metric, score) AS state FROM responses"
                    + " WHERE metric = '" + metric + "' GROUP BY location)"
                    + " SELECT cx_compare(x.state, y.state) FROM s x, s y WHERE x.location = '" + a + "'"
                    + " AND y.location = '" + b + "'").first().getStruct(0);
            JsonNode printed = cx("compare", responses.toString(), "--by", "location", "--a", a, "--b", b, "--metric",
                    metric, "--format", "json", "-q").json();
            JsonNode d = printed.get("difference");
            assertThat(c.getDouble(0)).as(metric).isCloseTo(d.get("value").asDouble(), within(1e-8));
            assertThat(c.getDouble(1)).as(metric).isCloseTo(d.get("lower").asDouble(), within(1e-8));
            assertThat(c.getDouble(2)).as(metric).isCloseTo(d.get("upper").asDouble(), within(1e-8));
            assertThat(c.getDouble(3)).as(metric).isCloseTo(d.get("pValue").asDouble(), within(1e-8));
            assertThat(c.getString(4)).as(metric).isEqualTo(printed.get("verdict").get("outcome").asString());
        }
    }

    @Test
    void aScoreMadeInOneCallOfRegisterUsesTheSessionsOptions() throws Exception {
        assertThat(Files.exists(responses)).isTrue();
        spark.conf().set(CxSpark.CONFIDENCE, "0.9");
        spark.conf().set(CxSpark.MIN_N, "5");
        try {
            assertThat(CxSpark.options(spark.conf())).isEqualTo(ScoreOptions.defaults().withConfidence(0.9).withMinN(5));
        } finally {
            spark.conf().unset(CxSpark.CONFIDENCE);
            spark.conf().unset(CxSpark.MIN_N);
        }
    }
}
