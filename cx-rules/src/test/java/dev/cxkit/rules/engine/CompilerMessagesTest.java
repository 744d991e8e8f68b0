package dev.cxkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One true error first, on the mistakes the issue found in the bundled packs: a missing
 * {@code end} (29 errors before, 27 in other files), a field typo (three messages in MVEL
 * jargon), enum constants misspelt in a condition and in a consequence, and a rule name with an
 * apostrophe.
 */
class CompilerMessagesTest {

    /** A bundled pack with one file edited. */
    private static PolicySource edited(String pack, String file, String from, String to) {
        PolicySource original = PolicySource.classpath(pack);
        Map<String, String> files = new LinkedHashMap<>(original.files());
        String text = files.get(file);
        assertThat(text).as("the edit applies").contains(from);
        files.put(file, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        return PolicySource.of(pack, files, original.settings());
    }

    private static List<PolicyProblem> errors(PolicySource source) {
        return PolicyCheck.of(source).problems().stream().filter(PolicyProblem::error).toList();
    }

    @Test
    void aMissingEndIsOneErrorWhereTheEndBelongs() {
        String text = PolicySource.classpath("restaurant").files().get("comp.drl");
        String rule = "rule \"Never charge for an item that was never delivered\"";
        int ruleLine = lineOf(text, rule);
        int endLine = ruleLine + 7; // the rule's 'end', seven lines below its declaration
        assertThat(text.split("\\R")[endLine - 1]).isEqualTo("end");
        PolicySource source = edited("restaurant", "comp.drl", text.split("\\R")[endLine - 2] + "\nend\n",
                text.split("\\R")[endLine - 2] + "\n\n");
        List<PolicyProblem> errors = errors(source);
        assertThat(errors).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("restaurant/comp.drl");
            assertThat(p.line()).isEqualTo(endLine);
            assertThat(p.rule()).isEqualTo("Never charge for an item that was never delivered");
            assertThat(p.message()).startsWith("has no 'end': add 'end' on line " + endLine
                    + ", after its last line and before rule \"Wrong item: remake it at once\"")
                    .containsPattern("\\(\\d+ further errors follow from this one and are not shown");
        });
    }

    @Test
    void aFieldTypoIsOneMessageWithTheNearestField() {
        PolicySource source = edited("eu261", "compensation.drl", "$late : arrivalDelayMinutes <",
                "$late : arrivalDelayMinutez <");
        assertThat(errors(source)).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("No compensation: a delay under 3 hours at the final destination (Sturgeon)");
            assertThat(p.message()).startsWith("unable to resolve field 'arrivalDelayMinutez' of FlightDisruption "
                    + "(did you mean 'arrivalDelayMinutes'?)").doesNotContain("strict-mode");
        });
    }

    @Test
    void misspeltConstantsAreFoundInConditionsAndConsequences() {
        String drl = PolicyTest.HEADER + """
                global PlanDraft plan;

                rule "Wrong item: the customer's dish, made again"
                when
                    Incident( type == IncidentType.WRONG_ITEMS )
                then
                    plan.offer(OfferKind.REMAKE, "again");
                end

                rule "Free dessert"
                when
                    Incident( type == IncidentType.LONG_WAIT )
                then
                    plan.offer(OfferKind.FREE_ITM, "dessert");
                end
                """;
        List<PolicyProblem> errors = errors(PolicySource.of("typos", Map.of("t.drl", drl),
                dev.cxkit.rules.fact.PolicySettings.empty()));
        assertThat(errors).extracting(PolicyProblem::toString).containsExactly(
                "typos/t.drl:8: rule \"Wrong item: the customer's dish, made again\": unable to resolve constant "
                        + "'WRONG_ITEMS' of IncidentType (did you mean 'WRONG_ITEM'?) in 'type == IncidentType.WRONG_ITEMS'",
                "typos/t.drl:17: rule \"Free dessert\": OfferKind has no constant 'FREE_ITM' (did you mean 'FREE_ITEM'?)");
    }

    @Test
    void ruleNamesAreTakenWholeFromThePolicy() {
        List<String> known = List.of("AWARE 4: Resolve, then follow up on the customer's channel", "AWARE 4");
        assertThat(CompilerMessages.ruleIn("Error evaluating constraint in Rule name='AWARE 4: Resolve, then follow up "
                + "on the customer's channel'", known)).isEqualTo("AWARE 4: Resolve, then follow up on the customer's channel");
        // a name the policy does not know is read from the quotes, apostrophes and all
        assertThat(CompilerMessages.ruleIn("Rule name='Tom's table' failed", List.of())).isEqualTo("Tom's table");
        assertThat(CompilerMessages.ruleIn("in rule \"Plain\"", List.of())).isEqualTo("Plain");
        assertThat(CompilerMessages.ruleIn("nothing here", known)).isNull();
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError(needle);
    }
}
