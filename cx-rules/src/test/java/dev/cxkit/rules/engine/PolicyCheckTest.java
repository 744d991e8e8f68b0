package dev.cxkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.rules.fact.RecoveryContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checking a policy runs none of it: the three cases (a rule that stops the JVM, one that
 * writes a file, one that never returns) are reported by {@link PolicyCheck}, never executed; and
 * {@link Policy#compile} refuses a call that stops the host unless the rule allows it.
 */
class PolicyCheckTest {

    private static final String HEADER = PolicyTest.HEADER + """
            global PlanDraft plan;
            """;

    /** A policy of one file and no settings (so that no setting is unused). */
    private static PolicySource source(String name, String drl) {
        return PolicySource.of(name, Map.of(name + ".drl", drl), dev.cxkit.rules.fact.PolicySettings.empty());
    }

    @Test
    void aRuleThatStopsTheJvmIsAnErrorAndNeverRuns() {
        String drl = HEADER + """
                rule "Bail out"
                when
                    Incident()
                then
                    System.exit(0);
                end
                """;
        // were any rule run, this test's JVM would be gone
        PolicyCheck check = PolicyCheck.of(source("exit", drl));
        assertThat(check.passed()).isFalse();
        assertThat(check.errors()).isEqualTo(1);
        assertThat(check.rules()).isEqualTo(1);
        assertThat(check.problems()).singleElement().hasToString("exit/exit.drl:9: rule \"Bail out\": calls System.exit: "
                + "a policy must never stop the host ('System.exit'); if it is truly meant, say why in a "
                + "// lint: allow: <why> comment");
        assertThatThrownBy(() -> Policy.compile(source("exit", drl)))
                .isInstanceOfSatisfying(PolicyCompilationException.class, e ->
                        assertThat(e.problems()).extracting(PolicyProblem::rule).containsExactly("Bail out"));
    }

    @Test
    void anAllowedDangerousCallCompilesWithAWarning() throws Exception {
        String drl = HEADER + """
                rule "Kiosk restart"
                when
                    Incident( id == "never" )
                then
                    // lint: allow: the kiosk build restarts the till this way
                    System.exit(0);
                end
                """;
        PolicyCheck check = PolicyCheck.of(source("kiosk", drl));
        assertThat(check.passed()).isTrue();
        assertThat(check.warnings()).isEqualTo(1);
        try (Policy policy = Policy.compile(source("kiosk", drl), PolicyTest.RELAXED)) {
            assertThat(policy.warnings()).extracting(PolicyProblem::rule).containsExactly("Kiosk restart");
        }
    }

    @Test
    void aRuleThatWritesAFileIsReportedNotRun(@TempDir Path dir) {
        Path target = dir.resolve("written-by-a-rule.txt");
        String drl = HEADER + """
                rule "Writes"
                when
                    Incident()
                then
                    java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "x");
                end
                """.formatted(target.toString().replace("\\", "\\\\"));
        PolicyCheck check = PolicyCheck.of(source("w", drl));
        assertThat(check.passed()).isTrue();
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("reads or writes files");
            assertThat(p.error()).isFalse();
        });
        assertThat(Files.exists(target)).as("no rule ran").isFalse();
    }

    @Test
    void aConsequenceThatNeverReturnsIsWarnedAboutAndCheckReturns() {
        String drl = HEADER + """
                rule "Spins"
                when
                    Incident()
                then
                    while (true) { }
                end
                """;
        PolicyCheck check = PolicyCheck.of(source("spin", drl));
        assertThat(check.passed()).isTrue();
        assertThat(check.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("Spins");
            assertThat(p.message()).startsWith("loops until it breaks or returns");
        });
    }

    /**
     * Compiling warms a policy up on synthetic incidents, under the decision guards: a rule that
     * never returns ends the warm-up at once, is named in the policy's warnings, and every later
     * refusal names it too.
     */
    @Test
    void aStuckRuleFoundWhileWarmingUpIsNamed() throws Exception {
        String drl = HEADER + """
                rule "Never returns on a wrong item"
                when
                    Incident( type == IncidentType.WRONG_ITEM )
                then
                    dev.cxkit.rules.engine.StuckConsequence.block("warm-up");
                end
                """;
        // one stuck decision is enough to refuse the next: the warm-up's own
        PolicyOptions options = PolicyOptions.defaults().withTimeBudget(Duration.ofMillis(300)).withMaxStuckDecisions(1);
        try (Policy policy = Policy.compile(source("stuck", drl), options)) {
            assertThat(policy.warnings()).singleElement().satisfies(w -> {
                assertThat(w.rule()).isEqualTo("Never returns on a wrong item");
                assertThat(w.message()).startsWith("while warming up on a synthetic").contains("time budget");
            });
            assertThat(policy.stuckDecisions()).isEqualTo(1);
            assertThatThrownBy(() -> policy.decide(PolicyTest.wrongItem("i1"), PolicyTest.customer(),
                    RecoveryContext.at(PolicyTest.T0))).isInstanceOfSatisfying(DecisionException.class, e -> {
                        assertThat(e.rule()).isEqualTo("Never returns on a wrong item");
                        assertThat(e.getMessage()).contains("refused").contains(
                                "stuck in rule \"Never returns on a wrong item\", which does not return");
                    });
        } finally {
            StuckConsequence.open("warm-up");
        }
    }

    @Test
    void errorsOtherThanExceptionsFailOnlyTheirDecision() throws Exception {
        String drl = HEADER + """
                function int deeper(int n) { return deeper(n + 1) + 1; }
                rule "Recurses"
                when
                    Incident( id == "deep" )
                then
                    deeper(0);
                end
                """;
        for (PolicyOptions.Isolation isolation : PolicyOptions.Isolation.values()) {
            try (Policy policy = Policy.compile(source("deep", drl),
                    PolicyTest.RELAXED.withIsolation(isolation))) {
                assertThatThrownBy(() -> policy.decide(PolicyTest.wrongItem("deep"), PolicyTest.customer(),
                        RecoveryContext.at(PolicyTest.T0))).isInstanceOfSatisfying(DecisionException.class, e -> {
                            assertThat(e.rule()).as(isolation.name()).isEqualTo("Recurses");
                            assertThat(e.getMessage()).contains("StackOverflowError");
                        });
                assertThat(policy.decide(PolicyTest.wrongItem("fine"), PolicyTest.customer(),
                        RecoveryContext.at(PolicyTest.T0))).isNotNull();
            }
        }
    }
}
