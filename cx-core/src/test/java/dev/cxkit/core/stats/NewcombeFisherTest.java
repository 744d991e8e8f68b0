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

/**
 * Newcombe's hybrid score interval and Fisher's exact test against R 4.2.2: the Wilson limits from
 * {@code prop.test(x, n, correct = FALSE)$conf.int} combined by Newcombe's method 10 by hand, and
 * {@code fisher.test(matrix(c(xA, nA - xA, xB, nB - xB), 2, byrow = TRUE))$p.value}.
 */
class NewcombeFisherTest {

    /** xA, nA, xB, nB, confidence, Newcombe lower, upper (shares), Fisher p-value. */
    static final double[][] GOLDEN = {
        {0, 6, 3, 5, 0.95, -0.88237922576735195, -0.062668247028702329, 0.060606060606060635},
        {9, 10, 5, 10, 0.95, -0.002356109392247896, 0.67591215330486643, 0.14086687306501539},
        {45, 60, 30, 55, 0.9, 0.058084017708193741, 0.34041892434730803, 0.030709022033674281},
        {1, 40, 6, 35, 0.99, -0.35923770405740635, 0.043712935397276498, 0.045492302526586856},
        {200, 250, 180, 240, 0.95, -0.0239384843211191, 0.12367475064502416, 0.19509689977927377},
        {0, 10, 0, 12, 0.95, -0.24249400665524079, 0.27753279986288915, 1},
    };

    static Stream<double[]> golden() {
        return Arrays.stream(GOLDEN);
    }

    @ParameterizedTest
    @MethodSource("golden")
    void newcombeLimitsAndFishersPValueAgreeWithR(double[] row) {
        String label = Arrays.toString(Arrays.copyOf(row, 5));
        Comparison c = ProportionStatistics.newcombe(row[0], row[1], row[2], row[3], row[4]);
        assertThat(c.interval().lower()).as(label).isCloseTo(row[5], within(1e-10));
        assertThat(c.interval().upper()).as(label).isCloseTo(row[6], within(1e-10));
        assertThat(c.interval().method()).isEqualTo(IntervalMethod.NEWCOMBE);
        assertThat(ProportionStatistics.fisherExactPValue((long) row[0], (long) row[1], (long) row[2], (long) row[3]))
                .as(label).isCloseTo(row[7], within(1e-9));
    }

    @Test
    void theReviewsSmallSampleIsNoLongerSignificant() {
        // 0/6 against 3/5: the z-test said p = 0.026 and [-100, -17]; Fisher says 0.061, Newcombe [-88, -6]
        Comparison c = ProportionStatistics.newcombe(0, 6, 3, 5, 0.95);
        assertThat(c.pValue()).as("an expected cell is below 5: Fisher").isCloseTo(0.0606060606, within(1e-9));
        assertThat(c.significant()).isFalse();
        Comparison large = ProportionStatistics.newcombe(200, 250, 180, 240, 0.95);
        assertThat(large.pValue()).as("large cells: the pooled z-test")
                .isEqualTo(ProportionStatistics.compare(200, 250, 180, 240, 0.95).pValue());
        assertThatThrownBy(() -> ProportionStatistics.fisherExactPValue(3, 2, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static LongStream seeds() {
        return LongStream.range(0, 200).map(i -> 0xF15E_0000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theIntervalHoldsTheDifferenceSwapsAndFishersPIsAProbability(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int nA = 1 + random.nextInt(60);
        int nB = 1 + random.nextInt(60);
        int xA = random.nextInt(nA + 1);
        int xB = random.nextInt(nB + 1);
        double confidence = 0.8 + 0.19 * random.nextDouble();
        Comparison ab = ProportionStatistics.newcombe(xA, nA, xB, nB, confidence);
        Comparison ba = ProportionStatistics.newcombe(xB, nB, xA, nA, confidence);
        String label = "seed " + seed + ": " + xA + "/" + nA + " vs " + xB + "/" + nB;
        assertThat(ab.interval().lower()).as(label).isLessThanOrEqualTo(ab.difference() + 1e-12);
        assertThat(ab.interval().upper()).as(label).isGreaterThanOrEqualTo(ab.difference() - 1e-12);
        assertThat(ba.interval().lower()).as(label).isCloseTo(-ab.interval().upper(), within(1e-12));
        assertThat(ba.pValue()).as(label).isCloseTo(ab.pValue(), within(1e-12));
        assertThat(ab.pValue()).as(label).isBetween(0.0, 1.0);
        double fisher = ProportionStatistics.fisherExactPValue(xA, nA, xB, nB);
        assertThat(fisher).as(label).isBetween(0.0, 1.0 + 1e-12);
        assertThat(ProportionStatistics.fisherExactPValue(xA, nA, xA * nB / nA, nB)).as(label).isGreaterThan(0);
    }
}
