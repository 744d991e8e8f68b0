package dev.cxkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.fact.PolicySettings;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Settings are checked against what the rules read, before any rule runs: the cases (a
 * misspelt key silently ignored, {@code 9h} and {@code 400,00} failing at decision time with a raw
 * NumberFormatException, durations only in minutes).
 */
class SettingsCheckTest {

    private static final String DRL = PolicyTest.HEADER + """
            global PlanDraft plan;
            global PolicySettings settings;
            rule "Acknowledge"
            when
                $i : Incident( minutesWaited > settings.minutes("wait.threshold") )
            then
                plan.step(AwareStep.ACKNOWLEDGE, Owner.FRONTLINE, plan.after($i.detectedAt(),
                        settings.minutes("acknowledge.minutes")), settings.text("acknowledge.text"));
            end
            rule "Discount"
            when
                Incident()
            then
                plan.offer(OfferKind.DISCOUNT, settings.money("discount.amount"), "sorry");
                int n = settings.integer("repeat.count");
                java.math.BigDecimal share = settings.decimal("discount.share");
            end
            """;

    /** Settings that fit the rules above. */
    private static final String PLAIN = """
                currency = EUR
                wait.threshold = 20
                acknowledge.minutes = 2
                acknowledge.text = Apologise.
                discount.amount = 12.50
                repeat.count = 3
                discount.share = 0.25
                """;

    private static PolicySettings settings(String text) throws IOException {
        return PolicySettings.read("p/settings.properties", new StringReader(text));
    }

    private static List<PolicyProblem> check(String settingsText) throws IOException {
        return SettingsCheck.check(PolicySource.of("p", Map.of("p.drl", DRL), settings(settingsText)));
    }

    @Test
    void goodSettingsHaveNoProblemsAndTypedUnitsRead() throws IOException {
        String text = """
                # the numbers
                currency = EUR
                wait.threshold = 20
                acknowledge.minutes = 2h
                acknowledge.text = Apologise.
                discount.amount = 12.50 EUR
                repeat.count = 3
                discount.share = 0.25
                """;
        assertThat(check(text)).isEmpty();
        PolicySettings s = settings(text);
        assertThat(s.minutes("acknowledge.minutes")).isEqualTo(120);
        assertThat(s.minutes("wait.threshold")).isEqualTo(20);
        assertThat(s.money("discount.amount")).isEqualTo(Money.of("12.50", "EUR"));
        assertThat(s.line("discount.amount")).isEqualTo(6);
        assertThat(settings("x = 30d\ny = 90m\nz = PT1H30M\nw = EUR 3\ncurrency = EUR\n").minutes("x")).isEqualTo(43200);
        assertThat(settings("y = 90m\n").minutes("y")).isEqualTo(90);
        assertThat(settings("z = PT1H30M\n").minutes("z")).isEqualTo(90);
        assertThat(settings("w = EUR 3\ncurrency = EUR\n").money("w")).isEqualTo(Money.of("3.00", "EUR"));
    }

    @Test
    void eachMistakeIsNamedWithItsLineAndAHint() throws IOException {
        List<PolicyProblem> problems = check("""
                currency = EUR
                wait.threshold = 20
                acknowledge.minutes = 9 hours and a bit
                acknowledge.text = Apologise.
                discount.amount = 12.50 USD
                repeat.count = 9h
                discount.share = 400,00
                acknowledge.minutez = 5
                """);
        assertThat(problems).extracting(PolicyProblem::toString).containsExactlyInAnyOrder(
                "p/settings.properties:3: setting 'acknowledge.minutes' = '9 hours and a bit' is not a number of "
                        + "minutes (write 90, 90m, 3h or 30d) (read by rule \"Acknowledge\" as minutes)",
                "p/settings.properties:5: setting 'discount.amount' = '12.50 USD' is in USD, but this pack's "
                        + "currency is EUR (read by rule \"Discount\" as money)",
                "p/settings.properties:6: setting 'repeat.count' = '9h' is not a number (read by rule \"Discount\" as "
                        + "integer)",
                "p/settings.properties:7: setting 'discount.share' = '400,00' is not a number (write decimals with a "
                        + "dot: 400.00) (read by rule \"Discount\" as decimal)",
                "p/settings.properties:8: warning: acknowledge.minutez: no rule reads this setting, so it changes "
                        + "nothing (did you mean 'acknowledge.minutes', which rule \"Acknowledge\" reads?)");
    }

    @Test
    void aMissingKeyIsBlamedOnTheRuleThatReadsItEvenInACondition() throws IOException {
        List<PolicyProblem> problems = check(PLAIN.replace("wait.threshold", "wait.treshold"));
        assertThat(problems).filteredOn(PolicyProblem::error).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("p/p.drl");
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.rule()).isEqualTo("Acknowledge");
            assertThat(p.message()).isEqualTo("reads setting 'wait.threshold', which p/settings.properties does not "
                    + "have (did you mean 'wait.treshold'?)");
        });
        assertThatThrownBy(() -> Policy.compile(PolicySource.of("p", Map.of("p.drl", DRL), settings("currency = EUR\n"))))
                .isInstanceOf(PolicyCompilationException.class).hasMessageContaining("wait.threshold");
    }

    @Test
    void anOverlayIsCheckedAgainstTheRules() throws Exception {
        PolicySettings base = settings(PLAIN);
        try (Policy policy = Policy.compile(PolicySource.of("p", Map.of("p.drl", DRL), base), PolicyTest.RELAXED)) {
            assertThat(policy.checkSettings(base)).isEmpty();
            List<PolicyProblem> problems = policy.checkSettings(base.with(Map.of("discount.amount", "lots",
                    "discount.amout", "20")));
            assertThat(problems).extracting(PolicyProblem::error).containsExactly(true, false);
            assertThat(problems.get(0).message()).contains("'lots' is not a number");
            assertThat(problems.get(1).message()).contains("did you mean 'discount.amount'");
        }
    }

    @Test
    void bundledPacksHaveNoSettingsProblems() {
        assertThat(SettingsCheck.check(PolicySource.classpath("restaurant"))).isEmpty();
        assertThat(SettingsCheck.check(PolicySource.classpath("eu261"))).isEmpty();
    }

    @Test
    void linesFollowThePropertiesFormat() throws IOException {
        PolicySettings s = settings("""
                # comment = not a key
                ! also a comment
                a = one \\
                    b = still a's value
                c:3
                d\\ e = 4
                a = last wins
                """);
        assertThat(s.line("a")).isEqualTo(7);
        assertThat(s.line("c")).isEqualTo(5);
        assertThat(s.line("d e")).isEqualTo(6);
        assertThat(s.line("b")).isZero();
        assertThat(s.values()).containsOnlyKeys("a", "c", "d e");
        assertThat(s.with(Map.of("c", "9")).line("c")).as("an override is not on that line").isZero();
    }
}
