package dev.cxkit.core.journey;

import dev.cxkit.core.service.SatisfactionFactor;
import java.io.Serializable;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * "Contact the customer on their chosen channel": the touchpoints at which the business contacts
 * the customer (a delivery notice, a follow-up call), and the factor a breach breaks.
 *
 * <p>A contact breaks the rule when it uses another channel than the customer's
 * {@linkplain dev.cxkit.core.service.ContactPreference preference}, or, when the event names the
 * address kind it used, another address kind (the home line the customer asked not to be called
 * on). The channel used is the event's, or else the touchpoint's. A contact with a customer whose
 * preference is unknown is not checked, and counted as such.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the rule's id, for example {@code chosen-channel}
 * @param touchpoints the ids of the contact touchpoints (sorted, unmodifiable, not empty)
 * @param factor the factor a breach breaks, usually {@link SatisfactionFactor#PEOPLE}: the
 *     customer told you and you did not listen
 * @since 0.1.0
 */
public record ContactRule(String id, Set<String> touchpoints, SatisfactionFactor factor) implements Serializable {

    /**
     * Validates the rule.
     *
     * @throws NullPointerException if a field or touchpoint is null
     * @throws JourneyDefinitionException if the id is blank or there are no touchpoints
     */
    public ContactRule {
        Objects.requireNonNull(touchpoints, "touchpoints");
        Objects.requireNonNull(factor, "factor");
        if (id == null || id.isBlank()) {
            throw JourneyDefinitionException.at("id", "a contact rule needs an id");
        }
        if (touchpoints.isEmpty()) {
            throw JourneyDefinitionException.at("touchpoints", "contact rule '" + id
                    + "' names no touchpoints; list the touchpoints that contact the customer");
        }
        touchpoints = java.util.Collections.unmodifiableSet(new TreeSet<>(touchpoints));
    }

    /**
     * A rule whose breaches break {@link SatisfactionFactor#PEOPLE}.
     *
     * @param id the id
     * @param touchpoints the contact touchpoints
     * @return the rule
     * @throws JourneyDefinitionException as the constructor
     */
    public static ContactRule of(String id, String... touchpoints) {
        return new ContactRule(id, Set.of(touchpoints), SatisfactionFactor.PEOPLE);
    }
}
