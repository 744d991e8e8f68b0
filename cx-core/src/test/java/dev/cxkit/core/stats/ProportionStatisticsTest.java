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
 * Tests of {@link ProportionStatistics} against golden values from the textbook formulas in
 * plain Python ({@code src/test/python/golden_stats.py}), hand-checked cases and laws over
 * seeded random samples. Tolerances: 1e−12 for limits, differences and standard errors (all in
 * shares) and for p-values.
 */
class ProportionStatisticsTest {

    private static final double TOLERANCE = 1e-12;
    private static final double Z95 = 1.959963984540054;

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    static Stream<double[]> proportionRows() {
        return Arrays.stream(GoldenValues.PROPORTION);
    }

    static Stream<double[]> twoProportionRows() {
        return Arrays.stream(GoldenValues.TWO_PROPORTION);
    }

    /** Random (x, n): integer or effective counts, sometimes at the edges 0 and n. */
    static double[] randomSample(SplittableRandom random) {
        double n = switch (random.nextInt(3)) {
            case 0 -> 1 + random.nextInt(20);
            case 1 -> 0.5 + random.nextDouble() * 500;
            default -> 1 + Math.floor(random.nextDouble() * 1e9);
        };
        double x = switch (random.nextInt(5)) {
            case 0 -> 0;
            case 1 -> n;
            default -> Math.min(n, Math.floor(random.nextDouble() * (n + 1)));
        };
        return new double[] {x, n};
    }

    @ParameterizedTest
    @MethodSource("proportionRows")
    void intervalsMatchGoldenValues(double[] row) {
        String label = Arrays.toString(Arrays.copyOf(row, 3));
        Interval wilson = ProportionStatistics.wilson(row[0], row[1], row[2]);
        assertThat(wilson.lower()).as("wilson lower " + label).isCloseTo(row[3], within(TOLERANCE));
        assertThat(wilson.upper()).as("wilson upper " + label).isCloseTo(row[4], within(TOLERANCE));
        assertThat(wilson.method()).isEqualTo(IntervalMethod.WILSON);
        Interval wald = ProportionStatistics.interval(row[0], row[1], IntervalMethod.WALD, row[2]);
        assertThat(wald.lower()).as("wald lower " + label).isCloseTo(row[5], within(TOLERANCE));
        assertThat(wald.upper()).as("wald upper " + label).isCloseTo(row[6], within(TOLERANCE));
        assertThat(wald.method()).isEqualTo(IntervalMethod.WALD);
    }

    @ParameterizedTest
    @MethodSource("twoProportionRows")
    void compareMatchesGoldenValues(double[] row) {
        String label = Arrays.toString(Arrays.copyOf(row, 5));
        Comparison c = ProportionStatistics.compare(row[0], row[1], row[2], row[3], row[4]);
        assertThat(c.difference()).as("difference " + label).isCloseTo(row[5], within(TOLERANCE));
        assertThat(c.standardError()).as("SE " + label).isCloseTo(row[6], within(TOLERANCE));
        assertThat(c.interval().lower()).as("lower " + label).isCloseTo(row[7], within(TOLERANCE));
        assertThat(c.interval().upper()).as("upper " + label).isCloseTo(row[8], within(TOLERANCE));
        assertThat(c.pValue()).as("p " + label).isCloseTo(row[9], within(TOLERANCE));
        assertThat(c.interval().method()).isEqualTo(IntervalMethod.WALD);
    }

    @Test
    void wilsonByHand() {
        // x = 0, n = 10: centre = (z²/20)/(1 + z²/10) = half-width, so [0, z²/(10 + z²)] = [0, 0.27753]
        Interval none = ProportionStatistics.wilson(0, 10, 0.95);
        assertThat(none.lower()).isEqualTo(0.0);
        assertThat(none.upper()).isCloseTo(Z95 * Z95 / (10 + Z95 * Z95), within(1e-15));
        // x = n: the mirror image, upper exactly 1
        Interval all = ProportionStatistics.wilson(10, 10, 0.95);
        assertThat(all.upper()).isEqualTo(1.0);
        assertThat(all.lower()).isCloseTo(10 / (10 + Z95 * Z95), within(1e-15));
        // Wald at the edges collapses to the point estimate
        Interval wald = ProportionStatistics.wald(0, 10, 0.95);
        assertThat(wald.lower()).isEqualTo(0.0);
        assertThat(wald.upper()).isEqualTo(0.0);
    }

    @Test
    void twoProportionByHand() {
        // 81/100 vs 70/100: difference 0.11; pooled p̄ = 0.755, SE₀ = √(0.755·0.245·0.02) = 0.060822;
        // z = 1.8086, p = 0.0705. Unpooled SE = √(0.81·0.19/100 + 0.70·0.30/100) = 0.060075.
        Comparison c = ProportionStatistics.compare(81, 100, 70, 100, 0.95);
        assertThat(c.difference()).isCloseTo(0.11, within(1e-15));
        assertThat(c.standardError()).isCloseTo(Math.sqrt(0.81 * 0.19 / 100 + 0.7 * 0.3 / 100), within(1e-15));
        double pooledSe = Math.sqrt(0.755 * 0.245 * 0.02);
        assertThat(c.pValue()).isCloseTo(2 * Distributions.normalCdf(-0.11 / pooledSe), within(1e-14));
        assertThat(c.pValue()).isCloseTo(0.0705, within(1e-4));
        assertThat(c.significant()).isFalse();
    }

