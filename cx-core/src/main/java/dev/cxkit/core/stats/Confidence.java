package dev.cxkit.core.stats;

/**
 * Checks and converts confidence levels. Not instantiable; thread-safe.
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

    /**
     * The two-sided standard normal critical value z for a confidence level: Φ⁻¹(1 − α/2),
     * computed as −Φ⁻¹(α/2) so that high levels (small α) keep full precision.
     */
    static double z(double confidence) {
        check(confidence);
        return -Distributions.normalQuantile((1 - confidence) / 2);
    }

    /**
     * The two-sided Student t critical value t<sub>df, 1−α/2</sub> for a confidence level,
     * computed as −t<sub>df</sub>⁻¹(α/2).
     */
    static double t(double confidence, double df) {
        check(confidence);
        return -Distributions.studentTQuantile((1 - confidence) / 2, df);
    }
}
