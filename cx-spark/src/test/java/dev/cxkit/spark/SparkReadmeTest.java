package dev.cxkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.testing.ReadmeSnippet;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's "Running on Spark" example; the code between the {@code README} markers must
 * appear verbatim (minus the method's indentation) in README.md.
 */
class SparkReadmeTest {

    @TempDir
    Path dir;

    @Test
    void theReadmeExampleRuns() {
        assertThat(CxSparkScoresTest.cx("sample", "--out", dir.toString(), "--size", "300", "-q").exit()).isZero();
        String responsesCsv = dir.resolve("responses.csv").toString();
        String warehouse = dir.resolve("states").toString();
        SparkSession spark = LocalSpark.session();

        // README:start
        CxSpark.register(spark);   // cx_nps, cx_csat, cx_ces, cx_state, cx_merge, cx_result, cx_compare
        spark.read().option("header", "true").schema("response_id STRING, submitted_at TIMESTAMP, metric STRING,"
                + " score INT, location STRING, touchpoint STRING, channel STRING, stage STRING, customer_id STRING,"
                + " journey_id STRING, comment STRING").csv(responsesCsv).createOrReplaceTempView("responses");

        // The same numbers as `cx score --by touchpoint`, NPS rows:
        List<Row> nps = spark.sql("SELECT touchpoint, cx_nps(score) AS nps FROM responses"
                + " WHERE metric = 'nps' GROUP BY touchpoint").collectAsList();

        // Partial states per day, stored; rolled up to months later, exactly.
        spark.sql("SELECT metric, touchpoint, to_date(submitted_at) AS day, cx_state(metric, score) AS state"
                + " FROM responses GROUP BY metric, touchpoint, to_date(submitted_at)")
                .write().mode("overwrite").parquet(warehouse);
        spark.read().parquet(warehouse).createOrReplaceTempView("daily_states");
        List<Row> monthly = spark.sql("SELECT metric, touchpoint, date_trunc('month', day) AS month,"
                + " cx_result(cx_merge(state)) AS score FROM daily_states"
                + " GROUP BY metric, touchpoint, date_trunc('month', day)").collectAsList();
        // README:end

        assertThat(nps).isNotEmpty();
        assertThat(nps.get(0).getStruct(1).getLong(3)).isPositive();
        assertThat(monthly).isNotEmpty();
        long rows = monthly.stream().mapToLong(r -> r.getStruct(3).getLong(3)).sum();
        assertThat(rows).isEqualTo(spark.sql("SELECT count(score) FROM responses").first().getLong(0));
    }

    @Test
    void readmeShowsTheExampleVerbatim() {
        ReadmeSnippet.assertShownVerbatim(SparkReadmeTest.class);
    }
}
