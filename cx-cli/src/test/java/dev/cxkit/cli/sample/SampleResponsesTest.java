package dev.cxkit.cli.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class SampleResponsesTest {

    @Test
    void committedResourceIsTheGeneratorOutput() throws IOException {
        String committed;
        try (InputStream in = Objects.requireNonNull(
                SampleResponses.class.getResourceAsStream("/dev/cxkit/cli/sample/responses.csv"))) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(committed)
                .as("regenerate with: java -cp cx-cli/target/classes dev.cxkit.cli.sample.SampleResponses")
                .isEqualTo(SampleResponses.csv());
    }

    @Test
    void generatorIsDeterministicAndRealisticallySized() {
        String csv = SampleResponses.csv();
        assertThat(SampleResponses.csv()).isEqualTo(csv);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(SampleResponses.HEADER);
        assertThat(lines.size() - 1).isBetween(2000, 5000);
        assertThat(lines.stream().skip(1).map(l -> l.split(",")[2]).distinct()).containsExactlyInAnyOrder("nps", "csat",
                "ces");
        assertThat(lines.stream().skip(1).map(l -> l.split(",")[5]).distinct()).containsExactlyInAnyOrder(
                "order_counter", "kitchen", "delivery", "call_centre", "bill");
        assertThat(lines.stream().skip(1).map(l -> l.split(",")[4]).distinct()).hasSize(4);
        assertThat(lines.stream().skip(1).map(l -> l.split(",")[0]).distinct()).hasSize(lines.size() - 1);
    }
}
