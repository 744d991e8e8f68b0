package dev.cxkit.core.journey;

import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.ContactPreference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Measures journeys against a definition: turns each {@link Journey} into a
 * {@link JourneyOutcome}. A pure function of the journey, the definition and the customers'
 * contact preferences.
 *
 * <ul>
 *   <li>An event at a touchpoint of the definition counts for that touchpoint's stage; an event at
 *       an unknown touchpoint is reported as unknown, and counts for a stage only when it names one
 *       of the definition's stages itself.
 *   <li>Touchpoint promises are checked between the first events at their touchpoints, as
 *       {@link Promise} describes; each broken one is a {@link ServiceFailure} with the promise's
 *       factor.
 *   <li>Every event at a contact touchpoint is checked against each {@link ContactRule} naming it,
 *       with the preference of the event's customer (else the journey's); each broken one is a
 *       failure with the rule's factor.
 *   <li>Every FAILED event is a failure with its own factor and type.
 *   <li>Every failure's recovery is judged by the recovery promise, if any: recovered when
 *       {@code recovered_at} is at most its limit after the failure; without one, recovered when
 *       {@code recovered_at} is present.
 * </ul>
 *
 * <p>Immutable and thread-safe, provided the preference lookup is.
 *
 * @since 0.1.0
 */
public final class JourneyAnalyzer {

    private static final Comparator<ServiceFailure> FAILURE_ORDER = Comparator.comparing(ServiceFailure::occurredAt)
            .thenComparing(ServiceFailure::source).thenComparing(ServiceFailure::type)
            .thenComparing(ServiceFailure::touchpoint);

    private final JourneyDefinition definition;
    private final Function<String, ContactPreference> preferences;
    private final Promise recoveryPromise;

