package dev.cxkit.report.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.testing.ReadmeSnippet;
import dev.cxkit.report.HealthReport;
import dev.cxkit.report.ReportBuilder;
import dev.cxkit.report.format.ReportFormat;
import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicySource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compiles and runs README.md's report quick start: raw exports in, the CX health report out,
 * without the command line. The code between the {@code README} markers must appear verbatim
 * (minus indentation) in README.md. The inputs are small files written here in the sample's
 * format; {@code cx-cli}'s tests check that the same builder gives the bundled sample's report.
 */
class ReportQuickStartTest {

    private static final String RESPONSES = """
            response_id,submitted_at,metric,score,location,touchpoint,journey_id,customer_id,comment
            R1,2026-05-04T20:00:00Z,nps,9,Leeds,served,V1,C1,Ana was lovely
            R2,2026-05-05T20:00:00Z,nps,3,Leeds,served,V2,C2,Cold food
            R3,2026-06-04T20:00:00Z,nps,10,York,served,V3,C3,
            R4,2026-06-05T20:00:00Z,nps,2,York,served,V4,C4,Waited ages
            """;
    private static final String EVENTS = """
            event_id,journey_id,customer_id,touchpoint,occurred_at,location,outcome,failure_type,factor,order_value,currency,item,item_price
            E1,V1,C1,order,2026-05-04T19:00:00Z,Leeds,ok,,,32.00,EUR,,
            E2,V1,C1,served,2026-05-04T19:15:00Z,Leeds,ok,,,,,,
            E3,V2,C2,order,2026-05-05T19:00:00Z,Leeds,ok,,,27.50,EUR,,
            E4,V2,C2,served,2026-05-05T19:12:00Z,Leeds,failed,cold_food,product,,EUR,steak pie,13.00
            E5,V3,C3,order,2026-06-04T19:00:00Z,York,ok,,,40.00,EUR,,
            E6,V3,C3,served,2026-06-04T19:18:00Z,York,ok,,,,,,
            E7,V4,C4,order,2026-06-25T19:00:00Z,York,ok,,,18.50,EUR,,
            E8,V4,C4,served,2026-06-25T19:55:00Z,York,ok,,,,,,
            E9,V1,C1,bill,2026-05-04T20:00:00Z,Leeds,ok,,,,,,
            E10,V2,C2,bill,2026-05-05T20:00:00Z,Leeds,ok,,,,,,
            E11,V3,C3,bill,2026-06-04T20:00:00Z,York,ok,,,,,,
            E12,V4,C4,bill,2026-06-25T20:30:00Z,York,ok,,,,,,
            """;

    @Test
    void theReportQuickStartBuildsAReportFromFilesWithoutTheCommandLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("responses.csv"), RESPONSES, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("events.csv"), EVENTS, StandardCharsets.UTF_8);
        Path out = Files.createDirectory(dir.resolve("out"));
        Path responsesCsv = dir.resolve("responses.csv");
        Path eventsCsv = dir.resolve("events.csv");

        // README:start
        // Compile the policy once (thread-safe); it decides the open failures of the events.
        Policy policy = Policy.compile(PolicySource.classpath("restaurant"));
        ReportBuilder builder = ReportBuilder.asOf(Instant.parse("2026-07-01T08:00:00Z"))
                .definitions(List.of(JourneyDefinitions.sample("dine-in")))
                .policy(policy);
        builder.readResponses(responsesCsv);   // or addResponse(...) for each, from anywhere
        builder.readEvents(eventsCsv);         // or addEvent(...)
        HealthReport report = builder.build();

        ReportFormat.html().write(report, out.resolve("report.html"));   // written atomically
        ReportFormat.json().write(report, out.resolve("report.json"));
        String summary = ReportFormat.text().render(report);             // the terminal summary
        // README:end
        policy.close();

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(out.resolve("report.json")));
        assertThat(report.title()).isEqualTo("CX health report, 2026-06");
        assertThat(json.get("headline").get("scores").get(0).get("n").asInt()).isEqualTo(2);
        assertThat(json.get("journeys").get("definitions").get(0).get("journeys").asInt()).isEqualTo(4);
        // V4 waited 55 minutes for a 20-minute promise, within the two weeks before the report: an open failure
        JsonNode plans = json.get("recoveryPlans").get("plans");
        assertThat(plans).hasSize(1);
        assertThat(plans.get(0).get("incidentId").asString()).isEqualTo("INC-V4-served-in-20");
        assertThat(plans.get(0).get("summary").asString()).startsWith("LONG_WAIT, MAJOR, IN_PERSON at York");
        assertThat(plans.get(0).get("source").asString()).isEqualTo("open failure in journey V4");
        assertThat(json.get("provenance").get("inputs")).extracting(i -> i.get("kind").asString())
                .containsExactly("responses", "events");
        assertThat(Files.readString(out.resolve("report.html"))).startsWith("<!DOCTYPE html>");
        assertThat(summary).startsWith("CX health report, 2026-06\n");
        assertThat(builder.decisionFailures()).isEmpty();
    }

    @Test
    void readmeShowsTheReportQuickStartVerbatim() {
        ReadmeSnippet.assertShownVerbatim(ReportQuickStartTest.class);
    }
}
