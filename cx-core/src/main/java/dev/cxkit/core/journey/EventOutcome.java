package dev.cxkit.core.journey;

/**
 * How a journey event went.
 *
 * @since 0.1.0
 */
public enum EventOutcome {
    /** As it should. */
    OK,
    /** A service failure at this touchpoint; the event names the factor it broke. */
    FAILED
}
