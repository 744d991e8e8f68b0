package dev.cxkit.core.stats;

import java.util.Objects;

/**
 * Statistics of a binomial proportion, such as the CSAT top-2-box share: confidence intervals
 * and the comparison of two independent samples. Everything is in shares, in [0, 1]; callers
 * scale to percent with {@link Interval#scale(double)} and {@link Comparison#scale(double)}.
 *
 * <p>Inputs are a number of successes x and a number of trials n. Both may be non-integer
 * effective counts (weighted data); they must be finite with 0 ≤ x ≤ n and n &gt; 0. No method
 * returns NaN: all-success and no-success samples have defined intervals and tests.
 *
 * <p>Not instantiable; all methods are static, pure and thread-safe.
 *
 * @since 0.1.0
 */
public final class ProportionStatistics {
    private ProportionStatistics() {}

    /**
     * The Wilson score interval of Wilson (1927), "Probable inference, the law of succession,
     * and statistical inference", Journal of the American Statistical Association 22:209–212:
     * <pre>
     *   (p̂ + z²/(2n)) / (1 + z²/n)  ±  z/(1 + z²/n) · √(p̂(1 − p̂)/n + z²/(4n²))
     * </pre>
     * with p̂ = x/n and z = Φ⁻¹(1 − α/2). The interval always lies in [0, 1] and contains p̂;
     * for x = 0 the lower limit is exactly 0 and for x = n the upper limit exactly 1.
     *
     * @param successes the (effective) number of successes x, 0 ≤ x ≤ n
     * @param trials the (effective) number of trials n, &gt; 0
     * @param confidence the confidence level, strictly between 0 and 1
     * @return the interval in shares, method {@link IntervalMethod#WILSON}
     * @throws IllegalArgumentException if x or n is NaN or infinite, x &lt; 0, n ≤ 0, x &gt; n,
     *     or the confidence is not strictly between 0 and 1
     */
    public static Interval wilson(double successes, double trials, double confidence) {
        double p = share(successes, trials);
        double z = Confidence.z(confidence);
        double z2n = z * z / trials;
        double denominator = 1 + z2n;
        double centre = (p + z2n / 2) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / trials + z2n / (4 * trials));
        double lower = successes == 0 ? 0 : Math.min(p, centre - half);
        double upper = successes == trials ? 1 : Math.max(p, centre + half);
        return new Interval(lower, upper, confidence, IntervalMethod.WILSON).clip(0, 1);
    }

    /**
     * The Wald interval p̂ ± z·√(p̂(1 − p̂)/n) (Laplace 1812; see Agresti and Coull 1998,
     * "Approximate is better than 'exact' for interval estimation of binomial proportions",
     * The American Statistician 52:119–126), clipped to [0, 1]. It collapses to the point p̂
     * when x = 0 or x = n; prefer {@link #wilson} for small samples.
     *
     * @param successes the (effective) number of successes x, 0 ≤ x ≤ n
     * @param trials the (effective) number of trials n, &gt; 0
     * @param confidence the confidence level, strictly between 0 and 1
     * @return the interval in shares, method {@link IntervalMethod#WALD}
     * @throws IllegalArgumentException if x or n is NaN or infinite, x &lt; 0, n ≤ 0, x &gt; n,
     *     or the confidence is not strictly between 0 and 1
     */
    public static Interval wald(double successes, double trials, double confidence) {
        double p = share(successes, trials);
        double z = Confidence.z(confidence);
        double half = z * Math.sqrt(Checks.nonNegative(p * (1 - p)) / trials);
        return new Interval(p - half, p + half, confidence, IntervalMethod.WALD).clip(0, 1);
    }

    /**
     * The interval of a proportion by the given method: {@link #wilson} or {@link #wald}.
     *
     * @param successes the (effective) number of successes x, 0 ≤ x ≤ n
     * @param trials the (effective) number of trials n, &gt; 0
     * @param method {@link IntervalMethod#WILSON} or {@link IntervalMethod#WALD}
     * @param confidence the confidence level, strictly between 0 and 1
     * @return the interval in shares
     * @throws IllegalArgumentException if the method is neither of the two, the counts are
     *     invalid (see {@link #wilson}), or the confidence is not strictly between 0 and 1
     * @throws NullPointerException if {@code method} is null
     */
    public static Interval interval(double successes, double trials, IntervalMethod method, double confidence) {
        Objects.requireNonNull(method, "method");
        return switch (method) {
            case WILSON -> wilson(successes, trials, confidence);
            case WALD -> wald(successes, trials, confidence);
            default -> throw new IllegalArgumentException("proportion intervals use wilson or wald, not " + method);
        };
    }

    /**
     * Compares the proportions of two independent samples A and B with the two-proportion
     * z-test (see Agresti 2013, Categorical Data Analysis, 3rd ed., §3.1; Fleiss, Levin and
     * Paik 2003, Statistical Methods for Rates and Proportions, §2.5).
     *
     * <ul>
     *   <li>{@code difference} = p̂<sub>A</sub> − p̂<sub>B</sub>.</li>
     *   <li>The p-value uses the <em>pooled</em> standard error under the null hypothesis of
     *       equal proportions, √(p̄(1 − p̄)(1/n<sub>A</sub> + 1/n<sub>B</sub>)) with
     *       p̄ = (x<sub>A</sub> + x<sub>B</sub>)/(n<sub>A</sub> + n<sub>B</sub>):
     *       p = 2·Φ(−|difference|/SE<sub>pooled</sub>).</li>
     *   <li>The interval uses the <em>unpooled</em> Wald standard error
     *       √(p̂<sub>A</sub>(1 − p̂<sub>A</sub>)/n<sub>A</sub> + p̂<sub>B</sub>(1 − p̂<sub>B</sub>)/n<sub>B</sub>):
     *       difference ± z·SE, clipped to [−1, 1]; {@code standardError} is this unpooled SE.
     *       Because the two SEs differ, the p-value and the interval can disagree slightly
     *       near the significance boundary.</li>
     *   <li>If the pooled SE is 0 (both samples all successes, or both none) the p-value is 1;
     *       more generally, a zero SE gives p = 1 when the difference is 0 and 0 otherwise.
     *       A zero unpooled SE gives the single-point interval at the difference.</li>
     * </ul>
     *
     * @param successesA successes in sample A, 0 ≤ x<sub>A</sub> ≤ n<sub>A</sub>
     * @param trialsA trials in sample A, &gt; 0
     * @param successesB successes in sample B, 0 ≤ x<sub>B</sub> ≤ n<sub>B</sub>
     * @param trialsB trials in sample B, &gt; 0
     * @param confidence the confidence level of the interval, strictly between 0 and 1
     * @return the comparison in shares, interval method {@link IntervalMethod#WALD}
     * @throws IllegalArgumentException if the counts are invalid (see {@link #wilson}) or the
     *     confidence is not strictly between 0 and 1
     */
    public static Comparison compare(double successesA, double trialsA, double successesB, double trialsB,
            double confidence) {
        double pA = share(successesA, trialsA);
        double pB = share(successesB, trialsB);
        double z = Confidence.z(confidence);
        double difference = pA - pB;
        double pooled = (successesA + successesB) / (trialsA + trialsB);
        double pooledSe = Math.sqrt(Checks.nonNegative(pooled * (1 - pooled)) * (1 / trialsA + 1 / trialsB));
        double standardError = Math.sqrt(
                Checks.nonNegative(pA * (1 - pA)) / trialsA + Checks.nonNegative(pB * (1 - pB)) / trialsB);
        double pValue = NpsStatistics.twoSidedNormalPValue(difference, pooledSe);
        double half = z * standardError;
        Interval interval = new Interval(difference - half, difference + half, confidence, IntervalMethod.WALD)
                .clip(-1, 1);
        return Comparison.of(difference, standardError, interval, pValue);
    }

    /**
     * Compares two proportions for small and large samples alike: a − b with Newcombe's hybrid
     * score interval (Newcombe 1998, method 10: with Wilson limits (l<sub>A</sub>, u<sub>A</sub>)
     * and (l<sub>B</sub>, u<sub>B</sub>), lower = d − √((p<sub>A</sub> − l<sub>A</sub>)² +
     * (u<sub>B</sub> − p<sub>B</sub>)²), upper = d + √((u<sub>A</sub> − p<sub>A</sub>)² +
     * (p<sub>B</sub> − l<sub>B</sub>)²)), which keeps its coverage at small n and near 0 and 1
     * where the Wald interval does not. The p-value is Fisher's exact test
     * ({@link #fisherExactPValue}) when the counts are whole numbers and any expected cell count of
     * the 2×2 table is below 5 (the classic rule, Cochran 1954), else the pooled z-test of
     * {@link #compare}. The standard error is the unpooled one.
     *
     * @param successesA successes in sample A, 0 ≤ x ≤ n
     * @param trialsA trials in sample A, &gt; 0
     * @param successesB successes in sample B, 0 ≤ x ≤ n
     * @param trialsB trials in sample B, &gt; 0
     * @param confidence the confidence level, strictly between 0 and 1
     * @return the comparison of a − b, in shares
     * @throws IllegalArgumentException if a count is invalid or the confidence out of range
     */
    public static Comparison newcombe(double successesA, double trialsA, double successesB, double trialsB,
            double confidence) {
        Comparison z = compare(successesA, trialsA, successesB, trialsB, confidence);
        double pA = successesA / trialsA;
        double pB = successesB / trialsB;
        Interval a = wilson(successesA, trialsA, confidence);
        Interval b = wilson(successesB, trialsB, confidence);
        double d = pA - pB;
        double lower = d - Math.sqrt(square(pA - a.lower()) + square(b.upper() - pB));
        double upper = d + Math.sqrt(square(a.upper() - pA) + square(pB - b.lower()));
        Interval interval = new Interval(lower, upper, confidence, IntervalMethod.NEWCOMBE).clip(-1, 1);
        double pValue = z.pValue();
        if (whole(successesA) && whole(trialsA) && whole(successesB) && whole(trialsB)
                && smallestExpectedCell(successesA, trialsA, successesB, trialsB) < 5) {
            pValue = fisherExactPValue((long) successesA, (long) trialsA, (long) successesB, (long) trialsB);
        }
        return Comparison.of(d, z.standardError(), interval, pValue);
    }

    /**
     * The two-sided p-value of Fisher's exact test of the 2×2 table (x<sub>A</sub>,
     * n<sub>A</sub> − x<sub>A</sub>; x<sub>B</sub>, n<sub>B</sub> − x<sub>B</sub>): the
     * probability, given both margins (hypergeometric), of every table no more likely than the one
     * observed, with R's relative tolerance of 10<sup>−7</sup> for ties ({@code fisher.test};
     * Agresti 2002, <i>Categorical Data Analysis</i>, §3.5.1).
     *
     * @param successesA successes in A
     * @param trialsA trials in A, &gt; 0
     * @param successesB successes in B
     * @param trialsB trials in B, &gt; 0
     * @return the p-value, in [0, 1]
     * @throws IllegalArgumentException if a count is negative or successes exceed trials
     */
    public static double fisherExactPValue(long successesA, long trialsA, long successesB, long trialsB) {
        if (successesA < 0 || successesB < 0 || trialsA <= 0 || trialsB <= 0 || successesA > trialsA
                || successesB > trialsB) {
            throw new IllegalArgumentException("invalid 2x2 table: " + successesA + "/" + trialsA + ", " + successesB
                    + "/" + trialsB);
        }
        long successes = successesA + successesB;
        long n = trialsA + trialsB;
        long low = Math.max(0, successes - trialsB);
        long high = Math.min(successes, trialsA);
        double observed = logHypergeometric(successesA, trialsA, trialsB, successes);
        double total = 0;
        double extreme = 0;
        double max = Double.NEGATIVE_INFINITY;
        double[] logs = new double[(int) (high - low + 1)];
        for (long k = low; k <= high; k++) {
            logs[(int) (k - low)] = logHypergeometric(k, trialsA, trialsB, successes);
            max = Math.max(max, logs[(int) (k - low)]);
        }
        for (long k = low; k <= high; k++) {
            double log = logs[(int) (k - low)];
            double weight = Math.exp(log - max);
            total += weight;
            if (log <= observed + Math.log1p(1e-7)) {
                extreme += weight;
            }
        }
        return Math.min(1.0, extreme / total);
    }

    /** log P(X = k) of the hypergeometric: k of the successes among the trialsA draws. */
    private static double logHypergeometric(long k, long trialsA, long trialsB, long successes) {
        return Distributions.logChoose(trialsA, k) + Distributions.logChoose(trialsB, successes - k)
                - Distributions.logChoose(trialsA + trialsB, successes);
    }


    private static double smallestExpectedCell(double xA, double nA, double xB, double nB) {
        double n = nA + nB;
        double successes = xA + xB;
        double failures = n - successes;
        return Math.min(Math.min(nA * successes / n, nA * failures / n), Math.min(nB * successes / n,
                nB * failures / n));
    }

    private static boolean whole(double x) {
        return x == Math.rint(x) && x < 1e15;
    }

    private static double square(double x) {
        return x * x;
    }

    /** Validates x and n and returns x/n. */
    private static double share(double successes, double trials) {
        Checks.count("successes", successes);
        Checks.positive("trials", trials);
        if (successes > trials) {
            throw new IllegalArgumentException("successes " + successes + " > trials " + trials);
        }
        return successes / trials;
    }
}
