package dev.cxkit.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.journey.JourneyDefinitions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void theFailuresAreTheOnesInTheEvents() {
        SampleJourneys sample = SampleJourneys.of(1000);
        List<String> events = sample.eventsCsv().lines().skip(1).toList();
        List<SampleJourneys.Failure> failures = sample.failures();
        assertThat(failures).isNotEmpty();
        for (SampleJourneys.Failure f : failures) {
            String at = f.journeyId() + "," + f.customerId() + "," + f.touchpoint() + "," + f.endedAt() + ","
                    + f.channel() + "," + f.location() + ",";
            List<String> lines = events.stream().filter(l -> l.contains(at)).toList();
            assertThat(lines).as("the event of %s", f).isNotEmpty();
            switch (f.kind()) {
                case "late_meal", "late_delivery" -> {
                    assertThat(f.minutesWaited()).isGreaterThan(f.minutesPromised());
                    assertThat(f.at()).isBefore(f.endedAt());
                }
                case "wrong_channel" -> assertThat(f.channel()).isIn("sms", "phone");
                default -> assertThat(lines.get(0)).contains(",failed," + f.kind() + ",");
            }
            assertThat(lines.get(0).split(",", -1)[10].isEmpty()).as("recovered_at is empty exactly when not recovered")
                    .isEqualTo(!f.recovered());
        }
        assertThat(failures).extracting(SampleJourneys.Failure::kind).contains("rude_staff", "cold_food", "wrong_item",
                "missing_item", "late_meal", "late_delivery", "wrong_channel");
    }

    @Test
    void writeWritesTheWholeDataSet(@TempDir Path dir) throws IOException {
        SampleJourneys sample = SampleJourneys.of(200);
        List<Path> files = sample.write(dir.resolve("new"));
        assertThat(files).extracting(f -> f.getFileName().toString()).containsExactlyElementsOf(SampleJourneys.FILES);
        assertThat(Files.readString(files.get(1))).isEqualTo(sample.eventsCsv());
        assertThat(Files.readString(files.get(3))).isEqualTo(JourneyDefinitions.sampleText("dine-in"));
        assertThat(Files.readString(files.get(4))).isEqualTo(JourneyDefinitions.sampleText("delivery"));
    }
}
