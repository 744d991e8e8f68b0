package dev.cxkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesTestCommandTest {

    private static final String DRL = """
            package test;

            import dev.cxkit.rules.fact.Incident;
            import dev.cxkit.rules.fact.IncidentType;
            import dev.cxkit.rules.plan.OfferKind;
            import dev.cxkit.rules.plan.PlanDraft;

            rule "Remake a wrong item"
            when
                Incident( type == IncidentType.WRONG_ITEM )
                $p : PlanDraft()
            then
                $p.offer(OfferKind.REMAKE, "made again at once");
            end
            """;

    private static final String PASSING = """
            name: A wrong item is remade
            given:
              incident: {id: i-1, type: WRONG_ITEM, detected_at: 2025-06-14T19:30:00Z}
              customer: {id: c-1, contact: {channel: SMS, address_kind: MOBILE}}
            expect:
              offers: [{kind: REMAKE}]
              fired: ["Remake a wrong item"]
            """;

    private static Path policy(Path dir, String drl) throws Exception {
        Path policy = Files.createDirectories(dir.resolve("tiny"));
        Files.writeString(policy.resolve("rules.drl"), drl);
        Files.writeString(policy.resolve("settings.properties"), "currency=EUR\n");
        Files.createDirectories(policy.resolve("scenarios"));
        return policy;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "restaurant | A party charged for a meal that never came | 20",
        "eu261 | Delay of exactly 3 hours at 1800 km within the EU - 400 EUR, in full | 35",
    })
    void everyBundledPackPassesEveryShippedScenario(String pack, String oneScenario, int atLeast) {
        CliRun run = CliRun.run("rules", "test", pack);

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).contains("PASS " + oneScenario + "\n")
                .doesNotContain("FAIL").endsWith(" passed, 0 failed\n");
        long scenarios = run.out().lines().filter(line -> line.startsWith("PASS ")).count();
        assertThat(run.out()).endsWith(scenarios + " scenarios, " + scenarios + " passed, 0 failed\n");
        assertThat(scenarios).isGreaterThanOrEqualTo(atLeast);
        assertThat(run.err()).doesNotContain("cx:");
    }

    @Test
    void aPolicyDirectoryRunsItsOwnScenariosDirectory(@TempDir Path tmp) throws Exception {
        Path policy = policy(tmp, DRL);
        Files.writeString(policy.resolve("scenarios/remake.yaml"), PASSING);

        CliRun run = CliRun.run("rules", "test", policy.toString());

        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo("PASS A wrong item is remade\n1 scenario, 1 passed, 0 failed\n");
    }

    /**
     * --watch runs again in the same process when a file changes: once the first run has printed
     * that it is watching, the rule is edited (and written again every 300 ms until the command has
     * run twice, so a save the watcher has not registered yet cannot be missed), and the second
     * run sees the edit.
     */
    @Test
    void watchRunsAgainWhenAFileChanges(@TempDir Path tmp) throws Exception {
        Path policy = policy(tmp, DRL);
        Files.writeString(policy.resolve("scenarios/remake.yaml"), PASSING);
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cmd = Cx.commandLine(new java.io.ByteArrayInputStream(new byte[0]));
        cmd.setOut(new java.io.PrintWriter(out, true));
        cmd.setErr(new java.io.PrintWriter(new java.io.StringWriter(), true));
        java.util.concurrent.atomic.AtomicInteger exit = new java.util.concurrent.atomic.AtomicInteger(-1);
        Thread command = new Thread(() -> exit.set(cmd.execute("rules", "test", policy.toString(), "--watch",
                "--watch-runs", "2")));
        command.start();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (!out.toString().contains("-- watching") && command.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        String edited = DRL.replace("OfferKind.REMAKE", "OfferKind.FREE_ITEM");
        while (command.isAlive() && System.nanoTime() < deadline) {
            Files.writeString(policy.resolve("rules.drl"), edited);
            command.join(300);
        }
        assertThat(command.isAlive()).as("the second run came").isFalse();
        assertThat(out.toString()).startsWith("PASS A wrong item is remade\n1 scenario, 1 passed, 0 failed\n"
                + "-- watching ").contains("-- changed: running again\nFAIL A wrong item is remade\n")
                .endsWith("1 scenario, 0 passed, 1 failed\n");
        assertThat(exit.get()).isEqualTo(1);
        CliRun pack = CliRun.run("rules", "test", "restaurant", "--watch");
        assertThat(pack.exit()).isEqualTo(2);
        assertThat(pack.err()).contains("--watch needs a policy directory");
    }

    @Test
    void aFailingScenarioPrintsItsDiffAndExitsWithOne(@TempDir Path tmp) throws Exception {
        Path policy = policy(tmp, DRL);
        Files.writeString(policy.resolve("scenarios/a-remake.yaml"), PASSING);
        Files.writeString(policy.resolve("scenarios/b-dessert.yaml"), PASSING.replace("name: A wrong item is remade",
                "name: A wrong item gets a dessert too").replace("[{kind: REMAKE}]", "[{kind: REMAKE}, {kind: FREE_ITEM}]"));

        CliRun run = CliRun.run("rules", "test", policy.toString());

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("""
                PASS A wrong item is remade
                FAIL A wrong item gets a dessert too
                    offers: expected 2, got 1
                      missing:    FREE_ITEM
                2 scenarios, 1 passed, 1 failed
                """);
    }

    @Test
    void aFailingScenarioAgainstTheBundledPackWithScenariosFromElsewhere(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("wait.yaml"), """
                name: Small wait with a wrong guess
                given:
                  incident: {id: w-1, type: LONG_WAIT, detected_at: 2025-06-14T19:30:00Z, minutes_waited: 30,
                             minutes_promised: 20, currency: EUR, order_value: "62.00"}
                  customer: {id: c-1, contact: {channel: SMS, address_kind: MOBILE}}
                expect:
                  offers: [{kind: DISCOUNT, amount: "6.20"}]
                  steps: [{step: AGREE, due: PT15M}]
                  fired: ["Wait comp: a discount on the order"]
                """);

        CliRun run = CliRun.run("rules", "test", "restaurant", "--scenarios", tmp.toString());

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("""
                FAIL Small wait with a wrong guess
                    offers: expected 1, got 0 (none)
                      missing:    DISCOUNT EUR 6.20
                    steps:
                      AGREE due: expected 2025-06-14T19:45:00Z, got 2025-06-14T19:40:00Z (rule "Wait comp: a short \
                delay gets an apology and explanation, no money")
                    fired:
                      should have fired but did not: "Wait comp: a discount on the order"
                1 scenario, 0 passed, 1 failed
                """);
    }

    @Test
    void anInvalidScenarioFileIsReportedWithItsPathAndFieldAndExitsWithOne(@TempDir Path tmp) throws Exception {
        Path policy = policy(tmp, DRL);
        Files.writeString(policy.resolve("scenarios/remake.yaml"), PASSING);
        Files.writeString(policy.resolve("scenarios/wrong-item.yaml"), PASSING.replace("type: WRONG_ITEM", "type: WRONG_ITEMS")
                .replace("  offers:", "  ofers:"));
        Path bad = policy.resolve("scenarios/wrong-item.yaml");

        CliRun run = CliRun.run("rules", "test", policy.toString());

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).isEqualTo("PASS A wrong item is remade\n"
                + "FAIL " + bad + " (invalid scenario file)\n"
                + "    " + bad + ": given.incident.type: 'WRONG_ITEMS' is not one of WRONG_ITEM, ITEM_NOT_DELIVERED, "
                + "LONG_WAIT, RUDE_OR_CARELESS_STAFF, CONTACT_RULE_BROKEN, MISSED_APPOINTMENT, BILLING_ERROR, "
                + "QUALITY, OTHER\n"
                + "    " + bad + ": expect.ofers: unknown key (did you mean offers?)\n"
                + "2 scenarios, 1 passed, 1 failed\n");
    }

    @Test
    void aYamlSyntaxErrorIsReportedWithItsLine(@TempDir Path tmp) throws Exception {
        Path policy = policy(tmp, DRL);
        Files.writeString(policy.resolve("scenarios/broken.yaml"), "name: x\ngiven: [\n");

        CliRun run = CliRun.run("rules", "test", policy.toString());

        assertThat(run.exit()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL " + policy.resolve("scenarios/broken.yaml") + " (invalid scenario file)\n"
                + "    " + policy.resolve("scenarios/broken.yaml") + ": line ").contains("not valid YAML")
                .endsWith("1 scenario, 0 passed, 1 failed\n");
    }

    @Test
    void aPolicyThatDoesNotCompileIsAUsageErrorWithFileLineAndRule(@TempDir Path tmp) throws Exception {
        Path policy = policy(tmp, DRL.replace("Incident( type == IncidentType.WRONG_ITEM )",
                "Incident( typo == IncidentType.WRONG_ITEM )"));
        Files.writeString(policy.resolve("scenarios/remake.yaml"), PASSING);

        CliRun run = CliRun.run("rules", "test", policy.toString());

        assertThat(run.exit()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("cx: policy 'tiny' does not compile (")
                .contains("\ntiny/rules.drl:10: rule \"Remake a wrong item\": ")
                .doesNotContain("\tat ");
    }

    @Test
    void usageErrorsExitWithTwo(@TempDir Path tmp) throws Exception {
        assertThat(CliRun.run("rules", "test", "no-such-pack")).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).startsWith("cx: policy no-such-pack: no such directory, and not a bundled pack");
        });
        Path policy = policy(tmp, DRL);
        assertThat(CliRun.run("rules", "test", policy.toString())).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).startsWith("cx: no scenario files (*.yaml, *.yml) in " + policy.resolve("scenarios"));
        });
        assertThat(CliRun.run("rules", "test", "restaurant", "--scenarios", tmp.resolve("nope").toString()))
                .satisfies(run -> {
                    assertThat(run.exit()).isEqualTo(2);
                    assertThat(run.err()).startsWith("cx: --scenarios " + tmp.resolve("nope") + " is not a directory");
                });
        assertThat(CliRun.run("rules")).satisfies(run -> {
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).startsWith("cx: a subcommand is required: check, test");
        });
    }
}
