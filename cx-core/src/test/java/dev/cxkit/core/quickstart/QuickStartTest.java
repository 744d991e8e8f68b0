package dev.cxkit.core.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.score.GroupScore;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.score.ScoreAccumulator;
import dev.cxkit.core.score.ScoreComparison;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.stats.Interval;
import dev.cxkit.core.survey.Grouping;
import dev.cxkit.core.survey.Response;
import dev.cxkit.core.survey.ResponseScorer;
import dev.cxkit.core.testing.ReadmeSnippet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compiles and runs the Java quick start of README.md, so it cannot rot. The code between the
 * {@code README} markers must appear verbatim (minus the method's indentation) in README.md.
 */
class QuickStartTest {

    @Test
    void quickStartRunsAndGivesTheNumbersTheReadmeStates() {
        // README:start
        // 1. Record ratings as they arrive (no allocation per record).
        ScoreAccumulator nps = ScoreAccumulator.of(Metric.NPS);
        for (int rating : new int[] {10, 9, 9, 10, 9, 8, 7, 8, 3, 6}) {
            nps.record(rating);
        }

        // 2. Snapshot and score: value, interval (adjusted-Wald, 95%) and low-sample flag.
        Score score = Score.of(nps.snapshot());
        double value = score.value().orElseThrow();          // 30.0 points
        Interval interval = score.interval().orElseThrow();  // about -19.1 to 65.2
        boolean lowSample = score.lowSample();               // true: n = 10 < 30

        // 3. Group survey responses by fields (Grouping.by(fields, Period.MONTH, zone) adds a period).
        ResponseScorer scorer = ResponseScorer.create(Grouping.by(List.of("touchpoint")));
        scorer.record(Response.builder(Metric.CSAT, 5).touchpoint("delivery").build());
        scorer.record(Response.builder(Metric.CSAT, 2).touchpoint("delivery").build());
        scorer.record(Response.builder(Metric.CSAT, 4).touchpoint("counter").build());
        List<GroupScore> byTouchpoint = scorer.scores(ScoreOptions.defaults());

        // 4. Is a change real or noise? Compare two independent samples.
        RatingDistribution lastMonth = RatingDistribution.ofCounts(Metric.NPS, 20, 5, 5, 5, 5, 10, 10, 40, 40, 60, 50);
        RatingDistribution thisMonth = RatingDistribution.ofCounts(Metric.NPS, 10, 5, 5, 5, 5, 10, 10, 40, 40, 70, 60);
        ScoreComparison change = ScoreComparison.of(thisMonth, lastMonth, ScoreOptions.defaults());
        boolean real = change.difference().orElseThrow().significant();
        // README:end

        assertThat(value).isEqualTo(30.0);
        // adjusted-Wald evaluated by hand: P=5.75, Pa=4.5, D=2.75, n=13, z=1.959963984540054
        assertThat(interval.lower()).isCloseTo(-19.05061537636367, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(interval.upper()).isCloseTo(65.20446153020983, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(lowSample).isTrue();
        assertThat(byTouchpoint).hasSize(2);
        assertThat(byTouchpoint.get(0).score().value().orElseThrow()).isEqualTo(50.0);
        assertThat(change.difference().orElseThrow().difference()).isCloseTo(
                100.0 * (130 - 50) / 260 - 100.0 * (110 - 60) / 250, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(real).isFalse(); // p = 0.123: the pooled test of no difference, evaluated independently in R 4.2.2
        assertThat(change.difference().orElseThrow().pValue()).isCloseTo(0.12296887051145146, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void readmeShowsTheQuickStartVerbatim() {
        ReadmeSnippet.assertShownVerbatim(QuickStartTest.class);
    }
}
