package dev.cxkit.rules.fact;

import dev.cxkit.core.service.SatisfactionFactor;

/**
 * What went wrong, with the satisfaction factor it usually breaks.
 *
 * @since 0.1.0
 */
public enum IncidentType {
    /** The customer got something other than what they ordered. */
    WRONG_ITEM(SatisfactionFactor.PRODUCT),
    /** Something ordered never arrived. */
    ITEM_NOT_DELIVERED(SatisfactionFactor.PRODUCT),
    /** The customer waited longer than promised. */
    LONG_WAIT(SatisfactionFactor.TIMELINESS),
    /** Staff were rude or careless. */
    RUDE_OR_CARELESS_STAFF(SatisfactionFactor.PEOPLE),
    /** The customer was contacted in a way they asked not to be. */
    CONTACT_RULE_BROKEN(SatisfactionFactor.PEOPLE),
    /** An appointment was missed. */
    MISSED_APPOINTMENT(SatisfactionFactor.TIMELINESS),
    /** The bill was wrong. */
    BILLING_ERROR(SatisfactionFactor.RESOLUTION),
    /** The product was below standard. */
    QUALITY(SatisfactionFactor.PRODUCT),
    /** Anything else. */
    OTHER(SatisfactionFactor.RESOLUTION);

    private final SatisfactionFactor usualFactor;

    IncidentType(SatisfactionFactor usualFactor) {
        this.usualFactor = usualFactor;
    }

    /** Returns the factor this type of failure usually breaks, used when an incident names none. */
    public SatisfactionFactor usualFactor() {
        return usualFactor;
    }
}
