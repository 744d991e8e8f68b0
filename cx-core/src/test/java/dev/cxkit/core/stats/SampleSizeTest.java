package dev.cxkit.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tests of {@link SampleSize} against golden values from the textbook formulas with
 * {@code scipy.stats.norm.ppf} ({@code src/test/python/golden_stats.py}; exact integers, so
 * the tolerance is 0), hand-checked cases, and the defining law of a ceiling over seeded
 * random plans: n achieves the target and n − 1 does not.
 */
class SampleSizeTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    static Stream<double[]> npsHalfWidthRows() {
        return Arrays.stream(GoldenValues.SAMPLE_NPS_HALF_WIDTH);
    }

    static Stream<double[]> npsDifferenceRows() {
        return Arrays.stream(GoldenValues.SAMPLE_NPS_DIFFERENCE);
    }

    static Stream<double[]> proportionRows() {
        return Arrays.stream(GoldenValues.SAMPLE_PROPORTION);
    }

    static Stream<double[]> meanRows() {
        return Arrays.stream(GoldenValues.SAMPLE_MEAN);
    }

    @ParameterizedTest
    @MethodSource("npsHalfWidthRows")
    void npsForHalfWidthMatchesGolden(double[] row) {
        assertThat(SampleSize.npsForHalfWidth(row[0], row[1], row[2], row[3])).as(Arrays.toString(row))
                .isEqualTo((long) row[4]);
    }

    @ParameterizedTest
    @MethodSource("npsDifferenceRows")
    void npsPerGroupForDifferenceMatchesGolden(double[] row) {
        assertThat(SampleSize.npsPerGroupForDifference(row[0], row[1], row[2], row[3], row[4])).as(Arrays.toString(row))
                .isEqualTo((long) row[5]);
    }

    @ParameterizedTest
    @MethodSource("proportionRows")
    void proportionForHalfWidthMatchesGolden(double[] row) {
        assertThat(SampleSize.proportionForHalfWidth(row[0], row[1], row[2])).as(Arrays.toString(row))
                .isEqualTo((long) row[3]);
    }

    @ParameterizedTest
    @MethodSource("meanRows")
    void meanForHalfWidthMatchesGolden(double[] row) {
        assertThat(SampleSize.meanForHalfWidth(row[0], row[1], row[2])).as(Arrays.toString(row))
                .isEqualTo((long) row[3]);
    }

    @Test
    void byHand() {
        // ±5 points, p = 0.5, d = 0.2: Var = 0.7 − 0.09 = 0.61; 1.96²·0.61/0.05² = 937.3 → 938.
        assertThat(SampleSize.npsForHalfWidth(5, 0.5, 0.2, 0.95)).isEqualTo(938);
        // the classic ±5% at 95% for p = ½: 1.96²·0.25/0.0025 = 384.1 → 385.
        assertThat(SampleSize.proportionForHalfWidth(0.05, 0.5, 0.95)).isEqualTo(385);
        // sign of the difference does not matter
        assertThat(SampleSize.npsPerGroupForDifference(-10, 0.5, 0.2, 0.95, 0.8))
                .isEqualTo(SampleSize.npsPerGroupForDifference(10, 0.5, 0.2, 0.95, 0.8));
    }

    @Test
    void zeroPlanningVarianceNeedsOneResponse() {
        assertThat(SampleSize.npsForHalfWidth(5, 1, 0, 0.95)).isEqualTo(1);
        assertThat(SampleSize.npsForHalfWidth(5, 0, 0, 0.95)).isEqualTo(1);
        assertThat(SampleSize.proportionForHalfWidth(0.05, 0, 0.95)).isEqualTo(1);
        assertThat(SampleSize.meanForHalfWidth(0.1, 0, 0.95)).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theSizeIsTheSmallestThatMeetsTheTarget(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double confidence = 0.8 + 0.19 * random.nextDouble();
        double z = Confidence.z(confidence);
        double p = random.nextDouble();
        double d = (1 - p) * random.nextDouble();
        double variance = p + d - (p - d) * (p - d);
        double halfPoints = 1 + 19 * random.nextDouble();
        long n = SampleSize.npsForHalfWidth(halfPoints, p, d, confidence);
        String label = "seed " + seed;
        // the Wald half-width at n meets the target and at n − 1 it does not
        assertThat(100 * z * Math.sqrt(variance / n)).as(label).isLessThanOrEqualTo(halfPoints * (1 + 1e-12));
        if (n > 1) {
            assertThat(100 * z * Math.sqrt(variance / (n - 1))).as(label).isGreaterThan(halfPoints * (1 - 1e-12));
        }
        double h = 0.005 + 0.1 * random.nextDouble();
        long m = SampleSize.proportionForHalfWidth(h, p, confidence);
        assertThat(z * Math.sqrt(p * (1 - p) / m)).as(label).isLessThanOrEqualTo(h * (1 + 1e-12));
        if (m > 1) {
            assertThat(z * Math.sqrt(p * (1 - p) / (m - 1))).as(label).isGreaterThan(h * (1 - 1e-12));
        }
        // more power or a smaller difference needs more responses per group
        double delta = 2 + 20 * random.nextDouble();
        long base = SampleSize.npsPerGroupForDifference(delta, p, d, confidence, 0.8);
        assertThat(SampleSize.npsPerGroupForDifference(delta, p, d, confidence, 0.9)).as(label)
                .isGreaterThanOrEqualTo(base);
        assertThat(SampleSize.npsPerGroupForDifference(delta / 2, p, d, confidence, 0.8)).as(label)
                .isGreaterThanOrEqualTo(base);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, 201, Double.POSITIVE_INFINITY})
    void rejectsBadHalfWidths(double bad) {
        assertThatThrownBy(() -> SampleSize.npsForHalfWidth(bad, 0.5, 0.2, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleSize.proportionForHalfWidth(bad, 0.5, 0.95)).isInstanceOf(IllegalArgumentException.class);
        if (bad != 201) { // a mean's half-width has no upper bound
            assertThatThrownBy(() -> SampleSize.meanForHalfWidth(bad, 1, 0.95)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.0, Double.NaN, 201, -201, Double.NEGATIVE_INFINITY})
    void rejectsBadDifferences(double bad) {
        assertThatThrownBy(() -> SampleSize.npsPerGroupForDifference(bad, 0.5, 0.2, 0.95, 0.8))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsBadPlans() {
        assertThatThrownBy(() -> SampleSize.npsForHalfWidth(5, 0.7, 0.4, 0.95)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<= 1");
        assertThatThrownBy(() -> SampleSize.npsForHalfWidth(5, -0.1, 0.4, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleSize.npsForHalfWidth(5, 0.5, 0.2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleSize.npsPerGroupForDifference(5, 0.5, 0.2, 0.95, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power");
        assertThatThrownBy(() -> SampleSize.npsPerGroupForDifference(5, 0.5, 0.2, 0.95, 0.001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too low");
        assertThatThrownBy(() -> SampleSize.meanForHalfWidth(0.1, -1, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleSize.meanForHalfWidth(Double.POSITIVE_INFINITY, 1, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleSize.meanForHalfWidth(1e-160, 1, 0.95)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Long.MAX_VALUE");
    }
}
