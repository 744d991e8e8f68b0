package dev.cxkit.cli;

import static dev.cxkit.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RulesCheckCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"restaurant, 6", "eu261, 6"})
    void everyBundledPackIsClean(String pack, int files) {
        CliRun r = run("rules", "check", pack);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).matches("(?s)\\d+ rules, 0 errors, 0 warnings \\(" + pack + ": " + files + " files\\)\\R");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aBrokenPolicyListsEveryErrorAndWarningWithFileAndLineAndExitsOne() throws IOException {
        Path policy = Files.createDirectory(dir.resolve("broken"));
        Files.writeString(policy.resolve("comp.drl"), RecoverCommandTest.BROKEN);
        CliRun r = run("rules", "check", policy.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("broken/comp.drl:7: rule \"Long wait discount\": ")
                .contains("broken/comp.drl:9: warning: rule \"Long wait discount\": prints to the console")
                .contains("1 rule, 1 error, 1 warning (broken: 1 file)");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void warningsAloneDoNotFail() throws IOException {
        Path policy = Files.createDirectory(dir.resolve("noisy"));
        Files.writeString(policy.resolve("a.drl"), """
                package test.noisy;
                import dev.cxkit.rules.fact.*;

                rule "Shout"
                when
                    Incident()
                then
                    System.out.println("incident!");
                end
                """);
        CliRun r = run("rules", "check", policy.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("noisy/a.drl:8: warning: rule \"Shout\": prints to the console")
                .contains("1 rule, 0 errors, 1 warning (noisy: 1 file)");
    }

    /**
     * The issue's probe: a rule that calls System.exit(0) made check exit 0 with no output. Check
     * runs no rule (this test's JVM would be gone), and the call is an error.
     */
    @Test
    void aRuleThatWouldStopTheJvmIsAnErrorAndCheckSaysSo() throws IOException {
        Path policy = Files.createDirectory(dir.resolve("exits"));
        Path written = dir.resolve("written.txt");
        Files.writeString(policy.resolve("a.drl"), """
                package test.exits;
                import dev.cxkit.rules.fact.*;

                rule "Bail out"
                when
                    Incident()
                then
                    System.exit(0);
                end

                rule "Leaves a note"
                when
                    Incident()
                then
                    java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "ran");
                end
                """.formatted(written.toString().replace("\\", "\\\\")));
        CliRun r = run("rules", "check", policy.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("exits/a.drl:8: rule \"Bail out\": calls System.exit")
                .contains("exits/a.drl:15: warning: rule \"Leaves a note\": reads or writes files")
                .contains("2 rules, 1 error, 1 warning (exits: 1 file)");
        assertThat(written).as("no rule ran").doesNotExist();
        // and recover refuses it before deciding anything
        CliRun recover = run("recover", "--policy", policy.toString());
        assertThat(recover.exit()).isEqualTo(2);
        assertThat(recover.err()).contains("does not compile").contains("System.exit");
        assertThat(written).doesNotExist();
    }

    @Test
    void aSettingARuleReadsIsCheckedWithItsLine() throws IOException {
        Path policy = Files.createDirectory(dir.resolve("numbers"));
        Files.writeString(policy.resolve("a.drl"), """
                package test.numbers;
                import dev.cxkit.rules.fact.*;
                import dev.cxkit.rules.plan.*;
                global PlanDraft plan;
                global PolicySettings settings;

                rule "Acknowledge"
                when
                    $i : Incident()
                then
                    plan.step(AwareStep.ACKNOWLEDGE, Owner.FRONTLINE,
                            plan.after($i.getDetectedAt(), settings.minutes("acknowledge.minutes")), "Apologise.");
                end
                """);
        Files.writeString(policy.resolve("settings.properties"), "currency=EUR\nacknowledge.minutes=soon\nack.minutes=2\n");
        CliRun r = run("rules", "check", policy.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(1);
        assertThat(r.out()).contains("numbers/settings.properties:2: setting 'acknowledge.minutes' = 'soon' is not a "
                        + "number of minutes (write 90, 90m, 3h or 30d)")
                .contains("numbers/settings.properties:3: warning: ack.minutes: no rule reads this setting");
    }

    @Test
    void usageErrorsExitTwo() {
        CliRun none = run("rules", "check");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("cx: Missing required parameter: 'DIR'");
        CliRun missing = run("rules", "check", dir.resolve("nope").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such directory");
        CliRun parentOnly = run("rules");
        assertThat(parentOnly.exit()).isEqualTo(2);
        assertThat(parentOnly.err()).contains("cx: a subcommand is required: check");
    }
}
