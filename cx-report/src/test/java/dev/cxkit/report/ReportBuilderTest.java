package dev.cxkit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.core.survey.Period;
import dev.cxkit.core.survey.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the builder fills, what it says when an input is missing, and when its settings may change. */
class ReportBuilderTest {

    private static final Instant AS_OF = Instant.parse("2026-07-01T08:00:00Z");

    private static Response nps(int score, String at, String journey) {
        return Response.builder(Metric.NPS, score).submittedAt(Instant.parse(at)).journeyId(journey)
                .location("York").build();
    }

    @Test
    void responsesOnlyFillTheScoresAndConsistencyAndSayWhyTheRestIsAbsent() {
        ReportBuilder builder = ReportBuilder.asOf(AS_OF).subject("a test");
        builder.addResponse(nps(9, "2026-05-10T10:00:00Z", null));
        builder.addResponse(nps(3, "2026-06-10T10:00:00Z", null));
        HealthReport report = builder.build();
        assertThat(report.title()).isEqualTo("CX health report: a test, 2026-06");
        assertThat(report.headline().isPresent()).isTrue();
        assertThat(report.scores().isPresent()).isTrue();
        assertThat(report.consistency().isPresent()).isTrue();
        assertThat(report.journeys().absentNote()).startsWith("No journey events were given");
        assertThat(report.recoveryPlans().absentNote()).startsWith("No incidents were given");
        // the closed loop is there: no response names its customer, so there is no one to call back
        assertThat(report.closedLoop().content().orElseThrow().callBacks()).isEmpty();
        assertThat(builder.decisionFailures()).isEmpty();
    }

    @Test
    void surveyOnlyDetractorsWhoNameTheirCustomerAreCalledBackWithTheirComment() {
        ReportBuilder builder = ReportBuilder.asOf(Instant.parse("2026-06-29T12:00:00Z"));
        builder.addResponse(Response.builder(Metric.NPS, 2).responseId("r1").customerId("C7")
                .attribute("comment", "Cold soup").submittedAt(Instant.parse("2026-06-29T10:00:00Z")).build());
        builder.addResponse(Response.builder(Metric.NPS, 3).responseId("r2")
                .submittedAt(Instant.parse("2026-06-29T10:00:00Z")).build());
        builder.addResponse(Response.builder(Metric.NPS, 10).responseId("r3").customerId("C8")
                .submittedAt(Instant.parse("2026-06-29T10:00:00Z")).build());
        HealthReport report = builder.build();
        assertThat(report.closedLoop().content().orElseThrow().callBacks())
                .extracting(c -> c.customerId() + " " + c.comment()).containsExactly("C7 Cold soup");
    }

    @Test
    void openFailuresWithoutAPolicySayTheyWereNotDecided() {
        ReportBuilder builder = ReportBuilder.asOf(AS_OF)
                .definitions(List.of(JourneyDefinitions.sample("dine-in")));
        Instant t = Instant.parse("2026-06-28T19:00:00Z");
        builder.addEvent(JourneyEvent.builder("e1", "v1", "order", t).build());
        builder.addEvent(JourneyEvent.builder("e2", "v1", "served", t.plusSeconds(600))
                .failed("cold_food", SatisfactionFactor.PRODUCT).build());
        builder.addResponse(nps(2, "2026-06-28T21:00:00Z", "v1"));
        HealthReport report = builder.build();
        assertThat(report.journeys().isPresent()).isTrue();
        assertThat(report.recoveryPlans().absentNote())
                .isEqualTo("No policy was given (--policy), so the incidents were not decided.");
    }

    @Test
    void settingsThatShapeWhatIsCountedComeBeforeTheFirstRecordAndABuilderIsUsedOnce() {
        ReportBuilder builder = ReportBuilder.asOf(AS_OF);
        assertThatThrownBy(() -> builder.openWindow(Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.consistencyUnits(List.of("period")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.addEvent(JourneyEvent.builder("e", "v", "order", AS_OF).build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("definitions");
        builder.addResponse(nps(9, "2026-05-10T10:00:00Z", null));
        assertThatThrownBy(() -> builder.period(Period.WEEK)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("before the first record");
        builder.subject("still fine");
        builder.build();
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> builder.addResponse(nps(9, "2026-05-10T10:00:00Z", null)))
                .isInstanceOf(IllegalStateException.class);
    }
}
