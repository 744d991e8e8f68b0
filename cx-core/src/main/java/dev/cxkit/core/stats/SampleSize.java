package dev.cxkit.core.stats;

/**
 * Sample sizes for planning surveys: how many responses give an interval of a wanted
 * half-width, or detect a wanted difference with a wanted power.
 *
 * <p>All formulas use the normal approximation (the Wald interval and the z-test), so they are
 * planning estimates: they are accurate when the result is large, and a small result should be
 * treated as a lower bound. Results are rounded up (ceiling) and are at least 1, because a
 * score needs at least one response; a planning variance of 0 therefore gives 1.
 *
 * <p>Not instantiable; all methods are static, pure and thread-safe.
 *
 * @since 0.1.0
 */
public final class SampleSize {
    private SampleSize() {}

    /**
     * The number of responses for which the Wald interval of the NPS has the given half-width:
     * n = ⌈z²·Var/h²⌉ with Var = p + d − (p − d)², h = halfWidthPoints/100 and
     * z = Φ⁻¹(1 − α/2) (the NPS variance as in Rocks 2016). For example p = 0.5, d = 0.2 and
     * ±5 points at 95% gives ⌈1.96²·0.61/0.0025⌉ = 938.
     *
     * @param halfWidthPoints the wanted half-width in NPS points, in (0, 200]
     * @param promoterShare the expected promoter share p, in [0, 1]
     * @param detractorShare the expected detractor share d, in [0, 1], with p + d ≤ 1
     * @param confidence the confidence level, strictly between 0 and 1
     * @return the number of responses, ≥ 1
     * @throws IllegalArgumentException if the half-width is NaN or outside (0, 200], a share is
     *     NaN or outside [0, 1], p + d &gt; 1, the confidence is not strictly between 0 and 1,
     *     or the result exceeds {@link Long#MAX_VALUE}
     */
    public static long npsForHalfWidth(double halfWidthPoints, double promoterShare, double detractorShare,
            double confidence) {
        checkHalfWidth(halfWidthPoints, 200);
        double variance = npsVariance(promoterShare, detractorShare);
        double z = Confidence.z(confidence);
        double h = halfWidthPoints / 100;
        return ceiling(z * z * variance / (h * h));
    }

    /**
     * The number of responses per group for a two-sided z-test of two independent NPS samples
     * of equal size to detect a difference of δ points with the given power:
     * n = ⌈(z<sub>1−α/2</sub> + z<sub>power</sub>)²·2·Var/δ²⌉ with δ as a share
     * (differencePoints/100) and Var = p + d − (p − d)² (the two-sample formula for a
     * difference of means with known variance, as in Chow, Shao and Wang 2008, Sample Size
     * Calculations in Clinical Research, 2nd ed., ch. 3, applied to the per-response NPS
     * variance).
     *
     * <p>Assumption: both groups have the same variance, computed from the one pair of shares
     * given (for example the current baseline), and the same size. The probability of a
     * significant result in the wrong direction is ignored, as usual.
     *
     * @param differencePoints the difference to detect, in NPS points, nonzero and at most 200
     *     in magnitude (its sign does not matter)
     * @param promoterShare the expected promoter share p, in [0, 1]
     * @param detractorShare the expected detractor share d, in [0, 1], with p + d ≤ 1
     * @param confidence the confidence level 1 − α of the test, strictly between 0 and 1
     * @param power the wanted power, strictly between 0 and 1, and large enough that
     *     z<sub>1−α/2</sub> + z<sub>power</sub> &gt; 0 (any power ≥ ½ is)
     * @return the number of responses in each group, ≥ 1
     * @throws IllegalArgumentException if the difference is NaN, 0 or beyond ±200, a share is
     *     NaN or outside [0, 1], p + d &gt; 1, the confidence or power is not strictly between 0
     *     and 1, z<sub>1−α/2</sub> + z<sub>power</sub> ≤ 0, or the result exceeds
     *     {@link Long#MAX_VALUE}
     */
    public static long npsPerGroupForDifference(double differencePoints, double promoterShare, double detractorShare,
            double confidence, double power) {
        checkHalfWidth(Math.abs(differencePoints), 200);
        double variance = npsVariance(promoterShare, detractorShare);
        double zSum = zSum(confidence, power);
        double delta = differencePoints / 100;
        return ceiling(zSum * zSum * 2 * variance / (delta * delta));
    }

