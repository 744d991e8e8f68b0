package dev.cxkit.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SampleJourneysTest {

    @Test
    void deterministicAndScalable() {
        SampleJourneys small = SampleJourneys.of(200);
        assertThat(SampleJourneys.of(200).eventsCsv()).isEqualTo(small.eventsCsv());
        assertThat(SampleJourneys.of(200).responsesCsv()).isEqualTo(small.responsesCsv());
        List<String> events = small.eventsCsv().lines().toList();
        assertThat(events.get(0)).isEqualTo(SampleJourneys.EVENTS_HEADER);
        assertThat(events.stream().skip(1).map(l -> l.split(",")[1]).distinct()).hasSize(200);
        List<String> big = SampleJourneys.of(2000).eventsCsv().lines().toList();
        assertThat(big.stream().skip(1).map(l -> l.split(",")[1]).distinct()).hasSize(2000);
        // events come in time order (each line's occurred_at is not before the previous one)
        for (int i = 2; i < big.size(); i++) {
            assertThat(big.get(i).split(",")[4].compareTo(big.get(i - 1).split(",")[4])).isGreaterThanOrEqualTo(0);
        }
        assertThat(small.responsesCsv().lines().findFirst()).hasValue(SampleJourneys.RESPONSES_HEADER);
        assertThat(small.customersJsonl().lines().count()).isEqualTo(70); // 200 x 7 / 20
    }
}
