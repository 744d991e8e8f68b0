package dev.cxkit.core.stats;

/**
 * Control-chart statistics for proportions: the p-chart of Shewhart, as given by Montgomery,
 * <i>Introduction to Statistical Quality Control</i> (7th ed., Wiley 2013), §7.2.1 "Development
 * and operation of the control chart" for samples of varying size (§7.2.2).
 *
 * <p>With m samples (periods) of sizes n<sub>i</sub> and x<sub>i</sub> nonconforming items (here:
 * promoters, or detractors), the centre line is p̄ = Σx<sub>i</sub> / Σn<sub>i</sub> and the
 * three-sigma limits of sample i are p̄ ± 3·√(p̄(1 − p̄)/n<sub>i</sub>), clipped to [0, 1]. A
 * sample outside its limits moves more than sampling noise explains.
 *
 * <p>For changes between consecutive samples, the standard deviation of p<sub>i</sub> −
 * p<sub>i−1</sub> when both come from a process at p̄ is √(p̄(1 − p̄)(1/n<sub>i</sub> +
 * 1/n<sub>i−1</sub>)) (the pooled two-proportion standard error, Montgomery §4.4).
 *
 * <p><b>Overdispersion (Laney p′).</b> When the shares vary between samples more than the
 * binomial model allows (real period-to-period variation, not only sampling noise), the p-chart's
 * limits are too narrow and flag ordinary variation. Laney's p′ chart (D. B. Laney, "Improved
 * control charts for attributes", <i>Quality Engineering</i> 14(4), 2002, 531–537) measures that
 * extra variation on the standardized scale: z<sub>i</sub> = (p<sub>i</sub> − p̄)/σ<sub>i</sub>,
 * σ<sub>z</sub> = MR̄ / 1.128 with MR̄ the mean moving range |z<sub>i</sub> − z<sub>i−1</sub>|
 * (1.128 = d<sub>2</sub> for ranges of two), and widens each limit to p̄ ± k·σ<sub>i</sub>·σ<sub>z</sub>
 * ({@link #laneySigmaZ}).
 *
 * <p>Sample sizes may be non-integer effective sizes (Kish). Not instantiable; all methods are
 * static, pure and thread-safe.
 *
 * @since 0.1.0
 */
public final class ControlCharts {

    /** d<sub>2</sub> for moving ranges of two, the mean range of two standard normals (2/√π), as Laney uses it. */
    private static final double D2 = 1.128;

    private ControlCharts() {
    }

    /**
     * Returns the centre line p̄ = Σx<sub>i</sub> / Σn<sub>i</sub>.
     *
     * @param successes x<sub>i</sub> per sample, each in [0, n<sub>i</sub>]
     * @param sizes n<sub>i</sub> per sample, each &gt; 0
     * @return p̄ in [0, 1]
     * @throws IllegalArgumentException if the arrays differ in length, are empty, or a value is
     *     out of range
     */
    public static double centre(double[] successes, double[] sizes) {
        if (successes.length != sizes.length || sizes.length == 0) {
            throw new IllegalArgumentException("need one success count per sample size, and at least one sample");
        }
        double x = 0;
        double n = 0;
        for (int i = 0; i < sizes.length; i++) {
            Checks.positive("sample size", sizes[i]);
            Checks.count("successes", successes[i]);
            if (successes[i] > sizes[i]) {
                throw new IllegalArgumentException("successes " + successes[i] + " exceed the sample size " + sizes[i]);
            }
            x += successes[i];
            n += sizes[i];
        }
        return Math.min(1, x / n);
    }

    /**
     * Returns the standard deviation of a sample proportion at p̄: √(p̄(1 − p̄)/n).
     *
     * @param centre p̄, in [0, 1]
     * @param size n, &gt; 0
     * @return σ, ≥ 0
     * @throws IllegalArgumentException if a value is out of range
     */
    public static double sigma(double centre, double size) {
        Checks.share("the centre line", centre);
        Checks.positive("the sample size", size);
        return Math.sqrt(centre * (1 - centre) / size);
    }

    /**
     * Returns the lower control limit max(0, p̄ − k·√(p̄(1 − p̄)/n)).
     *
     * @param centre p̄, in [0, 1]
     * @param size n of the sample, &gt; 0
     * @param sigmas k, &gt; 0 (3 for the usual limits)
     * @return the limit in [0, p̄]
     * @throws IllegalArgumentException if a value is out of range
     */
    public static double lowerLimit(double centre, double size, double sigmas) {
        Checks.positive("sigmas", sigmas);
        return Math.max(0, centre - sigmas * sigma(centre, size));
    }

