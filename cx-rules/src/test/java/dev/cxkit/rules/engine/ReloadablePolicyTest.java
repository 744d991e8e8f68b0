package dev.cxkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.rules.plan.AwareStep;
import dev.cxkit.rules.plan.OfferKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReloadablePolicyTest {

    static final String V2 = PolicyTest.HEADER + """
            rule "Version two acknowledges"
            when
                $i : Incident()
                $p : PlanDraft()
            then
                $p.step(AwareStep.ACKNOWLEDGE, Owner.MANAGER, $i.detectedAt(), "v2");
            end
            """;

    @Test
    void aFailedReloadKeepsTheWorkingVersionAndAGoodOneSwapsIn() throws Exception {
        ReloadablePolicy policy = ReloadablePolicy.of(
                Policy.compile(PolicyTest.source("demo", Map.of("demo.drl", PolicyTest.GOOD)), PolicyTest.RELAXED));
        Policy before = policy.current();

        ReloadablePolicy.Reload failed = policy.reload(PolicyTest.source("demo",
                Map.of("demo.drl", PolicyTest.HEADER + "rule \"Broken\" when $i : Incident( nope > 1 ) then end")));
        assertThat(failed.swapped()).isFalse();
        assertThat(failed.problems()).anySatisfy(p -> assertThat(p.toString()).contains("demo/demo.drl:4")
                .contains("rule \"Broken\"").contains("nope"));
        assertThat(policy.current()).isSameAs(before);
        assertThat(policy.decide(PolicyTest.wrongItem("a"), PolicyTest.customer(),
                dev.cxkit.rules.fact.RecoveryContext.at(PolicyTest.T0)).offers(OfferKind.REMAKE)).hasSize(1);

        ReloadablePolicy.Reload ok = policy.reload(PolicyTest.source("demo", Map.of("demo.drl", V2)));
        assertThat(ok.swapped()).isTrue();
        assertThat(ok.compileTime()).isPositive();
        assertThat(policy.current()).isNotSameAs(before);
        assertThat(policy.decide(PolicyTest.wrongItem("b"), PolicyTest.customer(),
                dev.cxkit.rules.fact.RecoveryContext.at(PolicyTest.T0)).step(AwareStep.ACKNOWLEDGE).orElseThrow()
                .instruction()).isEqualTo("v2");
    }

    @Test
    void decisionsDuringReloadsNeverFail() throws Exception {
        ReloadablePolicy policy = ReloadablePolicy.of(Policy.compile(
                PolicyTest.source("demo", Map.of("demo.drl", PolicyTest.GOOD)),
                PolicyTest.RELAXED));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger decided = new AtomicInteger();
        List<Throwable> failures = new ArrayList<>();
        Thread decider = new Thread(() -> {
            while (!stop.get()) {
                try {
                    policy.decide(PolicyTest.wrongItem("x" + decided.get()), PolicyTest.customer(),
                            dev.cxkit.rules.fact.RecoveryContext.at(PolicyTest.T0));
                    decided.incrementAndGet();
                } catch (Throwable t) {
                    synchronized (failures) {
                        failures.add(t);
                    }
                }
            }
        });
        decider.start();
        for (int i = 0; i < 3; i++) {
            assertThat(policy.reload(PolicyTest.source("demo", Map.of("demo.drl", i % 2 == 0 ? V2 : PolicyTest.GOOD)))
                    .swapped()).isTrue();
        }
        stop.set(true);
        decider.join(30_000);
        assertThat(failures).isEmpty();
        assertThat(decided.get()).isPositive();
    }
}