    @Test
    void zeroStandardErrors() {
        // pooled SE 0: both samples without successes → p = 1
        Comparison none = ProportionStatistics.compare(0, 20, 0, 30, 0.95);
        assertThat(none.pValue()).isEqualTo(1.0);
        assertThat(none.standardError()).isEqualTo(0.0);
        assertThat(none.interval().lower()).isEqualTo(0.0);
        assertThat(none.interval().upper()).isEqualTo(0.0);
        // both all successes
        assertThat(ProportionStatistics.compare(7, 7, 3.5, 3.5, 0.95).pValue()).isEqualTo(1.0);
        // unpooled SE 0 but pooled SE > 0: 10/10 vs 0/10 → interval the point 1, p from the pooled SE 0.2236
        Comparison opposite = ProportionStatistics.compare(10, 10, 0, 10, 0.95);
        assertThat(opposite.standardError()).isEqualTo(0.0);
        assertThat(opposite.interval().lower()).isEqualTo(1.0);
        assertThat(opposite.interval().upper()).isEqualTo(1.0);
        assertThat(opposite.pValue()).isCloseTo(2 * Distributions.normalCdf(-1 / Math.sqrt(0.25 * 0.2)), within(1e-15));
        assertThat(opposite.significant()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void intervalsContainTheEstimateAndStayInRange(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] s = randomSample(random);
        double confidence = 0.5 + 0.499 * random.nextDouble();
        double p = s[0] / s[1];
        for (IntervalMethod method : new IntervalMethod[] {IntervalMethod.WILSON, IntervalMethod.WALD}) {
            Interval interval = ProportionStatistics.interval(s[0], s[1], method, confidence);
            String label = "seed " + seed + ", " + method + ", " + Arrays.toString(s);
            assertThat(interval.contains(p)).as(label + " " + interval).isTrue();
            assertThat(interval.lower()).as(label).isGreaterThanOrEqualTo(0);
            assertThat(interval.upper()).as(label).isLessThanOrEqualTo(1);
        }
        Interval wilson = ProportionStatistics.wilson(s[0], s[1], confidence);
        assertThat(wilson.width()).as("seed %d: Wilson never collapses", seed).isGreaterThan(0);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void widerConfidenceGivesWiderIntervals(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] s = randomSample(random);
        double low = 0.5 + 0.4 * random.nextDouble();
        double high = low + (0.999 - low) * (0.05 + 0.95 * random.nextDouble());
        for (IntervalMethod method : new IntervalMethod[] {IntervalMethod.WILSON, IntervalMethod.WALD}) {
            Interval narrow = ProportionStatistics.interval(s[0], s[1], method, low);
            Interval wide = ProportionStatistics.interval(s[0], s[1], method, high);
            String label = "seed " + seed + ", " + method + ", " + Arrays.toString(s);
            assertThat(wide.lower()).as(label).isLessThanOrEqualTo(narrow.lower());
            assertThat(wide.upper()).as(label).isGreaterThanOrEqualTo(narrow.upper());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void comparisonLaws(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] a = randomSample(random);
        double[] b = randomSample(random);
        double confidence = 0.8 + 0.19 * random.nextDouble();
        Comparison self = ProportionStatistics.compare(a[0], a[1], a[0], a[1], confidence);
        assertThat(self.difference()).as("seed %d", seed).isEqualTo(0.0);
        assertThat(self.pValue()).as("seed %d", seed).isEqualTo(1.0);
        Comparison ab = ProportionStatistics.compare(a[0], a[1], b[0], b[1], confidence);
        Comparison ba = ProportionStatistics.compare(b[0], b[1], a[0], a[1], confidence);
        assertThat(ba.difference()).as("seed %d", seed).isEqualTo(-ab.difference());
        assertThat(ba.pValue()).as("seed %d", seed).isEqualTo(ab.pValue());
        assertThat(ba.standardError()).as("seed %d", seed).isEqualTo(ab.standardError());
        assertThat(ba.interval().lower()).as("seed %d", seed).isEqualTo(-ab.interval().upper());
        assertThat(ab.interval().contains(ab.difference())).as("seed %d", seed).isTrue();
        assertThat(ab.interval().lower()).as("seed %d", seed).isGreaterThanOrEqualTo(-1);
        assertThat(ab.interval().upper()).as("seed %d", seed).isLessThanOrEqualTo(1);
        assertThat(ab.pValue()).as("seed %d", seed).isBetween(0.0, 1.0);
    }

    @Test
    void scalesToPercent() {
        Interval percent = ProportionStatistics.wilson(81, 100, 0.95).scale(100);
        assertThat(percent.lower()).isCloseTo(100 * GoldenValues.PROPORTION[4][3], within(1e-10));
        Comparison c = ProportionStatistics.compare(81, 100, 70, 100, 0.95).scale(100);
        assertThat(c.difference()).isCloseTo(11, within(1e-12));
    }

    // ------------------------------------------------------------------ arguments

    @Test
    void rejectsBadCounts() {
        assertThatThrownBy(() -> ProportionStatistics.wilson(11, 10, 0.95)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("successes");
        assertThatThrownBy(() -> ProportionStatistics.wilson(-1, 10, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProportionStatistics.wilson(0, 0, 0.95)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trials");
        assertThatThrownBy(() -> ProportionStatistics.wald(Double.NaN, 10, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProportionStatistics.wald(1, Double.POSITIVE_INFINITY, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProportionStatistics.compare(1, 2, 3, 2, 0.95)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, Double.NaN, 2})
    void rejectsBadConfidence(double confidence) {
        assertThatThrownBy(() -> ProportionStatistics.wilson(1, 2, confidence)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProportionStatistics.compare(1, 2, 1, 3, confidence))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(value = IntervalMethod.class, names = {"ADJUSTED_WALD", "SCORE", "T"})
    void rejectsMethodsThatAreNotForProportions(IntervalMethod method) {
        assertThatThrownBy(() -> ProportionStatistics.interval(1, 2, method, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
