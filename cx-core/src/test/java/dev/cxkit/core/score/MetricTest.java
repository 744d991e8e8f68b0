package dev.cxkit.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.core.stats.IntervalMethod;
import org.junit.jupiter.api.Test;

/** The three metrics' scales, contributions and names, as DESIGN.md defines them. */
class MetricTest {

    @Test
    void contributionsFollowTheDefinitions() {
        // NPS: detractors 0–6 give −100, passives 7–8 give 0, promoters 9–10 give +100
        for (int r = 0; r <= 10; r++) {
            assertThat(Metric.NPS.contribution(r)).as("nps %d", r).isEqualTo(r <= 6 ? -100.0 : r <= 8 ? 0.0 : 100.0);
        }
        // CSAT: top-2-box 4–5
        for (int r = 1; r <= 5; r++) {
            assertThat(Metric.CSAT.contribution(r)).as("csat %d", r).isEqualTo(r >= 4 ? 100.0 : 0.0);
        }
        // CES: the rating itself
        for (int r = 1; r <= 7; r++) {
            assertThat(Metric.CES.contribution(r)).isEqualTo(r);
        }
        assertThatThrownBy(() -> Metric.NPS.contribution(11)).hasMessageContaining("rating 11 is not on the nps scale");
        assertThatThrownBy(() -> Metric.CSAT.contribution(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rangesAndUnits() {
        assertThat(Metric.NPS.lowestValue()).isEqualTo(-100);
        assertThat(Metric.NPS.highestValue()).isEqualTo(100);
        assertThat(Metric.CSAT.lowestValue()).isZero();
        assertThat(Metric.CSAT.highestValue()).isEqualTo(100);
        assertThat(Metric.CES.lowestValue()).isEqualTo(1);
        assertThat(Metric.CES.highestValue()).isEqualTo(7);
        assertThat(Metric.ces(0, 4, 3).lowestValue()).isZero();
        assertThat(Metric.NPS.unit()).isEqualTo("points");
        assertThat(Metric.CSAT.unit()).isEqualTo("percent");
        assertThat(Metric.CES.unit()).isEqualTo("mean");
        assertThat(Metric.NPS.points()).isEqualTo(11);
        assertThat(Metric.CES.negativeUpTo()).isEqualTo(4);
    }

    @Test
    void intervalMethodsPerMetric() {
        assertThat(Metric.NPS.intervalMethods()).containsExactlyInAnyOrder(IntervalMethod.WALD,
                IntervalMethod.ADJUSTED_WALD, IntervalMethod.SCORE);
        assertThat(Metric.CSAT.intervalMethods()).containsExactlyInAnyOrder(IntervalMethod.WILSON, IntervalMethod.WALD);
        assertThat(Metric.CES.intervalMethods()).containsExactly(IntervalMethod.T);
        assertThat(Metric.NPS.comparisonMethods()).containsExactlyInAnyOrder(IntervalMethod.ADJUSTED_WALD,
                IntervalMethod.WALD);
        assertThat(Metric.CSAT.comparisonMethods()).containsExactlyInAnyOrder(IntervalMethod.NEWCOMBE,
                IntervalMethod.WALD);
        assertThat(Metric.CES.comparisonMethods()).containsExactly(IntervalMethod.T);
        for (Metric m : new Metric[] {Metric.NPS, Metric.CSAT, Metric.CES}) {
            assertThat(m.intervalMethods()).contains(m.defaultInterval());
        }
    }

    @Test
    void namesParseAndPrint() {
        assertThat(Metric.parse(" NPS ")).isSameAs(Metric.NPS);
        assertThat(Metric.parse("Csat")).isSameAs(Metric.CSAT);
        assertThat(Metric.parse("ces")).isSameAs(Metric.CES);
        assertThatThrownBy(() -> Metric.parse("effort")).hasMessageContaining("unknown metric 'effort'");
        assertThat(Metric.NPS).hasToString("nps");
        // an equal metric built anew prints like the standard one; another scale says its scale
        assertThat(Metric.csat(1, 5, 4)).hasToString("csat").isEqualTo(Metric.CSAT).hasSameHashCodeAs(Metric.CSAT);
        assertThat(Metric.ces(1, 7, 5)).hasToString("ces");
        assertThat(Metric.csat(1, 7, 6)).hasToString("csat(1..7, positive from 6)").isNotEqualTo(Metric.CSAT);
        assertThat(Metric.ces(1, 5, 4)).hasToString("ces(1..5, positive from 4)");
        assertThat(Metric.ces(1, 5, 4).hashCode()).isNotEqualTo(Metric.ces(1, 5, 3).hashCode());
    }

    @Test
    void scalesAreChecked() {
        assertThatThrownBy(() -> Metric.csat(-1, 5, 4)).hasMessageContaining("scale must satisfy");
        assertThatThrownBy(() -> Metric.csat(5, 5, 5)).hasMessageContaining("scale must satisfy");
        assertThatThrownBy(() -> Metric.csat(0, 101, 50)).hasMessageContaining("at most 101 points");
        assertThat(Metric.csat(0, 100, 50).points()).isEqualTo(101);
        assertThatThrownBy(() -> Metric.csat(1, 5, 1)).hasMessageContaining("threshold 1 must be in 2..5");
        assertThatThrownBy(() -> Metric.csat(1, 5, 6)).hasMessageContaining("threshold 6");
        assertThat(Metric.csat(1, 5, 5).positiveFrom()).isEqualTo(5);
    }
}
