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