    /**
     * Returns the upper control limit min(1, p̄ + k·√(p̄(1 − p̄)/n)).
     *
     * @param centre p̄, in [0, 1]
     * @param size n of the sample, &gt; 0
     * @param sigmas k, &gt; 0 (3 for the usual limits)
     * @return the limit in [p̄, 1]
     * @throws IllegalArgumentException if a value is out of range
     */
    public static double upperLimit(double centre, double size, double sigmas) {
        Checks.positive("sigmas", sigmas);
        return Math.min(1, centre + sigmas * sigma(centre, size));
    }

    /**
     * Returns the standard deviation of the difference of two sample proportions at p̄:
     * √(p̄(1 − p̄)(1/n<sub>1</sub> + 1/n<sub>2</sub>)).
     *
     * @param centre p̄, in [0, 1]
     * @param size1 n<sub>1</sub>, &gt; 0
     * @param size2 n<sub>2</sub>, &gt; 0
     * @return σ of the difference, ≥ 0
     * @throws IllegalArgumentException if a value is out of range
     */
    public static double differenceSigma(double centre, double size1, double size2) {
        Checks.share("the centre line", centre);
        Checks.positive("the first sample size", size1);
        Checks.positive("the second sample size", size2);
        return Math.sqrt(centre * (1 - centre) * (1 / size1 + 1 / size2));
    }

    /**
     * Returns Laney's σ<sub>z</sub>, the spread of the standardized shares relative to the
     * binomial model: 1 when the samples vary as binomial sampling explains, more when they are
     * overdispersed (see the class description). Samples of the same sizes and the same
     * successes give the same value in any order of equal moving ranges.
     *
     * @param successes x<sub>i</sub> per sample, in sample order
     * @param sizes n<sub>i</sub> per sample, each &gt; 0
     * @param centre p̄ (usually {@link #centre})
     * @return σ<sub>z</sub> ≥ 0, or NaN with fewer than two samples or p̄ at 0 or 1 (no spread to
     *     measure)
     * @throws IllegalArgumentException if the arrays differ in length or a value is out of range
     */
    public static double laneySigmaZ(double[] successes, double[] sizes, double centre) {
        if (successes.length != sizes.length) {
            throw new IllegalArgumentException("need one success count per sample size");
        }
        Checks.share("the centre line", centre);
        if (sizes.length < 2 || centre == 0 || centre == 1) {
            return Double.NaN;
        }
        double movingRanges = 0;
        double previous = 0;
        for (int i = 0; i < sizes.length; i++) {
            Checks.positive("sample size", sizes[i]);
            Checks.count("successes", successes[i]);
            double z = (successes[i] / sizes[i] - centre) / sigma(centre, sizes[i]);
            if (i > 0) {
                movingRanges += Math.abs(z - previous);
            }
            previous = z;
        }
        return movingRanges / (sizes.length - 1) / D2;
    }

    /**
     * The exact upper tail P(X ≥ x) of a binomial(n, p), through the regularized incomplete beta
     * function: P(X ≥ x) = I<sub>p</sub>(x, n − x + 1) for 1 ≤ x ≤ n (Abramowitz and Stegun 26.5.24).
     *
     * @param x the observed successes, 0 ≤ x ≤ n
     * @param n the trials, &gt; 0
     * @param p the success probability, in [0, 1]
     * @return the tail probability
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static double binomialUpperTail(long x, long n, double p) {
        checkBinomial(x, n, p);
        if (x == 0) {
            return 1;
        }
        if (p == 0) {
            return 0;
        }
        if (p == 1) {
            return 1;
        }
        return Distributions.regularizedIncompleteBeta(p, x, n - x + 1.0);
    }

    /**
     * The exact lower tail P(X ≤ x) of a binomial(n, p): I<sub>1−p</sub>(n − x, x + 1) for x &lt; n.
     *
     * @param x the observed successes, 0 ≤ x ≤ n
     * @param n the trials, &gt; 0
     * @param p the success probability, in [0, 1]
     * @return the tail probability
     * @throws IllegalArgumentException if an argument is out of range
     */
    public static double binomialLowerTail(long x, long n, double p) {
        checkBinomial(x, n, p);
        if (x == n) {
            return 1;
        }
        if (p == 0) {
            return 1;
        }
        if (p == 1) {
            return 0;
        }
        return Distributions.regularizedIncompleteBeta(1 - p, n - x, x + 1.0);
    }

    private static void checkBinomial(long x, long n, double p) {
        if (n <= 0 || x < 0 || x > n || !(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("binomial tail needs 0 <= x <= n, n > 0, p in [0, 1]: " + x + ", " + n
                    + ", " + p);
        }
    }
}
