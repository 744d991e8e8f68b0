package dev.cxkit.core.stats;

import java.util.Objects;

/**
 * Net Promoter Score statistics: the score, its confidence intervals and the comparison of
 * two independent samples, all in NPS points (−100..100; differences −200..200).
 *
 * <p>Inputs are counts of promoters (ratings 9–10), passives (7–8) and detractors (0–6). They
 * may be non-integer <em>effective</em> counts, so a weighted caller can pass
 * share × n<sub>eff</sub> (Kish's effective sample size). Every count must be finite and
 * ≥ 0, and their total n must be &gt; 0: with no responses the score is undefined, and callers
 * represent it as an absent value rather than calling these methods.
 *
 * <p>Notation: p = promoters/n and d = detractors/n are shares; NPS = p − d as a share and
 * 100·(p − d) in points. Because (promoter, detractor, passive) is one multinomial draw, the
 * per-response variance of the score is Var = p + d − (p − d)².
 *
 * <p>Edge cases are defined: with all promoters the Wald and score intervals end at exactly
 * 100 (and with all detractors begin at exactly −100); every interval is clipped to
 * [−100, 100] with {@link Interval#clip(double, double)}; no method returns NaN.
 *
 * <p>Not instantiable; all methods are static, pure and thread-safe.
 *
 * @since 0.1.0
 */
public final class NpsStatistics {

    /** Rocks (2016) pseudo-observations added to the promoters. */
    static final double PSEUDO_PROMOTERS = 0.75;
    /** Rocks (2016) pseudo-observations added to the passives. */
    static final double PSEUDO_PASSIVES = 1.5;
    /** Rocks (2016) pseudo-observations added to the detractors. */
    static final double PSEUDO_DETRACTORS = 0.75;
    /** The total of the pseudo-observations. */
    static final double PSEUDO_TOTAL = PSEUDO_PROMOTERS + PSEUDO_PASSIVES + PSEUDO_DETRACTORS;

    /** Score-interval limits are bisected until the bracket is this narrow, as a share. */
    private static final double SCORE_TOLERANCE = 1e-15;

    private NpsStatistics() {}

    /**
     * The Net Promoter Score in points: 100·(promoters − detractors)/n, with
     * n = promoters + passives + detractors (Reichheld 2003, "The one number you need to grow",
     * Harvard Business Review 81(12)).
     *
     * @param promoters the (effective) number of promoters, ≥ 0
     * @param passives the (effective) number of passives, ≥ 0
     * @param detractors the (effective) number of detractors, ≥ 0
     * @return the score in [−100, 100]; for example 40, 30, 30 gives 10
     * @throws IllegalArgumentException if a count is NaN, infinite or negative, or n = 0
     */
    public static double nps(double promoters, double passives, double detractors) {
        double n = total(promoters, passives, detractors);
        return points(promoters, detractors, n);
    }

    /**
     * The Wald interval of the NPS: 100·[(p − d) ± z·√(Var/n)] with Var = p + d − (p − d)² and
     * z = Φ⁻¹(1 − α/2), clipped to [−100, 100]. This is the textbook normal approximation for
     * a difference of two multinomial shares (see Rocks 2016, §2). With all promoters,
     * all detractors or all passives Var = 0 and the interval is the single point NPS.
     *
     * @param promoters the (effective) number of promoters, ≥ 0
     * @param passives the (effective) number of passives, ≥ 0
     * @param detractors the (effective) number of detractors, ≥ 0
     * @param confidence the confidence level, strictly between 0 and 1
     * @return the interval in points, method {@link IntervalMethod#WALD}
     * @throws IllegalArgumentException if a count is NaN, infinite or negative, n = 0, or the
     *     confidence is not strictly between 0 and 1
     */
    public static Interval wald(double promoters, double passives, double detractors, double confidence) {
        double n = total(promoters, passives, detractors);
        double z = Confidence.z(confidence);
        return waldInterval(promoters, detractors, n, z, confidence, IntervalMethod.WALD);
    }

