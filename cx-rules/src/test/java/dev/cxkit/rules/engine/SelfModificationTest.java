package dev.cxkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.rules.fact.RecoveryContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The loop lint against the engine: each shape of self-modification is compiled and decided with
 * a firing limit, and the lint must warn exactly when Drools really loops.
 */
class SelfModificationTest {

    private static final String HEADER = """
            package loops;
            import dev.cxkit.rules.fact.Incident;
            import java.math.BigDecimal;
            declare Comp
                amount : BigDecimal
                reduction : String
                steppedUp : boolean
                level : int
                note : String
            end
            rule "Start"
                salience 100
            when
                Incident()
            then
                Comp c = new Comp();
                c.setAmount(new BigDecimal("10"));
                insert(c);
            end
            """;

    static Stream<Arguments> shapes() {
        return Stream.of(
                // the case: the constraint still holds after the change
                Arguments.of("sets the property it requires to be non-null", """
                        when $c : Comp( amount != null )
                        then modify($c) { setAmount(new BigDecimal("20")) }
                        """, true),
                Arguments.of("sets a property its pattern does not constrain", """
                        when $c : Comp( amount != null )
                        then modify($c) { setLevel(2) }
                        """, false),
                Arguments.of("sets an unconstrained property with an empty pattern", """
                        when $c : Comp()
                        then modify($c) { setNote("seen") }
                        """, false),
                Arguments.of("a flag its pattern requires off, turned on", """
                        when $c : Comp( !steppedUp )
                        then modify($c) { setLevel($c.getLevel() + 1), setSteppedUp(true) }
                        """, false),
                Arguments.of("a null check the new text makes false", """
                        when $c : Comp( reduction == null )
                        then modify($c) { setAmount(new BigDecimal("5")), setReduction("halved from " + $c.getAmount()) }
                        """, false),
                Arguments.of("a null check the change keeps true", """
                        when $c : Comp( reduction == null, amount != null )
                        then modify($c) { setAmount(new BigDecimal("5")) }
                        """, true),
                Arguments.of("a comparison the literal keeps true", """
                        when $c : Comp( level < 5 )
                        then modify($c) { setLevel(1) }
                        """, true),
                Arguments.of("a comparison the literal makes false", """
                        when $c : Comp( level < 5 )
                        then modify($c) { setLevel(7) }
                        """, false),
                // Drools reads the setters before update() as it reads a modify block
                Arguments.of("an update after setting a property the pattern does not constrain", """
                        when $c : Comp( amount != null )
                        then $c.setNote("x"); update($c);
                        """, false),
                Arguments.of("an update after setting the constrained property", """
                        when $c : Comp( amount != null )
                        then $c.setAmount(new BigDecimal("3")); update($c);
                        """, true),
                Arguments.of("an update with no setter before it", """
                        when $c : Comp( amount != null )
                        then update($c);
                        """, true),
                Arguments.of("a string built from a call and literals is not null", """
                        when $c : Comp( reduction == null )
                        then modify($c) { setReduction(String.valueOf($c.getLevel()) + " halved") }
                        """, false),
                Arguments.of("an update after a setter that makes its constraint false", """
                        when $c : Comp( reduction == null )
                        then $c.setReduction("done"); update($c);
                        """, false),
                Arguments.of("no-loop stops the same loop", """
                        no-loop true
                        when $c : Comp( amount != null )
                        then modify($c) { setAmount(new BigDecimal("20")) }
                        """, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void warnsExactlyWhenTheEngineLoops(String name, String body, boolean loops) throws Exception {
        String drl = HEADER + "rule \"Under test\"\n" + body + "end\n";
        List<PolicyProblem> warnings = PolicyLint.lint("loops/l.drl", drl);
        try (Policy policy = Policy.compile(PolicyTest.source("loops", Map.of("l.drl", drl)),
                PolicyTest.RELAXED.withFiringLimit(40))) {
            if (loops) {
                assertThatThrownBy(() -> policy.decide(PolicyTest.wrongItem("i"), PolicyTest.customer(),
                        RecoveryContext.at(PolicyTest.T0))).as("the engine loops").hasMessageContaining("firing limit");
                assertThat(warnings).as("the lint warns").singleElement().satisfies(w -> {
                    assertThat(w.rule()).isEqualTo("Under test");
                    assertThat(w.message()).contains("may fire again and again");
                    assertThat(w.error()).isFalse();
                });
            } else {
                assertThat(policy.decide(PolicyTest.wrongItem("i"), PolicyTest.customer(),
                        RecoveryContext.at(PolicyTest.T0)).firedRuleNames()).as("the engine stops")
                        .contains("Under test");
                assertThat(warnings).as("the lint is silent").isEmpty();
            }
        }
    }
}
