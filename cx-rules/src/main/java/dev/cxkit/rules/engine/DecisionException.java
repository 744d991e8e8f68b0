package dev.cxkit.rules.engine;

import org.jspecify.annotations.Nullable;

/**
 * One decision failed: a consequence threw, the firing limit or the time budget was exceeded.
 * Other decisions are not affected.
 *
 * @since 0.1.0
 */
public final class DecisionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String incidentId;
    private final String rule;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param incidentId the incident whose decision failed
     * @param rule the rule that was firing, or null
     * @param message what happened
     * @param cause the cause, or null
     */
    public DecisionException(String incidentId, @Nullable String rule, String message, @Nullable Throwable cause) {
        super("incident " + incidentId + (rule == null ? "" : ", rule \"" + rule + "\"") + ": " + message, cause);
        this.incidentId = incidentId;
        this.rule = rule;
        this.reason = message;
    }

    /** Returns the incident whose decision failed. */
    public String incidentId() {
        return incidentId;
    }

    /** Returns what happened, without the incident and the rule ({@code exceeded the time budget of 100 ms}). */
    public String reason() {
        return reason;
    }

    /** Returns the rule that was firing when it failed, or null when none was. */
    public @Nullable String rule() {
        return rule;
    }
}
