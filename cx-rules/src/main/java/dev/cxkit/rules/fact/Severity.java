package dev.cxkit.rules.fact;

/**
 * How bad a failure is, in increasing order; the size of a remedy scales with it.
 *
 * @since 0.1.0
 */
public enum Severity {
    /** A small slip the customer may shrug off. */
    MINOR,
    /** Noticeable; the customer is unhappy. */
    MODERATE,
    /** Serious; the customer may not come back. */
    MAJOR,
    /** Harmful or public; the customer is lost unless recovered well. */
    CRITICAL;

    /**
     * Returns whether this severity is at least {@code other}, for rules such as
     * {@code severity.atLeast(Severity.MODERATE)}.
     *
     * @param other the threshold
     * @return true when {@code this >= other}
     */
    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }
}
