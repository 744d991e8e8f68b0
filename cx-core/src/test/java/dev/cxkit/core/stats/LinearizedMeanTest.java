package dev.cxkit.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cxkit.core.score.Metric;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The linearised variance against R 4.2.2 and survey 4.1-1:
 * <pre>
 * rating &lt;- c(10,9,3,7,10,6,2,9,8,10,5,9,0,10)
 * w      &lt;- c(1.2,0.8,2.5,1,1,0.6,3,1.4,0.9,1.1,2,0.7,1.8,1)
 * cust   &lt;- c("a","a","b","c","c","c","d","e","f","f","g","h","h","i")
 * y &lt;- ifelse(rating &gt;= 9, 100, ifelse(rating &lt;= 6, -100, 0)); d &lt;- data.frame(y, w, cust)
 * svymean(~y, svydesign(ids = ~1, weights = ~w, data = d))      # and confint()
 * svymean(~y, svydesign(ids = ~cust, weights = ~w, data = d))
 * </pre>
 */
class LinearizedMeanTest {

    private static final int[] RATINGS = {10, 9, 3, 7, 10, 6, 2, 9, 8, 10, 5, 9, 0, 10};
    private static final double[] WEIGHTS = {1.2, 0.8, 2.5, 1, 1, 0.6, 3, 1.4, 0.9, 1.1, 2, 0.7, 1.8, 1};
    private static final String[] CUSTOMERS = {"a", "a", "b", "c", "c", "c", "d", "e", "f", "f", "g", "h", "h", "i"};
    private static final int[] CES = {7, 6, 2, 5, 7, 4, 1, 6, 5, 7, 3, 6, 1, 7};

    private static LinearizedMean nps(boolean clustered) {
        LinearizedMean mean = new LinearizedMean();
        for (int i = 0; i < RATINGS.length; i++) {
            mean.add(Metric.NPS.contribution(RATINGS[i]), WEIGHTS[i], clustered ? CUSTOMERS[i] : null);
        }
        return mean;
    }

    @Test
    void eachResponseItsOwnClusterAgreesWithSvymean() {
        LinearizedMean.Estimate e = nps(false).estimate(0.95).orElseThrow();
        assertThat(e.mean()).isCloseTo(-14.2105263157895, within(1e-12));
        assertThat(e.standardError()).isCloseTo(28.3541746108096, within(1e-11));
        assertThat(e.interval().lower()).isCloseTo(-69.7836873643362, within(1e-9));
        assertThat(e.interval().upper()).isCloseTo(41.3626347327573, within(1e-9));
        assertThat(e.observations()).isEqualTo(14);
        assertThat(e.clusters()).isEqualTo(14);
    }

    @Test
    void responsesClusteredByCustomerAgreeWithSvymean() {
        LinearizedMean.Estimate e = nps(true).estimate(0.95).orElseThrow();
        assertThat(e.mean()).isCloseTo(-14.2105263157895, within(1e-12));
        assertThat(e.standardError()).isCloseTo(28.6335784173907, within(1e-11));
        assertThat(e.interval().lower()).isCloseTo(-70.3313087623786, within(1e-9));
        assertThat(e.interval().upper()).isCloseTo(41.9102561307996, within(1e-9));
        assertThat(e.clusters()).isEqualTo(9);
        LinearizedMean ces = new LinearizedMean();
        for (int i = 0; i < CES.length; i++) {
            ces.add(Metric.CES.contribution(CES[i]), WEIGHTS[i], CUSTOMERS[i]);
        }
        // svymean(~ces, svydesign(ids = ~cust, weights = ~w, data = d))
        assertThat(ces.estimate(0.95).orElseThrow().mean()).isCloseTo(3.95789473684211, within(1e-12));
        assertThat(ces.estimate(0.95).orElseThrow().standardError()).isCloseTo(0.793672473454726, within(1e-12));
    }

    @Test
    void unweightedAndUnclusteredItIsTheWaldStandardErrorWithDivisorNMinusOne() {
        // by hand: 3 promoters, 1 passive, 2 detractors: ȳ = 100/6; v = 6/5 · Σ(y − ȳ)²/36
        LinearizedMean mean = new LinearizedMean();
        for (int rating : new int[] {10, 9, 10, 8, 3, 0}) {
            mean.add(Metric.NPS.contribution(rating), 1, null);
        }
        double ybar = 100.0 / 6;
        double squares = 3 * Math.pow(100 - ybar, 2) + Math.pow(ybar, 2) + 2 * Math.pow(-100 - ybar, 2);
        LinearizedMean.Estimate e = mean.estimate(0.9).orElseThrow();
        assertThat(e.mean()).isCloseTo(ybar, within(1e-12));
        assertThat(e.standardError()).isCloseTo(Math.sqrt(6.0 / 5 * squares / 36), within(1e-12));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20261204})
    void mergingPartsGivesTheWholeWhereverTheClustersFall(long seed) {
        System.out.println("seed " + seed);
        SplittableRandom random = new SplittableRandom(seed);
        LinearizedMean whole = new LinearizedMean();
        LinearizedMean[] parts = {new LinearizedMean(), new LinearizedMean(), new LinearizedMean()};
        for (int i = 0; i < 500; i++) {
            double y = Metric.NPS.contribution(random.nextInt(11));
            double w = 0.2 + 3 * random.nextDouble();
            String customer = random.nextInt(4) == 0 ? null : "C" + random.nextInt(120);
            whole.add(y, w, customer);
            parts[random.nextInt(3)].add(y, w, customer);
        }
        LinearizedMean merged = parts[0].merge(parts[1]).merge(parts[2]);
        LinearizedMean.Estimate a = whole.estimate(0.95).orElseThrow();
        LinearizedMean.Estimate b = merged.estimate(0.95).orElseThrow();
        assertThat(b.mean()).isCloseTo(a.mean(), within(1e-9));
        assertThat(b.standardError()).isCloseTo(a.standardError(), within(1e-9));
        assertThat(b.clusters()).isEqualTo(a.clusters());
        assertThat(b.observations()).isEqualTo(500);
    }

    @Test
    void emptyHasNoEstimateAndBadInputIsRefused() {
        assertThat(new LinearizedMean().estimate(0.95)).isEmpty();
        assertThatThrownBy(() -> new LinearizedMean().add(1, 0, null)).hasMessageContaining("weight");
        assertThatThrownBy(() -> new LinearizedMean().add(Double.NaN, 1, null)).hasMessageContaining("value");
        assertThatThrownBy(() -> new LinearizedMean().estimate(1)).hasMessageContaining("confidence");
    }
}