    private JourneyAnalyzer(JourneyDefinition definition, Function<String, ContactPreference> preferences) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.recoveryPromise = definition.recoveryPromise().orElse(null);
    }

    /**
     * An analyzer that knows no customer's contact preference (contacts are not checked).
     *
     * @param definition the definition
     * @return the analyzer
     */
    public static JourneyAnalyzer of(JourneyDefinition definition) {
        return new JourneyAnalyzer(definition, customer -> null);
    }

    /**
     * An analyzer that checks contacts against the customers' preferences.
     *
     * @param definition the definition
     * @param preferences the preference of a customer id, or null when unknown (a
     *     {@code Map::get} will do); never called with null
     * @return the analyzer
     */
    public static JourneyAnalyzer of(JourneyDefinition definition,
            Function<String, @Nullable ContactPreference> preferences) {
        return new JourneyAnalyzer(definition, preferences);
    }

    /** Returns the definition. */
    public JourneyDefinition definition() {
        return definition;
    }

    /**
     * Measures one journey.
     *
     * @param journey the journey
     * @return its outcome
     */
    public JourneyOutcome outcome(Journey journey) {
        Map<String, JourneyEvent> first = new LinkedHashMap<>();
        Map<String, Integer> unknown = new TreeMap<>();
        Instant[] stageReached = new Instant[definition.stages().size()];
        List<ServiceFailure> failures = new ArrayList<>();
        for (JourneyEvent e : journey.events()) {
            Touchpoint t = definition.touchpoint(e.touchpoint()).orElse(null);
            int stage;
            if (t != null) {
                first.putIfAbsent(t.id(), e);
                stage = definition.stageIndex(t.stage());
            } else {
                unknown.merge(e.touchpoint(), 1, Integer::sum);
                stage = definition.stageIndex(e.stage());
            }
            if (stage >= 0 && stageReached[stage] == null) {
                stageReached[stage] = e.occurredAt();
            }
            if (e.failed()) {
                String type = e.failureType() == null ? ServiceFailure.UNSPECIFIED : e.failureType();
                failures.add(failure(ServiceFailure.Source.EVENT, type, e.touchpoint(), location(e, journey),
                        e.factor(), e.occurredAt(), e.recoveredAt()));
            }
        }
        List<StageResult> stages = new ArrayList<>();
        for (int i = 0; i < stageReached.length; i++) {
            String stage = definition.stages().get(i);
            boolean all = stageReached[i] != null;
            for (Touchpoint t : definition.touchpointsOf(stage)) {
                all &= !t.expected() || first.containsKey(t.id());
            }
            stages.add(new StageResult(stage, stageReached[i], all));
        }
        List<PromiseCheck> checks = new ArrayList<>();
        for (Promise p : definition.promises()) {
            if (!p.isRecovery()) {
                check(p, journey, first, checks, failures);
            }
        }
        List<ContactCheck> contacts = contacts(journey, failures);
        failures.sort(FAILURE_ORDER);
        if (recoveryPromise != null) {
            for (ServiceFailure f : failures) {
                Duration measured = f.recoveredAt() == null ? null : Duration.between(f.occurredAt(), f.recoveredAt());
                PromiseCheck.Status status = measured == null ? PromiseCheck.Status.MISSING
                        : recoveryPromise.isKept(measured) ? PromiseCheck.Status.KEPT : PromiseCheck.Status.BROKEN;
                checks.add(new PromiseCheck(recoveryPromise.id(), status, measured, f.touchpoint(), f.location()));
            }
        }
        Map<String, Instant> times = new LinkedHashMap<>();
        for (Touchpoint t : definition.touchpoints()) {
            JourneyEvent e = first.get(t.id());
            if (e != null) {
                times.put(t.id(), e.occurredAt());
            }
        }
        return new JourneyOutcome(journey.journeyId(), journey.customerId(), journey.location(), journey.startedAt(),
                journey.endedAt(), journey.events().size(), journey.duplicates(), stages, times, checks, contacts,
                failures, unknown);
    }

    private static String location(JourneyEvent e, Journey journey) {
        return e != null && e.location() != null ? e.location() : journey.location();
    }

    private ServiceFailure failure(ServiceFailure.Source source, String type, String touchpoint, String location,
            dev.cxkit.core.service.SatisfactionFactor factor, Instant at, Instant recoveredAt) {
        ServiceFailure.Recovery recovery;
        if (recoveredAt == null) {
            recovery = ServiceFailure.Recovery.NOT_RECOVERED;
        } else if (recoveryPromise == null || recoveryPromise.isKept(Duration.between(at, recoveredAt))) {
            recovery = ServiceFailure.Recovery.RECOVERED;
        } else {
            recovery = ServiceFailure.Recovery.RECOVERED_LATE;
        }
        return new ServiceFailure(source, type, touchpoint, location, factor, at, recoveredAt, recovery);
    }

    /** Checks a touchpoint promise; adds the check (when it applies) and the failure (when broken). */
    private void check(Promise p, Journey journey, Map<String, JourneyEvent> first, List<PromiseCheck> checks,
            List<ServiceFailure> failures) {
        JourneyEvent from = first.get(p.from().touchpoint());
        JourneyEvent to = first.get(p.to().touchpoint());
        boolean deadline = p.direction() == Promise.Direction.AT_MOST;
        // The event the promise constrains: the 'to' of a deadline, the 'from' of a notice.
        JourneyEvent anchor = deadline ? from : to;
        JourneyEvent constrained = deadline ? to : from;
        String touchpoint = deadline ? p.to().touchpoint() : p.from().touchpoint();
        if (anchor == null) {
            return;
        }
        String location = location(constrained, journey);
        Instant brokenAt = deadline ? anchor.occurredAt().plus(p.limit()) : anchor.occurredAt().minus(p.limit());
        if (constrained == null) {
            checks.add(new PromiseCheck(p.id(), PromiseCheck.Status.MISSING, null, touchpoint, location));
            failures.add(failure(ServiceFailure.Source.PROMISE, p.id(), touchpoint, location, p.factor(), brokenAt,
                    null));
            return;
        }
        Duration measured = Duration.between(from.occurredAt(), to.occurredAt());
        boolean kept = p.isKept(measured);
        checks.add(new PromiseCheck(p.id(), kept ? PromiseCheck.Status.KEPT : PromiseCheck.Status.BROKEN, measured,
                touchpoint, location));
        if (!kept) {
            failures.add(failure(ServiceFailure.Source.PROMISE, p.id(), touchpoint, location, p.factor(), brokenAt,
                    constrained.recoveredAt()));
        }
    }

    private List<ContactCheck> contacts(Journey journey, List<ServiceFailure> failures) {
        List<ContactCheck> checks = new ArrayList<>();
        Map<String, ContactPreference> cache = new HashMap<>();
        for (ContactRule rule : definition.contactRules()) {
            for (JourneyEvent e : journey.events()) {
                if (!rule.touchpoints().contains(e.touchpoint())) {
                    continue;
                }
                Channel channel = e.channel() != null ? e.channel()
                        : definition.touchpoint(e.touchpoint()).orElseThrow().channel();
                String customer = e.customerId() != null ? e.customerId() : journey.customerId();
                ContactPreference preference = customer == null ? null
                        : cache.computeIfAbsent(customer, preferences::apply);
                String location = location(e, journey);
                ContactCheck.Status status;
                if (preference == null) {
                    status = ContactCheck.Status.UNCHECKED;
                } else if (channel != preference.channel()
                        || (e.addressKind() != null && e.addressKind() != preference.addressKind())) {
                    status = ContactCheck.Status.BROKEN;
                    failures.add(failure(ServiceFailure.Source.CONTACT_RULE, rule.id(), e.touchpoint(), location,
                            rule.factor(), e.occurredAt(), e.recoveredAt()));
                } else {
                    status = ContactCheck.Status.KEPT;
                }
                checks.add(new ContactCheck(rule.id(), e.touchpoint(), location, channel, e.addressKind(), preference,
                        status));
            }
        }
        return checks;
    }
}
