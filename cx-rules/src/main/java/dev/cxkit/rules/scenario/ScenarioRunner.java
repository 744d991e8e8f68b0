package dev.cxkit.rules.scenario;

import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.fact.PolicySettings;
import dev.cxkit.rules.plan.Escalation;
import dev.cxkit.rules.plan.FollowUp;
import dev.cxkit.rules.plan.Offer;
import dev.cxkit.rules.plan.RecoveryPlan;
import dev.cxkit.rules.plan.StepPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Runs scenarios against a policy and compares the plan with what each scenario expects.
 *
 * <p>How each section of {@code expect} is compared is described in the
 * {@linkplain dev.cxkit.rules.scenario package documentation}. Besides the plan, the runner checks
 * the scenario against the policy: every rule named in {@code fired} or {@code not_fired} and
 * every key in {@code given.settings} must exist in the policy, so a typo fails instead of
 * passing silently. A decision that throws fails the scenario with the error.
 *
 * <p>Thread-safe: all methods are static, and a {@link Policy} decides from any thread.
 *
 * @since 0.1.0
 */
public final class ScenarioRunner {

    private ScenarioRunner() {
    }

    /**
     * Runs one scenario.
     *
     * @param policy the policy
     * @param scenario the scenario
     * @return passed, or failed with the diff
     */
    public static ScenarioResult run(Policy policy, Scenario scenario) {
        List<String> diff = new ArrayList<>();
        Expectations expect = scenario.expect();
        Set<String> rules = new HashSet<>(policy.ruleNames());
        List<String> unknownRules = new ArrayList<>();
        for (List<String> names : Arrays.asList(expect.fired(), expect.notFired())) {
            if (names != null) {
                names.stream().filter(n -> !rules.contains(n)).forEach(unknownRules::add);
            }
        }
        if (!unknownRules.isEmpty()) {
            diff.add("rules:");
            unknownRules.forEach(n -> diff.add("  no rule named \"" + n + "\" in policy " + policy.name()));
        }
        Policy deciding = policy;
        if (!scenario.settings().isEmpty()) {
            PolicySettings base = policy.source().settings();
            Set<String> unknown = new TreeSet<>(scenario.settings().keySet());
            unknown.removeAll(base.values().keySet());
            if (!unknown.isEmpty()) {
                diff.add("settings:");
                unknown.forEach(k -> diff.add("  no setting '" + k + "' in " + base.source()));
            }
            deciding = policy.withSettings(base.with(scenario.settings()));
        }
        RecoveryPlan plan;
        try {
            plan = deciding.decide(scenario.incident(), scenario.customer(), scenario.context());
        } catch (RuntimeException e) {
            if (expect.fails() == null) {
                diff.add("decision failed: " + e.getMessage());
            } else if (!String.valueOf(e.getMessage()).contains(expect.fails())) {
                diff.add("fails: expected a failure containing \"" + expect.fails() + "\", got: " + e.getMessage());
            }
            return new ScenarioResult(scenario, null, diff);
        }
        if (expect.fails() != null) {
            diff.add("fails: expected the decision to fail with \"" + expect.fails() + "\", but it decided: "
                    + plan.offers().size() + " offers, " + plan.steps().size() + " steps; rules fired: "
                    + plan.firedRuleNames());
            return new ScenarioResult(scenario, plan, diff);
        }
        compare(expect, plan, diff);
        return new ScenarioResult(scenario, plan, diff);
    }

    /**
     * Runs several scenarios, in order.
     *
     * @param policy the policy
     * @param scenarios the scenarios
     * @return one result per scenario
     */
    public static List<ScenarioResult> runAll(Policy policy, List<Scenario> scenarios) {
        List<ScenarioResult> out = new ArrayList<>();
        for (Scenario s : scenarios) {
            out.add(run(policy, s));
        }
        return out;
    }

    private static void compare(Expectations expect, RecoveryPlan plan, List<String> diff) {
        if (expect.offers() != null) {
            multiset("offers", expect.offers(), plan.offers(), ExpectedOffer::matches, ScenarioRunner::describe, diff);
        }
        if (expect.steps() != null) {
            steps(expect.steps(), plan, diff);
        }
        if (expect.escalations() != null) {
            multiset("escalations", expect.escalations(), plan.escalations(), ExpectedEscalation::matches,
                    ScenarioRunner::describe, diff);
        }
        if (expect.followUps() != null) {
            multiset("follow_ups", expect.followUps(), plan.followUps(), ExpectedFollowUp::matches,
                    ScenarioRunner::describe, diff);
        }
        if (expect.systemic() != null && expect.systemic() != plan.systemicIssue()) {
            diff.add("systemic: expected " + expect.systemic() + ", got " + plan.systemicIssue());
        }
        List<String> fired = plan.firedRuleNames();
        if (expect.fired() != null) {
            List<String> missing = expect.fired().stream().filter(n -> !fired.contains(n)).toList();
            if (!missing.isEmpty()) {
                diff.add("fired:");
                missing.forEach(n -> diff.add("  should have fired but did not: \"" + n + "\""));
            }
        }
        if (expect.notFired() != null) {
            List<String> wrong = expect.notFired().stream().filter(fired::contains).toList();
            if (!wrong.isEmpty()) {
                diff.add("not_fired:");
                wrong.forEach(n -> diff.add("  should not have fired but did: \"" + n + "\""));
            }
        }
    }

