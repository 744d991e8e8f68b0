package dev.cxkit.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatingDistributionTest {

    @Test
    void sharesMeanAndVarianceMatchHandComputedValues() {
        // CES ratings 1,2,2,7 : mean 3, s² = ((1-3)² + 2·(2-3)² + (7-3)²) / 3 = (4 + 2 + 16) / 3 = 22/3
        RatingDistribution d = RatingDistribution.ofCounts(Metric.CES, 1, 2, 0, 0, 0, 0, 1);
        assertThat(d.n()).isEqualTo(4);
        assertThat(d.mean()).isEqualTo(3.0);
        assertThat(d.variance()).isCloseTo(22.0 / 3, within(1e-12));
        assertThat(d.positiveShare()).isEqualTo(0.25); // agree = 5..7
        assertThat(d.negativeShare()).isEqualTo(0.75);
    }

    @Test
    void npsSharesUseDetractorsZeroToSixAndPromotersNineToTen() {
        long[] counts = new long[11];
        counts[0] = 1;
        counts[6] = 1; // detractors: 2
        counts[7] = 1;
        counts[8] = 1; // passives: 2
        counts[9] = 3;
        counts[10] = 3; // promoters: 6
        RatingDistribution d = RatingDistribution.ofCounts(Metric.NPS, counts);
        assertThat(d.positiveShare()).isEqualTo(0.6);
        assertThat(d.negativeShare()).isEqualTo(0.2);
    }

    @Test
    void weightedVarianceUsesKishEffectiveSize() {
        // ratings 1 (w=1) and 3 (w=3): Σw = 4, Σw² = 10, n_eff = 1.6, mean = 10/4 = 2.5,
        // Σw(x-x̄)²/Σw = (1·2.25 + 3·0.25) / 4 = 0.75, × n_eff/(n_eff-1) = 0.75 · 1.6/0.6 = 2
        RatingDistribution d = RatingDistribution.ofWeights(Metric.CES, new long[] {1, 0, 1, 0, 0, 0, 0},
                new double[] {1, 0, 3, 0, 0, 0, 0}, 10);
        assertThat(d.effectiveN()).isCloseTo(1.6, within(1e-12));
        assertThat(d.mean()).isEqualTo(2.5);
        assertThat(d.variance()).isCloseTo(2.0, within(1e-12));
        assertThat(d.effectiveCounts()[0] + d.effectiveCounts()[2]).isCloseTo(1.6, within(1e-12));
    }

    @Test
    void emptyHasNoMeanAndNoVariance() {
        RatingDistribution d = RatingDistribution.empty(Metric.NPS);
        assertThat(d.isEmpty()).isTrue();
        assertThat(d.effectiveN()).isZero();
        assertThat(d.mean()).isNaN();
        assertThat(d.variance()).isNaN();
    }

    @Test
    void plusCombinesWeightedAndUnweighted() {
        RatingDistribution a = RatingDistribution.ofCounts(Metric.CSAT, 0, 0, 0, 2, 0);
        RatingDistribution b = RatingDistribution.ofWeights(Metric.CSAT, new long[] {0, 0, 0, 0, 1},
                new double[] {0, 0, 0, 0, 3}, 9);
        RatingDistribution sum = a.plus(b);
        assertThat(sum.n()).isEqualTo(3);
        assertThat(sum.weightedN()).isEqualTo(5.0);
        assertThat(sum.sumSquaredWeights()).isEqualTo(11.0);
        assertThat(sum).isEqualTo(b.plus(a));
        assertThatThrownBy(() -> a.plus(RatingDistribution.empty(Metric.NPS))).hasMessageContaining("cannot combine");
    }

    @Test
    void validatesInput() {
        assertThatThrownBy(() -> RatingDistribution.ofCounts(Metric.NPS, 1, 2)).hasMessageContaining("has 11 ratings");
        assertThatThrownBy(() -> RatingDistribution.ofCounts(Metric.CSAT, 1, -1, 0, 0, 0)).hasMessageContaining("negative");
        assertThatThrownBy(() -> RatingDistribution.ofWeights(Metric.CSAT, new long[] {1, 0, 0, 0, 0},
                new double[] {0, 0, 0, 0, 0}, 0)).hasMessageContaining("inconsistent");
        assertThatThrownBy(() -> RatingDistribution.ofCounts(Metric.NPS, new long[11]).count(11))
                .hasMessageContaining("rating 11 is outside 0..10");
    }

    @Test
    void metricsParseAndDescribeTheirScales() {
        assertThat(Metric.parse(" NPS ")).isSameAs(Metric.NPS);
        assertThat(Metric.parse("Csat")).isSameAs(Metric.CSAT);
        assertThatThrownBy(() -> Metric.parse("nss")).hasMessageContaining("unknown metric 'nss'");
        assertThat(Metric.csat(1, 7, 6).points()).isEqualTo(7);
        assertThat(Metric.csat(1, 5, 4)).isEqualTo(Metric.CSAT);
        assertThatThrownBy(() -> Metric.csat(1, 5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metric.ces(3, 3, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comparesTwoPeriodsInOneCall() {
        RatingDistribution lastMonth = RatingDistribution.ofCounts(Metric.NPS, 20, 5, 5, 5, 5, 10, 10, 40, 40, 60, 50);
        RatingDistribution thisMonth = RatingDistribution.ofCounts(Metric.NPS, 10, 5, 5, 5, 5, 10, 10, 40, 40, 70, 60);
        ScoreComparison change = thisMonth.compareWith(lastMonth, ScoreOptions.defaults());
        assertThat(change).isEqualTo(ScoreComparison.of(thisMonth, lastMonth, ScoreOptions.defaults()));
        // NPS this month (130 - 50) / 260 = 30.77, last month (110 - 60) / 250 = 20.0
        assertThat(change.a().value().orElseThrow()).isCloseTo(8000.0 / 260, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(change.b().value().orElseThrow()).isCloseTo(20.0, org.assertj.core.api.Assertions.within(1e-9));
    }
}
