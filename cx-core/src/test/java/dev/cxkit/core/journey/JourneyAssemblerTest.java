package dev.cxkit.core.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JourneyAssemblerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private static JourneyEvent event(String id, String journey, String touchpoint, int minute) {
        return JourneyEvent.builder(id, journey, touchpoint, T0.plusSeconds(60L * minute)).build();
    }

    @Test
    void groupsByJourneyInTimeOrderAndDropsRepeats() {
        List<Journey> closed = new ArrayList<>();
        JourneyAssembler assembler = JourneyAssembler.builder().build(closed::add);
        assembler.add(event("b", "j1", "served", 15));
        assembler.add(event("x", "j2", "order", 3));
        assembler.add(event("a", "j1", "order", 0));
        assembler.add(event("b", "j1", "served", 15));
        assertThat(closed).isEmpty();
        assertThat(assembler.summary()).isEqualTo(new AssemblySummary(1, 0, 1, 0, 0));
        AssemblySummary summary = assembler.finish();
        assertThat(summary).isEqualTo(new AssemblySummary(4, 3, 1, 0, 2));
        assertThat(closed).extracting(Journey::journeyId).containsExactly("j2", "j1");
        Journey j1 = closed.get(1);
        assertThat(j1.events()).extracting(JourneyEvent::eventId).containsExactly("a", "b");
        assertThat(j1.duplicates()).isEqualTo(1);
        assertThat(j1.startedAt()).isEqualTo(T0);
        assertThat(j1.endedAt()).isEqualTo(T0.plusSeconds(15 * 60));
        assertThat(assembler.finish()).isEqualTo(summary);
        assertThatThrownBy(() -> assembler.add(event("c", "j3", "order", 1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anIdleGapClosesJourneysAndLateEventsAreCountedAndHandedOn() {
        List<Journey> closed = new ArrayList<>();
        List<JourneyEvent> late = new ArrayList<>();
        JourneyAssembler assembler = JourneyAssembler.builder().idleGap(Duration.ofMinutes(30)).lateEvents(late::add)
                .build(closed::add);
        assembler.add(event("a1", "a", "order", 0));
        assembler.add(event("a2", "a", "served", 20));
        assembler.add(event("b1", "b", "order", 40));
        assertThat(closed).isEmpty(); // a's last event is 20 minutes behind the watermark: still open
        assembler.add(event("b2", "b", "served", 51));
        assertThat(closed).extracting(Journey::journeyId).containsExactly("a"); // 51 - 20 > 30
        assertThat(assembler.openJourneys()).isEqualTo(1);
        // A repeat of a closed journey's event is late, not a duplicate; so is a new event that old.
        assembler.add(event("a2", "a", "served", 20));
        assembler.add(event("c1", "c", "order", 10));
        // Not late: within the gap of the watermark, though its journey id closed before.
        assembler.add(event("a3", "a", "bill", 45));
        assertThat(late).extracting(JourneyEvent::eventId).containsExactly("a2", "c1");
        assertThat(assembler.watermark()).hasValue(T0.plusSeconds(51 * 60));
        AssemblySummary summary = assembler.finish();
        assertThat(summary).isEqualTo(new AssemblySummary(7, 5, 0, 2, 3));
        assertThat(closed).extracting(Journey::journeyId).containsExactly("a", "a", "b");
        assertThat(assembler.peakOpenJourneys()).isEqualTo(2);
    }

    @Test
    void aJourneyClosesOnlyWhenTheWatermarkIsMoreThanTheGapPastItsLastEvent() {
        List<Journey> closed = new ArrayList<>();
        JourneyAssembler assembler = JourneyAssembler.builder().idleGap(Duration.ofMinutes(30)).build(closed::add);
        assembler.add(event("a1", "a", "order", 0));
        assembler.add(event("b1", "b", "order", 30));
        assertThat(closed).isEmpty();
        assembler.add(event("b2", "b", "served", 31));
        assertThat(closed).hasSize(1);
    }

    @Test
    void journeysCheckTheirEvents() {
        JourneyEvent a = event("a", "j1", "order", 0);
        JourneyEvent b = event("b", "j1", "served", 5);
        assertThatThrownBy(() -> new Journey("j1", null, null, List.of(b, a), 0)).hasMessageContaining("ordered by time");
        assertThatThrownBy(() -> new Journey("j1", null, null, List.of(a, event("a", "j1", "bill", 9)), 0))
                .hasMessage("journey j1 repeats event a");
        // a long journey (ids checked with a set) and a short one (compared pairwise) alike: the
        // repeat need not be next to the first
        for (int length : new int[] {5, 40}) {
            List<JourneyEvent> events = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                events.add(event(i == length - 1 ? "e1" : "e" + i, "j1", "order", i));
            }
            assertThatThrownBy(() -> new Journey("j1", null, null, events, 0)).as("%d events", length)
                    .hasMessage("journey j1 repeats event e1");
        }
        assertThatThrownBy(() -> new Journey("j2", null, null, List.of(a), 0)).hasMessageContaining("belongs to journey j1");
        assertThatThrownBy(() -> new Journey("j1", null, null, List.of(), 0)).hasMessage("journey j1 has no events");
        assertThatThrownBy(() -> JourneyAssembler.builder().idleGap(Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new AssemblySummary(3, 1, 1, 0, 1)).hasMessage("events 3 != assembled 1 + duplicates 1"
                + " + late 0");
    }
}