    /**
     * The number of trials for which the Wald interval of a proportion has the given
     * half-width: n = ⌈z²·p(1 − p)/h²⌉ (normal approximation; Cochran 1977, Sampling
     * Techniques, 3rd ed., ch. 4, without the finite-population correction). For example h = 0.05, p = 0.5 at 95% gives 385.
     *
     * @param halfWidth the wanted half-width as a share, in (0, 1]
     * @param p the expected proportion, in [0, 1] (0.5 is the conservative choice)
     * @param confidence the confidence level, strictly between 0 and 1
     * @return the number of trials, ≥ 1
     * @throws IllegalArgumentException if the half-width is NaN or outside (0, 1], p is NaN or
     *     outside [0, 1], the confidence is not strictly between 0 and 1, or the result exceeds
     *     {@link Long#MAX_VALUE}
     */
    public static long proportionForHalfWidth(double halfWidth, double p, double confidence) {
        checkHalfWidth(halfWidth, 1);
        Checks.share("p", p);
        double z = Confidence.z(confidence);
        return ceiling(z * z * p * (1 - p) / (halfWidth * halfWidth));
    }

    /**
     * The number of observations for which the interval of a mean has the given half-width:
     * n = ⌈z²·σ²/h²⌉. This is the normal approximation (σ treated as known); the t interval
     * of {@link MeanStatistics#t} is slightly wider for small n (Cochran 1977, Sampling Techniques, 3rd ed., ch. 4).
     *
     * @param halfWidth the wanted half-width, in the unit of the data, finite and &gt; 0
     * @param standardDeviation the expected standard deviation σ, finite and ≥ 0
     * @param confidence the confidence level, strictly between 0 and 1
     * @return the number of observations, ≥ 1
     * @throws IllegalArgumentException if the half-width is NaN, infinite or ≤ 0, σ is NaN,
     *     infinite or negative, the confidence is not strictly between 0 and 1, or the result
     *     exceeds {@link Long#MAX_VALUE}
     */
    public static long meanForHalfWidth(double halfWidth, double standardDeviation, double confidence) {
        Checks.positive("halfWidth", halfWidth);
        Checks.count("standardDeviation", standardDeviation);
        double z = Confidence.z(confidence);
        double ratio = z * standardDeviation / halfWidth;
        return ceiling(ratio * ratio);
    }

    private static double npsVariance(double promoterShare, double detractorShare) {
        Checks.share("promoterShare", promoterShare);
        Checks.share("detractorShare", detractorShare);
        if (promoterShare + detractorShare > 1) {
            throw new IllegalArgumentException("promoterShare + detractorShare must be <= 1: "
                    + promoterShare + " + " + detractorShare);
        }
        double net = promoterShare - detractorShare;
        return Checks.nonNegative(promoterShare + detractorShare - net * net);
    }

    private static double zSum(double confidence, double power) {
        double zAlpha = Confidence.z(confidence);
        Checks.openUnit("power", power);
        double zSum = zAlpha + Distributions.normalQuantile(power);
        if (!(zSum > 0)) {
            throw new IllegalArgumentException("power " + power + " is too low for confidence " + confidence
                    + ": z(1 - alpha/2) + z(power) must be > 0");
        }
        return zSum;
    }

    private static void checkHalfWidth(double halfWidth, double max) {
        if (!(halfWidth > 0 && halfWidth <= max)) {
            throw new IllegalArgumentException("half-width must be in (0, " + max + "]: " + halfWidth);
        }
    }

    private static long ceiling(double n) {
        double rounded = Math.ceil(n);
        if (!(rounded < 0x1p63)) {
            throw new IllegalArgumentException("the required sample size exceeds Long.MAX_VALUE: " + n);
        }
        return Math.max(1, (long) rounded);
    }

    /**
     * Scales a sample size for a design that is less efficient than simple random sampling: the
     * design effect deff is the ratio of the estimate's variance under the design to its variance
     * under simple random sampling of the same n, so the design needs n × deff responses for the
     * same precision (Kish 1965, <i>Survey Sampling</i>, §8.2). For weights, Kish's approximation is
     * deff = n Σw² / (Σw)² (the inverse of the effective-sample-size ratio); for clusters, such as
     * customers who answer several times, deff = 1 + (m − 1)ρ with m responses per cluster and
     * intra-cluster correlation ρ.
     *
     * @param n the sample size under simple random sampling, at least 1
     * @param designEffect the design effect, at least 1
     * @return ⌈n × deff⌉
     * @throws IllegalArgumentException if n is below 1 or the design effect below 1 or not finite, or
     *     the result overflows
     */
    public static long withDesignEffect(long n, double designEffect) {
        if (n < 1 || !(designEffect >= 1) || !Double.isFinite(designEffect)) {
            throw new IllegalArgumentException("need n >= 1 and a design effect >= 1: " + n + ", " + designEffect);
        }
        double scaled = Math.ceil(n * designEffect - 1e-9);
        if (scaled > Long.MAX_VALUE / 4) {
            throw new IllegalArgumentException("the sample size overflows: " + n + " x " + designEffect);
        }
        return (long) scaled;
    }
}
