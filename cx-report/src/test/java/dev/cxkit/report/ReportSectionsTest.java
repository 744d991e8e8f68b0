package dev.cxkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.journey.loop.ClosedLoopReport;
import dev.cxkit.core.journey.loop.ClosedLoopRules;
import dev.cxkit.core.journey.loop.DetractorFollowUp;
import dev.cxkit.core.journey.loop.StaffMention;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.survey.Period;
import dev.cxkit.core.survey.Response;
import dev.cxkit.report.ReportSections.Responses;
import dev.cxkit.report.section.ClosedLoop.CallBack;
import dev.cxkit.report.section.ClosedLoop;
import dev.cxkit.report.section.Headline.HeadlineScore;
import dev.cxkit.report.section.Headline;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The choices {@code cx report} makes when it fills the report: periods, the headline, the call-back list. */
class ReportSectionsTest {

    private static Response nps(int score, String at) {
        return Response.builder(Metric.NPS, score).submittedAt(Instant.parse(at)).build();
    }

    private static HeadlineScore headline(Period period, String asOf, Response... responses) {
        Responses r = new Responses(period, ZoneOffset.UTC, List.of("location", "touchpoint"));
        for (Response response : responses) {
            r.accept(response);
        }
        Headline h = ReportSections.headline(r, Instant.parse(asOf), ScoreOptions.defaults()).content().orElseThrow();
        return h.scores().get(0);
    }

    @Test
    void theHeadlineIsTheLatestPeriodThatEndedAgainstTheOneBefore() {
        Response[] twoMonths = {nps(10, "2025-12-10T10:00:00Z"), nps(2, "2025-12-11T10:00:00Z"),
            nps(9, "2026-01-10T10:00:00Z"), nps(9, "2026-01-11T10:00:00Z"), nps(3, "2026-02-02T10:00:00Z")};
        HeadlineScore h = headline(Period.MONTH, "2026-02-01T00:00:00Z", twoMonths);
        assertThat(h.period()).as("January ended at the report's time exactly").isEqualTo("2026-01");
        assertThat(h.score().n()).isEqualTo(2);
        assertThat(h.change().orElseThrow().previousPeriod()).isEqualTo("2025-12");
        assertThat(h.change().orElseThrow().difference()).isPresent();
        assertThat(headline(Period.MONTH, "2026-01-31T23:59:59Z", twoMonths).period()).isEqualTo("2025-12");
        // a gap: the month before January had no responses, so there is nothing to compare with
        HeadlineScore gap = headline(Period.MONTH, "2026-03-01T00:00:00Z", nps(10, "2025-11-10T10:00:00Z"),
                nps(9, "2026-01-10T10:00:00Z"));
        assertThat(gap.period()).isEqualTo("2026-01");
        assertThat(gap.change()).isEmpty();
        HeadlineScore weekly = headline(Period.WEEK, "2026-01-05T00:00:00Z", nps(10, "2025-12-28T10:00:00Z"),
                nps(9, "2026-01-01T10:00:00Z"));
        assertThat(weekly.period()).isEqualTo("2026-W01");
        assertThat(weekly.change().orElseThrow().previousPeriod()).isEqualTo("2025-W52");
        HeadlineScore undated = headline(Period.MONTH, "2026-03-01T00:00:00Z", Response.of(Metric.NPS, 9),
                Response.of(Metric.NPS, 10));
        assertThat(undated.period()).isEqualTo("all responses");
        assertThat(undated.score().n()).isEqualTo(2);
    }

    @Test
    void callBacksAreTheDetractorsStillWorthCallingWithTheirComment() {
        Responses responses = new Responses(Period.MONTH, ZoneOffset.UTC, List.of("location", "touchpoint"));
        responses.accept(Response.builder(Metric.NPS, 2).responseId("r1").attribute("comment", "Cold soup")
                .submittedAt(Instant.parse("2026-03-01T10:00:00Z")).build());
        Instant asOf = Instant.parse("2026-03-04T12:00:00Z");
        ClosedLoopRules rules = ClosedLoopRules.defaults();
        Duration sla = rules.followUpWithin();
        List<DetractorFollowUp> followUps = List.of(
                new DetractorFollowUp("r1", "c1", "v1", "York", "bill", 2, asOf.minus(sla).minus(sla), asOf.minus(sla)),
                new DetractorFollowUp("r0", "c0", "v0", "York", "bill", 5, asOf.minus(sla).minus(sla).minusSeconds(1),
                        asOf.minus(sla).minusSeconds(1)),
                new DetractorFollowUp(null, null, "v2", "York", null, 6, asOf, asOf.plus(sla)));
        List<StaffMention> praise = List.of(
                new StaffMention("r7", "c7", "v7", "York", "bill", 10, List.of("Ana", "Tom"), "Ana and Tom were great"),
                new StaffMention("r8", "c8", "v8", "York", "bill", 9, List.of("Ana"), "Thanks Ana"));
        ClosedLoop loop = ReportSections.closedLoop(new ClosedLoopReport(rules, followUps, praise), responses, asOf);
        assertThat(loop.callBacks()).extracting(CallBack::customerId)
                .as("overdue by the follow-up time or more is history").containsExactly("c1", "journey v2");
        assertThat(loop.callBacks().get(0).comment()).isEqualTo("Cold soup");
        assertThat(loop.callBacks().get(1).touchpoint()).isEqualTo(ReportSections.NO_UNIT);
        assertThat(loop.recognitions()).extracting(r -> r.staff() + " " + r.mentions()).containsExactly("Ana 2",
                "Tom 1");
    }
}
