package dev.cxkit.benchmarks;

import dev.cxkit.core.service.Channel;
import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicyOptions;
import dev.cxkit.rules.engine.PolicySource;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.rules.fact.AffectedItem;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.fact.PolicySettings;
import dev.cxkit.rules.fact.RecoveryContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a decision's time goes: a plain loop over {@link Policy#decide} (caller's thread) for a
 * one-rule policy (the engine's floor) and for growing subsets of the restaurant pack's files.
 * A rough diagnostic, not a JMH measurement: run {@code java -cp cx-benchmarks/target/benchmarks.jar
 * dev.cxkit.benchmarks.DecisionCostByFile}.
 */
public final class DecisionCostByFile {

    private DecisionCostByFile() {}

    /**
     * Prints microseconds per decision per subset.
     *
     * @param args unused
     * @throws Exception if a policy does not compile
     */
    public static void main(String[] args) throws Exception {
        PolicySource pack = PolicySource.classpath("restaurant");
        String oneRule = "package t; import dev.cxkit.rules.fact.*; import dev.cxkit.rules.plan.*;\n"
                + "rule \"Acknowledge\" when $i : Incident() $p : PlanDraft() then\n"
                + "  $p.step(AwareStep.ACKNOWLEDGE, Owner.FRONTLINE, $i.detectedAt(), \"Apologize.\"); end\n";
        Map<String, PolicySource> subsets = new LinkedHashMap<>();
        subsets.put("one rule (engine floor)", PolicySource.of("floor", Map.of("floor.drl", oneRule),
                PolicySettings.of("floor", Map.of("currency", "EUR"))));
        for (List<String> files : List.of(List.of("aware.drl"), List.of("aware.drl", "comp.drl"),
                List.of("aware.drl", "comp.drl", "guards.drl"), pack.fileNames())) {
            Map<String, String> texts = new LinkedHashMap<>();
            files.forEach(f -> texts.put(f, pack.files().get(f)));
            subsets.put(String.join(" + ", files), PolicySource.of("restaurant", texts, pack.settings()));
        }
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Customer customer = new Customer("c", null, null, new ContactPreference(Channel.SMS, AddressKind.MOBILE), 0);
        RecoveryContext context = new RecoveryContext(t0, Money.of("500.00", "EUR"), 1, false);
        Money order = Money.of("40.00", "EUR");
        Incident[] incidents = {
            Incident.builder("a", IncidentType.WRONG_ITEM).detectedAt(t0).orderValue(order).build(),
            Incident.builder("b", IncidentType.LONG_WAIT).wait(60, 20).detectedAt(t0).orderValue(order).build(),
            Incident.builder("c", IncidentType.ITEM_NOT_DELIVERED).detectedAt(t0).orderValue(order)
                    .item(new AffectedItem("main", Money.of("18.50", "EUR"), false)).build()};
        for (Map.Entry<String, PolicySource> subset : subsets.entrySet()) {
            Policy compiled = Policy.compile(subset.getValue());
            Policy policy = compiled.withOptions(compiled.options().withIsolation(PolicyOptions.Isolation.CALLER));
            for (int i = 0; i < 50_000; i++) {
                policy.decide(incidents[i % 3], customer, context);
            }
            int n = 100_000;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                policy.decide(incidents[i % 3], customer, context);
            }
            double micros = (System.nanoTime() - start) / 1000.0 / n;
            System.out.printf("%-60s %6.1f us/decision%n", subset.getKey(), micros);
            compiled.close();
        }
    }
}
