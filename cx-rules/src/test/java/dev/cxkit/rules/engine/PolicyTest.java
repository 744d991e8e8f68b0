package dev.cxkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.core.service.AddressKind;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.fact.PolicySettings;
import dev.cxkit.rules.fact.RecoveryContext;
import dev.cxkit.rules.fact.Severity;
import dev.cxkit.rules.plan.AwareStep;
import dev.cxkit.rules.plan.OfferKind;
import dev.cxkit.rules.plan.Owner;
import dev.cxkit.rules.plan.RecoveryPlan;
import dev.cxkit.rules.plan.StepPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PolicyTest {

    static final String HEADER = """
            package test.policy;
            import dev.cxkit.rules.fact.*;
            import dev.cxkit.rules.plan.*;
            """;

    static final String GOOD = HEADER + """
            rule "Acknowledge"
            when
                $i : Incident()
                $p : PlanDraft()
                $s : PolicySettings()
            then
                $p.step(AwareStep.ACKNOWLEDGE, Owner.FRONTLINE, $p.after($i.detectedAt(), $s.minutes("ack.minutes")),
                        "Apologize sincerely.");
            end

            rule "Remake a wrong item"
            when
                $i : Incident( type == IncidentType.WRONG_ITEM, severity.atLeast(Severity.MODERATE) )
                $p : PlanDraft()
            then
                $p.offer(OfferKind.REMAKE, "Remake it now");
            end

            rule "Cap every money offer"
            when
                $o : OfferDraft( money, !requiresApproval )
            then
                modify($o) { requireApproval("checked by a guard") }
            end

            rule "Waive what never came"
            when
                $i : Incident()
                $p : PlanDraft()
                $item : AffectedItem( delivered == false ) from $i.items()
            then
                $p.offerExempt(OfferKind.WAIVE_CHARGE, $item.price(), "Never charge for " + $item.name());
            end
            """;

    static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

    /**
     * Guard rails for tests that are not about time: the first decisions of a fresh JVM load the
     * rules' classes and, on a busy machine, can take longer than the default 100 ms.
     */
    static final PolicyOptions RELAXED = PolicyOptions.defaults().withTimeBudget(Duration.ofSeconds(30));

    static PolicySource source(String name, Map<String, String> files) {
        return PolicySource.of(name, files, PolicySettings.of(name + "/settings.properties",
                Map.of("ack.minutes", "2", "currency", "EUR")));
    }

    static Incident wrongItem(String id) {
        return Incident.builder(id, IncidentType.WRONG_ITEM).severity(Severity.MAJOR).detectedAt(T0)
                .orderValue(Money.of("40.00", "EUR"))
                .item(new dev.cxkit.rules.fact.AffectedItem("soup", Money.of("6.50", "EUR"), false)).build();
    }

    static Customer customer() {
        return new Customer("c1", null, null, new ContactPreference(Channel.SMS, AddressKind.MOBILE), 0);
    }

    @Test
    void compilesAndDecidesWithAnAuditTrail() throws Exception {
        try (Policy policy = Policy.compile(source("demo", Map.of("demo.drl", GOOD)), RELAXED)) {
            assertThat(policy.ruleNames()).contains("Acknowledge", "Remake a wrong item");
            RecoveryPlan plan = policy.decide(wrongItem("i1"), customer(), RecoveryContext.at(T0));
            assertThat(plan.incidentId()).isEqualTo("i1");
            assertThat(plan.step(AwareStep.ACKNOWLEDGE).orElseThrow().due()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
            assertThat(plan.step(AwareStep.ACKNOWLEDGE).orElseThrow().owner()).isEqualTo(Owner.FRONTLINE);
            assertThat(plan.offers(OfferKind.REMAKE)).hasSize(1);
            assertThat(plan.offers(OfferKind.WAIVE_CHARGE)).singleElement()
                    .satisfies(o -> {
                        assertThat(o.amount()).isEqualTo(Money.of("6.50", "EUR"));
                        assertThat(o.requiresApproval()).isTrue();
                        assertThat(o.notes()).containsExactly("checked by a guard");
                    });
            assertThat(plan.firedRuleNames()).contains("Acknowledge", "Remake a wrong item", "Waive what never came",
                    "Cap every money offer");
            assertThat(plan.firedRules()).filteredOn(f -> f.name().equals("Cap every money offer")).singleElement()
                    .satisfies(f -> assertThat(f.effects()).singleElement().asString().contains("checked by a guard"));
        }
    }

    @Test
    void reportsEveryCompileErrorWithFileLineAndRule() {
        String bad = HEADER + """
                rule "Long wait discount"
                when
                    $i : Incident( waitMinutez > 10 )
                then
                end

                rule "Second problem"
                when
                    $i : Incident( noSuchField == 3 )
                then
                end
                """;
        Map<String, String> files = new LinkedHashMap<>();
        files.put("ok.drl", GOOD);
        files.put("comp.drl", bad);
        assertThatThrownBy(() -> Policy.compile(source("restaurant", files)))
                .isInstanceOfSatisfying(PolicyCompilationException.class, e -> {
                    List<PolicyProblem> errors = e.problems().stream().filter(PolicyProblem::error).toList();
                    assertThat(errors).hasSizeGreaterThanOrEqualTo(2);
                    assertThat(errors).allSatisfy(p -> assertThat(p.file()).isEqualTo("restaurant/comp.drl"));
                    assertThat(errors).anySatisfy(p -> {
                        assertThat(p.line()).isEqualTo(6);
                        assertThat(p.toString()).startsWith("restaurant/comp.drl:6: rule \"Long wait discount\": unable to resolve field 'waitMinutez' of Incident");
                    });
                    assertThat(errors).anySatisfy(p -> assertThat(p.toString()).contains("noSuchField"));
                    assertThat(e.getMessage()).contains("restaurant/comp.drl:6");
                });
    }

    @Test
    void firingLimitFailsOnlyThatDecision() throws Exception {
        String looping = HEADER + """
                rule "Loops forever"
                when
                    $o : OfferDraft()
                then
                    modify($o) { requireConsent("again") }
                end
                rule "Offer"
                when
                    $p : PlanDraft()
                then
                    $p.offer(OfferKind.REMAKE, "x");
                end
                """;
        try (Policy policy = Policy.compile(source("loop", Map.of("loop.drl", looping)),
                RELAXED.withFiringLimit(50))) {
            assertThatThrownBy(() -> policy.decide(wrongItem("i9"), customer(), RecoveryContext.at(T0)))
                    .isInstanceOfSatisfying(DecisionException.class, e -> {
                        assertThat(e.incidentId()).isEqualTo("i9");
                        assertThat(e.rule()).isEqualTo("Loops forever");
                        assertThat(e.getMessage()).contains("firing limit of 50");
                    });
        }
    }

    @Test
    void consequenceExceptionNamesTheRule() throws Exception {
        String throwing = HEADER + """
                rule "Reads a missing setting"
                when
                    $s : PolicySettings()
                then
                    $s.minutes("no.such." + "key"); // computed, so only the decision can find it missing
                end
                """;
        try (Policy policy = Policy.compile(source("t", Map.of("t.drl", throwing)), RELAXED)) {
            assertThatThrownBy(() -> policy.decide(wrongItem("i2"), customer(), RecoveryContext.at(T0)))
                    .isInstanceOfSatisfying(DecisionException.class, e -> {
                        assertThat(e.rule()).isEqualTo("Reads a missing setting");
                        assertThat(e.getMessage()).contains("incident i2").contains("no.such.key");
                    });
        }
    }

    @Test
    void timeBudgetAbandonsAConsequenceThatDoesNotReturnAndTooManyStuckOnesAreRefused() throws Exception {
        String stuck = HEADER + """
                rule "Does not return"
                when
                    $i : Incident( id.startsWith("stuck") )
                then
                    dev.cxkit.rules.engine.StuckConsequence.block();
                end
                rule "Acknowledge"
                when
                    $i : Incident()
                    $p : PlanDraft()
                then
                    $p.step(AwareStep.ACKNOWLEDGE, Owner.FRONTLINE, $i.detectedAt(), "Apologize.");
                end
                """;
        try (Policy policy = Policy.compile(source("s", Map.of("s.drl", stuck)),
                PolicyOptions.defaults().withTimeBudget(Duration.ofMillis(200)).withMaxStuckDecisions(2))) {
            for (int i = 1; i <= 2; i++) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> policy.decide(wrongItem("stuck"), customer(), RecoveryContext.at(T0)))
                        .isInstanceOfSatisfying(DecisionException.class, e -> {
                            assertThat(e.rule()).isEqualTo("Does not return");
                            assertThat(e.getMessage()).contains("time budget of 200 ms");
                        });
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
                assertThat(policy.stuckDecisions()).isEqualTo(i);
            }
            // two threads are held: the next decision is refused at once, even a harmless one
            assertThatThrownBy(() -> policy.withOptions(RELAXED.withMaxStuckDecisions(2))
                    .decide(wrongItem("fine"), customer(), RecoveryContext.at(T0)))
                    .isInstanceOf(DecisionException.class).hasMessageContaining("refused: 2 earlier decisions");

            StuckConsequence.GATE.countDown();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (policy.stuckDecisions() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(policy.stuckDecisions()).isZero();
            assertThat(policy.abandonedDecisions()).isEqualTo(2);
            // the stuck threads ended: decisions are accepted again (relaxed budget: outcome, not time)
            assertThat(policy.withOptions(RELAXED).decide(wrongItem("fine"), customer(), RecoveryContext.at(T0)).steps())
                    .hasSize(1);
        }
    }

    @Test
    void thePlanAndSettingsAreFactsOnlyForPoliciesThatMatchThem() throws Exception {
        // GOOD matches $p : PlanDraft() and $s : PolicySettings(); the bundled pack reaches both through globals
        try (Policy good = Policy.compile(source("good", Map.of("good.drl", GOOD)), RELAXED);
                Policy restaurant = Policy.compile(PolicySource.classpath("restaurant"), RELAXED)) {
            assertThat(good.insertsPlanFact()).isTrue();
            assertThat(good.insertsSettingsFact()).isTrue();
            assertThat(restaurant.insertsPlanFact()).isFalse();
            assertThat(restaurant.insertsSettingsFact()).isFalse();
        }
        String bySettingsFact = HEADER + "global PlanDraft plan;\n" + """
                rule "Reads the settings as a fact, not the plan"
                when
                    $s : PolicySettings( integer("n") > 0 )
                    $i : Incident()
                then
                    plan.step(AwareStep.ACKNOWLEDGE, Owner.FRONTLINE, $i.detectedAt(), "Apologize " + $s.integer("n") + " times.");
                end
                """;
        try (Policy policy = Policy.compile(PolicySource.of("s", Map.of("s.drl", bySettingsFact),
                PolicySettings.of("s", Map.of("n", "2", "currency", "EUR"))), RELAXED)) {
            assertThat(policy.insertsSettingsFact()).isTrue();
            assertThat(policy.insertsPlanFact()).isFalse();
            assertThat(policy.decide(wrongItem("x"), customer(), RecoveryContext.at(T0)).steps())
                    .extracting(StepPlan::instruction).containsExactly("Apologize 2 times.");
        }
    }

    @Test
    void manyThreadsGetTheSamePlansAsOne() throws Exception {
        // a generous budget: this test is about equal plans, and the machine running it may be busy
        try (Policy policy = Policy.compile(source("demo", Map.of("demo.drl", GOOD)), RELAXED)) {
            List<Incident> incidents = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                incidents.add(i % 2 == 0 ? wrongItem("w" + i)
                        : Incident.builder("l" + i, IncidentType.LONG_WAIT).detectedAt(T0.plusSeconds(i)).build());
            }
            List<RecoveryPlan> serial = new ArrayList<>();
            for (Incident incident : incidents) {
                serial.add(policy.decide(incident, customer(), RecoveryContext.at(T0)));
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<RecoveryPlan>> futures = new ArrayList<>();
                for (Incident incident : incidents) {
                    futures.add(pool.submit(() -> policy.decide(incident, customer(), RecoveryContext.at(T0))));
                }
                for (int i = 0; i < incidents.size(); i++) {
                    assertThat(futures.get(i).get()).isEqualTo(serial.get(i));
                }
            } finally {
                pool.shutdown();
            }
        }
    }
}
