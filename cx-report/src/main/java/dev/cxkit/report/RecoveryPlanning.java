package dev.cxkit.report;

import dev.cxkit.report.section.RecoveryPlans;
import dev.cxkit.rules.bridge.OpenFailures;
import dev.cxkit.rules.engine.BatchDecisions;
import dev.cxkit.rules.engine.DecisionException;
import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.io.IncidentRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Section 5's plans: the incidents given, then the open journey failures they do not name (the
 * same journey and incident type), newest first, decided by the policy, each plan with where its
 * incident came from. Stateless.
 */
final class RecoveryPlanning {

    /**
     * What deciding came to.
     *
     * @param plans the section's content
     * @param failures the decisions that failed
     * @param warnings incidents whose customer is unknown
     */
    record Planned(RecoveryPlans plans, List<DecisionException> failures, List<String> warnings) {
    }

    private RecoveryPlanning() {
    }

    /**
     * Decides the incidents and the open failures.
     *
     * @param policy the policy
     * @param given the incidents read, in order
     * @param open the open journey failures, or null when there were no events
     * @param customers the customers by id
     * @param customersSource the customers' input name for warnings, or null when none was given
     * @return the plans, the failed decisions and the warnings
     */
    static Planned decide(Policy policy, List<IncidentRecord> given, OpenFailures open,
            Map<String, Customer> customers, String customersSource) {
        List<IncidentRecord> all = new ArrayList<>(given);
        Map<String, String> sources = new LinkedHashMap<>();
        Set<String> named = new HashSet<>();
        for (IncidentRecord r : given) {
            sources.put(r.incident().id(), r.source() + " line " + r.line());
            if (r.incident().journeyId() != null) {
                named.add(r.incident().journeyId() + "\u0000" + r.incident().type());
            }
        }
        if (open != null) {
            // newest first: the freshest failures are where a recovery still wins the most back
            List<OpenFailures.OpenIncident> failures = new ArrayList<>(open.incidents());
            Collections.reverse(failures);
            for (OpenFailures.OpenIncident failure : failures) {
                Incident incident = failure.incident();
                String journey = incident.journeyId();
                if (named.contains(journey + "\u0000" + incident.type()) || sources.containsKey(incident.id())) {
                    continue;
                }
                sources.put(incident.id(), "open failure in journey " + journey);
                all.add(new IncidentRecord(incident, null, null, failure.similarRecentIncidents(), false,
                        "journey " + journey, 0));
            }
        }
        Map<String, Incident> byId = new HashMap<>();
        all.forEach(r -> byId.put(r.incident().id(), r.incident()));
        BatchDecisions.Result decided = BatchDecisions.decide(policy, all, customers, customersSource, null);
        return new Planned(ReportSections.recoveryPlans(policy.name(), decided.plans(), byId, sources),
                decided.failures(), decided.warnings());
    }
}
