package dev.cxkit.rules.plan;

/** Who acts on a step or an escalation. */
public enum Owner {
    /** The staff member with the customer. */
    FRONTLINE,
    /** The manager on duty. */
    MANAGER,
    /** Customer support or head office. */
    SUPPORT
}
