package dev.cxkit.core.journey;

/** How a journey event went. */
public enum EventOutcome {
    /** As it should. */
    OK,
    /** A service failure at this touchpoint; the event names the factor it broke. */
    FAILED
}
