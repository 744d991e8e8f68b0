package dev.cxkit.cli;

import dev.cxkit.core.service.AddressKind;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.rules.engine.DecisionException;
import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.io.IncidentRecord;
import dev.cxkit.rules.plan.RecoveryPlan;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides incidents with a compiled policy, as {@code cx recover} and {@code cx report} do: each
 * incident with its customer (inline, else from the customers file, else a default customer), at
 * a given time or else at its detection, one failed decision reported without stopping the
 * others. Stateless.
 */
final class Decisions {

    /**
     * The plans of the incidents that could be decided, and the decisions that failed.
     *
     * @param plans the plans, in the order of the incidents
     * @param failed the failed decisions, in the order of the incidents
     */
    record Decided(List<RecoveryPlan> plans, List<DecisionException> failed) {
    }

    private Decisions() {
    }

    /**
     * Decides every incident; a failed decision is reported on {@code err} as
     * {@code cx: decision failed: ...} and the others go on.
     *
     * @param policy the compiled policy
     * @param incidents the incidents, in order
     * @param customersById the customers read from {@code customersFile}
     * @param customersFile the customers file as the user named it, for the warning about an
     *     unknown customer; null when none was given (then no warning)
     * @param now the decision time of every incident, or null for each incident's detection time
     * @param err where failures and warnings go
     * @return the plans and failures
     */
    static Decided decide(Policy policy, List<IncidentRecord> incidents, Map<String, Customer> customersById,
            String customersFile, Instant now, PrintWriter err) {
        List<RecoveryPlan> plans = new ArrayList<>();
        List<DecisionException> failed = new ArrayList<>();
        for (IncidentRecord record : incidents) {
            Incident incident = record.incident();
            Customer customer = customerOf(record, customersById, customersFile, err);
            try {
                plans.add(policy.decide(incident, customer, record.context(now != null ? now : incident.detectedAt())));
            } catch (DecisionException e) {
                failed.add(e);
                err.println("cx: decision failed: " + e.getMessage());
            }
        }
        err.flush();
        return new Decided(plans, failed);
    }

    /** The inline customer, else the one with the incident's customer id, else the default customer. */
    private static Customer customerOf(IncidentRecord record, Map<String, Customer> byId, String customersFile,
            PrintWriter err) {
        if (record.customer() != null) {
            return record.customer();
        }
        String id = record.incident().customerId();
        if (id != null) {
            Customer known = byId.get(id);
            if (known != null) {
                return known;
            }
            if (customersFile != null) {
                err.println("cx: warning: incident " + record.incident().id() + ": customer " + id + " is not in "
                        + customersFile + "; using the default customer");
            }
        }
        return defaultCustomer(id);
    }

    /** The customer of an incident nobody describes: standard tier, no history, contacted by email. */
    static Customer defaultCustomer(String id) {
        return new Customer(id == null ? "unknown" : id, "standard", null,
                new ContactPreference(Channel.EMAIL, AddressKind.EMAIL), 0);
    }

    /**
     * Describes an incident in one line for people:
     * {@code WRONG_ITEM, MODERATE, IN_PERSON at Leeds (served), customer C0012}.
     *
     * @param i the incident
     * @return the description, without the incident's id
     */
    static String describe(Incident i) {
        StringBuilder sb = new StringBuilder().append(i.type()).append(", ").append(i.severity()).append(", ")
                .append(i.channel());
        if (i.location() != null) {
            sb.append(" at ").append(i.location());
        }
        if (i.touchpoint() != null) {
            sb.append(" (").append(i.touchpoint()).append(")");
        }
        if (i.customerId() != null) {
            sb.append(", customer ").append(i.customerId());
        }
        if (i.flight() != null) {
            sb.append("; flight ").append(i.flight().disruption()).append(", ").append(i.flight().distanceKm())
                    .append(" km").append(i.flight().intraEu() ? " intra-EU" : "");
        }
        return sb.toString();
    }
}
