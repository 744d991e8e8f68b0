package dev.cxkit.core.stats;

/**
 * Statistics of a mean, such as the CES 2.0 score: the Student t interval and Welch's
 * two-sample t-test. Everything is in the unit of the data (scale points).
 *
 * <p>Inputs are summary statistics: a mean, the sample variance s² (with divisor n − 1) and
 * the (possibly non-integer, effective) sample size n &gt; 1. No method returns NaN.
 *
 * <p>Not instantiable; all methods are static, pure and thread-safe.
 *
 * @since 0.1.0
 */
public final class MeanStatistics {
    private MeanStatistics() {}

    /**
     * The Student t interval of a mean (Student 1908, "The probable error of a mean",
     * Biometrika 6(1):1–25): x̄ ± t<sub>n−1, 1−α/2</sub>·√(s²/n). With s² = 0 the interval is
     * the single point x̄.
     *
     * @param mean the sample mean, finite
     * @param sampleVariance the sample variance s² (divisor n − 1), finite and ≥ 0
     * @param n the (effective) sample size, finite and &gt; 1
     * @param confidence the confidence level, strictly between 0 and 1
     * @return the interval, method {@link IntervalMethod#T}
     * @throws IllegalArgumentException if the mean is not finite, the variance is NaN, infinite
     *     or negative, n is NaN, infinite or ≤ 1, or the confidence is not strictly between 0
     *     and 1
     */
    public static Interval t(double mean, double sampleVariance, double n, double confidence) {
        Checks.finite("mean", mean);
        Checks.count("sampleVariance", sampleVariance);
        checkSize("n", n);
        double standardError = Math.sqrt(sampleVariance / n);
        double half = Confidence.t(confidence, n - 1) * standardError;
        return new Interval(mean - half, mean + half, confidence, IntervalMethod.T);
    }

    /**
     * Welch's unequal-variance t-test of two independent means (Welch 1947, "The
     * generalization of 'Student's' problem when several different population variances are
     * involved", Biometrika 34:28–35), with the Welch–Satterthwaite degrees of freedom
     * (Satterthwaite 1946, Biometrics Bulletin 2:110–114):
     * <pre>
     *   SE² = s²_A/n_A + s²_B/n_B
     *   ν   = SE⁴ / ((s²_A/n_A)²/(n_A − 1) + (s²_B/n_B)²/(n_B − 1))
     *   t   = (x̄_A − x̄_B)/SE,   p = 2·F_ν(−|t|)
     * </pre>
     * and the interval (x̄<sub>A</sub> − x̄<sub>B</sub>) ± t<sub>ν, 1−α/2</sub>·SE, where
     * F<sub>ν</sub> is the Student t CDF with real-valued ν. If both variances are 0, SE = 0,
     * ν is undefined, the p-value is 1 when the means are equal and 0 otherwise, and the
     * interval is the single point of the difference.
     *
     * @param meanA the mean of sample A, finite
     * @param varianceA the sample variance of A (divisor n − 1), finite and ≥ 0
     * @param nA the (effective) size of A, finite and &gt; 1
     * @param meanB the mean of sample B, finite
     * @param varianceB the sample variance of B, finite and ≥ 0
     * @param nB the (effective) size of B, finite and &gt; 1
     * @param confidence the confidence level of the interval, strictly between 0 and 1
     * @return the comparison (difference = x̄<sub>A</sub> − x̄<sub>B</sub>), interval method
     *     {@link IntervalMethod#T}
     * @throws IllegalArgumentException if a mean is not finite, a variance is NaN, infinite or
     *     negative, a size is NaN, infinite or ≤ 1, the standard error overflows, or the
     *     confidence is not strictly between 0 and 1
     */
    public static Comparison welch(double meanA, double varianceA, double nA, double meanB, double varianceB,
            double nB, double confidence) {
        Checks.finite("meanA", meanA);
        Checks.finite("meanB", meanB);
        Checks.count("varianceA", varianceA);
        Checks.count("varianceB", varianceB);
        checkSize("nA", nA);
        checkSize("nB", nB);
        Confidence.check(confidence);
        double difference = meanA - meanB;
        Checks.finite("meanA - meanB", difference);
        double a = varianceA / nA;
        double b = varianceB / nB;
        double variance = a + b;
        double standardError = Math.sqrt(variance);
        if (!Double.isFinite(standardError)) {
            throw new IllegalArgumentException("the standard error overflows: variances " + varianceA + ", "
                    + varianceB);
        }
        if (!(standardError > 0)) {
            Interval point = new Interval(difference, difference, confidence, IntervalMethod.T);
            return Comparison.of(difference, 0, point, difference == 0 ? 1 : 0);
        }
        double df = welchDegreesOfFreedom(varianceA, nA, varianceB, nB);
        double pValue = Math.min(1, 2 * Distributions.studentTCdf(-Math.abs(difference / standardError), df));
        double half = Confidence.t(confidence, df) * standardError;
        Interval interval = new Interval(difference - half, difference + half, confidence, IntervalMethod.T);
        return Comparison.of(difference, standardError, interval, pValue);
    }

    /**
     * The Welch–Satterthwaite degrees of freedom of {@link #welch}, computed from the shares
     * a/(a + b) and b/(a + b) of the two variance terms so that nothing overflows; defined
     * only when at least one variance is positive.
     */
    static double welchDegreesOfFreedom(double varianceA, double nA, double varianceB, double nB) {
        double a = varianceA / nA;
        double b = varianceB / nB;
        double shareA = a / (a + b);
        double shareB = b / (a + b);
        return 1 / (shareA * shareA / (nA - 1) + shareB * shareB / (nB - 1));
    }

    private static void checkSize(String name, double n) {
        if (!(n > 1) || n == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be finite and > 1: " + n);
        }
    }
}
