package dev.cxkit.rules.plan;

/**
 * Who acts on a step or an escalation.
 *
 * @since 0.1.0
 */
public enum Owner {
    /** The staff member with the customer. */
    FRONTLINE,
    /** The manager on duty. */
    MANAGER,
    /** Customer support or head office. */
    SUPPORT
}
