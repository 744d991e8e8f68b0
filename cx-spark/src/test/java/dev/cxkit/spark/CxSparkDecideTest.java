package dev.cxkit.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.rules.engine.PolicySource;
import dev.cxkit.rules.fact.PolicySettings;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@link CxSpark#decide} against {@code cx recover} on the sample incidents of both bundled packs,
 * over two partitions (two executors' worth on {@code local[2]}), and with a policy that fails one
 * decision.
 */
class CxSparkDecideTest {

    @TempDir
    static Path dir;
    static SparkSession spark;

    @BeforeAll
    static void session() {
        spark = LocalSpark.session();
    }

    static Path sample(String name) throws IOException {
        Path file = dir.resolve(name);
        if (Files.exists(file)) {
            return file;
        }
        try (InputStream in = dev.cxkit.cli.Cx.class.getResourceAsStream("/dev/cxkit/cli/sample/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    static Map<String, Row> byIncident(Dataset<Row> plans) {
        Map<String, Row> out = new LinkedHashMap<>();
        plans.collectAsList().forEach(r -> out.put(r.getString(0), r));
        return out;
    }

    @Test
    void theSampleIncidentsOfBothPacksGetThePlansCxRecoverPrints() throws IOException {
        for (String[] pack : new String[][] {{"restaurant", "incidents.jsonl"}, {"eu261", "flights.jsonl"}}) {
            Path file = sample(pack[1]);
            Dataset<Row> lines = spark.read().text(file.toString()).repartition(2);
            Map<String, Row> plans = byIncident(CxSpark.decide(lines, PolicySource.classpath(pack[0])));
            JsonNode printed = CxSparkScoresTest.cx("recover", file.toString(), "--policy", pack[0], "--format", "json",
                    "-q").json();
            assertThat(plans).hasSize(printed.get("rows").get("read").asInt());
            for (JsonNode expected : printed.get("plans")) {
                Row row = plans.get(expected.get("incidentId").asString());
                assertThat(row).as(pack[0] + " " + expected.get("incidentId")).isNotNull();
                assertThat(row.getString(row.fieldIndex("status"))).isEqualTo("decided");
                List<Row> steps = row.getList(row.fieldIndex("steps"));
                assertThat(steps).hasSize(expected.get("steps").size());
                for (int i = 0; i < steps.size(); i++) {
                    JsonNode step = expected.get("steps").get(i);
                    assertThat(steps.get(i).getString(0)).isEqualTo(step.get("step").asString());
                    assertThat(steps.get(i).getString(1)).isEqualTo(step.get("owner").asString());
                    assertThat(steps.get(i).getTimestamp(2).toInstant().toString()).isEqualTo(step.get("due").asString());
                }
                List<Row> offers = row.getList(row.fieldIndex("offers"));
                assertThat(offers).hasSize(expected.get("offers").size());
                for (int i = 0; i < offers.size(); i++) {
                    JsonNode offer = expected.get("offers").get(i);
                    assertThat(offers.get(i).getString(0)).isEqualTo(offer.get("kind").asString());
                    BigDecimal amount = offers.get(i).getDecimal(1);
                    if (offer.get("amount").isNull()) {
                        assertThat(amount).isNull();
                    } else {
                        assertThat(amount).isEqualByComparingTo(new BigDecimal(offer.get("amount").asString()));
                        assertThat(offers.get(i).getString(2)).isEqualTo(offer.get("currency").asString());
                    }
                    assertThat(offers.get(i).getBoolean(4)).isEqualTo(offer.get("requiresApproval").asBoolean());
                }
                List<String> fired = new ArrayList<>();
                expected.get("firedRules").forEach(f -> fired.add(f.get("rule").asString()));
                assertThat(row.<String>getList(row.fieldIndex("fired_rules"))).containsExactlyElementsOf(fired);
            }
        }
    }

    @Test
    void aFailingDecisionFailsItsRowAndABadLineIsRejectedNeverTheJob() throws IOException {
        PolicySource restaurant = PolicySource.classpath("restaurant");
        Map<String, String> files = new HashMap<>(restaurant.files());
        files.put("loop.drl", """
                package dev.cxkit.rules.packs.restaurant;
                import dev.cxkit.rules.fact.Incident;
                import dev.cxkit.rules.plan.OfferDraft;
                rule "Loops on one incident"
                when
                    Incident(id == "wait-large-t4")
                    $o : OfferDraft()
                then
                    modify($o) { requireConsent("again") }
                end
                """);
        PolicySource looping = PolicySource.of("restaurant-loop", files, restaurant.settings());
        List<String> lines = new ArrayList<>(Files.readAllLines(sample("incidents.jsonl"), StandardCharsets.UTF_8));
        lines.add("{\"incident_id\": \"bad\", \"type\": \"NO_SUCH_TYPE\", \"occurred_at\": \"2025-06-14T19:30:00Z\"}");
        Dataset<String> input = spark.createDataset(lines, Encoders.STRING()).repartition(2);
        Map<String, Row> plans = new HashMap<>();
        List<Row> rejected = new ArrayList<>();
        for (Row r : CxSpark.decide(input, looping).collectAsList()) {
            if (r.isNullAt(0)) {
                rejected.add(r);
            } else {
                plans.put(r.getString(0), r);
            }
        }
        Row failed = plans.get("wait-large-t4");
        assertThat(failed.getString(1)).isEqualTo("failed");
        // the guards stop it: the firing limit or, on a loaded machine first, the time budget
        assertThat(failed.getString(failed.fieldIndex("failure"))).containsAnyOf("firing limit", "time budget");
        assertThat(failed.getString(failed.fieldIndex("failed_rule"))).isEqualTo("Loops on one incident");
        assertThat(plans.values().stream().filter(r -> r.getString(1).equals("decided"))).hasSize(9);
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.getString(1)).isEqualTo("rejected");
            assertThat(r.getString(r.fieldIndex("failure"))).contains("NO_SUCH_TYPE");
        });
    }

    @Test
    void rowsWithIncidentColumnsAreDecidedLikeTheirLines() throws IOException {
        Path file = sample("incidents.jsonl");
        Dataset<Row> columns = spark.read().json(file.toString()); // a schema of the incident fields
        Map<String, Row> fromColumns = byIncident(CxSpark.decide(columns, PolicySource.classpath("restaurant")));
        Map<String, Row> fromLines = byIncident(CxSpark.decide(spark.read().text(file.toString()),
                PolicySource.classpath("restaurant")));
        assertThat(fromColumns.keySet()).isEqualTo(fromLines.keySet());
        fromLines.forEach((id, row) -> {
            Row other = fromColumns.get(id);
            assertThat(other.getString(1)).as(id).isEqualTo(row.getString(1));
            assertThat(other.<String>getList(other.fieldIndex("fired_rules")))
                    .as(id).isEqualTo(row.<String>getList(row.fieldIndex("fired_rules")));
            assertThat(other.get(other.fieldIndex("total_compensation")))
                    .as(id).isEqualTo(row.get(row.fieldIndex("total_compensation")));
        });
    }

    @Test
    void aPolicyThatDoesNotCompileFailsOnTheDriverWithItsMessage() {
        PolicySource broken = PolicySource.of("broken", Map.of("broken.drl", "package x; rule \"r\" when then nope end"),
                PolicySettings.empty());
        assertThatThrownBy(() -> CxSpark.decide(spark.createDataset(List.of("{}"), Encoders.STRING()), broken))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("policy broken does not compile");
    }

    @Test
    void thePolicyIsCompiledOncePerJvmAndShared() throws IOException {
        Dataset<Row> lines = spark.read().text(sample("incidents.jsonl").toString()).repartition(4);
        CxSpark.decide(lines, PolicySource.classpath("restaurant")).count();
        int compiled = PartitionDecisions.compiledPolicies();
        CxSpark.decide(lines, PolicySource.classpath("restaurant")).count();
        assertThat(PartitionDecisions.compiledPolicies()).isEqualTo(compiled); // the same content: no new compile
    }
}
