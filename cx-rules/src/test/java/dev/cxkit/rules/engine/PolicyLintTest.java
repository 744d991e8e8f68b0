package dev.cxkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyLintTest {

    @Test
    void flagsDangerousCallsWithFileLineAndRule() {
        String drl = """
                package p;
                rule "Shuts down"
                when
                    $i : Object()
                then
                    System.exit(1);
                end

                rule "Phones home"
                when
                then
                    // new java.net.Socket() in a comment is fine
                    java.net.URL u = new java.net.URL("http://example.invalid");
                end

                rule "Prints"
                when
                then
                    System.out.println("hi");
                end

                rule "Clean"
                when
                then
                    int x = 1;
                end
                """;
        List<PolicyProblem> problems = PolicyLint.lint("p/x.drl", drl);
        assertThat(problems).extracting(PolicyProblem::rule).containsExactly("Shuts down", "Phones home", "Prints");
        assertThat(problems.get(0).toString()).isEqualTo(
                "p/x.drl:6: rule \"Shuts down\": calls System.exit: a policy must never stop the host "
                        + "('System.exit'); if it is truly meant, say why in a // lint: allow: <why> comment");
        assertThat(problems.get(0).error()).as("stopping the host is an error").isTrue();
        assertThat(problems.get(1).line()).isEqualTo(13);
        assertThat(problems.get(1).message()).startsWith("uses the network");
        assertThat(problems.subList(1, 3)).noneMatch(PolicyProblem::error);
    }

    @Test
    void callsThatStopTheHostAreErrorsUnlessAllowed() {
        String drl = """
                rule "Halts"
                when
                then
                    Runtime.getRuntime().halt(3);
                end

                rule "Starts a program"
                when
                then
                    new ProcessBuilder("rm", "-rf", "/").start();
                end

                rule "Meant it"
                when
                then
                    // lint: allow: the kiosk build restarts the till on this incident
                    System.exit(0);
                end

                rule "Only says it"
                when
                then
                    plan.markSystemic("System.exit(1) is not called here");
                end
                """;
        List<PolicyProblem> problems = PolicyLint.lint("p/z.drl", drl);
        assertThat(problems).extracting(PolicyProblem::rule).containsExactly("Halts", "Starts a program", "Meant it");
        assertThat(problems).extracting(PolicyProblem::error).containsExactly(true, true, false);
        assertThat(problems.get(2).message()).contains("allowed by its // lint: allow comment");
    }

    @Test
    void aLoopThatNeverEndsIsFlagged() {
        String drl = """
                rule "Spins"
                when
                then
                    while (true) { }
                end

                rule "Spins too"
                when
                then
                    for (;;) { }
                end

                rule "Bounded"
                when
                then
                    for (int i = 0; i < 3; i++) { }
                end
                """;
        assertThat(PolicyLint.lint("p/w.drl", drl)).extracting(PolicyProblem::rule).containsExactly("Spins", "Spins too");
    }

    @Test
    void flagsSelfModificationWithoutNoLoop() {
        String drl = """
                rule "Loops"
                when
                    $o : OfferDraft( money )
                then
                    modify($o) { requireConsent("x") }
                end

                rule "Safe"
                    no-loop true
                when
                    $o : OfferDraft( money )
                then
                    modify($o) { requireConsent("x") }
                end

                rule "Guarded by its own condition"
                when
                    $t : CompTier( !steppedUp )
                then
                    modify($t) { setLevel($t.getLevel() + 1), setSteppedUp(true) }
                end

                rule "Acknowledged"
                when
                    $o : OfferDraft( money )
                then
                    // lint: guarded: the accumulate turns false
                    modify($o) { capAt(null, "x") }
                end
                """;
        List<PolicyProblem> problems = PolicyLint.lint("p/y.drl", drl);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("Loops");
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.message()).contains("a call that is not a setter changes every property")
                    .contains("may fire again and again").contains("no-loop");
        });
    }

    @Test
    void theBundledPacksAreClean() {
        assertThat(PolicyLint.lint(PolicySource.classpath("restaurant"))).isEmpty();
        assertThat(PolicyLint.lint(PolicySource.classpath("eu261"))).isEmpty();
    }
}
