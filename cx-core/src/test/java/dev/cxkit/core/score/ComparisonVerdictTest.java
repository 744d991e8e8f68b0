package dev.cxkit.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cxkit.core.score.ComparisonVerdict.Outcome;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.stats.Interval;
import dev.cxkit.core.stats.IntervalMethod;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Different, equivalent within a margin, or cannot be told: never "the same" from "not significant". */
class ComparisonVerdictTest {

    private static Optional<Comparison> diff(double d, double se, double lo, double hi, double level) {
        return Optional.of(Comparison.of(d, se, new Interval(lo, hi, level, IntervalMethod.T), lo > 0 || hi < 0
                ? 0.01 : 0.5));
    }

    @Test
    void theThreeOutcomesFollowTheTwoIntervals() {
        assertThat(ComparisonVerdict.of(diff(8, 2, 4, 12, 0.95), diff(8, 2, 4.7, 11.3, 0.90), 0.05, 5, false)
                .outcome()).isEqualTo(Outcome.DIFFERENT);
        assertThat(ComparisonVerdict.of(diff(0.5, 1, -1.5, 2.5, 0.95), diff(0.5, 1, -1.2, 2.2, 0.90), 0.05, 5, false)
                .outcome()).isEqualTo(Outcome.EQUIVALENT);
        ComparisonVerdict wide = ComparisonVerdict.of(diff(0.5, 8, -15, 16, 0.95), diff(0.5, 8, -12, 13, 0.90),
                0.05, 5, false);
        assertThat(wide.outcome()).as("not significant is not the same").isEqualTo(Outcome.CANNOT_TELL);
        assertThat(wide.reason()).isEmpty();
        // the case the review found: groups of 8 and 23 responses, interval [-50, 61]
        ComparisonVerdict small = ComparisonVerdict.of(diff(5, 28, -50, 61, 0.95), diff(5, 24, -40, 50, 0.90), 0.05,
                5, true);
        assertThat(small.outcome()).isEqualTo(Outcome.CANNOT_TELL);
        assertThat(small.reason()).contains("low sample");
        // a significant low-sample difference gets no verdict either
        assertThat(ComparisonVerdict.of(diff(30, 5, 20, 40, 0.95), diff(30, 5, 22, 38, 0.90), 0.05, 5, true)
                .outcome()).isEqualTo(Outcome.CANNOT_TELL);
        assertThat(ComparisonVerdict.of(Optional.empty(), Optional.empty(), 0.05, 5, false).reason())
                .contains("undefined");
    }

