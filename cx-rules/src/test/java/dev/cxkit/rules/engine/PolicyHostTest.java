package dev.cxkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.rules.fact.RecoveryContext;
import dev.cxkit.rules.plan.RecoveryPlan;
import java.time.Duration;
import java.util.Map;
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
}
