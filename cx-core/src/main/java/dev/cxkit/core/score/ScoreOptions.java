package dev.cxkit.core.score;

import dev.cxkit.core.stats.IntervalMethod;

/**
 * How scores are evaluated: the interval method, the confidence level and the low-sample
 * threshold.
 *
 * <p>Immutable and thread-safe. Start from {@link #defaults()} and change what you need:
 * {@code ScoreOptions.defaults().withConfidence(0.90).withMinN(50)}.
 *
 * @param intervalMethod the interval method, or null for each metric's default (adjusted-Wald for
 *     NPS, Wilson for CSAT, t for CES)
 * @param confidence the confidence level, strictly between 0 and 1
 * @param minN a score whose effective sample size is below this is flagged as low-sample
 */
public record ScoreOptions(IntervalMethod intervalMethod, double confidence, double minN) {

    /** The default confidence level, 0.95. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** The default low-sample threshold, 30. */
    public static final double DEFAULT_MIN_N = 30;

    private static final ScoreOptions DEFAULTS = new ScoreOptions(null, DEFAULT_CONFIDENCE, DEFAULT_MIN_N);

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if the confidence is not strictly between 0 and 1, or
     *     {@code minN} is negative or not finite
     */
    public ScoreOptions {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be strictly between 0 and 1: " + confidence);
        }
        if (!(minN >= 0) || !Double.isFinite(minN)) {
            throw new IllegalArgumentException("minN must be finite and >= 0: " + minN);
        }
    }

    /** Returns each metric's default method, 95% confidence and a low-sample threshold of 30. */
    public static ScoreOptions defaults() {
        return DEFAULTS;
    }

    /** Returns these options with another interval method (null: each metric's default). */
    public ScoreOptions withIntervalMethod(IntervalMethod method) {
        return new ScoreOptions(method, confidence, minN);
    }

    /** Returns these options with another confidence level. */
    public ScoreOptions withConfidence(double level) {
        return new ScoreOptions(intervalMethod, level, minN);
    }

    /** Returns these options with another low-sample threshold. */
    public ScoreOptions withMinN(double threshold) {
        return new ScoreOptions(intervalMethod, confidence, threshold);
    }
}
