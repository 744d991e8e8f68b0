package dev.cxkit.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cxkit.core.stats.MultipleTesting.Adjustment;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Adjusted p-values against R's p.adjust, and their laws over seeded random families. */
class MultipleTestingTest {

    private static final double[] P = {0.01, 0.04, 0.03, 0.005, 0.20, 0.04, 0.9, 0.0001, 0.5, 0.049, 0.051};

    @Test
    void holmAndBenjaminiHochbergAgreeWithR() {
        // R 4.2.2: p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.20, 0.04, 0.9, 0.0001, 0.5, 0.049, 0.051), "holm" / "BH")
        double[] holm = {0.09, 0.28, 0.24, 0.05, 0.6, 0.28, 1, 0.0011, 1, 0.28, 0.28};
        double[] bh = {0.0366666666667, 0.070125, 0.070125, 0.0275, 0.244444444444, 0.070125, 0.9, 0.0011, 0.55,
            0.070125, 0.070125};
        double[] gotHolm = MultipleTesting.holm(P);
        double[] gotBh = MultipleTesting.benjaminiHochberg(P);
        for (int i = 0; i < P.length; i++) {
            assertThat(gotHolm[i]).as("holm %d", i).isCloseTo(holm[i], within(1e-10));
            assertThat(gotBh[i]).as("BH %d", i).isCloseTo(bh[i], within(1e-10));
        }
        assertThat(Adjustment.NONE.adjust(P)).containsExactly(P);
        assertThat(Adjustment.parse("BH")).isEqualTo(Adjustment.BENJAMINI_HOCHBERG);
        assertThatThrownBy(() -> Adjustment.parse("bonferroni")).hasMessageContaining("expected holm, bh or none");
        assertThatThrownBy(() -> MultipleTesting.holm(new double[] {1.5})).isInstanceOf(IllegalArgumentException.class);
        assertThat(MultipleTesting.holm(new double[0])).isEmpty();
    }

    static LongStream seeds() {
        return LongStream.range(0, 200).map(i -> 0x5EED_0000L + i);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void adjustedPValuesAreNeverSmallerKeepTheOrderAndHolmIsTheStricter(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] p = new double[1 + random.nextInt(30)];
        for (int i = 0; i < p.length; i++) {
            p[i] = random.nextInt(4) == 0 ? random.nextDouble() * 0.01 : random.nextDouble();
        }
        double[] holm = MultipleTesting.holm(p);
        double[] bh = MultipleTesting.benjaminiHochberg(p);
        for (int i = 0; i < p.length; i++) {
            assertThat(holm[i]).as("seed %d: holm >= raw", seed).isGreaterThanOrEqualTo(p[i]).isLessThanOrEqualTo(1);
            assertThat(bh[i]).as("seed %d: BH >= raw", seed).isGreaterThanOrEqualTo(p[i]).isLessThanOrEqualTo(1);
            assertThat(holm[i]).as("seed %d: Holm >= BH", seed).isGreaterThanOrEqualTo(bh[i] - 1e-15);
            for (int j = 0; j < p.length; j++) {
                if (p[i] < p[j]) {
                    assertThat(holm[i]).as("seed %d: order kept", seed).isLessThanOrEqualTo(holm[j]);
                    assertThat(bh[i]).as("seed %d: order kept", seed).isLessThanOrEqualTo(bh[j]);
                }
            }
        }
    }

    @Test
    void onPureNoiseHolmKeepsTheFamilyWiseErrorRateAtAlpha() {
        // 2000 families of 11 true null tests: the share with any adjusted p < 0.05 is at most 5 %
        SplittableRandom random = new SplittableRandom(20261204);
        int families = 2000;
        int anyRaw = 0;
        int anyHolm = 0;
        for (int f = 0; f < families; f++) {
            double[] p = new double[11];
            for (int i = 0; i < p.length; i++) {
                p[i] = random.nextDouble();
            }
            boolean raw = false;
            boolean held = false;
            double[] adjusted = MultipleTesting.holm(p);
            for (int i = 0; i < p.length; i++) {
                raw |= p[i] < 0.05;
                held |= adjusted[i] < 0.05;
            }
            anyRaw += raw ? 1 : 0;
            anyHolm += held ? 1 : 0;
        }
        assertThat(anyRaw / (double) families).as("unadjusted: 1 - 0.95^11 = 0.43").isBetween(0.38, 0.48);
        assertThat(anyHolm / (double) families).as("Holm: at most alpha, with sampling slack").isLessThan(0.062);
    }
}
