package dev.cxkit.core.journey.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.core.journey.Journey;
import dev.cxkit.core.journey.JourneyAnalyzer;
import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.survey.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClosedLoopAccumulatorTest {

    private static final Instant END = Instant.parse("2026-03-01T20:00:00Z");
    private static final JourneyOutcome JOURNEY = JourneyAnalyzer.of(JourneyDefinitions.sample("dine-in"))
            .outcome(Journey.of("j", List.of(JourneyEvent.builder("e", "j", "order", END).customer("C1")
                    .location("York").build()), 0));

    private static Response.Builder nps(String id, int score) {
        return Response.builder(Metric.NPS, score).responseId(id).journeyId("j");
    }

    @Test
    void detractorsAreDueTheSlaAfterTheirResponse() {
        ClosedLoopRules rules = ClosedLoopRules.defaults().withFollowUpWithin(Duration.ofHours(24));
        ClosedLoopAccumulator acc = ClosedLoopAccumulator.create(new ClosedLoopRules(rules.followUpWithin(),
                List.of(), ZoneId.of("Europe/Berlin")));
        acc.record(nps("r1", 6).submittedAt(Instant.parse("2026-03-02T10:00:00Z")).touchpoint("bill").build(), JOURNEY);
        acc.record(nps("r2", 0).submittedOn(LocalDate.of(2026, 3, 2)).customerId("C9").location("Leeds").build(),
                JOURNEY);
        acc.record(nps("r3", 3).build(), JOURNEY);      // no time: the journey's end
        acc.record(nps("r4", 7).build(), JOURNEY);      // passive
        acc.record(Response.builder(Metric.CSAT, 1).journeyId("j").build(), JOURNEY); // not NPS
        List<DetractorFollowUp> due = acc.snapshot().followUps();
        assertThat(due).extracting(DetractorFollowUp::responseId).containsExactly("r3", "r2", "r1");
        assertThat(due.get(0).due()).isEqualTo(Instant.parse("2026-03-02T20:00:00Z"));
        assertThat(due.get(0).customerId()).isEqualTo("C1");
        assertThat(due.get(0).location()).isEqualTo("York");
        // midnight in Berlin is 23:00 UTC the day before
        assertThat(due.get(1).respondedAt()).isEqualTo(Instant.parse("2026-03-01T23:00:00Z"));
        assertThat(due.get(1).due()).isEqualTo(Instant.parse("2026-03-02T23:00:00Z"));
        assertThat(due.get(1).customerId()).isEqualTo("C9");
        assertThat(due.get(1).location()).isEqualTo("Leeds");
        assertThat(due.get(2).due()).isEqualTo(Instant.parse("2026-03-03T10:00:00Z"));
        assertThat(due.get(2).touchpoint()).isEqualTo("bill");
        assertThat(due.get(2).score()).isEqualTo(6);
    }

    @Test
    void theDefaultSlaIs48Hours() {
        ClosedLoopAccumulator acc = ClosedLoopAccumulator.create(ClosedLoopRules.defaults());
        acc.record(nps("r", 2).submittedAt(END).build(), JOURNEY);
        assertThat(acc.snapshot().followUps().get(0).due()).isEqualTo(END.plus(Duration.ofHours(48)));
    }

    @Test
    void promotersNamingStaffAsWholeWordsAreRecognised() {
        ClosedLoopAccumulator acc = ClosedLoopAccumulator.create(ClosedLoopRules.defaults()
                .withStaff(List.of("Ana", "Tom Reed")));
        acc.record(nps("r1", 10).attribute("comment", "ana was great").build(), JOURNEY);
        acc.record(nps("r2", 9).attribute("comment", "Thanks, TOM REED and Ana!").build(), JOURNEY);
        acc.record(nps("r3", 10).attribute("comment", "Banana split, and Anastasia; Tommy Reed").build(), JOURNEY);
        acc.record(nps("r4", 8).attribute("comment", "Ana was ok").build(), JOURNEY);  // passive
        acc.record(nps("r5", 10).build(), JOURNEY);                                    // no comment
        List<StaffMention> praise = acc.snapshot().recognitions();
        assertThat(praise).extracting(StaffMention::responseId).containsExactly("r1", "r2");
        assertThat(praise.get(1).staff()).containsExactly("Ana", "Tom Reed");
        assertThat(praise.get(0).comment()).isEqualTo("ana was great");
        assertThat(praise.get(0).customerId()).isEqualTo("C1");
    }

    @Test
    void mergeNeedsTheSameRulesAndResponsesTheirJourney() {
        ClosedLoopAccumulator acc = ClosedLoopAccumulator.create(ClosedLoopRules.defaults());
        assertThatThrownBy(() -> acc.merge(ClosedLoopAccumulator.create(ClosedLoopRules.defaults()
                .withStaff(List.of("Ana"))))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> acc.record(Response.builder(Metric.NPS, 1).journeyId("x").build(), JOURNEY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClosedLoopRules.defaults().withFollowUpWithin(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClosedLoopRules.defaults().withStaff(List.of(" ")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
