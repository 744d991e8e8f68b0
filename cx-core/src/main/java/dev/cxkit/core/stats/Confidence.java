package dev.cxkit.core.stats;

/**
 * Checks and converts confidence levels. Not instantiable.
 */
final class Confidence {
    private Confidence() {}

    /** Throws unless {@code 0 < confidence < 1}; returns it otherwise. */
    static double check(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be strictly between 0 and 1: " + confidence);
        }
        return confidence;
    }

    /** The two-sided standard normal critical value z for a confidence level: Φ⁻¹(1 − α/2). */
    static double z(double confidence) {
        check(confidence);
        return Distributions.normalQuantile(0.5 + confidence / 2);
    }
}
