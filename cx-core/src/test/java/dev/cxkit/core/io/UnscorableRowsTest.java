package dev.cxkit.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.score.Score;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.survey.Grouping;
import dev.cxkit.core.survey.Period;
import dev.cxkit.core.survey.Response;
import dev.cxkit.core.survey.ResponseScorer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A row the reader accepts can always be scored: what the analytics cannot hold (a weight whose
 * square overflows, a year that overflows a period or a duration, a control character in a score)
 * is rejected with its line and reason, and the rest of the run goes on.
 */
class UnscorableRowsTest {

    private static List<Rejection> read(String text, List<Response> accepted) throws IOException {
        List<Rejection> rejected = new ArrayList<>();
        ResponseReader.create().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "r.csv",
                accepted::add, rejected::add);
        return rejected;
    }

    @Test
    void weightsOutsideWhatAScoreCanHoldAreRejectedAndTheRestIsScored() throws IOException {
        List<Response> accepted = new ArrayList<>();
        List<Rejection> rejected = read("metric,score,weight\nnps,9,1e200\nnps,9,1e-200\nnps,9,1e155\nnps,3,2\n"
                + "nps,10,0.5\n", accepted);
        assertThat(rejected).extracting(Rejection::line).containsExactly(2L, 3L, 4L);
        assertThat(rejected.get(0).reason()).isEqualTo("weight '1e200' is outside 0.000001..1000000, the range "
                + "scores can hold (rescale the weights: scores do not change)");
        ResponseScorer scorer = ResponseScorer.create(Grouping.none());
        accepted.forEach(scorer::record);
        assertThat(scorer.scores(ScoreOptions.defaults())).allSatisfy(s -> assertThat(s.score().value()).isPresent());
    }

    @Test
    void yearsOutsideOneToNineThousandAreRejectedSoPeriodsInAnyZoneWork() throws IOException {
        List<Response> accepted = new ArrayList<>();
        List<Rejection> rejected = read("metric,score,submitted_at\nnps,9,+999999999-12-31T23:59:59Z\n"
                + "nps,9,-999999999-01-01T00:00:00Z\nnps,9,9999-12-31T23:00:00Z\nnps,9,0001-01-01\n", accepted);
        assertThat(rejected).extracting(Rejection::reason).containsExactly(
                "submitted_at '+999999999-12-31T23:59:59Z' is outside the years 0001 to 9999",
                "submitted_at '-999999999-01-01T00:00:00Z' is outside the years 0001 to 9999");
        ResponseScorer scorer = ResponseScorer.create(Grouping.by(List.of(), Period.MONTH, ZoneId.of("Pacific/Kiritimati")));
        accepted.forEach(scorer::record);
        assertThat(scorer.scores(ScoreOptions.defaults())).extracting(s -> s.group().values().get(0))
                .containsExactlyInAnyOrder("1-01", "10000-01");
    }

    @Test
    void aControlCharacterInAScoreIsNotTrimmedAway() throws IOException {
        List<Response> accepted = new ArrayList<>();
        List<Rejection> rejected = read("metric,score\nnps,9\u0000\nnps,\t8 \n", accepted);
        assertThat(rejected).extracting(Rejection::reason).containsExactly(
                "score '9\\u0000' is not a whole number (nor an answer label of nps; --labels maps others)");
        assertThat(accepted).extracting(Response::score).containsExactly(8);
        assertThat(Score.of(dev.cxkit.core.score.RatingDistribution.ofCounts(dev.cxkit.core.score.Metric.NPS,
                0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0), ScoreOptions.defaults()).n()).isEqualTo(1);
    }

    @Test
    void jsonErrorsSayWhatToDoNotWhichParserFeatureToEnable() throws IOException {
        List<Rejection> rejected = new ArrayList<>();
        String deep = "{\"a\":".repeat(1100) + "1" + "}".repeat(1100);
        ResponseReader.create().read(new ByteArrayInputStream(("{\"metric\":\"nps\",\"score\":NaN}\n" + deep + "\n")
                .getBytes(StandardCharsets.UTF_8)), "r.jsonl", r -> { }, rejected::add);
        assertThat(rejected).extracting(Rejection::reason).allSatisfy(reason -> assertThat(reason)
                .doesNotContain("JsonReadFeature").doesNotContain("StreamReadConstraints").doesNotContain("`"));
        assertThat(rejected.get(0).reason()).contains("JSON has no NaN or Infinity");
        assertThat(rejected.get(1).reason()).contains("nesting depth").contains("a row is one flat object");
    }
}
