package dev.cxkit.cli;

import static dev.cxkit.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code cx rules diff} between the restaurant pack and a copy with one changed amount: exactly
 * the plans that change, and the cost difference, checked against two independent
 * {@code cx recover} runs.
 */
class RulesDiffCommandTest {

    @TempDir
    Path dir;

    /** The restaurant pack copied to a folder, with one line of its settings replaced. */
    private Path restaurantWith(String from, String to) throws IOException {
        Path policy = Files.createDirectories(dir.resolve("candidate"));
        String index;
        try (InputStream in = RulesDiffCommandTest.class.getResourceAsStream("/dev/cxkit/rules/packs/restaurant/index")) {
            index = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        java.util.List<String> listed = new java.util.ArrayList<>(index.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        listed.add("settings.properties");
        for (String file : listed) {
            try (InputStream in = RulesDiffCommandTest.class.getResourceAsStream("/dev/cxkit/rules/packs/restaurant/"
                    + file)) {
                assertThat(in).as(file).isNotNull();
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                if (file.equals("settings.properties")) {
                    assertThat(text).contains(from);
                    text = text.replace(from, to);
                }
                Files.writeString(policy.resolve(file), text);
            }
        }
        return policy;
    }

    /** The offers of each incident, as {@code cx recover --format json} gives them. */
    private static Map<String, String> offers(CliRun recover) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode plan : recover.json().get("plans")) {
            out.put(plan.get("incidentId").asString(), plan.get("offers").toString());
        }
        return out;
    }

    private static BigDecimal money(CliRun recover) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode plan : recover.json().get("plans")) {
            for (JsonNode offer : plan.get("offers")) {
                if (!offer.get("amount").isNull()) {
                    sum = sum.add(new BigDecimal(offer.get("amount").asString()));
                }
            }
        }
        return sum;
    }

    @Test
    void oneChangedAmountShowsExactlyThePlansThatChangeAndTheCost() throws IOException {
        Path candidate = restaurantWith("wait.large.discountCap=15.00", "wait.large.discountCap=12.00");
        CliRun diff = run("rules", "diff", "restaurant", candidate.toString(), "--format", "json");
        assertThat(diff.exit()).as(diff.toString()).isZero();
        JsonNode root = diff.json();

        // independently: both policies through cx recover, offers compared incident by incident
        CliRun old = run("recover", "--format", "json");
        CliRun now = run("recover", "--policy", candidate.toString(), "--format", "json");
        Map<String, String> before = offers(old);
        Map<String, String> after = offers(now);
        Set<String> changed = new TreeSet<>();
        before.forEach((id, offers) -> {
            if (!offers.equals(after.get(id))) {
                changed.add(id);
            }
        });
        assertThat(changed).as("the cap changes some plans").isNotEmpty();
        Set<String> reported = new TreeSet<>();
        root.get("changes").forEach(c -> reported.add(c.get("incidentId").asString()));
        assertThat(reported).isEqualTo(changed);
        assertThat(root.get("incidents").asInt()).isEqualTo(before.size());
        assertThat(root.get("unchanged").asInt()).isEqualTo(before.size() - changed.size());

        BigDecimal cost = money(now).subtract(money(old));
        assertThat(cost).isEqualByComparingTo("-3.00");
        assertThat(new BigDecimal(root.get("totals").get("compensationChange").get("EUR").asString()))
                .isEqualByComparingTo(cost);
        assertThat(new BigDecimal(root.get("totals").get("before").get("compensation").get("EUR").asString()))
                .isEqualByComparingTo(money(old));
        // every difference names the rule that made it
        root.get("changes").forEach(c -> c.get("differences").forEach(d ->
                assertThat(d.get("rule").asString()).startsWith("Wait comp: ")));
        assertThat(root.get("rules").propertyNames()).allMatch(r -> r.startsWith("Wait comp: "));
    }

    @Test
    void theSamePolicyChangesNothingAndTextAndHtmlSaySo() throws IOException {
        Path copy = restaurantWith("wait.large.discountCap=15.00", "wait.large.discountCap=15.00");
        CliRun text = run("rules", "diff", "restaurant", copy.toString());
        assertThat(text.exit()).as(text.toString()).isZero();
        assertThat(text.out()).contains("What-if: restaurant -> candidate on 10 incidents")
                .contains("0 plans change, 10 unchanged").containsPattern("compensation EUR +\\d+\\.\\d\\d +\\d+\\.\\d\\d +0");
        CliRun html = run("rules", "diff", "restaurant", copy.toString(), "--format", "html");
        assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("Content-Security-Policy")
                .contains("<strong>0</strong> plans change").doesNotContain("<script");
    }

    @Test
    void usageErrors() throws IOException {
        CliRun format = run("rules", "diff", "restaurant", "restaurant", "--format", "pdf");
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("--format pdf is not one of text, json, html");
        CliRun missing = run("rules", "diff", "restaurant");
        assertThat(missing.exit()).isEqualTo(2);
        Path incidents = Files.writeString(dir.resolve("i.jsonl"), "{\"incident_id\":\"x\"}\n");
        CliRun strict = run("rules", "diff", "restaurant", "restaurant", "--incidents", incidents.toString(), "--strict");
        assertThat(strict.exit()).as(strict.toString()).isEqualTo(1);
        assertThat(strict.err()).contains("i.jsonl").contains("nothing compared");
    }
}
