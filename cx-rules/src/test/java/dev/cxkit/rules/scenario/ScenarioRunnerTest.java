package dev.cxkit.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicyCompilationException;
import dev.cxkit.rules.engine.PolicyOptions;
import dev.cxkit.rules.engine.PolicySource;
import dev.cxkit.rules.fact.PolicySettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;

class ScenarioRunnerTest {

    private static Policy restaurant;

    @BeforeAll
    static void compile() throws PolicyCompilationException {
        restaurant = Policy.compile(PolicySource.classpath("restaurant"),
                PolicyOptions.defaults().withTimeBudget(Duration.ofSeconds(30)));
    }

    @AfterAll
    static void close() {
        restaurant.close();
    }

    /** The meal-never-delivered story, with expectations that are wrong on purpose. */
    private static final String WRONG = """
            name: A party charged for a meal that never came
            given:
              incident:
                id: i-42
                type: ITEM_NOT_DELIVERED
                severity: MAJOR
                detected_at: 2025-06-14T19:30:00Z
                currency: EUR
                order_value: "92.50"
                items:
                  - {name: sea bass, price: "18.50", delivered: false}
                  - {name: mushroom risotto, price: "16.50", delivered: false}
              customer: {id: c-1, contact: {channel: SMS, address_kind: MOBILE}}
              context: {budget_left_today: "0.00"}
            expect:
              offers:
                - {kind: WAIVE_CHARGE, amount: "18.50", requires_approval: false}
                - {kind: WAIVE_CHARGE, amount: "18.50", requires_approval: false}
              steps:
                - {step: ACKNOWLEDGE, owner: FRONTLINE, due: 2025-06-14T19:35:00Z}
              escalations: []
              systemic: true
              fired: ["Wait comp: a free item"]
              not_fired: ["Manager check-in: major failure or a wait over twice the promise", "No such rule"]
            """;

    private static Scenario scenario(String yaml) {
        ScenarioFile file = ScenarioLoader.parse("wrong.yaml", yaml);
        assertThat(file.problems()).isEmpty();
        return file.scenario();
    }

    @Test
    void aWrongExpectationGivesADiffPerSection() {
        ScenarioResult result = ScenarioRunner.run(restaurant, scenario(WRONG));

        assertThat(result.passed()).isFalse();
        String check = "Manager check-in: major failure or a wait over twice the promise";
        String waiver = "Never charge for an item that was never delivered";
        assertThat(result.differences()).containsExactly(
                "rules:",
                "  no rule named \"No such rule\" in policy restaurant",
                "offers: expected 2, got 2",
                "  missing:    WAIVE_CHARGE EUR 18.50, requires_approval: false",
                "  unexpected: WAIVE_CHARGE EUR 16.50, reason: \"'mushroom risotto' never arrived: it comes off "
                        + "the bill\", requires_approval: false, requires_consent: false (rule \"" + waiver + "\")",
                "steps:",
                "  ACKNOWLEDGE due: expected 2025-06-14T19:35:00Z, got 2025-06-14T19:32:00Z (rule \"AWARE 1: "
                        + "Acknowledge\")",
                "escalations: expected 0, got 1",
                "  unexpected: to MANAGER, due 2025-06-14T19:35:00Z, reason: \"a MAJOR failure: the manager checks "
                        + "in with the customer\" (rule \"" + check + "\")",
                "systemic: expected true, got false",
                "fired:",
                "  should have fired but did not: \"Wait comp: a free item\"",
                "not_fired:",
                "  should not have fired but did: \"" + check + "\"");
        assertThat(result.report()).startsWith("FAIL A party charged for a meal that never came\n    rules:\n"
                + "      no rule named");
    }

    @Test
    void theRightExpectationsPass() {
        String right = WRONG.substring(0, WRONG.indexOf("expect:")) + """
                expect:
                  offers:
                    - {kind: WAIVE_CHARGE, amount: "16.50"}
                    - {kind: WAIVE_CHARGE, amount: "18.50", requires_approval: false}
                  steps: [{step: ACKNOWLEDGE, owner: FRONTLINE, due: PT2M}]
                  escalations: [{to: MANAGER, due: PT5M}]
                  systemic: false
                  fired: ["Never charge for an item that was never delivered"]
                  not_fired: ["Budget: today's comp budget is spent, comps need a manager"]
                """;

        ScenarioResult result = ScenarioRunner.run(restaurant, scenario(right));

        assertThat(result.differences()).isEmpty();
        assertThat(result.report()).isEqualTo("PASS A party charged for a meal that never came");
        assertThat(result.decided()).isPresent();
    }

    @Test
    void aLooseExpectationDoesNotStealTheOfferAStricterOneNeeds() {
        // The first expectation matches both waivers; the second only the 16.50 one. A greedy pairing
        // would give the 16.50 waiver to the first and report the second missing.
        String loose = WRONG.substring(0, WRONG.indexOf("expect:")) + """
                expect:
                  offers: [{kind: WAIVE_CHARGE}, {kind: WAIVE_CHARGE, amount: "16.50"}]
                """;

        assertThat(ScenarioRunner.run(restaurant, scenario(loose)).differences()).isEmpty();
    }

