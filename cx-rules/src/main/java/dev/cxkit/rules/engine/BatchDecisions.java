package dev.cxkit.rules.engine;

import dev.cxkit.core.service.AddressKind;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.io.IncidentRecord;
import dev.cxkit.rules.plan.RecoveryPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Decides a batch of incidents with one policy, as {@code cx recover} and the CX report do: each
 * incident with its customer (the one its line gives inline, else the one with its customer id,
 * else {@link #defaultCustomer}), at a given time or else at its detection; a failed decision is
 * kept with the others' plans and never stops them. Stateless and thread-safe (as the policy is).
 *
 * @since 0.1.0
 */
public final class BatchDecisions {

    /**
     * What a batch came to.
     *
     * @param plans the plans of the incidents that could be decided, in the incidents' order
     * @param failures the decisions that failed, in the incidents' order
     * @param warnings what a person should know, in the incidents' order: an incident whose
     *     customer is not among the customers given
     */
    public record Result(List<RecoveryPlan> plans, List<DecisionException> failures, List<String> warnings) {

        /**
         * Copies the lists.
         *
         * @throws NullPointerException if a list is null
         */
        public Result {
            plans = List.copyOf(plans);
            failures = List.copyOf(failures);
            warnings = List.copyOf(warnings);
        }
    }

    private BatchDecisions() {
    }

    /**
     * Decides every incident.
     *
     * @param policy the compiled policy
     * @param incidents the incidents, in order
     * @param customers the known customers by id
     * @param customersSource the name of where the customers came from, for the warning about an
     *     unknown customer; null when no customers were given (then no warning: every customer is
     *     unknown)
     * @param decidedAt the decision time of every incident, or null for each incident's detection time
     * @return the plans, failures and warnings
     * @throws NullPointerException if the policy, incidents or customers are null
     */
    public static Result decide(Policy policy, List<IncidentRecord> incidents, Map<String, Customer> customers,
            @Nullable String customersSource, @Nullable Instant decidedAt) {
        return decide(policy, incidents, customers, customersSource, decidedAt, Listener.NONE);
    }

    /**
     * Decides every incident and hands each plan or failure to a listener as soon as it is
     * decided, so that a caller can write it out before the next decision: what was decided is
     * never lost to a later failure.
     *
     * @param policy the compiled policy
     * @param incidents the incidents, in order
     * @param customers the known customers by id
     * @param customersSource as for {@link #decide(Policy, List, Map, String, Instant)}
     * @param decidedAt the decision time of every incident, or null for each incident's detection time
     * @param listener told of each decision, on the calling thread, in the incidents' order
     * @return the plans, failures and warnings
     * @throws NullPointerException if the policy, incidents, customers or listener are null
     */
    public static Result decide(Policy policy, List<IncidentRecord> incidents, Map<String, Customer> customers,
            @Nullable String customersSource, @Nullable Instant decidedAt, Listener listener) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(listener, "listener");
        List<RecoveryPlan> plans = new ArrayList<>();
        List<DecisionException> failures = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (IncidentRecord record : incidents) {
            Incident incident = record.incident();
            Customer customer = customerOf(record, customers, customersSource, warnings);
            RecoveryPlan plan;
            try {
                plan = policy.decide(incident, customer, record.context(decidedAt != null ? decidedAt : incident.detectedAt()));
            } catch (DecisionException e) {
                failures.add(e);
                listener.failed(record, e);
                continue;
            }
            plans.add(plan);
            listener.decided(record, plan);
        }
        return new Result(plans, failures, warnings);
    }

    /**
     * Told of each decision of a batch as it is made.
     */
    public interface Listener {

        /** A listener that does nothing. */
        Listener NONE = new Listener() {
            @Override
            public void decided(IncidentRecord incident, RecoveryPlan plan) {
            }

            @Override
            public void failed(IncidentRecord incident, DecisionException failure) {
            }
        };

        /**
         * An incident was decided.
         *
         * @param incident the incident's record
         * @param plan its plan
         */
        void decided(IncidentRecord incident, RecoveryPlan plan);

        /**
         * An incident's decision failed; the batch goes on.
         *
         * @param incident the incident's record
         * @param failure what went wrong, naming the rule
         */
        void failed(IncidentRecord incident, DecisionException failure);
    }

    /** The inline customer, else the one with the incident's customer id, else the default customer. */
    private static Customer customerOf(IncidentRecord record, Map<String, Customer> byId, String customersSource,
            List<String> warnings) {
        if (record.customer() != null) {
            return record.customer();
        }
        String id = record.incident().customerId();
        if (id != null) {
            Customer known = byId.get(id);
            if (known != null) {
                return known;
            }
            if (customersSource != null) {
                warnings.add("incident " + record.incident().id() + ": customer " + id + " is not in "
                        + customersSource + "; using the default customer");
            }
        }
        return defaultCustomer(id);
    }

    /**
     * The customer of an incident nobody describes: standard tier, no history, contacted by email.
     *
     * @param id the customer's id, or null for {@code unknown}
     * @return the customer
     */
    public static Customer defaultCustomer(@Nullable String id) {
        return new Customer(id == null ? "unknown" : id, "standard", null,
                new ContactPreference(Channel.EMAIL, AddressKind.EMAIL), 0);
    }
}
