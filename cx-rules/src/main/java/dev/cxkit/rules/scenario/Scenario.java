package dev.cxkit.rules.scenario;

import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.RecoveryContext;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One scenario: the facts a policy is given, and what its plan is expected to say. Loaded from a
 * YAML file by {@link ScenarioLoader}, run by {@link ScenarioRunner}; the file format is described
 * in the {@linkplain dev.cxkit.rules.scenario package documentation}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the file it came from, for messages
 * @param name what the scenario is about, in words
 * @param incident the incident to decide
 * @param customer the customer
 * @param context the time, budget and history
 * @param settings settings to override for this scenario only (for example a location's limits);
 *     each key must be a setting the policy already has
 * @param expect what the plan must say
 * @since 0.1.0
 */
public record Scenario(String source, String name, Incident incident, Customer customer, RecoveryContext context,
        Map<String, String> settings, Expectations expect) {

    /**
     * Validates the scenario.
     *
     * @throws NullPointerException if a field other than settings is null
     */
    public Scenario {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(expect, "expect");
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
