package dev.cxkit.cli;

import static dev.cxkit.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A 200,000-row file through the whole command: counts add up, group by group. */
class ScoreStreamingTest {

    private static final String[] LOCATIONS = {"Leeds", "York", "Manchester", "Sheffield"};

    @Test
    void scoresAGeneratedFileOf200kRows(@TempDir Path dir) throws IOException {
        int rows = 200_000;
        long[][] expected = new long[LOCATIONS.length][11];
        Path file = dir.resolve("big.csv");
        SplittableRandom random = new SplittableRandom(7);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("response_id,metric,score,location,submitted_at\n");
            for (int i = 0; i < rows; i++) {
                int location = random.nextInt(LOCATIONS.length);
                int score = random.nextInt(11);
                expected[location][score]++;
                w.write("r" + i + ",nps," + score + "," + LOCATIONS[location] + ",2026-0" + (1 + i % 4) + "-1"
                        + (i % 10) + "T12:00:00Z\n");
            }
            w.write("r5,nps,1,York,2026-01-01T00:00:00Z\n");
        }
        CliRun r = run("score", file.toString(), "--by", "location", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode root = r.json();
        assertThat(root.get("rows").get("read").asLong()).isEqualTo(rows + 1);
        assertThat(root.get("rows").get("rejected").asLong()).isZero();
        assertThat(root.get("rows").get("duplicates").asLong()).isEqualTo(1);
        assertThat(root.get("rejected").get(0).get("reason").asString())
                .isEqualTo("duplicate response_id 'r5' for nps (first seen on line 7)");
        assertThat(root.get("results").size()).isEqualTo(LOCATIONS.length);
        for (JsonNode result : root.get("results")) {
            int location = java.util.Arrays.asList(LOCATIONS).indexOf(result.get("group").get("location").asString());
            for (int score = 0; score <= 10; score++) {
                assertThat(result.get("counts").get(Integer.toString(score)).asLong())
                        .as("%s rating %d", LOCATIONS[location], score).isEqualTo(expected[location][score]);
            }
        }
    }
}