    /**
     * The adjusted-Wald interval of the NPS of Rocks (2016), "Interval Estimation for the 'Net
     * Promoter Score'", The American Statistician 70(4):365–372: add 3 pseudo-observations,
     * 0.75 to the promoters, 1.5 to the passives and 0.75 to the detractors, and take the Wald
     * interval of the adjusted sample: with P′ = P + 0.75, D′ = D + 0.75, n′ = n + 3,
     * p′ = P′/n′, d′ = D′/n′, the interval is 100·[(p′ − d′) ± z·√(Var′/n′)] with
     * Var′ = p′ + d′ − (p′ − d′)², clipped to [−100, 100].
     *
     * <p>The interval is centred on the adjusted estimate p′ − d′, which is pulled towards 0,
     * not on the plain NPS. With very few responses it therefore need not contain the plain
     * NPS: a single promoter gives about [−48.5, 98.5] at 95%. Two or more responses that are
     * all promoters give a 95% interval clipped at exactly 100 (and all detractors at −100).
     *
     * @param promoters the (effective) number of promoters, ≥ 0
     * @param passives the (effective) number of passives, ≥ 0
     * @param detractors the (effective) number of detractors, ≥ 0
     * @param confidence the confidence level, strictly between 0 and 1
     * @return the interval in points, method {@link IntervalMethod#ADJUSTED_WALD}
     * @throws IllegalArgumentException if a count is NaN, infinite or negative, n = 0, or the
     *     confidence is not strictly between 0 and 1
     */
    public static Interval adjustedWald(double promoters, double passives, double detractors, double confidence) {
        double n = total(promoters, passives, detractors);
        double z = Confidence.z(confidence);
        return waldInterval(promoters + PSEUDO_PROMOTERS, detractors + PSEUDO_DETRACTORS, n + PSEUDO_TOTAL, z,
                confidence, IntervalMethod.ADJUSTED_WALD);
    }

