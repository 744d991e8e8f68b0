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

/**
 * Large files through the whole command: counts add up, group by group, and a file read on several
 * threads gives what it gives on one.
 */
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

    /**
     * A seeded random file of about 5 MB (read in parts) with bad rows of every kind, quoted fields
     * over line ends, duplicates far apart and weights: the JSON and the rejects file of 2 and 3
     * threads are those of one thread, byte for byte.
     */
    @Test
    void threadsGiveWhatOneThreadGives(@TempDir Path dir) throws IOException {
        long seed = 20261205L;
        SplittableRandom random = new SplittableRandom(seed);
        Path file = dir.resolve("mixed.csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("response_id,metric,score,location,weight,customer_id,note\n");
            for (int i = 0; i < 140_000; i++) {
                String metric = new String[] {"nps", "csat", "ces", "nsp"}[random.nextInt(random.nextInt(50) == 0 ? 4 : 3)];
                int id = random.nextInt(200) == 0 ? random.nextInt(i + 1) : i;
                String weight = random.nextInt(5) == 0 ? Double.toString(0.3 + random.nextInt(12) / 7.0) : "";
                String note = random.nextInt(40) == 0 ? "\"late,\nthen \"\"cold\"\"\"" : "fine";
                String row = "r" + id + "," + metric + "," + random.nextInt(-1, 12) + ","
                        + LOCATIONS[random.nextInt(LOCATIONS.length)] + "," + weight + ",c" + random.nextInt(5000) + ","
                        + note;
                if (random.nextInt(500) == 0) {
                    row = row + ",extra";
                }
                if (random.nextInt(700) == 0) {
                    row = "\"open," + row;
                }
                w.write(row);
                w.write(random.nextInt(10) == 0 ? "\r\n" : "\n");
            }
        }
        // above the size from which a file is read in parts (4 MiB)
        assertThat(Files.size(file)).isGreaterThan(4L << 20);
        String[] outputs = new String[4];
        String[] rejects = new String[4];
        for (int threads = 1; threads <= 3; threads++) {
            Path rejected = dir.resolve("rejects-" + threads + ".csv");
            CliRun r = run("score", file.toString(), "--by", "location", "--format", "json", "--threads",
                    Integer.toString(threads), "--rejects", rejected.toString(), "-q");
            assertThat(r.exit()).as("seed %d, %d threads: %s", seed, threads, r.err()).isZero();
            outputs[threads] = r.out();
            rejects[threads] = Files.readString(rejected, StandardCharsets.UTF_8);
        }
        JsonNode one = new CliRun(0, outputs[1], "").json();
        assertThat(one.get("rows").get("rejected").asLong()).as("seed %d", seed).isGreaterThan(1000);
        assertThat(one.get("rows").get("duplicates").asLong()).as("seed %d", seed).isGreaterThan(50);
        for (int threads = 2; threads <= 3; threads++) {
            assertThat(outputs[threads]).as("seed %d, %d threads: the JSON", seed, threads).isEqualTo(outputs[1]);
            assertThat(rejects[threads]).as("seed %d, %d threads: the rejects", seed, threads).isEqualTo(rejects[1]);
        }
        CliRun compared1 = run("compare", file.toString(), "--by", "location", "--a", "Leeds", "--b", "York",
                "--metric", "nps", "--format", "json", "--threads", "1", "-q");
        CliRun compared2 = run("compare", file.toString(), "--by", "location", "--a", "Leeds", "--b", "York",
                "--metric", "nps", "--format", "json", "--threads", "2", "-q");
        assertThat(compared1.exit()).as(compared1.err()).isZero();
        assertThat(compared2.out()).as("seed %d: compare", seed).isEqualTo(compared1.out());
        CliRun clustered1 = run("score", file.toString(), "--cluster-by", "customer_id", "--format", "json",
                "--threads", "1", "-q");
        CliRun clustered2 = run("score", file.toString(), "--cluster-by", "customer_id", "--format", "json",
                "--threads", "2", "-q");
        assertThat(clustered2.out()).as("seed %d: clustered", seed).isEqualTo(clustered1.out());
    }
}
