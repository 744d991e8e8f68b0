package dev.cxkit.core.stats;

/**
 * Normal and Student t distribution functions. PLACEHOLDER: to be replaced by the full implementation.
 */
public final class Distributions {
    private Distributions() {}

    /** Placeholder. */
    public static double normalQuantile(double p) {
        throw new UnsupportedOperationException("not yet");
    }
}
