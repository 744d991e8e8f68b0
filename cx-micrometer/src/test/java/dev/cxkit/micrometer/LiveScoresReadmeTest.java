package dev.cxkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.score.ConcurrentScoreTable;
import dev.cxkit.core.score.GroupKey;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import dev.cxkit.core.score.ScoreTable;
import dev.cxkit.core.testing.ReadmeSnippet;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * Compiles and runs the README's "Live scores in a service" example; the code between the
 * {@code README} markers must appear verbatim (minus the method's indentation) in README.md.
 */
class LiveScoresReadmeTest {

    @Test
    void theReadmeExampleRunsAndPublishes() {
        MeterRegistry registry = new SimpleMeterRegistry();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        ScoreTable otherPod = ScoreTable.create(Metric.NPS, "touchpoint");
        otherPod.record(otherPod.group("checkout-page"), 3);
        byte[] otherPodState = otherPod.toBytes();

        // README:start
        // At start-up: a live table per metric, bounded so that a bad key cannot exhaust memory,
        // published as gauges (Spring Boot: return `gauges` from a @Bean, it is a MeterBinder).
        ConcurrentScoreTable nps = ConcurrentScoreTable.bounded(Metric.NPS, 500, "touchpoint");
        ScoreGauges gauges = ScoreGauges.builder(nps).interval().tags(Tags.of("app", "checkout")).build();
        gauges.bindTo(registry);
        gauges.start(scheduler, Duration.ofMinutes(1));   // one interval per step: cx.score.value{touchpoint=...}

        // On any request thread: lock-free, no allocation once the touchpoint is known.
        nps.record(nps.group("checkout-page"), 9);

        // Partial results cross process boundaries as bytes (docs/format.md) and merge exactly.
        byte[] state = ScoreTable.of(Metric.NPS, nps.dimensions(), nps.snapshot()).toBytes();
        ScoreTable merged = ScoreTable.fromBytes(ScoreTable.mergeBytes(state, otherPodState));
        // README:end

        gauges.refresh();
        assertThat(registry.find("cx.score.n").tags("touchpoint", "checkout-page", "app", "checkout").gauge().value())
                .isEqualTo(1);
        RatingDistribution both = merged.snapshot().get(GroupKey.of(List.of("touchpoint"), List.of("checkout-page")));
        assertThat(both.counts()).containsExactly(0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0);
        gauges.close();
        scheduler.shutdownNow();
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void readmeShowsTheExampleVerbatim() {
        ReadmeSnippet.assertShownVerbatim(LiveScoresReadmeTest.class);
    }
}
