package dev.cxkit.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.stats.Interval;
import dev.cxkit.core.stats.IntervalMethod;
import org.junit.jupiter.api.Test;

/**
 * Scores and comparisons of snapshots. Expected numbers were computed independently with SciPy
 * 1.17 (scipy.stats.norm, scipy.stats.t, scipy.stats.ttest_ind) from the textbook formulas cited
 * in the stats package; tolerance 1e-9.
 */
class ScoreTest {

    private static final double TOLERANCE = 1e-9;

    @Test
    void emptyScoreHasNoValueAndNoInterval() {
        for (Metric metric : new Metric[] {Metric.NPS, Metric.CSAT, Metric.CES}) {
            Score score = Score.of(RatingDistribution.empty(metric));
            assertThat(score.value()).isEmpty();
            assertThat(score.interval()).isEmpty();
            assertThat(score.lowSample()).isTrue();
            assertThat(score.n()).isZero();
        }
    }

    @Test
    void csatIsTopTwoBoxPercentWithWilsonInterval() {
        Score score = Score.of(RatingDistribution.ofCounts(Metric.CSAT, 1, 0, 0, 1, 1));
        assertThat(score.value().getAsDouble()).isCloseTo(200.0 / 3, within(TOLERANCE));
        Interval interval = score.interval().orElseThrow();
        assertThat(interval.method()).isEqualTo(IntervalMethod.WILSON);
        assertThat(interval.lower()).isCloseTo(20.765960080204763, within(TOLERANCE));
        assertThat(interval.upper()).isCloseTo(93.85080552796038, within(TOLERANCE));
    }

    @Test
    void cesIsTheMeanWithAStudentTInterval() {
        Score score = Score.of(RatingDistribution.ofCounts(Metric.CES, 1, 2, 0, 0, 0, 0, 1)); // 1,2,2,7
        assertThat(score.value().getAsDouble()).isEqualTo(3.0);
        // the t interval is [-1.3090526674694427, 7.309052667469443] (SciPy); it is clipped to the 1..7 scale
        assertThat(score.interval().orElseThrow().lower()).isEqualTo(1.0);
        assertThat(score.interval().orElseThrow().upper()).isEqualTo(7.0);
        Score wider = Score.of(RatingDistribution.ofCounts(Metric.CES, 0, 1, 2, 3, 2, 1, 0)); // 2,3,3,4,4,4,5,5,6
        assertThat(wider.interval().orElseThrow().lower()).isCloseTo(3.0585777540003005, within(TOLERANCE));
        assertThat(wider.interval().orElseThrow().upper()).isCloseTo(4.9414222459997, within(TOLERANCE));
        assertThat(score.ratings().positiveShare()).isEqualTo(0.25);
    }

    @Test
    void cesWithOneResponseHasAValueButNoInterval() {
        Score score = Score.of(RatingDistribution.ofCounts(Metric.CES, 0, 0, 0, 0, 1, 0, 0));
        assertThat(score.value().getAsDouble()).isEqualTo(5.0);
        assertThat(score.interval()).isEmpty();
    }

    @Test
    void weightedNpsUsesKishEffectiveSize() {
        ScoreAccumulator acc = ScoreAccumulator.of(Metric.NPS);
        acc.record(10, 1);
        acc.record(0, 2);
        acc.record(9, 0.5);
        Score score = Score.of(acc.snapshot());
        assertThat(score.value().getAsDouble()).isCloseTo(-14.285714285714285, within(TOLERANCE));
        assertThat(score.interval().orElseThrow().lower()).isCloseTo(-78.0053503517625, within(TOLERANCE));
        assertThat(score.interval().orElseThrow().upper()).isCloseTo(65.50535035176253, within(TOLERANCE));
        assertThat(score.effectiveN()).isCloseTo(12.25 / 5.25, within(1e-12));
    }

    @Test
    void lowSampleComparesEffectiveSizeWithMinN() {
        RatingDistribution thirty = RatingDistribution.ofCounts(Metric.NPS, 0, 0, 0, 0, 0, 0, 10, 0, 10, 0, 10);
        assertThat(Score.of(thirty).lowSample()).isFalse();
        assertThat(Score.of(thirty, ScoreOptions.defaults().withMinN(31)).lowSample()).isTrue();
    }

