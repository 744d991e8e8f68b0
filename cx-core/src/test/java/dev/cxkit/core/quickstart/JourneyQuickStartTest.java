package dev.cxkit.core.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.journey.analytics.JourneyAnalysis;
import dev.cxkit.core.journey.analytics.JourneyAnalytics;
import dev.cxkit.core.journey.analytics.JourneySummary;
import dev.cxkit.core.journey.analytics.PromiseSummary;
import dev.cxkit.core.journey.loop.ConsistencyRules;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.core.testing.ReadmeSnippet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Compiles and runs the journeys part of README.md's Java quick start, so it cannot rot; the code
 * between the {@code README} markers must appear verbatim (minus indentation) in README.md.
 */
class JourneyQuickStartTest {

    @Test
    void journeyQuickStartRunsAndGivesTheNumbersTheReadmeStates() {
        // README:start
        // 1. A journey definition: stages, touchpoints and promises ("served within 20 minutes of
        //    the order"). From YAML or JSON with JourneyDefinitions.load(path), or built in Java.
        JourneyDefinition dineIn = JourneyDefinitions.sample("dine-in");

        // 2. One entry point: responses join their journey by journey_id, events are assembled
        //    into journeys (any order; repeated event ids count once), each journey goes to its
        //    definition and is measured; the accumulators underneath are mergeable.
        JourneyAnalytics analytics = JourneyAnalytics.builder(List.of(dineIn)).build();
        Instant t = Instant.parse("2026-03-02T19:00:00Z");
        analytics.addEvent(JourneyEvent.builder("e1", "visit-1", "order", t).build());
        analytics.addEvent(JourneyEvent.builder("e2", "visit-1", "served", t.plusSeconds(35 * 60))
                .failed("cold_food", SatisfactionFactor.PRODUCT).build());
        analytics.addEvent(JourneyEvent.builder("e3", "visit-2", "order", t).build());
        analytics.addEvent(JourneyEvent.builder("e4", "visit-2", "served", t.plusSeconds(12 * 60)).build());
        JourneyAnalysis analysis = analytics.finish(ScoreOptions.defaults(), ConsistencyRules.defaults());

        // 3. The funnel, durations against promises, breaches and failures.
        JourneySummary summary = analysis.summaries().get(0);
        PromiseSummary served = summary.promise("served-in-20");
        long broken = served.breaches();                               // 1: visit-1 waited 35 minutes
        Duration slowest = served.durations().max().orElseThrow();    // PT35M
        // README:end

        assertThat(summary.journeys()).isEqualTo(2);
        assertThat(broken).isEqualTo(1);
        assertThat(served.checks()).isEqualTo(2);
        assertThat(slowest).isEqualTo(Duration.ofMinutes(35));
        assertThat(summary.stage("served").reached()).isEqualTo(2);
    }

    @Test
    void readmeShowsTheJourneyQuickStartVerbatim() {
        ReadmeSnippet.assertShownVerbatim(JourneyQuickStartTest.class);
    }
}