    /**
     * The iterative score interval of the NPS: Tango (1998), "Equivalence test and confidence
     * interval for the difference in proportions for the paired-sample design", Statistics in
     * Medicine 17:891–908, which Rocks (2016) applies to the NPS. Promoters and detractors play
     * Tango's discordant cells b and c, passives the concordant ones, and Δ = p − d.
     *
     * <p>The limits are the two roots of |Z(Δ)| = z with
     * <pre>
     *   Z(Δ) = (P − D − nΔ) / √(n·(2q̃ + Δ(1 − Δ)))
     * </pre>
     * where q̃ = q̃(Δ) is the maximum-likelihood detractor share restricted to
     * promoter share − detractor share = Δ. Maximising
     * P·log(q + Δ) + D·log q + Pa·log(1 − 2q − Δ) over q gives Tango's quadratic
     * <pre>
     *   2n·q² + [(2n − P + D)Δ − (P + D)]·q − D·Δ(1 − Δ) = 0,
     * </pre>
     * whose larger root is q̃ (the score is decreasing in q on the feasible range, so the
     * feasible root is where the upward parabola crosses zero from below). It is evaluated in
     * the cancellation-free form: (−B + √(B² − 4AC))/(2A) when B ≤ 0, else 2C/(−B − √(B² − 4AC)).
     * The denominator is n times the variance of a promoter-minus-detractor indicator under
     * the restricted fit, p̃ + d̃ − Δ².
     *
     * <p>The lower limit is found on [−1, p − d] and the upper on [p − d, 1] by bisection to
     * 1e−15 in Δ, working with (p − d − Δ) ∓ z·√(V(Δ)/n) so that no division by a zero variance
     * can occur. Edge cases: all promoters gives upper limit 100 and lower limit
     * 100·(n − z²)/(n + z²); all detractors the mirror image; all passives (P = D = 0) gives
     * ±100·z²/(n + z²). Clipped to [−100, 100].
     *
     * @param promoters the (effective) number of promoters, ≥ 0
     * @param passives the (effective) number of passives, ≥ 0
     * @param detractors the (effective) number of detractors, ≥ 0
     * @param confidence the confidence level, strictly between 0 and 1
     * @return the interval in points, method {@link IntervalMethod#SCORE}
     * @throws IllegalArgumentException if a count is NaN, infinite or negative, n = 0, or the
     *     confidence is not strictly between 0 and 1
     */
    public static Interval score(double promoters, double passives, double detractors, double confidence) {
        double n = total(promoters, passives, detractors);
        double z = Confidence.z(confidence);
        double p = promoters / n;
        double d = detractors / n;
        double estimate = Math.max(-1, Math.min(1, (promoters - detractors) / n));

        // Lower limit: the crossing of f(Δ) = (est − Δ) − z·√(V(Δ)/n) from > 0 (at −1) to ≤ 0 (at est).
        double lower = -1;
        if (estimate > -1) {
            double lo = -1;
            double hi = estimate;
            while (hi - lo > SCORE_TOLERANCE) {
                double mid = 0.5 * (lo + hi);
                if (mid <= lo || mid >= hi) {
                    break;
                }
                double f = (estimate - mid) - z * Math.sqrt(restrictedVariance(mid, p, d) / n);
                if (f > 0) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            lower = 0.5 * (lo + hi);
        }
        // Upper limit: the crossing of g(Δ) = (est − Δ) + z·√(V(Δ)/n) from ≥ 0 (at est) to < 0 (at 1).
        double upper = 1;
        if (estimate < 1) {
            double lo = estimate;
            double hi = 1;
            while (hi - lo > SCORE_TOLERANCE) {
                double mid = 0.5 * (lo + hi);
                if (mid <= lo || mid >= hi) {
                    break;
                }
                double g = (estimate - mid) + z * Math.sqrt(restrictedVariance(mid, p, d) / n);
                if (g >= 0) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            upper = 0.5 * (lo + hi);
        }
        double centre = points(promoters, detractors, n);
        return new Interval(Math.min(100 * lower, centre), Math.max(100 * upper, centre), confidence,
                IntervalMethod.SCORE).clip(-100, 100);
    }

    /**
     * The variance term of Tango's score statistic at Δ, 2q̃ + Δ(1 − Δ), from the restricted
     * maximum-likelihood detractor share q̃ (see {@link #score}); shares p and d.
     */
    static double restrictedVariance(double delta, double p, double d) {
        double q = restrictedDetractorShare(delta, p, d);
        return Checks.nonNegative(2 * q + delta * (1 - delta));
    }

    /**
     * Tango's restricted MLE of the detractor share given Δ = promoter share − detractor share:
     * the larger root of 2q² + Bq + C = 0 with B = (2 − p + d)Δ − (p + d) and
     * C = −dΔ(1 − Δ) (the quadratic of {@link #score} divided by n).
     */
    static double restrictedDetractorShare(double delta, double p, double d) {
        double b = (2 - p + d) * delta - (p + d);
        double c = -d * delta * (1 - delta);
        double root = Math.sqrt(Checks.nonNegative(b * b - 8 * c));
        if (b <= 0) {
            return (-b + root) / 4;
        }
        return 2 * c / (-b - root);
    }

    /**
     * The interval of the NPS by the given method: {@link #wald}, {@link #adjustedWald} or
     * {@link #score}.
     *
     * @param promoters the (effective) number of promoters, ≥ 0
     * @param passives the (effective) number of passives, ≥ 0
     * @param detractors the (effective) number of detractors, ≥ 0
     * @param method {@link IntervalMethod#WALD}, {@link IntervalMethod#ADJUSTED_WALD} or
     *     {@link IntervalMethod#SCORE}
     * @param confidence the confidence level, strictly between 0 and 1
     * @return the interval in points
     * @throws IllegalArgumentException if the method is not one of the three, a count is NaN,
     *     infinite or negative, n = 0, or the confidence is not strictly between 0 and 1
     * @throws NullPointerException if {@code method} is null
     */
    public static Interval interval(double promoters, double passives, double detractors, IntervalMethod method,
            double confidence) {
        Objects.requireNonNull(method, "method");
        return switch (method) {
            case WALD -> wald(promoters, passives, detractors, confidence);
            case ADJUSTED_WALD -> adjustedWald(promoters, passives, detractors, confidence);
            case SCORE -> score(promoters, passives, detractors, confidence);
            default -> throw new IllegalArgumentException(
                    "NPS intervals use wald, adjusted-wald or score, not " + method);
        };
    }

    /**
     * Compares the NPS of two independent samples A and B.
     *
     * <ul>
     *   <li>{@code difference} is the plain NPS<sub>A</sub> − NPS<sub>B</sub> in points,
     *       whatever the method.</li>
     *   <li>The standard error is SE = 100·√(Var<sub>A</sub>/n<sub>A</sub> + Var<sub>B</sub>/n<sub>B</sub>)
     *       points with Var = p + d − (p − d)² per sample (independent samples, so the
     *       variances add).</li>
     *   <li>{@link IntervalMethod#ADJUSTED_WALD}: Rocks' (2016) one-sample adjustment applied to
     *       each sample separately, in the way Agresti and Caffo (2000, "Simple and effective
     *       confidence intervals for proportions and differences of proportions", The American
     *       Statistician 54(4):280–288) adjust each of two proportions: each sample gets its own
     *       0.75/1.5/0.75 pseudo-observations (n + 3), the SE uses the adjusted shares and
     *       n + 3, and the centre is the adjusted difference NPS′<sub>A</sub> − NPS′<sub>B</sub>.
     *   <li>{@link IntervalMethod#WALD}: plain shares, plain n, centre = the plain difference.</li>
     *   <li>The interval is centre ± z·SE, clipped to [−200, 200]; if SE = 0 (both samples all
     *       promoters, all detractors or all passives under WALD) it is the single point centre.</li>
     *   <li>The p-value is the score (pooled) test of "no difference", as for two proportions
     *       (Fleiss, Levin and Paik 2003, <i>Statistical Methods for Rates and Proportions</i>,
     *       §2.5): under that hypothesis both samples share one promoter share p̂ and one
     *       detractor share d̂, estimated from the two samples together, so the variance of the
     *       plain difference is (p̂ + d̂ − (p̂ − d̂)²)(1/n<sub>A</sub> + 1/n<sub>B</sub>) and
     *       p = 2·Φ(−|difference/SE<sub>0</sub>|). Unlike the unpooled Wald statistic, it does not
     *       take the small side's noisy variance at face value: with about 40 responses on one
     *       side, the unpooled p-value fell below α/12 twice as often as it should on null data
     *       (cx-benchmarks/RESULTS.md, "Honest verdicts"). If SE<sub>0</sub> = 0 (both samples
     *       all promoters, all detractors or all passives) the p-value is 1. So p &lt; α and an
     *       interval that excludes 0 agree except near the boundary; {@code ComparisonVerdict}
     *       calls a difference only when both say so.</li>
     * </ul>
     * Swapping A and B negates the difference and the interval and keeps SE and p-value;
     * comparing a sample with itself gives difference 0 and p-value 1. The returned
     * comparison is {@linkplain Comparison#significant() significant} when
     * p &lt; 1 − confidence.
     *
     * @param promotersA promoters in sample A, ≥ 0
     * @param passivesA passives in sample A, ≥ 0
     * @param detractorsA detractors in sample A, ≥ 0
     * @param promotersB promoters in sample B, ≥ 0
     * @param passivesB passives in sample B, ≥ 0
     * @param detractorsB detractors in sample B, ≥ 0
     * @param method {@link IntervalMethod#ADJUSTED_WALD} (recommended) or {@link IntervalMethod#WALD}
     * @param confidence the confidence level of the interval, strictly between 0 and 1
     * @return the comparison, in points
     * @throws IllegalArgumentException if the method is neither of the two, a count is NaN,
     *     infinite or negative, a sample has n = 0, or the confidence is not strictly between
     *     0 and 1
     * @throws NullPointerException if {@code method} is null
     */
    public static Comparison compare(double promotersA, double passivesA, double detractorsA, double promotersB,
            double passivesB, double detractorsB, IntervalMethod method, double confidence) {
        Objects.requireNonNull(method, "method");
        double nA = total(promotersA, passivesA, detractorsA);
        double nB = total(promotersB, passivesB, detractorsB);
        double z = Confidence.z(confidence);
        double difference = points(promotersA, detractorsA, nA) - points(promotersB, detractorsB, nB);
        double pA;
        double dA;
        double pB;
        double dB;
        double effectiveA;
        double effectiveB;
        switch (method) {
            case ADJUSTED_WALD -> {
                effectiveA = nA + PSEUDO_TOTAL;
                effectiveB = nB + PSEUDO_TOTAL;
                pA = (promotersA + PSEUDO_PROMOTERS) / effectiveA;
                dA = (detractorsA + PSEUDO_DETRACTORS) / effectiveA;
                pB = (promotersB + PSEUDO_PROMOTERS) / effectiveB;
                dB = (detractorsB + PSEUDO_DETRACTORS) / effectiveB;
            }
            case WALD -> {
                effectiveA = nA;
                effectiveB = nB;
                pA = promotersA / nA;
                dA = detractorsA / nA;
                pB = promotersB / nB;
                dB = detractorsB / nB;
            }
            default -> throw new IllegalArgumentException(
                    "NPS comparisons use adjusted-wald or wald, not " + method);
        }
        double estimateA = pA - dA;
        double estimateB = pB - dB;
        double varianceA = Checks.nonNegative(pA + dA - estimateA * estimateA);
        double varianceB = Checks.nonNegative(pB + dB - estimateB * estimateB);
        double standardError = 100 * Math.sqrt(varianceA / effectiveA + varianceB / effectiveB);
        double centre = method == IntervalMethod.WALD ? difference : 100 * (estimateA - estimateB);
        double pValue = isSmallWholeSample(promotersA, passivesA, detractorsA, promotersB, passivesB, detractorsB)
                ? exactPValue((long) promotersA, (long) passivesA, (long) detractorsA, (long) promotersB,
                        (long) passivesB, (long) detractorsB)
                : pooledPValue(promotersA, detractorsA, nA, promotersB, detractorsB, nB);
        double half = z * standardError;
        Interval interval = new Interval(centre - half, centre + half, confidence, method).clip(-200, 200);
        return Comparison.of(difference, standardError, interval, pValue);
    }

    /** The largest smaller sample for which {@link #compare} computes the exact p-value. */
    public static final int EXACT_MAX_SMALLER_SAMPLE = 100;

    private static boolean isSmallWholeSample(double... counts) {
        for (double c : counts) {
            if (c != Math.rint(c) || c > 1e9) {
                return false;
            }
        }
        double nA = counts[0] + counts[1] + counts[2];
        double nB = counts[3] + counts[4] + counts[5];
        return Math.min(nA, nB) <= EXACT_MAX_SMALLER_SAMPLE;
    }

    /**
     * The exact two-sided p-value of the NPS difference of two samples, conditional on the pooled
     * counts of promoters, passives and detractors (a permutation test: under "no difference" every
     * split of the pooled responses into samples of n<sub>A</sub> and n<sub>B</sub> is equally likely,
     * so the counts of A follow the multivariate hypergeometric distribution). The p-value is the
     * probability of a difference at least as far from 0 as the observed one (relative tolerance
     * 10<sup>−7</sup> for ties, as R's {@code fisher.test}). Exact for any sample size; the cost
     * grows with the square of the smaller sample. Checked against an enumeration in R.
     *
     * @param promotersA promoters in A
     * @param passivesA passives in A
     * @param detractorsA detractors in A
     * @param promotersB promoters in B
     * @param passivesB passives in B
     * @param detractorsB detractors in B
     * @return the p-value, in [0, 1]
     * @throws IllegalArgumentException if a count is negative or a sample is empty
     */
    public static double exactPValue(long promotersA, long passivesA, long detractorsA, long promotersB,
            long passivesB, long detractorsB) {
        long nA = promotersA + passivesA + detractorsA;
        long nB = promotersB + passivesB + detractorsB;
        if (promotersA < 0 || passivesA < 0 || detractorsA < 0 || promotersB < 0 || passivesB < 0 || detractorsB < 0
                || nA == 0 || nB == 0) {
            throw new IllegalArgumentException("counts must be >= 0 with both samples non-empty");
        }
        if (nB < nA) { // enumerate the smaller sample; the statistic is symmetric
            return exactPValue(promotersB, passivesB, detractorsB, promotersA, passivesA, detractorsA);
        }
        long promoters = promotersA + promotersB;
        long passives = passivesA + passivesB;
        long detractors = detractorsA + detractorsB;
        long n = nA + nB;
        double observed = Math.abs((double) (promotersA - detractorsA) / nA - (double) (promotersB - detractorsB) / nB);
        double logTotal = Distributions.logChoose(n, nA);
        double extreme = 0;
        double total = 0;
        for (long a = 0; a <= Math.min(promoters, nA); a++) {
            for (long c = Math.max(0, nA - a - passives); c <= Math.min(detractors, nA - a); c++) {
                long b = nA - a - c;
                double probability = Math.exp(Distributions.logChoose(promoters, a)
                        + Distributions.logChoose(passives, b) + Distributions.logChoose(detractors, c) - logTotal);
                double d = Math.abs((double) (a - c) / nA - (double) ((promoters - a) - (detractors - c)) / nB);
                total += probability;
                if (d >= observed * (1 - 1e-7) - 1e-12) {
                    extreme += probability;
                }
            }
        }
        return Math.min(1.0, extreme / total);
    }


    /** The score test of no difference: the plain difference over its standard error under a common p̂, d̂. */
    private static double pooledPValue(double promotersA, double detractorsA, double nA, double promotersB,
            double detractorsB, double nB) {
        double difference = (promotersA - detractorsA) / nA - (promotersB - detractorsB) / nB;
        double p = (promotersA + promotersB) / (nA + nB);
        double d = (detractorsA + detractorsB) / (nA + nB);
        double variance = Checks.nonNegative(p + d - (p - d) * (p - d));
        return twoSidedNormalPValue(difference, Math.sqrt(variance * (1 / nA + 1 / nB)));
    }

    /** 2·Φ(−|centre/se|); for se = 0, 1 if the centre is 0 and 0 otherwise. */
    static double twoSidedNormalPValue(double centre, double standardError) {
        if (!(standardError > 0)) {
            return centre == 0 ? 1.0 : 0.0;
        }
        return Math.min(1.0, 2 * Distributions.normalCdf(-Math.abs(centre / standardError)));
    }

    /** The Wald interval in points of the share difference (P − D)/n for counts P, D of n. */
    private static Interval waldInterval(double promoters, double detractors, double n, double z, double confidence,
            IntervalMethod method) {
        double p = promoters / n;
        double d = detractors / n;
        double estimate = (promoters - detractors) / n;
        double variance = Checks.nonNegative(p + d - estimate * estimate);
        double centre = points(promoters, detractors, n);
        double half = 100 * z * Math.sqrt(variance / n);
        return new Interval(centre - half, centre + half, confidence, method).clip(-100, 100);
    }

    /**
     * 100·(P − D)/n, in this order of operations everywhere, so that an interval's centre is
     * bit-for-bit the score {@link #nps} reports; kept inside [−100, 100] against rounding.
     */
    private static double points(double promoters, double detractors, double n) {
        return Math.max(-100, Math.min(100, 100 * (promoters - detractors) / n));
    }

    /** Validates three counts and returns their total, which must be &gt; 0. */
    private static double total(double promoters, double passives, double detractors) {
        Checks.count("promoters", promoters);
        Checks.count("passives", passives);
        Checks.count("detractors", detractors);
        double n = promoters + passives + detractors;
        if (!(n > 0) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("the number of responses must be > 0 and finite: " + n);
        }
        return n;
    }
}