    @Test
    void intervalMethodMustApplyToTheMetric() {
        RatingDistribution csat = RatingDistribution.ofCounts(Metric.CSAT, 1, 1, 1, 1, 1);
        assertThatThrownBy(() -> Score.of(csat, ScoreOptions.defaults().withIntervalMethod(IntervalMethod.SCORE)))
                .hasMessageContaining("interval method score does not apply to csat");
        assertThat(Score.of(csat, ScoreOptions.defaults().withIntervalMethod(IntervalMethod.WALD)).interval()
                .orElseThrow().method()).isEqualTo(IntervalMethod.WALD);
    }

    @Test
    void csatComparisonUsesPooledPValueAndUnpooledInterval() {
        ScoreComparison c = ScoreComparison.of(RatingDistribution.ofCounts(Metric.CSAT, 10, 0, 0, 0, 40),
                RatingDistribution.ofCounts(Metric.CSAT, 20, 0, 0, 0, 30),
                ScoreOptions.defaults().withIntervalMethod(IntervalMethod.WALD));
        Comparison d = c.difference().orElseThrow();
        assertThat(d.difference()).isCloseTo(20.0, within(TOLERANCE));
        assertThat(d.pValue()).isCloseTo(0.029096331741252188, within(1e-12));
        assertThat(d.standardError()).isCloseTo(8.94427190999916, within(TOLERANCE));
        assertThat(d.significant()).isTrue();
        assertThat(c.method()).isEqualTo(IntervalMethod.WALD);
    }

    private static final double NEWCOMBE_LOWER = 2.0133900869208161;
    private static final double NEWCOMBE_UPPER = 36.359235205533579;

    @Test
    void csatComparisonsDefaultToNewcombesInterval() {
        // R 4.2.2: Newcombe's method 10 from prop.test(x, n, correct = FALSE) Wilson limits, 40/50 vs 30/50
        ScoreComparison c = ScoreComparison.of(RatingDistribution.ofCounts(Metric.CSAT, 10, 0, 0, 0, 40),
                RatingDistribution.ofCounts(Metric.CSAT, 20, 0, 0, 0, 30), ScoreOptions.defaults());
        Comparison d = c.difference().orElseThrow();
        assertThat(c.method()).isEqualTo(IntervalMethod.NEWCOMBE);
        assertThat(d.interval().lower()).isCloseTo(NEWCOMBE_LOWER, within(1e-9));
        assertThat(d.interval().upper()).isCloseTo(NEWCOMBE_UPPER, within(1e-9));
        assertThat(d.pValue()).as("large cells: the pooled z-test").isCloseTo(0.029096331741252188, within(1e-12));
    }

    @Test
    void cesComparisonIsWelch() {
        ScoreComparison c = ScoreComparison.of(RatingDistribution.ofCounts(Metric.CES, 1, 2, 0, 0, 0, 0, 1),
                RatingDistribution.ofCounts(Metric.CES, 0, 0, 0, 0, 1, 2, 2), ScoreOptions.defaults());
        Comparison d = c.difference().orElseThrow();
        assertThat(d.difference()).isCloseTo(-3.2, within(TOLERANCE));
        assertThat(d.pValue()).isCloseTo(0.09534968816406864, within(1e-9));
        assertThat(d.significant()).isFalse();
    }

    @Test
    void comparisonIsAbsentWithoutData() {
        ScoreComparison c = ScoreComparison.of(RatingDistribution.empty(Metric.NPS),
                RatingDistribution.ofCounts(Metric.NPS, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1), ScoreOptions.defaults());
        assertThat(c.difference()).isEmpty();
        assertThat(c.a().value()).isEmpty();
        assertThatThrownBy(() -> ScoreComparison.of(RatingDistribution.empty(Metric.NPS),
                RatingDistribution.empty(Metric.CES), ScoreOptions.defaults())).hasMessageContaining("cannot compare");
        assertThatThrownBy(() -> ScoreComparison.of(RatingDistribution.empty(Metric.NPS), RatingDistribution.empty(Metric.NPS),
                ScoreOptions.defaults().withIntervalMethod(IntervalMethod.SCORE))).hasMessageContaining("does not apply");
    }
}