    /** The edges are exclusive: an interval that touches zero or the margin decides nothing. */
    @Test
    void boundariesAreStrict() {
        // a difference interval that ends exactly at zero does not exclude it
        assertThat(ComparisonVerdict.of(diff(4, 2, 0, 8, 0.95), diff(4, 2, 0.7, 7.3, 0.90), 0.05, 5, false)
                .outcome()).isEqualTo(Outcome.CANNOT_TELL);
        assertThat(ComparisonVerdict.of(diff(-4, 2, -8, 0, 0.95), diff(-4, 2, -7.3, -0.7, 0.90), 0.05, 5, false)
                .outcome()).isEqualTo(Outcome.CANNOT_TELL);
        // just off zero on either side is a difference
        assertThat(ComparisonVerdict.of(diff(4, 2, 1e-9, 8, 0.95), diff(4, 2, 0.7, 7.3, 0.90), 0.05, 5, false)
                .outcome()).isEqualTo(Outcome.DIFFERENT);
        assertThat(ComparisonVerdict.of(diff(-4, 2, -8, -1e-9, 0.95), diff(-4, 2, -7.3, -0.7, 0.90), 0.05, 5, false)
                .outcome()).isEqualTo(Outcome.DIFFERENT);
        // an equivalence interval that reaches the margin on either side is not inside it
        assertThat(ComparisonVerdict.of(diff(0, 2, -4, 4, 0.95), diff(0, 2, -5, 3, 0.90), 0.05, 5, false)
                .outcome()).isEqualTo(Outcome.CANNOT_TELL);
        assertThat(ComparisonVerdict.of(diff(0, 2, -4, 4, 0.95), diff(0, 2, -3, 5, 0.90), 0.05, 5, false)
                .outcome()).isEqualTo(Outcome.CANNOT_TELL);
        assertThat(ComparisonVerdict.of(diff(0, 2, -4, 4, 0.95), diff(0, 2, -4.99, 4.99, 0.90), 0.05, 5, false)
                .outcome()).isEqualTo(Outcome.EQUIVALENT);
        // no spread at all: not equivalent on a zero standard error, and said why
        ComparisonVerdict flat = ComparisonVerdict.of(diff(0, 0, 0, 0, 0.95), diff(0, 0, 0, 0, 0.90), 0.05, 5, false);
        assertThat(flat.outcome()).isEqualTo(Outcome.CANNOT_TELL);
        assertThat(flat.reason()).contains("no variance");
        // alpha strictly inside (0, 0.5), margin positive and finite
        for (double alpha : new double[] {0, 0.5, -0.1, Double.NaN}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> ComparisonVerdict.of(diff(1, 1, -1, 3, 0.95), diff(1, 1, -0.6, 2.6, 0.9), alpha, 5, false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
        }
        for (double margin : new double[] {0, -1, Double.POSITIVE_INFINITY, Double.NaN}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> ComparisonVerdict.of(diff(1, 1, -1, 3, 0.95), diff(1, 1, -0.6, 2.6, 0.9), 0.05, margin, false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("margin");
        }
        assertThat(ComparisonVerdict.of(diff(1, 1, -1, 3, 0.95), diff(1, 1, -0.6, 2.6, 0.9), 0.4999, 1e-9, false)
                .alpha()).isEqualTo(0.4999);
    }

    @Test
    void twoConstantSamplesAreNotDifferentOnAZeroStandardError() {
        // CES of 3 and 2 responses, each group constant: the test is undefined, not p = 0
        RatingDistribution a = RatingDistribution.ofCounts(Metric.CES, 0, 0, 0, 0, 3, 0, 0);
        RatingDistribution b = RatingDistribution.ofCounts(Metric.CES, 0, 0, 0, 0, 0, 2, 0);
        ScoreComparison c = ScoreComparison.of(a, b, ScoreOptions.defaults().withMinN(0));
        assertThat(c.verdict().outcome()).isEqualTo(Outcome.CANNOT_TELL);
    }

    @Test
    void welchTostAgreesWithRsNinetyPercentInterval() {
        // x <- c(5,6,7,5,6,6,7,5,6,6); y <- c(6,6,7,5,6,7,7,6,6,6)
        // R 4.2.2 t.test(x, y, conf.level = 0.90)$conf.int: -0.833585353577 0.233585353577
        RatingDistribution x = RatingDistribution.ofCounts(Metric.CES, 0, 0, 0, 0, 3, 5, 2);
        RatingDistribution y = RatingDistribution.ofCounts(Metric.CES, 0, 0, 0, 0, 1, 6, 3);
        ScoreOptions options = ScoreOptions.defaults().withMinN(0);
        ScoreComparison tight = ScoreComparison.of(x, y, options);
        Interval tost = tight.verdict().equivalenceInterval().orElseThrow();
        assertThat(tost.lower()).isCloseTo(-0.833585353577, within(1e-9));
        assertThat(tost.upper()).isCloseTo(0.233585353577, within(1e-9));
        assertThat(tost.confidence()).isCloseTo(0.90, within(1e-12));
        assertThat(tight.verdict().outcome()).as("0.25 margin: the 90% interval is wider")
                .isEqualTo(Outcome.CANNOT_TELL);
        ScoreComparison loose = ScoreComparison.of(x, y, options.withMargins(EquivalenceMargins.defaults()
                .with(Metric.Kind.CES, 1.0)));
        assertThat(loose.verdict().outcome()).isEqualTo(Outcome.EQUIVALENT);
        assertThat(loose.verdict().margin()).isEqualTo(1.0);
    }

    @Test
    void equivalenceIsRarelyClaimedWhenTheTrueDifferenceLiesBeyondTheMargin() {
        // NPS groups of 400 whose true NPS differ by 10 points (margin 5): the TOST's error rate is at most alpha
        SplittableRandom random = new SplittableRandom(42);
        int runs = 400;
        int equivalent = 0;
        int sameFromNotSignificant = 0;
        for (int r = 0; r < runs; r++) {
            RatingDistribution a = nps(random, 400, 0.40, 0.30);
            RatingDistribution b = nps(random, 400, 0.45, 0.25);
            ScoreComparison c = ScoreComparison.of(a, b, ScoreOptions.defaults());
            equivalent += c.verdict().outcome() == Outcome.EQUIVALENT ? 1 : 0;
            sameFromNotSignificant += c.difference().orElseThrow().significant() ? 0 : 1;
        }
        assertThat(sameFromNotSignificant).as("not significant happens often at this n").isGreaterThan(runs / 10);
        assertThat(equivalent / (double) runs).as("seed 42: equivalence claimed").isLessThan(0.05);
    }

    private static RatingDistribution nps(SplittableRandom random, int n, double promoters, double detractors) {
        long[] counts = new long[11];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            counts[u < promoters ? 10 : u < promoters + detractors ? 3 : 8]++;
        }
        return RatingDistribution.ofCounts(Metric.NPS, counts);
    }
}
