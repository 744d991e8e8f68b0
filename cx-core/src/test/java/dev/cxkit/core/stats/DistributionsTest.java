package dev.cxkit.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests of {@link Distributions} against golden values from scipy and mpmath
 * ({@code src/test/python/golden_stats.py}), closed forms, and laws over seeded random cases.
 *
 * <p>Tolerances (the contract is 1e−12 absolute for CDFs and 1e−9 for quantiles; the
 * implementation does better and the tests hold it to that):
 * <ul>
 *   <li>normal CDF: absolute 1e−16, and relative 1e−13 in the lower tail;</li>
 *   <li>normal quantile: 1e−13·max(1, |z|);</li>
 *   <li>t CDF: absolute 1e−14, and relative 1e−12 in the lower tail;</li>
 *   <li>t quantile: 1e−11·max(1, |t|).</li>
 * </ul>
 */
class DistributionsTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    static Stream<double[]> normalCdfRows() {
        return Arrays.stream(GoldenValues.NORMAL_CDF);
    }

    static Stream<double[]> normalQuantileRows() {
        return Arrays.stream(GoldenValues.NORMAL_QUANTILE);
    }

    static Stream<double[]> tCdfRows() {
        return Arrays.stream(GoldenValues.T_CDF);
    }

    static Stream<double[]> tQuantileRows() {
        return Arrays.stream(GoldenValues.T_QUANTILE);
    }

    // ------------------------------------------------------------------ golden values

    @ParameterizedTest
    @MethodSource("normalCdfRows")
    void normalCdfMatchesGolden(double[] row) {
        double x = row[0];
        double expected = row[1];
        double actual = Distributions.normalCdf(x);
        assertThat(actual).as("Phi(%s)", x).isCloseTo(expected, within(1e-16));
        if (x < 0) {
            assertThat(Math.abs(actual / expected - 1)).as("relative error of Phi(%s)", x).isLessThan(1e-13);
        }
    }

    @ParameterizedTest
    @MethodSource("normalQuantileRows")
    void normalQuantileMatchesGolden(double[] row) {
        double p = row[0];
        double expected = row[1];
        assertThat(Distributions.normalQuantile(p)).as("Phi^-1(%s)", p)
                .isCloseTo(expected, within(1e-13 * Math.max(1, Math.abs(expected))));
    }

    @ParameterizedTest
    @MethodSource("tCdfRows")
    void studentTCdfMatchesGolden(double[] row) {
        double t = row[0];
        double df = row[1];
        double expected = row[2];
        double actual = Distributions.studentTCdf(t, df);
        assertThat(actual).as("F(%s; df %s)", t, df).isCloseTo(expected, within(1e-14));
        if (t < 0) {
            assertThat(Math.abs(actual / expected - 1)).as("relative error of F(%s; df %s)", t, df)
                    .isLessThan(1e-12);
        }
    }

    @ParameterizedTest
    @MethodSource("tQuantileRows")
    void studentTQuantileMatchesGolden(double[] row) {
        double p = row[0];
        double df = row[1];
        double expected = row[2];
        assertThat(Distributions.studentTQuantile(p, df)).as("t(%s; df %s)", p, df)
                .isCloseTo(expected, within(1e-11 * Math.max(1, Math.abs(expected))));
    }

    // ------------------------------------------------------------------ hand-checkable values

    /**
     * Hill's (1970, Algorithm 396) starting value for the t quantile is only where Newton starts,
     * but it is a published approximation with its own accuracy, held here against R's
     * {@code qt(q, df, lower.tail = FALSE)} (R 4.x, printed with 17 digits): rows of df, upper
     * tail q, quantile. A wrong constant in it would only cost iterations, so only this test
     * would see it.
     */
    private static final double[][] HILL_CASES = {
        {1, 0.25, 1}, {1, 0.05, 6.3137515146750438}, {1, 0.001, 318.30883898555044},
        {1, 1e-10, 3183098861.8379064},
        {2, 0.25, 0.81649658092772592}, {2, 0.05, 2.919985580353726}, {2, 1e-10, 70710.678108048145},
        {3, 0.25, 0.76489232840434518}, {3, 0.05, 2.3533634348018255}, {3, 0.001, 10.214531852407385},
        {3, 1e-10, 2225.7692846830946},
        {4.5, 0.25, 0.73286668623599471}, {4.5, 0.05, 2.0655758888785245}, {4.5, 0.001, 6.4212428842957916},
        {4.5, 1e-10, 241.11742919193389},
        {7, 0.25, 0.71114177808178658}, {7, 0.05, 1.8945786050900069}, {7, 0.001, 4.785289628638334},
        {7, 1e-10, 53.835579484673751},
        {30, 0.25, 0.68275569332129227}, {30, 0.05, 1.697260886593958}, {30, 0.001, 3.3851848668293054},
        {30, 1e-10, 9.377489780407144},
        {1000, 0.25, 0.67473516460700933}, {1000, 0.05, 1.6463788172854645}, {1000, 0.001, 3.098402163912922},
        {1000, 1e-10, 6.4278762831342062},
    };

    /** Relative: the worst case above is 7.0e−6 (df 3, q 0.05), as Hill states about six digits. */
    private static final double HILL_TOLERANCE = 1e-5;

    static Stream<double[]> hillCases() {
        return Arrays.stream(HILL_CASES);
    }

    @ParameterizedTest
    @MethodSource("hillCases")
    void hillStartingValueIsCloseToTheQuantile(double[] row) {
        double df = row[0];
        double q = row[1];
        double expected = row[2];
        assertThat(Distributions.hillStart(2 * q, df)).as("hillStart(2*%s, %s)", q, df)
                .isCloseTo(expected, within(HILL_TOLERANCE * expected));
        // the lower quantile, so that q is exact (1 − 1e−10 is not a double)
        assertThat(Distributions.studentTQuantile(q, df)).isCloseTo(-expected, within(1e-11 * expected));
    }

    @Test
    void wellKnownCriticalValues() {
        // The 95% two-sided critical values every textbook prints.
        assertThat(Distributions.normalQuantile(0.975)).isCloseTo(1.959963984540054, within(1e-15));
        assertThat(Distributions.normalQuantile(0.025)).isCloseTo(-1.959963984540054, within(1e-15));
        assertThat(Distributions.studentTQuantile(0.975, 10)).isCloseTo(2.228138851986274, within(1e-14));
        assertThat(Distributions.studentTQuantile(0.975, 29)).isCloseTo(2.045229642132703, within(1e-14));
        // Φ(0) = ½ and F_t(0) = ½ exactly.
        assertThat(Distributions.normalCdf(0)).isEqualTo(0.5);
        assertThat(Distributions.studentTCdf(0, 3.5)).isEqualTo(0.5);
        assertThat(Distributions.studentTCdf(-0.0, 3.5)).isEqualTo(0.5);
        assertThat(Distributions.studentTQuantile(0.5, 3.5)).isEqualTo(0.0);
    }

    @Test
    void infiniteArgumentsGiveTheLimits() {
        assertThat(Distributions.normalCdf(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(Distributions.normalCdf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
        assertThat(Distributions.studentTCdf(Double.NEGATIVE_INFINITY, 4)).isEqualTo(0.0);
        assertThat(Distributions.studentTCdf(Double.POSITIVE_INFINITY, 4)).isEqualTo(1.0);
        assertThat(Distributions.normalCdf(-50)).isEqualTo(0.0);
        assertThat(Distributions.normalCdf(50)).isEqualTo(1.0);
    }

    @Test
    void infiniteDegreesOfFreedomIsTheNormalDistribution() {
        double inf = Double.POSITIVE_INFINITY;
        for (double x : new double[] {-7, -1.3, 0.2, 2.5}) {
            assertThat(Distributions.studentTCdf(x, inf)).isEqualTo(Distributions.normalCdf(x));
        }
        for (double p : new double[] {1e-6, 0.025, 0.7, 0.999}) {
            assertThat(Distributions.studentTQuantile(p, inf)).isEqualTo(Distributions.normalQuantile(p));
        }
    }

    @Test
    void hugeDegreesOfFreedomFollowTheAsymptoticExpansion() {
        // F_ν(t) = Φ(t) − φ(t)(t³ + t)/(4ν) + O(ν⁻²) (Abramowitz and Stegun 26.7.5 inverted; Fisher 1925):
        // at ν = 1e9 and 1e12 the O(ν⁻²) remainder is below 1e-16.
        for (double df : new double[] {1e9, 1e12}) {
            for (double t : new double[] {-4, -1.96, -0.5, 1, 3}) {
                double expansion = Distributions.normalCdf(t) - Distributions.normalDensity(t) * (t * t * t + t) / (4 * df);
                assertThat(Distributions.studentTCdf(t, df)).as("t = %s, df = %s", t, df)
                        .isCloseTo(expansion, within(1e-15));
            }
        }
    }

    @Test
    void specialFunctionsMatchClosedForms() {
        // log Γ(½) = ½ log π, log Γ(n) = log (n−1)!
        assertThat(Distributions.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
        assertThat(Distributions.logGamma(1)).isCloseTo(0, within(1e-14));
        assertThat(Distributions.logGamma(2)).isCloseTo(0, within(1e-14));
        assertThat(Distributions.logGamma(5)).isCloseTo(Math.log(24), within(1e-14));
        assertThat(Distributions.logGamma(11)).isCloseTo(Math.log(3628800), within(1e-13));
        assertThat(Distributions.logGamma(171)).isCloseTo(706.5730622457874, within(1e-11));
        // B(½, ½) = π; B(a, 1) = 1/a; B(2, 3) = 1/12
        assertThat(Distributions.logBeta(0.5, 0.5)).isCloseTo(Math.log(Math.PI), within(1e-14));
        assertThat(Distributions.logBeta(20.5, 1)).isCloseTo(-Math.log(20.5), within(1e-13));
        assertThat(Distributions.logBeta(2, 3)).isCloseTo(-Math.log(12), within(1e-14));
        assertThat(Distributions.logBeta(1e6, 1)).isCloseTo(-Math.log(1e6), within(1e-12));
        // each branch (both ≥ 10, one ≥ 10, both small) against R's lbeta(a, b), 17 digits
        double[][] lbeta = {
            {10, 20, -19.115327299887049}, {12, 12, -16.602059876016604}, {50.5, 1000, -203.55193545991273},
            {3, 40, -10.446973958541667}, {0.5, 40, -1.2689498654972247}, {2.5, 3.5, -3.3018352699620528},
            {10000, 20000, -19098.908538220894},
        };
        for (double[] row : lbeta) {
            assertThat(Distributions.logBeta(row[0], row[1])).as("lbeta(%s, %s)", row[0], row[1])
                    .isCloseTo(row[2], within(1e-13 * Math.max(1, Math.abs(row[2]))));
            assertThat(Distributions.logBeta(row[1], row[0])).isCloseTo(row[2], within(1e-13 * Math.max(1, Math.abs(row[2]))));
        }
        // R: lchoose(400, 60)
        assertThat(Distributions.logChoose(400, 60)).isCloseTo(166.19735813212108, within(1e-11));
        assertThat(Distributions.logChoose(50, 0)).isCloseTo(0, within(1e-12));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void incompleteBetaMatchesClosedForms(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double x = random.nextDouble();
        double a = 0.1 + random.nextDouble() * 30;
        // I_x(a, 1) = x^a, I_x(1, b) = 1 − (1 − x)^b, I_x(1, 1) = x
        assertThat(Distributions.regularizedIncompleteBeta(x, a, 1)).as("seed %d", seed)
                .isCloseTo(Math.pow(x, a), within(1e-14));
        assertThat(Distributions.regularizedIncompleteBeta(x, 1, a)).as("seed %d", seed)
                .isCloseTo(-Math.expm1(a * Math.log1p(-x)), within(1e-14));
        assertThat(Distributions.regularizedIncompleteBeta(x, 1, 1)).as("seed %d", seed)
                .isCloseTo(x, within(1e-15));
    }

    // ------------------------------------------------------------------ closed forms for df = 1, 2

    @ParameterizedTest
    @MethodSource("seeds")
    void cauchyAndDfTwoClosedForms(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double t = (random.nextDouble() - 0.5) * Math.pow(10, random.nextDouble() * 6 - 2);
        // df = 1 (Cauchy): F(t) = ½ + atan(t)/π; df = 2: F(t) = ½ + t/(2√(2 + t²)).
        assertThat(Distributions.studentTCdf(t, 1)).as("seed %d, t %s", seed, t)
                .isCloseTo(0.5 + Math.atan(t) / Math.PI, within(4e-15));
        assertThat(Distributions.studentTCdf(t, 2)).as("seed %d, t %s", seed, t)
                .isCloseTo(0.5 + t / (2 * Math.sqrt(2 + t * t)), within(4e-15));
        double p = 1e-6 + random.nextDouble() * (0.5 - 1e-6);
        // lower-tail quantiles: df = 1: −1/tan(πp); df = 2: (2p − 1)/√(2p(1 − p))
        double cauchy = -1 / Math.tan(Math.PI * p);
        assertThat(Distributions.studentTQuantile(p, 1)).as("seed %d, p %s", seed, p)
                .isCloseTo(cauchy, within(1e-12 * Math.max(1, Math.abs(cauchy))));
        double two = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
        assertThat(Distributions.studentTQuantile(p, 2)).as("seed %d, p %s", seed, p)
                .isCloseTo(two, within(1e-12 * Math.max(1, Math.abs(two))));
    }

    // ------------------------------------------------------------------ laws over random cases

    @ParameterizedTest
    @MethodSource("seeds")
    void normalQuantileInvertsCdf(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // Lower tail, where Φ is computed without cancellation: relative round trip.
        double x = -37 * random.nextDouble();
        double back = Distributions.normalQuantile(Distributions.normalCdf(x));
        assertThat(back).as("seed %d, x %s", seed, x).isCloseTo(x, within(1e-13 * Math.max(1, Math.abs(x))));
        // Upper side up to 5: Φ(x) is within 1e-16 of the truth, so x comes back to 1e-16/φ(5) ≈ 1e-10.
        double y = 5 * random.nextDouble();
        assertThat(Distributions.normalQuantile(Distributions.normalCdf(y))).as("seed %d, y %s", seed, y)
                .isCloseTo(y, within(1e-9));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void studentTQuantileInvertsCdf(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double df = Math.pow(10, random.nextDouble() * 6); // 1 .. 1e6, real-valued
        double t = -Math.pow(10, random.nextDouble() * 3.5 - 2); // -0.01 .. -31.6 (no underflow at df 1e6)
        double p = Distributions.studentTCdf(t, df);
        assertThat(Distributions.studentTQuantile(p, df)).as("seed %d, df %s, t %s", seed, df, t)
                .isCloseTo(t, within(1e-11 * Math.max(1, Math.abs(t))));
        // and the other way round, over the accuracy range p in [1e-6, 1 − 1e-6]
        double q = Math.pow(10, -6 * random.nextDouble());
        q = random.nextBoolean() ? q / 2 : 1 - q / 2;
        double quantile = Distributions.studentTQuantile(q, df);
        double cdf = Distributions.studentTCdf(quantile, df);
        assertThat(cdf).as("seed %d, df %s, q %s", seed, df, q).isCloseTo(q, within(1e-14 + 1e-12 * Math.min(q, 1 - q)));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void cdfsAreMonotoneAndSymmetric(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double df = Math.pow(10, random.nextDouble() * 7 - 0.5); // 0.3 .. 3e6
        double[] xs = new double[40];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = (random.nextDouble() - 0.5) * 20;
        }
        Arrays.sort(xs);
        double previousNormal = 0;
        double previousT = 0;
        for (double x : xs) {
            double normal = Distributions.normalCdf(x);
            double t = Distributions.studentTCdf(x, df);
            assertThat(normal).as("seed %d, x %s", seed, x).isGreaterThanOrEqualTo(previousNormal);
            assertThat(t).as("seed %d, df %s, x %s", seed, df, x).isGreaterThanOrEqualTo(previousT).isBetween(0.0, 1.0);
            assertThat(normal + Distributions.normalCdf(-x)).as("seed %d, x %s", seed, x).isCloseTo(1, within(3e-16));
            assertThat(t + Distributions.studentTCdf(-x, df)).as("seed %d, df %s, x %s", seed, df, x)
                    .isCloseTo(1, within(3e-16));
            previousNormal = normal;
            previousT = t;
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void heavierTailsForFewerDegreesOfFreedom(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double df = 1 + random.nextDouble() * 100;
        double p = 0.5 + random.nextDouble() * 0.4999;
        // The upper quantile decreases with df towards the normal one.
        double fewer = Distributions.studentTQuantile(p, df);
        double more = Distributions.studentTQuantile(p, df * 2);
        assertThat(fewer).as("seed %d, df %s, p %s", seed, df, p).isGreaterThanOrEqualTo(more);
        assertThat(more).as("seed %d, df %s, p %s", seed, df, p).isGreaterThanOrEqualTo(Distributions.normalQuantile(p));
    }

    // ------------------------------------------------------------------ arguments

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -0.1, 1.5, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY})
    void quantilesRejectProbabilitiesOutsideTheOpenUnitInterval(double p) {
        assertThatThrownBy(() -> Distributions.normalQuantile(p)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Distributions.studentTQuantile(p, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.NEGATIVE_INFINITY})
    void studentTRejectsBadDegreesOfFreedom(double df) {
        assertThatThrownBy(() -> Distributions.studentTCdf(1, df)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Distributions.studentTQuantile(0.3, df)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cdfsRejectNaN() {
        assertThatThrownBy(() -> Distributions.normalCdf(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Distributions.studentTCdf(Double.NaN, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