    private static void steps(List<ExpectedStep> expected, RecoveryPlan plan, List<String> diff) {
        List<String> lines = new ArrayList<>();
        for (ExpectedStep e : expected) {
            Optional<StepPlan> found = plan.step(e.step());
            if (found.isEmpty()) {
                lines.add("  " + e.step() + ": missing (the plan has no " + e.step() + " step)");
                continue;
            }
            StepPlan a = found.get();
            String by = " (rule \"" + a.rule() + "\")";
            if (e.owner() != null && e.owner() != a.owner()) {
                lines.add("  " + e.step() + " owner: expected " + e.owner() + ", got " + a.owner() + by);
            }
            if (e.due() != null && !e.due().equals(a.due())) {
                lines.add("  " + e.step() + " due: expected " + e.due() + ", got " + a.due() + by);
            }
            if (e.instruction() != null && !e.instruction().equals(a.instruction())) {
                lines.add("  " + e.step() + " instruction: expected \"" + e.instruction() + "\", got \""
                        + a.instruction() + "\"" + by);
            }
            if (e.rule() != null && !e.rule().equals(a.rule())) {
                lines.add("  " + e.step() + " rule: expected \"" + e.rule() + "\", got \"" + a.rule() + "\"");
            }
        }
        if (!lines.isEmpty()) {
            diff.add("steps:");
            diff.addAll(lines);
        }
    }

    /**
     * Compares an exact multiset: every expectation must be matched by its own actual item, and
     * every actual item by an expectation. Expectations may leave fields out, so an item can match
     * several of them; a maximum bipartite matching (augmenting paths) finds the best pairing.
     */
    private static <E, A> void multiset(String section, List<E> expected, List<A> actual, BiPredicate<E, A> matches,
            Function<A, String> describe, List<String> diff) {
        int[] matchOfActual = new int[actual.size()];
        Arrays.fill(matchOfActual, -1);
        for (int e = 0; e < expected.size(); e++) {
            augment(e, expected, actual, matches, matchOfActual, new boolean[actual.size()]);
        }
        boolean[] expectedMatched = new boolean[expected.size()];
        for (int m : matchOfActual) {
            if (m >= 0) {
                expectedMatched[m] = true;
            }
        }
        List<String> lines = new ArrayList<>();
        for (int e = 0; e < expected.size(); e++) {
            if (!expectedMatched[e]) {
                lines.add("  missing:    " + expected.get(e));
            }
        }
        for (int a = 0; a < actual.size(); a++) {
            if (matchOfActual[a] < 0) {
                lines.add("  unexpected: " + describe.apply(actual.get(a)));
            }
        }
        if (!lines.isEmpty()) {
            diff.add(section + ": expected " + expected.size() + ", got " + actual.size()
                    + (actual.isEmpty() ? " (none)" : ""));
            diff.addAll(lines);
        }
    }

    private static <E, A> boolean augment(int e, List<E> expected, List<A> actual, BiPredicate<E, A> matches,
            int[] matchOfActual, boolean[] visited) {
        for (int a = 0; a < actual.size(); a++) {
            if (!visited[a] && matches.test(expected.get(e), actual.get(a))) {
                visited[a] = true;
                if (matchOfActual[a] < 0
                        || augment(matchOfActual[a], expected, actual, matches, matchOfActual, visited)) {
                    matchOfActual[a] = e;
                    return true;
                }
            }
        }
        return false;
    }

    static String describe(Offer o) {
        StringBuilder sb = new StringBuilder().append(o.kind());
        if (o.amount() != null) {
            sb.append(' ').append(o.amount());
        }
        sb.append(", reason: \"").append(o.reason()).append('"');
        sb.append(", requires_approval: ").append(o.requiresApproval())
                .append(", requires_consent: ").append(o.requiresConsent());
        if (!o.notes().isEmpty()) {
            sb.append(", notes: ").append(o.notes());
        }
        return sb.append(" (rule \"").append(o.rule()).append("\")").toString();
    }

    static String describe(Escalation e) {
        return "to " + e.to() + ", due " + e.due() + ", reason: \"" + e.reason() + "\" (rule \"" + e.rule() + "\")";
    }

    static String describe(FollowUp f) {
        return f.channel() + " (" + f.addressKind() + "), due " + f.due() + " (rule \"" + f.rule() + "\")";
    }
}
