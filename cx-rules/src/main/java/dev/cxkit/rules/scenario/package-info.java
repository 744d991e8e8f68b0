/**
 * Scenario tests for rule authors: YAML files that give a policy an incident and say what the
 * recovery plan must contain, run by {@link dev.cxkit.rules.scenario.ScenarioRunner}, by
 * {@code cx rules test}, and as JUnit tests through {@link dev.cxkit.rules.scenario.ScenarioTests}.
 *
 * <h2>The file</h2>
 *
 * <p>One scenario per file, {@code *.yaml} or {@code *.yml}, usually in a {@code scenarios}
 * directory beside the policy's DRL files. Keys are snake_case. Every key not listed here is an
 * error, so a typo never passes silently.
 *
 * <pre>
 * name: A party charged for a meal that never came      # required
 * given:                                                 # required
 *   now: 2025-06-14T19:30:00Z          # decision time; default: the incident's detected_at
 *   incident:                          # required
 *     id: i-42                         # required
 *     type: ITEM_NOT_DELIVERED         # required, an IncidentType
 *     severity: MAJOR                  # default MODERATE
 *     channel: IN_PERSON               # default IN_PERSON
 *     detected_at: 2025-06-14T19:30:00Z  # default: occurred_at, else now
 *     currency: EUR                    # the currency of amounts written without one
 *     order_value: "92.50"             # optional
 *     items: [{name: sea bass, price: "18.50", delivered: false}]   # delivered: default true
 *     # also: factor, journey_id, customer_id, location, touchpoint, occurred_at,
 *     #       minutes_waited, minutes_promised, extraordinary_circumstances, attributes
 *     # a flight: kind: FLIGHT and disruption instead of type, with distance_km, intra_eu,
 *     #       departure_delay_minutes, arrival_delay_minutes, notice_days,
 *     #       reroute_departure_earlier_minutes, rerouted, overnight, volunteered, ticket_price
 *   customer:                          # required
 *     id: c-1                          # required
 *     contact: {channel: SMS, address_kind: MOBILE}   # required
 *     recent_failures: 0               # default 0; also tier, lifetime_value, currency
 *   context:                           # optional
 *     budget_left_today: "0.00"        # default: no budget
 *     similar_recent_incidents: 1      # default 1; at least 1 (it counts this incident)
 *     already_compensated: false       # default false
 *   settings:                          # optional: settings overridden for this scenario only
 *     authority.frontline.limit: "30.00"
 * expect:                              # required, at least one section
 *   offers: [{kind: WAIVE_CHARGE, amount: "18.50", requires_approval: false}]
 *   steps: [{step: ACKNOWLEDGE, owner: FRONTLINE, due: 2025-06-14T19:32:00Z}]
 *   escalations: [{to: MANAGER, due: PT5M}]
 *   follow_ups: [{channel: SMS, address_kind: MOBILE}]
 *   systemic: false
 *   fired: ["Never charge for an item that was never delivered"]
 *   not_fired: ["Wait comp: a discount on the order"]
 * </pre>
 *
 * <p>{@code given.incident}, {@code given.customer} and {@code given.context} are read by
 * {@link dev.cxkit.rules.io.IncidentFields}, the parser that incident and customer lines share, so
 * their values are checked alike. A flight ({@code kind: FLIGHT}) takes the keys of
 * {@link dev.cxkit.rules.io.IncidentReader}'s flight lines, with the same checks: a key the
 * disruption needs is required, and one it does not take is an error
 * ({@code given.incident.notice_days: is given for a DELAY: it is only for a CANCELLATION; leave it
 * out}). Its {@code type} follows from {@code disruption}.
 *
 * <p>Values: enums by name (case does not matter); times as ISO-8601 with an offset
 * ({@code 2025-06-14T19:30:00Z}); amounts as text, {@code "18.50"} in
 * {@code given.incident.currency} or {@code "EUR 18.50"}, never negative and with no more decimals
 * than the currency has. A due time may also be an ISO-8601 duration ({@code PT2M},
 * {@code P3D}): that long after {@code given.incident.detected_at}.
 *
 * <h2>What is checked</h2>
 *
 * <ul>
 *   <li>A section of {@code expect} that is left out is not checked. An empty list is checked:
 *       {@code offers: []} means no offers.
 *   <li>{@code offers}, {@code escalations}, {@code follow_ups}: the exact list, in any order.
 *       Every expected entry must match its own offer in the plan, and every offer in the plan
 *       must be expected. The first key ({@code kind}, {@code to}, {@code channel}) is always
 *       compared; any other field only when given. Offer {@code notes} compare as a list in any
 *       order.
 *   <li>{@code steps}: each listed step must be in the plan, with the fields given ({@code owner},
 *       {@code due}, {@code instruction}, {@code rule}); steps not listed are not checked.
 *   <li>{@code systemic}: whether the plan marks a systemic issue.
 *   <li>{@code fired}: rules that must have fired (at least once); {@code not_fired}: rules that
 *       must not have fired. Every name must be a rule of the policy.
 *   <li>Every key of {@code given.settings} must be a setting the policy already has.
 *   <li>A decision that fails (a consequence throws, the firing limit or the time budget is
 *       exceeded) fails the scenario with the error.
 * </ul>
 *
 * <p>A failed scenario reports a diff per section: missing and unexpected offers, escalations and
 * follow-ups, step fields that differ (expected and actual), rules that should or should not have
 * fired, and the decision error.
 */
@NullMarked
package dev.cxkit.rules.scenario;

import org.jspecify.annotations.NullMarked;
