package dev.cxkit.core.score;

import dev.cxkit.core.stats.IntervalMethod;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * How scores are evaluated: the interval method, the confidence level and the low-sample
 * threshold.
 *
 * <p>Immutable and thread-safe; serializable (the canonical constructor checks what is read), so
 * that engines which ship closures, such as Spark, can carry the options. Start from {@link #defaults()} and change what you need:
 * {@code ScoreOptions.defaults().withConfidence(0.90).withMinN(50)}.
 *
 * @param intervalMethod the interval method, or null for each metric's default (adjusted-Wald for
 *     NPS, Wilson for CSAT, t for CES)
 * @param confidence the confidence level, strictly between 0 and 1
 * @param minN a score whose effective sample size is below this is flagged as low-sample
 * @param margins the equivalence margins of comparisons ({@link ComparisonVerdict})
 * @since 0.1.0
 */
public record ScoreOptions(@Nullable IntervalMethod intervalMethod, double confidence, double minN,
        EquivalenceMargins margins) implements Serializable {

    /** The default confidence level, 0.95. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** The default low-sample threshold, 30. */
    public static final double DEFAULT_MIN_N = 30;

    private static final ScoreOptions DEFAULTS = new ScoreOptions(null, DEFAULT_CONFIDENCE, DEFAULT_MIN_N,
            EquivalenceMargins.defaults());

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if the confidence is not strictly between 0 and 1, or
     *     {@code minN} is negative or not finite
     * @throws NullPointerException if the margins are null
     */
    public ScoreOptions {
        java.util.Objects.requireNonNull(margins, "margins");
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be strictly between 0 and 1: " + confidence);
        }
        if (!(minN >= 0) || !Double.isFinite(minN)) {
            throw new IllegalArgumentException("minN must be finite and >= 0: " + minN);
        }
    }

    /**
     * Returns each metric's default method, 95% confidence, a low-sample threshold of 30 and the
     * default equivalence margins.
     */
    public static ScoreOptions defaults() {
        return DEFAULTS;
    }

    /** Returns these options with another interval method (null: each metric's default). */
    public ScoreOptions withIntervalMethod(@Nullable IntervalMethod method) {
        return new ScoreOptions(method, confidence, minN, margins);
    }

    /** Returns these options with another confidence level. */
    public ScoreOptions withConfidence(double level) {
        return new ScoreOptions(intervalMethod, level, minN, margins);
    }

    /**
     * Returns these options at the confidence level of a test with error rate {@code rate}:
     * 1 − rate, in decimal arithmetic so that 0.05 gives exactly 0.95.
     *
     * @param rate the error rate, strictly between 0 and 1
     * @return the options
     * @throws IllegalArgumentException if the rate is not strictly between 0 and 1
     */
    public ScoreOptions withAlpha(double rate) {
        if (!(rate > 0 && rate < 1)) {
            throw new IllegalArgumentException("alpha must be strictly between 0 and 1: " + rate);
        }
        return withConfidence(java.math.BigDecimal.ONE.subtract(java.math.BigDecimal.valueOf(rate)).doubleValue());
    }

    /**
     * Returns the error rate of a two-sided test at this confidence level, 1 − confidence, in
     * decimal arithmetic so that 0.95 gives exactly 0.05.
     *
     * @return alpha
     */
    public double alpha() {
        return java.math.BigDecimal.ONE.subtract(java.math.BigDecimal.valueOf(confidence)).doubleValue();
    }

    /**
     * Returns the confidence level of the equivalence test's interval, 1 − 2α (0.90 for 0.95), in
     * decimal arithmetic; zero or less when the confidence level is 0.5 or less (then there is no
     * equivalence test).
     *
     * @return 1 − 2α
     */
    public double equivalenceConfidence() {
        return java.math.BigDecimal.valueOf(confidence).multiply(java.math.BigDecimal.valueOf(2))
                .subtract(java.math.BigDecimal.ONE).doubleValue();
    }

    /**
     * Returns these options with other equivalence margins.
     *
     * @param value the margins
     * @return the options
     */
    public ScoreOptions withMargins(EquivalenceMargins value) {
        return new ScoreOptions(intervalMethod, confidence, minN, value);
    }

    /** Returns these options with another low-sample threshold. */
    public ScoreOptions withMinN(double threshold) {
        return new ScoreOptions(intervalMethod, confidence, threshold, margins);
    }
}