    /** The issue: when only a reason differs, the actual reason must be in the diff. */
    @Test
    void aReasonThatDiffersShowsTheActualOne() {
        String yaml = WRONG.substring(0, WRONG.indexOf("expect:")) + """
                expect:
                  offers:
                    - {kind: WAIVE_CHARGE, amount: "16.50", reason: "the risotto never came"}
                    - {kind: WAIVE_CHARGE, amount: "18.50"}
                """;
        assertThat(ScenarioRunner.run(restaurant, scenario(yaml)).differences()).contains(
                "  unexpected: WAIVE_CHARGE EUR 16.50, reason: \"'mushroom risotto' never arrived: it comes off the "
                        + "bill\", requires_approval: false, requires_consent: false (rule \"Never charge for an item "
                        + "that was never delivered\")");
    }

    @Test
    void aScenarioCanExpectTheDecisionToFail() {
        Policy broken = restaurant.withSettings(PolicySettings.of("broken/settings.properties", Map.of("currency", "EUR")));
        String given = WRONG.substring(0, WRONG.indexOf("expect:"));
        ScenarioResult expected = ScenarioRunner.run(broken, scenario(given + "expect:\n  fails: \"is missing\"\n"));
        assertThat(expected.differences()).isEmpty();
        assertThat(expected.passed()).isTrue();
        ScenarioResult otherWords = ScenarioRunner.run(broken, scenario(given + "expect:\n  fails: \"time budget\"\n"));
        assertThat(otherWords.differences()).singleElement().satisfies(d ->
                assertThat(d).startsWith("fails: expected a failure containing \"time budget\", got: incident i-42"));
        ScenarioResult decided = ScenarioRunner.run(restaurant, scenario(given + "expect:\n  fails: \"is missing\"\n"));
        assertThat(decided.differences()).singleElement().satisfies(d ->
                assertThat(d).startsWith("fails: expected the decision to fail with \"is missing\", but it decided: "
                        + "2 offers"));
        ScenarioFile both = ScenarioLoader.parse("both.yaml", given + "expect:\n  fails: \"x\"\n  offers: []\n");
        assertThat(both.problems()).singleElement().satisfies(p ->
                assertThat(p.toString()).contains("expect either fails or the plan's sections"));
    }

    @Test
    void amountsWithoutACurrencyAreInThePolicysCurrency() {
        String yaml = WRONG.replace("    currency: EUR\n", "");
        assertThat(ScenarioLoader.parse("no-currency.yaml", yaml).problems()).as("no currency anywhere")
                .anySatisfy(p -> assertThat(p.toString()).contains("has no currency"));
        ScenarioFile file = ScenarioLoader.parse("no-currency.yaml", yaml, java.util.Currency.getInstance("EUR"));
        assertThat(file.problems()).isEmpty();
        assertThat(file.scenario().incident().orderValue()).isEqualTo(dev.cxkit.rules.fact.Money.of("92.50", "EUR"));
        // an incident that names its own currency keeps it
        ScenarioFile own = ScenarioLoader.parse("gbp.yaml", WRONG.replace("currency: EUR", "currency: GBP"),
                java.util.Currency.getInstance("EUR"));
        assertThat(own.scenario().incident().orderValue().currency().getCurrencyCode()).isEqualTo("GBP");
    }

    @Test
    void anUnknownSettingAndAFailingDecisionAreReported() {
        Policy broken = restaurant.withSettings(PolicySettings.of("broken/settings.properties",
                Map.of("currency", "EUR", "nonsense", "1")));
        String yaml = WRONG.substring(0, WRONG.indexOf("expect:")).replace("  context:",
                "  settings: {contact.credti: \"30.00\"}\n  context:") + "expect:\n  offers: []\n";

        ScenarioResult result = ScenarioRunner.run(broken, scenario(yaml));

        assertThat(result.differences()).hasSize(3);
        assertThat(result.differences().get(0)).isEqualTo("settings:");
        assertThat(result.differences().get(1)).isEqualTo("  no setting 'contact.credti' in broken/settings.properties");
        assertThat(result.differences().get(2)).startsWith("decision failed: incident i-42, rule \"")
                .contains("is missing");
        assertThat(result.decided()).isEmpty();
    }

    @Test
    void dynamicTestsFailForAFailingScenarioAndForAnInvalidFile() {
        List<ScenarioFile> files = List.of(ScenarioLoader.parse("wrong.yaml", WRONG),
                ScenarioLoader.parse("bad.yaml", "name: x\n"));

        List<DynamicTest> tests = ScenarioTests.dynamicTests(restaurant, files).toList();

        assertThat(tests).extracting(DynamicTest::getDisplayName)
                .containsExactly("A party charged for a meal that never came", "bad.yaml");
        assertThat(Stream.of(0, 1).map(i -> failure(tests.get(i)))).satisfiesExactly(
                m -> assertThat(m).startsWith("wrong.yaml: FAIL A party charged").contains("should have fired"),
                m -> assertThat(m).isEqualTo("invalid scenario file:\nbad.yaml: given: is required\n"
                        + "bad.yaml: expect: is required"));
    }

    @Test
    void noScenarioFilesIsAFailingTestNotAPass() {
        List<DynamicTest> tests = ScenarioTests.dynamicTests(restaurant, List.of()).toList();

        assertThat(tests).singleElement().satisfies(t -> assertThat(failure(t)).startsWith("no scenario files"));
    }

    private static String failure(DynamicTest test) {
        try {
            test.getExecutable().execute();
        } catch (Throwable e) {
            return e.getMessage();
        }
        return "(passed)";
    }
}
