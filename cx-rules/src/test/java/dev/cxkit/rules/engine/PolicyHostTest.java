package dev.cxkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.rules.fact.RecoveryContext;
import dev.cxkit.rules.plan.RecoveryPlan;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What a host application needs: its own executor for decisions, and reloads that free the old version. */
class PolicyHostTest {

    @Test
    void decisionsRunOnTheHostsExecutor() throws Exception {
        AtomicInteger created = new AtomicInteger();
        ExecutorService host = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "host-decisions-" + created.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        String drl = PolicyTest.HEADER + """
                global PlanDraft plan;
                rule "Note the thread"
                when
                    Incident()
                then
                    plan.markSystemic(Thread.currentThread().getName());
                end
                """;
        try (Policy policy = Policy.compile(PolicyTest.source("host", Map.of("h.drl", drl)),
                PolicyTest.RELAXED.withExecutor(host))) {
            RecoveryPlan plan = policy.decide(PolicyTest.wrongItem("i1"), PolicyTest.customer(),
                    RecoveryContext.at(PolicyTest.T0));
            assertThat(plan.systemicIssue()).isTrue();
            assertThat(created.get()).as("the host's threads ran the decisions").isPositive();
        } finally {
            host.shutdownNow();
        }
        // an executor that refuses fails the decision, not the caller
        ExecutorService shut = Executors.newSingleThreadExecutor();
        shut.shutdown();
        try (Policy policy = Policy.compile(PolicyTest.source("host", Map.of("h.drl", drl)), PolicyTest.RELAXED)) {
            assertThatThrownBy(() -> policy.withOptions(policy.options().withExecutor(shut)).decide(
                    PolicyTest.wrongItem("i2"), PolicyTest.customer(), RecoveryContext.at(PolicyTest.T0)))
                    .isInstanceOf(DecisionException.class).hasMessageContaining("the executor refused the decision");
        }
    }

    /** A reload closes the replaced version once the decision running on it ends; that decision finishes. */
    @Test
    void aReloadClosesTheOldVersionAfterItsRunningDecisions() throws Exception {
        String blocking = PolicyTest.HEADER + """
                rule "Waits for the test"
                when
                    Incident( id == "slow" )
                then
                    dev.cxkit.rules.engine.StuckConsequence.block("reload");
                end
                """;
        ReloadablePolicy reloadable = ReloadablePolicy.of(Policy.compile(PolicyTest.source("v1",
                Map.of("v.drl", blocking)), PolicyTest.RELAXED.withTimeBudget(Duration.ofSeconds(30))));
        Policy v1 = reloadable.current();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<RecoveryPlan> running = caller.submit(() -> v1.decide(PolicyTest.wrongItem("slow"),
                    PolicyTest.customer(), RecoveryContext.at(PolicyTest.T0)));
            StuckConsequence.awaitEntered("reload"); // the decision is inside its consequence now
            assertThat(reloadable.reload(PolicyTest.source("v2", Map.of("v.drl", PolicyTest.HEADER))).swapped()).isTrue();
            assertThat(reloadable.current()).isNotSameAs(v1);
            StuckConsequence.open("reload");
            assertThat(running.get().incidentId()).as("the running decision finished on v1").isEqualTo("slow");
            assertThatThrownBy(() -> v1.decide(PolicyTest.wrongItem("late"), PolicyTest.customer(),
                    RecoveryContext.at(PolicyTest.T0))).isInstanceOf(DecisionException.class)
                    .hasMessageContaining("policy 'v1' is closed");
            assertThat(reloadable.decide(PolicyTest.wrongItem("now"), PolicyTest.customer(),
                    RecoveryContext.at(PolicyTest.T0)).incidentId()).isEqualTo("now");
        } finally {
            StuckConsequence.open("reload");
            caller.shutdownNow();
            reloadable.current().close();
        }
    }

    /**
     * The time budget is time the deciding thread ran (issue: decisions that hold under load): a
     * decision queued behind busy workers, or whose thread was not running, is not failed; one that
     * keeps running past its budget still is.
     */
    @Test
    void timeADecisionSpendsWaitingIsNotChargedToItsBudget() throws Exception {
        Duration budget = Duration.ofMillis(200);
        // a host executor that starts each decision only after three budgets have passed
        Executor late = task -> {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(3 * budget.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
                task.run();
            });
            t.setDaemon(true);
            t.start();
        };
        try (Policy policy = Policy.compile(PolicyTest.source("ok", Map.of("ok.drl", PolicyTest.GOOD)),
                PolicyOptions.defaults().withTimeBudget(budget))) {
            RecoveryPlan queued = policy.withOptions(policy.options().withExecutor(late)).decide(
                    PolicyTest.wrongItem("queued"), PolicyTest.customer(), RecoveryContext.at(PolicyTest.T0));
            assertThat(queued.offers()).isNotEmpty();
            assertThat(policy.stuckDecisions()).isZero();
        }
        // on the caller's thread: a consequence that sleeps past the budget once uses no CPU meanwhile
        String sleepsOnce = PolicyTest.GOOD + """
                rule "Sleeps once"
                salience 1000
                when
                    Incident(id == "slept")
                then
                    Thread.sleep(500);
                end
                """;
        try (Policy policy = Policy.compile(PolicyTest.source("sleepy", Map.of("s.drl", sleepsOnce)),
                PolicyOptions.defaults().withTimeBudget(budget).withIsolation(PolicyOptions.Isolation.CALLER))) {
            assertThat(policy.decide(PolicyTest.wrongItem("slept"), PolicyTest.customer(),
                    RecoveryContext.at(PolicyTest.T0)).offers()).isNotEmpty();
        }
        // a rule that runs (uses CPU) past the budget fails its decision at the next firing
        String spins = PolicyTest.HEADER + """
                rule "Spins"
                when
                    Incident(id == "spun")
                    $p : PlanDraft()
                then
                    long until = System.nanoTime() + 600_000_000L;
                    while (System.nanoTime() < until) { }
                    $p.offer(OfferKind.REMAKE, "x");
                end
                rule "Again"
                when
                    $p : PlanDraft()
                then
                    $p.offer(OfferKind.REMAKE, "y");
                end
                """;
        try (Policy policy = Policy.compile(PolicyTest.source("spins", Map.of("s.drl", spins)),
                PolicyOptions.defaults().withTimeBudget(budget).withIsolation(PolicyOptions.Isolation.CALLER))) {
            assertThatThrownBy(() -> policy.decide(PolicyTest.wrongItem("spun"), PolicyTest.customer(),
                    RecoveryContext.at(PolicyTest.T0))).isInstanceOf(DecisionException.class)
                    .hasMessageContaining("time budget");
        }
    }
}
