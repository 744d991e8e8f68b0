package dev.cxkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.io.JourneyEventReader;
import dev.cxkit.core.io.ResponseReader;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.report.HealthReport;
import dev.cxkit.report.ReportBuilder;
import dev.cxkit.report.format.ReportFormat;
import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicySource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The health report built from Spark partitions equals the report one builder makes of the same
 * files: every section, rendered as JSON.
 */
class CxSparkReportTest {

    @TempDir
    static Path dir;
    static SparkSession spark;
    static List<JourneyDefinition> definitions;
    static final Instant AS_OF = Instant.parse("2026-07-01T08:00:00Z");

    @BeforeAll
    static void sample() throws Exception {
        SampleData.generate(dir, 1500);
        spark = LocalSpark.session();
        definitions = SampleData.definitions(dir);
    }

    static Dataset<Row> csv(String name) {
        return SampleData.csv(dir, name);
    }

    @Test
    void theReportOfPartitionsIsTheReportOfOneBuilder() throws Exception {
        List<JourneyDefinition> defs = definitions;
        ReportSpec spec = () -> ReportBuilder.asOf(AS_OF).definitions(defs).staff(List.of("Ana", "Tom"));
        Policy policy = Policy.compile(PolicySource.classpath("restaurant"));

        ReportBuilder local = spec.builder().policy(policy);
        ResponseReader.create().read(dir.resolve("responses.csv"), local::addResponse, r -> { });
        JourneyEventReader.create().read(dir.resolve("events.csv"), local::addEvent, r -> { });
        HealthReport expected = local.build();

        ReportBuilder merged = CxSpark.report(csv("events.csv"), csv("responses.csv"), spec).policy(policy);
        HealthReport actual = merged.build();

        assertThat(ReportFormat.json().render(actual)).isEqualTo(ReportFormat.json().render(expected));
        assertThat(actual.recoveryPlans().content()).isPresent();
    }
}
