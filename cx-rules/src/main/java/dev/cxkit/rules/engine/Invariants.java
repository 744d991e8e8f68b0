package dev.cxkit.rules.engine;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.QueryResults;
import org.kie.api.runtime.rule.QueryResultsRow;

/**
 * What must never come out of a decision, declared by a pack in DRL and enforced by the engine: a
 * query whose name starts with {@code invariant:} finds violations, and any row it returns fails
 * the decision, naming the rules that inserted the facts of that row.
 *
 * <pre>
 * query "invariant: at most one cash compensation per passenger and flight"
 *     $first : OfferDraft( kind == OfferKind.CASH_COMPENSATION )
 *     $second : OfferDraft( kind == OfferKind.CASH_COMPENSATION, this != $first )
 * end
 *
 * query "invariant: no cash compensation when none is due"
 *     $none : NoCompensation()
 *     $offer : OfferDraft( kind == OfferKind.CASH_COMPENSATION )
 * end
 * </pre>
 *
 * A violation reads {@code incident F1: violates invariant "no cash compensation when none is
 * due": rule "Extraordinary circumstances" inserted NoCompensation, rule "Pay in cash" inserted
 * OfferDraft}. Queries run once per decision after the rules, and only in packs that declare an
 * invariant; a pack without one pays nothing. Stateless.
 */
final class Invariants {

    /** The prefix of an invariant query's name. */
    static final String PREFIX = "invariant:";

    private Invariants() {
    }

    /** Whether a query is an invariant, by its name. */
    static boolean isInvariant(String queryName) {
        return queryName.strip().toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    /**
     * Remembers which rule inserted each fact of a decision (none for the engine's own inserts).
     * Drools names the rule for an {@code insert} in a consequence; a fact the plan inserts for a
     * rule (an offer) is attributed to the rule firing at the time.
     */
    static final class Insertions extends DefaultRuleRuntimeEventListener {
        private final Map<Object, String> byFact = new IdentityHashMap<>();
        private final java.util.function.Supplier<String> firing;

        Insertions(java.util.function.Supplier<String> firing) {
            this.firing = firing;
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            String rule = event.getRule() != null ? event.getRule().getName() : firing.get();
            if (rule != null) {
                byFact.put(event.getObject(), rule);
            }
        }
    }

    /**
     * Runs the invariants on a decided session.
     *
     * @throws DecisionException at the first violation, naming the invariant and the rules behind it
     */
    static void check(KieSession session, List<String> invariants, Insertions insertions, String incidentId) {
        for (String invariant : invariants) {
            QueryResults results = session.getQueryResults(invariant);
            if (results.size() == 0) {
                continue;
            }
            QueryResultsRow row = results.iterator().next();
            Set<String> rules = new LinkedHashSet<>();
            StringBuilder what = new StringBuilder();
            for (String id : results.getIdentifiers()) {
                Object fact = row.get(id);
                String rule = fact == null ? null : insertions.byFact.get(fact);
                if (rule != null) {
                    rules.add(rule);
                    what.append(what.length() == 0 ? "" : ", ").append("rule \"").append(rule).append("\" inserted ")
                            .append(fact.getClass().getSimpleName());
                }
            }
            String name = invariant.strip().substring(PREFIX.length()).strip();
            throw new DecisionException(incidentId, rules.isEmpty() ? null : rules.iterator().next(),
                    "violates invariant \"" + name + "\"" + (what.length() == 0 ? "" : ": " + what), null);
        }
    }
}
