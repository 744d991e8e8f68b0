package dev.cxkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.cli.sample.SampleJourneys;
import dev.cxkit.report.HealthReport;
import dev.cxkit.report.ReportBuilder;
import dev.cxkit.report.format.ReportFormat;
import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicySource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's report quick start, run on the bundled sample's files from Java, gives the report
 * that {@code cx report} gives with no arguments: the library owns the report, the command is a
 * door.
 */
class ReportFromJavaTest {

    @Test
    void theJavaBuilderOnTheSampleFilesGivesTheSameReportAsCxReport(@TempDir Path dir) throws Exception {
        List<Path> files = SampleJourneys.of(SampleJourneys.DEFAULT_SIZE).write(dir);
        HealthReport report;
        try (Policy policy = Policy.compile(PolicySource.classpath("restaurant"))) {
            ReportBuilder builder = ReportBuilder.asOf(SampleJourneys.REPORTED_AT)
                    .readDefinitions(List.of(dir.resolve("dine-in.yaml"), dir.resolve("delivery.yaml")))
                    .staff(SampleJourneys.STAFF).subject("the sample restaurant chain").policy(policy);
            builder.readCustomers(dir.resolve("customers.jsonl"));
            builder.readResponses(dir.resolve("responses.csv"));
            builder.readEvents(dir.resolve("events.csv"));
            report = builder.build();
            assertThat(builder.decisionFailures()).isEmpty();
        }
        JsonMapper json = JsonMapper.builder().build();
        JsonNode fromJava = json.readTree(ReportFormat.json().render(report));
        CliRun run = CliRun.run("report", "--format", "json", "--out", dir.resolve("out").toString());
        assertThat(run.exit()).as(run.toString()).isZero();
        JsonNode fromCli = run.json();
        assertThat(files).isNotEmpty();
        for (String section : List.of("title", "headline", "scores", "journeys", "failureImpact", "recoveryPlans",
                "recoveryEffectiveness", "consistency", "closedLoop")) {
            assertThat(fromJava.get(section)).as(section).isEqualTo(fromCli.get(section));
        }
        assertThat(fromJava.get("provenance").get("rows")).isEqualTo(fromCli.get("provenance").get("rows"));
    }
}
