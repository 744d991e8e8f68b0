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
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests of {@link NpsStatistics} against golden values computed independently in Python
 * ({@code src/test/python/golden_stats.py}), hand-checked cases, defined edge cases, and laws
 * over seeded random samples.
 *
 * <p>Tolerances, in NPS points: 1e−10 for the closed-form Wald and adjusted-Wald limits and
 * comparisons; 1e−10 for the iterative score limits (the Python reference solves the restricted
 * likelihood and Z(Δ) = ±z with brentq, the Java code uses Tango's quadratic and bisection);
 * 1e−12 for p-values.
 */
class NpsStatisticsTest {

    private static final double CLOSED_FORM = 1e-10;
    private static final double ITERATIVE = 1e-10;
    private static final double Z95 = 1.959963984540054;

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    static Stream<double[]> npsRows() {
        return Arrays.stream(GoldenValues.NPS);
    }

    static Stream<double[]> scoreEdgeRows() {
        return Arrays.stream(GoldenValues.NPS_SCORE_EDGES);
    }

    static Stream<double[]> compareRows() {
        return Arrays.stream(GoldenValues.NPS_COMPARE);
    }

    /** Random (possibly non-integer, possibly zero) counts with a positive total. */
    static double[] randomCounts(SplittableRandom random) {
        double[] counts = new double[3];
        int kind = random.nextInt(4);
        do {
            for (int i = 0; i < 3; i++) {
                counts[i] = switch (kind) {
                    case 0 -> random.nextInt(0, 12); // small samples, zeros likely
                    case 1 -> random.nextInt(0, 500);
                    case 2 -> random.nextDouble() * 300; // effective (weighted) counts
                    default -> Math.floor(random.nextDouble() * 1e9); // huge samples
                };
            }
        } while (counts[0] + counts[1] + counts[2] == 0);
        return counts;
    }

    // ------------------------------------------------------------------ golden values

    @ParameterizedTest
    @MethodSource("npsRows")
    void matchesGoldenValues(double[] row) {
        double promoters = row[0];
        double passives = row[1];
        double detractors = row[2];
        double confidence = row[3];
        String label = Arrays.toString(Arrays.copyOf(row, 4));
        assertThat(NpsStatistics.nps(promoters, passives, detractors)).as(label).isCloseTo(row[4], within(1e-12));

        Interval wald = NpsStatistics.wald(promoters, passives, detractors, confidence);
        assertThat(wald.lower()).as("wald lower " + label).isCloseTo(row[5], within(CLOSED_FORM));
        assertThat(wald.upper()).as("wald upper " + label).isCloseTo(row[6], within(CLOSED_FORM));
        assertThat(wald.method()).isEqualTo(IntervalMethod.WALD);
        assertThat(wald.confidence()).isEqualTo(confidence);

        Interval adjusted = NpsStatistics.adjustedWald(promoters, passives, detractors, confidence);
        assertThat(adjusted.lower()).as("adjusted lower " + label).isCloseTo(row[7], within(CLOSED_FORM));
        assertThat(adjusted.upper()).as("adjusted upper " + label).isCloseTo(row[8], within(CLOSED_FORM));
        assertThat(adjusted.method()).isEqualTo(IntervalMethod.ADJUSTED_WALD);

        Interval score = NpsStatistics.score(promoters, passives, detractors, confidence);
        assertThat(score.lower()).as("score lower " + label).isCloseTo(row[9], within(ITERATIVE));
        assertThat(score.upper()).as("score upper " + label).isCloseTo(row[10], within(ITERATIVE));
        assertThat(score.method()).isEqualTo(IntervalMethod.SCORE);
    }

    @ParameterizedTest
    @MethodSource("compareRows")
    void compareMatchesGoldenValues(double[] row) {
        IntervalMethod method = row[7] == 1 ? IntervalMethod.ADJUSTED_WALD : IntervalMethod.WALD;
        String label = Arrays.toString(Arrays.copyOf(row, 8));
        Comparison c = NpsStatistics.compare(row[0], row[1], row[2], row[3], row[4], row[5], method, row[6]);
        assertThat(c.difference()).as("difference " + label).isCloseTo(row[8], within(CLOSED_FORM));
        assertThat(c.standardError()).as("SE " + label).isCloseTo(row[9], within(CLOSED_FORM));
        assertThat(c.interval().lower()).as("lower " + label).isCloseTo(row[10], within(CLOSED_FORM));
        assertThat(c.interval().upper()).as("upper " + label).isCloseTo(row[11], within(CLOSED_FORM));
        assertThat(c.pValue()).as("p " + label).isCloseTo(row[12], within(1e-12));
        assertThat(c.interval().method()).isEqualTo(method);
        assertThat(c.significant()).as(label).isEqualTo(row[12] < 1 - row[6]);
    }

    // ------------------------------------------------------------------ hand-checkable cases

    @Test
    void fortyThirtyThirtyByHand() {
        // p = 0.40, d = 0.30: NPS = 100·(0.40 − 0.30) = 10.
        // Var = p + d − (p − d)² = 0.70 − 0.01 = 0.69; SE = √(0.69/100) = 0.0830662386 → 8.30662386 points.
        // 95% Wald: 10 ± 1.959963985·8.30662386 = 10 ± 16.2806836 → [−6.2806836, 26.2806836].
        assertThat(NpsStatistics.nps(40, 30, 30)).isEqualTo(10.0);
        Interval wald = NpsStatistics.wald(40, 30, 30, 0.95);
        double half = Z95 * 100 * Math.sqrt(0.69 / 100);
        assertThat(half).isCloseTo(16.2806836, within(1e-7));
        assertThat(wald.lower()).isCloseTo(10 - half, within(1e-12));
        assertThat(wald.upper()).isCloseTo(10 + half, within(1e-12));
        // Adjusted: P′ = 40.75, Pa′ = 31.5, D′ = 30.75, n′ = 103: centre = 100·10/103 = 9.7087379.
        Interval adjusted = NpsStatistics.adjustedWald(40, 30, 30, 0.95);
        assertThat((adjusted.lower() + adjusted.upper()) / 2).isCloseTo(1000.0 / 103, within(1e-12));
    }

    @Test
    void adjustedWaldOfOnePromoterByHand() {
        // P′ = 1.75, Pa′ = 1.5, D′ = 0.75, n′ = 4: p′ = 0.4375, d′ = 0.1875, centre 0.25;
        // Var′ = 0.625 − 0.0625 = 0.5625, SE = √(0.5625/4) = 0.375; 0.25 ± 1.96·0.375 → [−48.5, 98.5].
        Interval interval = NpsStatistics.adjustedWald(1, 0, 0, 0.95);
        assertThat(interval.lower()).isCloseTo(100 * (0.25 - Z95 * 0.375), within(1e-12));
        assertThat(interval.upper()).isCloseTo(100 * (0.25 + Z95 * 0.375), within(1e-12));
        assertThat(interval.upper()).isLessThan(100);
    }

    // ------------------------------------------------------------------ edge cases

    @ParameterizedTest
    @MethodSource("scoreEdgeRows")
    void allPromotersAllDetractorsAllPassives(double[] row) {
        double n = row[0];
        double confidence = row[1];
        // all promoters: Wald collapses at 100, score is [100(n − z²)/(n + z²), 100]
        Interval wald = NpsStatistics.wald(n, 0, 0, confidence);
        assertThat(wald.lower()).isEqualTo(100.0);
        assertThat(wald.upper()).isEqualTo(100.0);
        Interval score = NpsStatistics.score(n, 0, 0, confidence);
        assertThat(score.upper()).as("n %s", n).isEqualTo(100.0);
        assertThat(score.lower()).as("n %s", n).isCloseTo(row[2], within(ITERATIVE));
        // all detractors: the mirror image
        Interval scoreDetractors = NpsStatistics.score(0, 0, n, confidence);
        assertThat(scoreDetractors.lower()).as("n %s", n).isEqualTo(-100.0);
        assertThat(scoreDetractors.upper()).as("n %s", n).isCloseTo(-row[2], within(ITERATIVE));
        Interval waldDetractors = NpsStatistics.wald(0, 0, n, confidence);
        assertThat(waldDetractors.lower()).isEqualTo(-100.0);
        assertThat(waldDetractors.upper()).isEqualTo(-100.0);
        // all passives: NPS 0, score ±100z²/(n + z²), Wald the single point 0
        Interval passives = NpsStatistics.score(0, n, 0, confidence);
        assertThat(passives.lower()).as("n %s", n).isCloseTo(-row[3], within(ITERATIVE));
        assertThat(passives.upper()).as("n %s", n).isCloseTo(row[3], within(ITERATIVE));
        Interval waldPassives = NpsStatistics.wald(0, n, 0, confidence);
        assertThat(waldPassives.lower()).isEqualTo(0.0);
        assertThat(waldPassives.upper()).isEqualTo(0.0);
    }

    @Test
    void adjustedWaldOfAllPromotersIsClippedAtOneHundred() {
        for (double n : new double[] {2, 5, 50, 1e6}) {
            Interval interval = NpsStatistics.adjustedWald(n, 0, 0, 0.95);
            assertThat(interval.upper()).as("n %s", n).isEqualTo(100.0);
            assertThat(interval.lower()).as("n %s", n).isLessThan(100.0);
            Interval mirror = NpsStatistics.adjustedWald(0, 0, n, 0.95);
            assertThat(mirror.lower()).as("n %s", n).isEqualTo(-100.0);
        }
    }

    @Test
    void singleResponseGivesDefinedIntervals() {
        for (double[] counts : new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}) {
            for (IntervalMethod method : new IntervalMethod[] {IntervalMethod.WALD, IntervalMethod.ADJUSTED_WALD,
                    IntervalMethod.SCORE}) {
                Interval interval = NpsStatistics.interval(counts[0], counts[1], counts[2], method, 0.95);
                assertThat(interval.lower()).as("%s %s", Arrays.toString(counts), method).isBetween(-100.0, 100.0);
                assertThat(interval.upper()).as("%s %s", Arrays.toString(counts), method).isBetween(-100.0, 100.0);
                assertThat(interval.lower()).isNotNaN();
            }
        }
        // one promoter, score: [100(1 − z²)/(1 + z²), 100] = [−58.68, 100]
        double z2 = Z95 * Z95;
        assertThat(NpsStatistics.score(1, 0, 0, 0.95).lower()).isCloseTo(100 * (1 - z2) / (1 + z2), within(ITERATIVE));
    }

    @Test
    void hugeSampleGivesTightIntervals() {
        double n = 1e9;
        Interval wald = NpsStatistics.wald(0.5 * n, 0.3 * n, 0.2 * n, 0.95);
        // Var = 0.7 − 0.09 = 0.61; half-width = 100·1.96·√(0.61/1e9) = 0.00484 points
        double half = 100 * Z95 * Math.sqrt(0.61 / n);
        assertThat(wald.lower()).isCloseTo(30 - half, within(1e-9));
        assertThat(wald.upper()).isCloseTo(30 + half, within(1e-9));
        Interval score = NpsStatistics.score(0.5 * n, 0.3 * n, 0.2 * n, 0.95);
        assertThat(score.lower()).isCloseTo(wald.lower(), within(1e-4));
        assertThat(score.upper()).isCloseTo(wald.upper(), within(1e-4));
        assertThat(score.contains(30)).isTrue();
    }

    @Test
    void nonIntegerCountsAreScaleFreeInTheEstimate() {
        // The NPS depends on shares only; the intervals shrink as the effective n grows.
        assertThat(NpsStatistics.nps(2.5, 1.5, 1)).isCloseTo(NpsStatistics.nps(25, 15, 10), within(1e-12));
        Interval small = NpsStatistics.score(2.5, 1.5, 1, 0.9);
        Interval large = NpsStatistics.score(25, 15, 10, 0.9);
        assertThat(small.width()).isGreaterThan(large.width());
    }

    // ------------------------------------------------------------------ Tango's restricted MLE

    @ParameterizedTest
    @MethodSource("seeds")
    void restrictedMleSolvesTheLikelihoodEquation(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double promoters = 1 + random.nextInt(200);
        double passives = 1 + random.nextInt(200);
        double detractors = 1 + random.nextInt(200);
        double n = promoters + passives + detractors;
        double p = promoters / n;
        double d = detractors / n;
        double delta = -0.999 + 1.998 * random.nextDouble();
        double q = NpsStatistics.restrictedDetractorShare(delta, p, d);
        // feasible: detractor share q >= 0, promoter share q + Δ >= 0, passive share 1 − 2q − Δ >= 0
        assertThat(q).as("seed %d", seed).isGreaterThan(Math.max(0, -delta));
        assertThat(1 - 2 * q - delta).as("seed %d", seed).isGreaterThan(0);
        // d/dq [P log(q + Δ) + D log q + Pa log(1 − 2q − Δ)] = 0
        double a = promoters / (q + delta);
        double b = detractors / q;
        double c = 2 * passives / (1 - 2 * q - delta);
        assertThat(a + b - c).as("seed %d, delta %s", seed, delta).isCloseTo(0, within(1e-9 * (a + b + c)));
        // and the likelihood is lower on both sides
        double h = 1e-4 * Math.min(q - Math.max(0, -delta), (1 - delta) / 2 - q);
        assertThat(logLikelihood(q, delta, promoters, passives, detractors)).as("seed %d", seed)
                .isGreaterThanOrEqualTo(logLikelihood(q - h, delta, promoters, passives, detractors))
                .isGreaterThanOrEqualTo(logLikelihood(q + h, delta, promoters, passives, detractors));
        // at the unrestricted estimate Δ = p − d the restricted MLE is the plain detractor share
        assertThat(NpsStatistics.restrictedDetractorShare(p - d, p, d)).as("seed %d", seed).isCloseTo(d, within(1e-14));
    }

    private static double logLikelihood(double q, double delta, double promoters, double passives, double detractors) {
        return promoters * Math.log(q + delta) + detractors * Math.log(q) + passives * Math.log(1 - 2 * q - delta);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void scoreLimitsAreTheCrossingsOfZ(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] k = randomCounts(random);
        double n = k[0] + k[1] + k[2];
        double p = k[0] / n;
        double d = k[2] / n;
        double estimate = (k[0] - k[2]) / n;
        double confidence = 0.8 + 0.19 * random.nextDouble();
        double z = Confidence.z(confidence);
        Interval interval = NpsStatistics.score(k[0], k[1], k[2], confidence);
        double lower = interval.lower() / 100;
        double upper = interval.upper() / 100;
        double step = 1e-10;
        // f(Δ) = (est − Δ) − z·√(V(Δ)/n) changes sign at the lower limit, g(Δ) = (est − Δ) + z·√(V/n) at the upper
        if (lower - step > -1) {
            assertThat(lowerFunction(lower - step, estimate, p, d, n, z)).as("seed %d, %s", seed, Arrays.toString(k))
                    .isGreaterThan(0);
            assertThat(lowerFunction(Math.min(estimate, lower + step), estimate, p, d, n, z))
                    .as("seed %d, %s", seed, Arrays.toString(k)).isLessThanOrEqualTo(0);
        }
        if (upper + step < 1) {
            assertThat(upperFunction(upper + step, estimate, p, d, n, z)).as("seed %d, %s", seed, Arrays.toString(k))
                    .isLessThan(0);
            assertThat(upperFunction(Math.max(estimate, upper - step), estimate, p, d, n, z))
                    .as("seed %d, %s", seed, Arrays.toString(k)).isGreaterThanOrEqualTo(0);
        }
    }

    private static double lowerFunction(double delta, double estimate, double p, double d, double n, double z) {
        return (estimate - delta) - z * Math.sqrt(NpsStatistics.restrictedVariance(delta, p, d) / n);
    }

    private static double upperFunction(double delta, double estimate, double p, double d, double n, double z) {
        return (estimate - delta) + z * Math.sqrt(NpsStatistics.restrictedVariance(delta, p, d) / n);
    }

    // ------------------------------------------------------------------ laws over random samples

    @ParameterizedTest
    @MethodSource("seeds")
    void intervalsContainTheirCentreAndStayInRange(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] k = randomCounts(random);
        double n = k[0] + k[1] + k[2];
        double confidence = 0.5 + 0.499 * random.nextDouble();
        double nps = NpsStatistics.nps(k[0], k[1], k[2]);
        double adjustedCentre = 100 * (k[0] - k[2]) / (n + 3);
        Interval wald = NpsStatistics.wald(k[0], k[1], k[2], confidence);
        Interval adjusted = NpsStatistics.adjustedWald(k[0], k[1], k[2], confidence);
        Interval score = NpsStatistics.score(k[0], k[1], k[2], confidence);
        String label = "seed " + seed + ", counts " + Arrays.toString(k);
        assertThat(nps).as(label).isBetween(-100.0, 100.0);
        assertThat(wald.contains(nps)).as(label + " wald " + wald).isTrue();
        assertThat(adjusted.contains(adjustedCentre)).as(label + " adjusted " + adjusted).isTrue();
        assertThat(score.contains(nps)).as(label + " score " + score).isTrue();
        for (Interval interval : new Interval[] {wald, adjusted, score}) {
            assertThat(interval.lower()).as(label).isGreaterThanOrEqualTo(-100);
            assertThat(interval.upper()).as(label).isLessThanOrEqualTo(100);
            assertThat(interval.confidence()).as(label).isEqualTo(confidence);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void widerConfidenceGivesWiderIntervals(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] k = randomCounts(random);
        double low = 0.5 + 0.4 * random.nextDouble();
        double high = low + (0.999 - low) * (0.05 + 0.95 * random.nextDouble());
        for (IntervalMethod method : new IntervalMethod[] {IntervalMethod.WALD, IntervalMethod.ADJUSTED_WALD,
                IntervalMethod.SCORE}) {
            Interval narrow = NpsStatistics.interval(k[0], k[1], k[2], method, low);
            Interval wide = NpsStatistics.interval(k[0], k[1], k[2], method, high);
            String label = "seed " + seed + ", " + method + ", counts " + Arrays.toString(k);
            assertThat(wide.lower()).as(label).isLessThanOrEqualTo(narrow.lower() + 1e-9);
            assertThat(wide.upper()).as(label).isGreaterThanOrEqualTo(narrow.upper() - 1e-9);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void comparingASampleWithItselfFindsNoDifference(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] k = randomCounts(random);
        for (IntervalMethod method : new IntervalMethod[] {IntervalMethod.WALD, IntervalMethod.ADJUSTED_WALD}) {
            Comparison c = NpsStatistics.compare(k[0], k[1], k[2], k[0], k[1], k[2], method, 0.95);
            String label = "seed " + seed + ", " + method + ", counts " + Arrays.toString(k);
            assertThat(c.difference()).as(label).isEqualTo(0.0);
            assertThat(c.pValue()).as(label).isEqualTo(1.0);
            assertThat(c.significant()).as(label).isFalse();
            assertThat(c.interval().contains(0)).as(label).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void swappingSamplesNegatesTheDifference(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] a = randomCounts(random);
        double[] b = randomCounts(random);
        double confidence = 0.8 + 0.19 * random.nextDouble();
        for (IntervalMethod method : new IntervalMethod[] {IntervalMethod.WALD, IntervalMethod.ADJUSTED_WALD}) {
            Comparison ab = NpsStatistics.compare(a[0], a[1], a[2], b[0], b[1], b[2], method, confidence);
            Comparison ba = NpsStatistics.compare(b[0], b[1], b[2], a[0], a[1], a[2], method, confidence);
            String label = "seed " + seed + ", " + method;
            assertThat(ba.difference()).as(label).isEqualTo(-ab.difference());
            assertThat(ba.standardError()).as(label).isEqualTo(ab.standardError());
            assertThat(ba.pValue()).as(label).isEqualTo(ab.pValue());
            assertThat(ba.interval().lower()).as(label).isEqualTo(-ab.interval().upper());
            assertThat(ba.interval().upper()).as(label).isEqualTo(-ab.interval().lower());
            // the p-value is the pooled score test: it does not depend on the interval's method
            Comparison other = NpsStatistics.compare(a[0], a[1], a[2], b[0], b[1], b[2],
                    method == IntervalMethod.WALD ? IntervalMethod.ADJUSTED_WALD : IntervalMethod.WALD, confidence);
            assertThat(other.pValue()).as(label).isEqualTo(ab.pValue());
            assertThat(ab.pValue()).as(label).isBetween(0.0, 1.0);
            assertThat(ab.difference()).as(label)
                    .isCloseTo(NpsStatistics.nps(a[0], a[1], a[2]) - NpsStatistics.nps(b[0], b[1], b[2]), within(1e-9));
        }
    }

    @Test
    void aTinyConstantSampleIsNotSignificantAgainstALargeOne() {
        // 2 promoters against 600 responses at NPS 0: the unpooled Wald SE ignores the 2's variance
        // and said z ≈ 10 (p ≈ 1e-24); the exact test says what 2 responses can say: half of all
        // responses are promoters, so 2 of 2 happens a quarter of the time, either way about half.
        // R 4.2.2 enumeration of the conditional (multivariate hypergeometric) distribution
        Comparison c = NpsStatistics.compare(2, 0, 0, 300, 0, 300, IntervalMethod.WALD, 0.95);
        assertThat(c.pValue()).isCloseTo(0.49917358113001092, within(1e-12));
        assertThat(c.significant()).isFalse();
    }

    @Test
    void theExactPValueAgreesWithAnEnumerationInR() {
        // R 4.2.2: sum of multivariate hypergeometric probabilities of |D| >= |d|, see /docs/statistics.md
        assertThat(NpsStatistics.exactPValue(12, 10, 18, 500, 300, 200)).isCloseTo(0.00049032540760247695,
                within(1e-13));
        assertThat(NpsStatistics.exactPValue(3, 1, 1, 2, 2, 1)).isCloseTo(1.0, within(1e-12));
        assertThat(NpsStatistics.exactPValue(10, 5, 3, 4, 6, 8)).isCloseTo(0.045278949174454859, within(1e-12));
        assertThat(NpsStatistics.exactPValue(4, 6, 8, 10, 5, 3)).as("symmetric")
                .isCloseTo(NpsStatistics.exactPValue(10, 5, 3, 4, 6, 8), within(1e-15));
    }

    @Test
    void compareWithZeroStandardError() {
        // Wald, both samples all promoters: SE = 0, difference 0 → p = 1
        Comparison same = NpsStatistics.compare(5, 0, 0, 8, 0, 0, IntervalMethod.WALD, 0.95);
        assertThat(same.standardError()).isEqualTo(0.0);
        assertThat(same.pValue()).isEqualTo(1.0);
        assertThat(same.interval().lower()).isEqualTo(0.0);
        assertThat(same.interval().upper()).isEqualTo(0.0);
        // all promoters vs all detractors: the Wald SE is 0 and the interval the point 200, but the
        // exact test sees 10 responses of which half are promoters: the split is 1 of C(10, 5) = 252,
        // two-sided 2/252 (R 4.2.2 enumeration: 0.0079365079365079361), not 0
        Comparison opposite = NpsStatistics.compare(5, 0, 0, 0, 0, 5, IntervalMethod.WALD, 0.95);
        assertThat(opposite.difference()).isEqualTo(200.0);
        assertThat(opposite.pValue()).isCloseTo(0.0079365079365079361, within(1e-12));
        assertThat(opposite.significant()).isTrue();
        assertThat(opposite.interval().lower()).isEqualTo(200.0);
        // the adjusted samples always have a positive SE, and the difference stays unadjusted
        Comparison adjusted = NpsStatistics.compare(5, 0, 0, 0, 0, 5, IntervalMethod.ADJUSTED_WALD, 0.95);
        assertThat(adjusted.standardError()).isGreaterThan(0);
        assertThat(adjusted.difference()).isEqualTo(200.0);
        assertThat(adjusted.interval().upper()).isLessThanOrEqualTo(200.0);
    }

    // ------------------------------------------------------------------ arguments

    @ParameterizedTest
    @EnumSource(value = IntervalMethod.class, names = {"WILSON", "T"})
    void rejectsMethodsThatAreNotForNps(IntervalMethod method) {
        assertThatThrownBy(() -> NpsStatistics.interval(1, 2, 3, method, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(method.id());
        assertThatThrownBy(() -> NpsStatistics.compare(1, 2, 3, 3, 2, 1, method, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compareRejectsTheScoreMethodAndNulls() {
        assertThatThrownBy(() -> NpsStatistics.compare(1, 2, 3, 3, 2, 1, IntervalMethod.SCORE, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NpsStatistics.compare(1, 2, 3, 3, 2, 1, null, 0.95))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> NpsStatistics.interval(1, 2, 3, null, 0.95)).isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1, -1e-9, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void rejectsBadCounts(double bad) {
        assertThatThrownBy(() -> NpsStatistics.nps(bad, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("promoters");
        assertThatThrownBy(() -> NpsStatistics.wald(1, bad, 1, 0.95)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("passives");
        assertThatThrownBy(() -> NpsStatistics.score(1, 1, bad, 0.95)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("detractors");
        assertThatThrownBy(() -> NpsStatistics.compare(1, 1, 1, bad, 1, 1, IntervalMethod.WALD, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnEmptySample() {
        assertThatThrownBy(() -> NpsStatistics.nps(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NpsStatistics.adjustedWald(0, 0, 0, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NpsStatistics.compare(1, 1, 1, 0, 0, 0, IntervalMethod.ADJUSTED_WALD, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -0.5, 1.5, Double.NaN})
    void rejectsBadConfidence(double confidence) {
        for (IntervalMethod method : new IntervalMethod[] {IntervalMethod.WALD, IntervalMethod.ADJUSTED_WALD,
                IntervalMethod.SCORE}) {
            assertThatThrownBy(() -> NpsStatistics.interval(4, 3, 2, method, confidence))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confidence");
        }
        assertThatThrownBy(() -> NpsStatistics.compare(4, 3, 2, 2, 3, 4, IntervalMethod.WALD, confidence))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
