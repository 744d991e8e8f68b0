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
                "p/x.drl:6: warning: rule \"Shuts down\": calls System.exit: a policy must never stop the host "
                        + "('System.exit')");
        assertThat(problems.get(1).line()).isEqualTo(13);
        assertThat(problems.get(1).message()).startsWith("uses the network");
        assertThat(problems).noneMatch(PolicyProblem::error);
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
            assertThat(p.message()).contains("without no-loop");
        });
    }

    @Test
    void theRestaurantPackIsClean() {
        assertThat(PolicyLint.lint(PolicySource.classpath("restaurant"))).isEmpty();
    }
}
