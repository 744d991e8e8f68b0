package dev.cxkit.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ControlChartsTest {

    /**
     * Montgomery, Introduction to Statistical Quality Control (7th ed.), Example 7.1: 30 samples of
     * n = 50 orange-juice cans with 347 nonconforming in all; the book gives p̄ = 0.2313,
     * UCL = 0.4102 and LCL = 0.0524 (rounded to 4 decimals).
     */
    @Test
    void reproducesMontgomerysOrangeJuiceExample() {
        double[] sizes = new double[30];
        Arrays.fill(sizes, 50);
        double[] nonconforming = new double[30];
        Arrays.fill(nonconforming, 347.0 / 30); // only the total matters for p̄
        double centre = ControlCharts.centre(nonconforming, sizes);
        assertThat(centre).isCloseTo(0.2313, within(5e-5));
        assertThat(ControlCharts.upperLimit(centre, 50, 3)).isCloseTo(0.4102, within(5e-5));
        assertThat(ControlCharts.lowerLimit(centre, 50, 3)).isCloseTo(0.0524, within(5e-5));
    }

    /** Varying sample sizes, by hand: x = 20, 30, 10 of n = 100, 100, 50, so p̄ = 60/250 = 0.24. */
    @Test
    void limitsWidenForSmallerSamples() {
        double centre = ControlCharts.centre(new double[] {20, 30, 10}, new double[] {100, 100, 50});
        assertThat(centre).isEqualTo(0.24);
        // σ(100) = √(0.24·0.76/100) = √0.001824 = 0.04270831...
        assertThat(ControlCharts.sigma(centre, 100)).isCloseTo(0.0427083130, within(1e-9));
        assertThat(ControlCharts.upperLimit(centre, 100, 3)).isCloseTo(0.3681249391, within(1e-9));
        assertThat(ControlCharts.lowerLimit(centre, 100, 3)).isCloseTo(0.1118750609, within(1e-9));
        // σ(50) = √0.003648 = 0.06039867...
        assertThat(ControlCharts.upperLimit(centre, 50, 3)).isCloseTo(0.4211960264, within(1e-9));
        assertThat(ControlCharts.lowerLimit(centre, 50, 3)).isCloseTo(0.0588039736, within(1e-9));
        // difference of two periods of 100 and 50: √(0.1824·(1/100 + 1/50)) = √0.005472 = 0.07397297...
        assertThat(ControlCharts.differenceSigma(centre, 100, 50)).isCloseTo(0.0739729680, within(1e-9));
    }

    @Test
    void limitsAreClippedToZeroAndOne() {
        assertThat(ControlCharts.lowerLimit(0.05, 10, 3)).isZero();
        assertThat(ControlCharts.upperLimit(0.95, 10, 3)).isEqualTo(1.0);
        assertThat(ControlCharts.upperLimit(0, 10, 3)).isZero();
        assertThat(ControlCharts.lowerLimit(1, 10, 3)).isEqualTo(1.0);
    }

    /**
     * Laney's σ<sub>z</sub> against R 4.2.2: {@code pb <- sum(x)/sum(n); z <- (x/n - pb) /
     * sqrt(pb*(1-pb)/n); mean(abs(diff(z))) / 1.128}.
     */
    @Test
    void laneySigmaZAgreesWithR() {
        double[] n = {50, 60, 45, 70, 55, 65, 40};
        double[] x = {20, 35, 12, 40, 18, 38, 25};
        double centre = ControlCharts.centre(x, n);
        assertThat(centre).isCloseTo(0.488311688311688, within(1e-15));
        assertThat(ControlCharts.laneySigmaZ(x, n, centre)).isCloseTo(2.87138306974124, within(1e-12));
        // shares steadier than binomial sampling: below 1
        double[] steady = {40, 42, 39, 41, 40, 38};
        double[] hundreds = {100, 100, 100, 100, 100, 100};
        assertThat(ControlCharts.laneySigmaZ(steady, hundreds, ControlCharts.centre(steady, hundreds)))
                .isCloseTo(0.361922243319027, within(1e-12));
        assertThat(ControlCharts.laneySigmaZ(new double[] {3}, new double[] {10}, 0.3)).isNaN();
        assertThat(ControlCharts.laneySigmaZ(new double[] {0, 0}, new double[] {10, 20}, 0)).isNaN();
    }

    /**
     * Binomial tails against R 4.x: rows of x, n, p, {@code pbinom(x - 1, n, p, lower.tail = FALSE)}
     * (P(X ≥ x)) and {@code pbinom(x, n, p)} (P(X ≤ x)), printed with 17 digits; the rows include
     * the ends x = 0, x = n, p = 0 and p = 1 that the functions answer without the beta function.
     */
    @Test
    void binomialTailsAgreeWithR() {
        double[][] rows = {
            {0, 10, 0.3, 1, 0.028247524899999987},
            {1, 10, 0.3, 0.97175247509999996, 0.14930834590000003},
            {3, 10, 0.3, 0.61721721360000026, 0.64961071840000018},
            {10, 10, 0.3, 5.9048999999999915e-06, 1},
            {7, 20, 0.5, 0.94234085083007812, 0.13158798217773438},
            {0, 5, 0, 1, 1},
            {2, 5, 0, 0, 1},
            {5, 5, 1, 1, 1},
            {4, 5, 1, 1, 0},
            {50, 400, 0.1, 0.06009736360795153, 0.95635557180220543},
            {60, 400, 0.1, 0.0010528245171127723, 0.99936505275698639},
            {1, 1, 0.5, 0.5, 1},
        };
        for (double[] row : rows) {
            long x = (long) row[0];
            long n = (long) row[1];
            assertThat(ControlCharts.binomialUpperTail(x, n, row[2])).as("P(X >= %d | %d, %s)", x, n, row[2])
                    .isCloseTo(row[3], within(1e-13 * Math.max(row[3], 1e-3)));
            assertThat(ControlCharts.binomialLowerTail(x, n, row[2])).as("P(X <= %d | %d, %s)", x, n, row[2])
                    .isCloseTo(row[4], within(1e-13 * Math.max(row[4], 1e-3)));
        }
    }

    @Test
    void binomialTailsRefuseImpossibleCounts() {
        for (long[] xn : new long[][] {{0, 0}, {-1, 5}, {6, 5}}) {
            assertThatThrownBy(() -> ControlCharts.binomialUpperTail(xn[0], xn[1], 0.5))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("binomial tail");
            assertThatThrownBy(() -> ControlCharts.binomialLowerTail(xn[0], xn[1], 0.5))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("binomial tail");
        }
        for (double p : new double[] {-0.01, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> ControlCharts.binomialUpperTail(1, 5, p)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ControlCharts.binomialLowerTail(1, 5, p)).isInstanceOf(IllegalArgumentException.class);
        }
        // the edges of the valid ranges are accepted
        assertThat(ControlCharts.binomialUpperTail(5, 5, 0.5)).isCloseTo(1 / 32.0, within(1e-15));
        assertThat(ControlCharts.binomialLowerTail(0, 1, 0.5)).isCloseTo(0.5, within(1e-15));
    }

    /** The centre accepts a sample with every unit a success (x = n); Laney needs p̄ strictly inside. */
    @Test
    void edgesOfTheCentreAndLaney() {
        assertThat(ControlCharts.centre(new double[] {10, 0}, new double[] {10, 10})).isEqualTo(0.5);
        assertThat(ControlCharts.laneySigmaZ(new double[] {10, 10}, new double[] {10, 10}, 1)).isNaN();
        // two samples are enough: z = (0.2 − 0.4)/σ and (0.6 − 0.4)/σ with σ = √(0.24/10), so
        // σz = |z2 − z1| / 1.128 = 0.4/√0.024/1.128 (by hand)
        assertThat(ControlCharts.laneySigmaZ(new double[] {2, 6}, new double[] {10, 10}, 0.4))
                .isCloseTo(0.4 / Math.sqrt(0.024) / 1.128, within(1e-12));
    }

    @Test
    void refusesInvalidArguments() {
        assertThatThrownBy(() -> ControlCharts.centre(new double[] {5}, new double[] {4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceed");
        assertThatThrownBy(() -> ControlCharts.centre(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ControlCharts.sigma(1.5, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ControlCharts.sigma(0.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ControlCharts.upperLimit(0.5, 10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
