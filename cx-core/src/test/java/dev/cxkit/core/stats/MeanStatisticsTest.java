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
 * Tests of {@link MeanStatistics} against golden values from scipy
 * ({@code stats.t.ppf}, {@code stats.ttest_ind_from_stats(equal_var=False)}; see
 * {@code src/test/python/golden_stats.py}), hand-checked cases and laws over seeded random
 * samples. Tolerances: 1e−10 for interval limits (quantile accuracy times SE), 1e−12 for
 * differences, standard errors and p-values, 1e−9 relative for the Welch df.
 */
class MeanStatisticsTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    static Stream<double[]> tRows() {
        return Arrays.stream(GoldenValues.T_INTERVAL);
    }

    static Stream<double[]> welchRows() {
        return Arrays.stream(GoldenValues.WELCH);
    }

    @ParameterizedTest
    @MethodSource("tRows")
    void tIntervalMatchesGoldenValues(double[] row) {
        Interval interval = MeanStatistics.t(row[0], row[1], row[2], row[3]);
        String label = Arrays.toString(Arrays.copyOf(row, 4));
        assertThat(interval.lower()).as(label).isCloseTo(row[4], within(1e-10));
        assertThat(interval.upper()).as(label).isCloseTo(row[5], within(1e-10));
        assertThat(interval.method()).isEqualTo(IntervalMethod.T);
    }

    @ParameterizedTest
    @MethodSource("welchRows")
    void welchMatchesGoldenValues(double[] row) {
        Comparison c = MeanStatistics.welch(row[0], row[1], row[2], row[3], row[4], row[5], row[6]);
        String label = Arrays.toString(Arrays.copyOf(row, 7));
        assertThat(c.difference()).as(label).isCloseTo(row[7], within(1e-12));
        assertThat(c.standardError()).as(label).isCloseTo(row[8], within(1e-12));
        assertThat(MeanStatistics.welchDegreesOfFreedom(row[1], row[2], row[4], row[5])).as(label)
                .isCloseTo(row[9], within(1e-9 * row[9]));
        assertThat(c.interval().lower()).as(label).isCloseTo(row[10], within(1e-10));
        assertThat(c.interval().upper()).as(label).isCloseTo(row[11], within(1e-10));
        assertThat(c.pValue()).as(label).isCloseTo(row[12], within(1e-12));
        assertThat(c.interval().method()).isEqualTo(IntervalMethod.T);
    }

    @Test
    void tIntervalByHand() {
        // CES: mean 5.2, s² = 1.44, n = 30: SE = √(1.44/30) = 0.2190890; t(0.975, 29) = 2.045229642;
        // half-width 0.4480874 → [4.7519126, 5.6480874].
        Interval interval = MeanStatistics.t(5.2, 1.44, 30, 0.95);
        double half = 2.045229642132703 * Math.sqrt(1.44 / 30);
        assertThat(half).isCloseTo(0.4480874, within(1e-7));
        assertThat(interval.lower()).isCloseTo(5.2 - half, within(1e-13));
        assertThat(interval.upper()).isCloseTo(5.2 + half, within(1e-13));
    }

    @Test
    void zeroVariances() {
        Interval point = MeanStatistics.t(4.5, 0, 12, 0.95);
        assertThat(point.lower()).isEqualTo(4.5);
        assertThat(point.upper()).isEqualTo(4.5);
        Comparison equal = MeanStatistics.welch(4.5, 0, 12, 4.5, 0, 7, 0.95);
        assertThat(equal.pValue()).isEqualTo(1.0);
        assertThat(equal.standardError()).isEqualTo(0.0);
        assertThat(equal.significant()).isFalse();
        Comparison different = MeanStatistics.welch(4.5, 0, 12, 4.0, 0, 7, 0.95);
        assertThat(different.pValue()).isEqualTo(0.0);
        assertThat(different.interval().lower()).isEqualTo(0.5);
        assertThat(different.interval().upper()).isEqualTo(0.5);
        // one variance zero: df = n − 1 of the other sample
        assertThat(MeanStatistics.welchDegreesOfFreedom(0, 10, 2.5, 20)).isCloseTo(19, within(1e-12));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void tIntervalLaws(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double mean = 1 + 6 * random.nextDouble();
        double variance = 4 * random.nextDouble();
        double n = 1.5 + Math.pow(10, 6 * random.nextDouble());
        double low = 0.5 + 0.4 * random.nextDouble();
        double high = low + (0.999 - low) * (0.05 + 0.95 * random.nextDouble());
        Interval narrow = MeanStatistics.t(mean, variance, n, low);
        Interval wide = MeanStatistics.t(mean, variance, n, high);
        String label = "seed " + seed;
        assertThat(narrow.contains(mean)).as(label).isTrue();
        assertThat(narrow.lower() + narrow.upper()).as(label).isCloseTo(2 * mean, within(1e-12));
        assertThat(wide.lower()).as(label).isLessThanOrEqualTo(narrow.lower());
        assertThat(wide.upper()).as(label).isGreaterThanOrEqualTo(narrow.upper());
        // the t interval is wider than the normal one with the same SE
        double se = Math.sqrt(variance / n);
        assertThat(narrow.halfWidth()).as(label).isGreaterThanOrEqualTo(Confidence.z(low) * se * (1 - 1e-12));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void welchLaws(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double meanA = 1 + 6 * random.nextDouble();
        double meanB = 1 + 6 * random.nextDouble();
        double varianceA = 3 * random.nextDouble();
        double varianceB = 3 * random.nextDouble();
        double nA = 2 + random.nextInt(1000);
        double nB = 2 + random.nextDouble() * 1000;
        double confidence = 0.8 + 0.19 * random.nextDouble();
        String label = "seed " + seed;
        Comparison self = MeanStatistics.welch(meanA, varianceA, nA, meanA, varianceA, nA, confidence);
        assertThat(self.difference()).as(label).isEqualTo(0.0);
        assertThat(self.pValue()).as(label).isEqualTo(1.0);
        Comparison ab = MeanStatistics.welch(meanA, varianceA, nA, meanB, varianceB, nB, confidence);
        Comparison ba = MeanStatistics.welch(meanB, varianceB, nB, meanA, varianceA, nA, confidence);
        assertThat(ba.difference()).as(label).isEqualTo(-ab.difference());
        assertThat(ba.pValue()).as(label).isEqualTo(ab.pValue());
        assertThat(ba.interval().lower()).as(label).isEqualTo(-ab.interval().upper());
        assertThat(ab.interval().contains(ab.difference())).as(label).isTrue();
        assertThat(ab.interval().contains(0)).as(label + " " + ab).isEqualTo(!(ab.pValue() < 1 - confidence));
        // Welch–Satterthwaite df lies between min(nA, nB) − 1 and nA + nB − 2
        double df = MeanStatistics.welchDegreesOfFreedom(varianceA, nA, varianceB, nB);
        assertThat(df).as(label).isBetween(Math.min(nA, nB) - 1 - 1e-9, nA + nB - 2 + 1e-9);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 0.5, 0, -3, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsBadSampleSizes(double n) {
        assertThatThrownBy(() -> MeanStatistics.t(4, 1, n, 0.95)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n");
        assertThatThrownBy(() -> MeanStatistics.welch(4, 1, n, 4, 1, 10, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MeanStatistics.welch(4, 1, 10, 4, 1, n, 0.95)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsBadMomentsAndConfidence() {
        assertThatThrownBy(() -> MeanStatistics.t(4, -1, 10, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MeanStatistics.t(Double.NaN, 1, 10, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MeanStatistics.t(4, Double.NaN, 10, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MeanStatistics.t(4, 1, 10, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MeanStatistics.welch(4, 1, 10, 4, -1, 10, 0.95)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MeanStatistics.welch(4, 1, 10, Double.POSITIVE_INFINITY, 1, 10, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MeanStatistics.welch(4, 1, 10, 4, 1, 10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MeanStatistics.welch(4, 1.7e308, 1.5, 4, 1.7e308, 1.5, 0.95))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflows");
    }
}
