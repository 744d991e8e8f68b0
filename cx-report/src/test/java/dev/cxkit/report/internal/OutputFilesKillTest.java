package dev.cxkit.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM replaces a report's set of files ({@code report.json}, {@code report.html}) again and
 * again through {@link OutputFiles}, and is killed ({@code SIGKILL}) at a random moment, 100 times
 * (seeded). After each kill the folder must hold one whole set: both files present, each complete,
 * both of the same generation; never a torn file, never one file of one run beside one of another.
 */
class OutputFilesKillTest {

    private static final Pattern GENERATION = Pattern.compile("run (\\d+) generation (\\d+) end");
    private static final long SEED = 20261205L;
    private static final int KILLS = 100;

    /** The child: writes generation after generation until it is killed. */
    public static final class Child {
        public static void main(String[] args) throws IOException {
            Path dir = Path.of(args[0]);
            String run = args[1];
            String padding = "x".repeat(64 * 1024);
            for (long generation = 1; ; generation++) {
                try (OutputFiles outputs = new OutputFiles(List.of())) {
                    Path json = outputs.claimInSet(dir, "report.json", "report.json");
                    Path html = outputs.claimInSet(dir, "report.html", "report.html");
                    outputs.write(json, "{\"pad\": \"" + padding + "\", \"generation\": \"run " + run + " generation "
                            + generation + " end\"}\n");
                    outputs.write(html, "<html>" + padding + "<p>run " + run + " generation " + generation
                            + " end</p></html>\n");
                    outputs.commit();
                }
            }
        }
    }

    /** Returns {@code run * 1_000_000_000 + generation} of a whole file. */
    private static long generation(Path file) throws IOException {
        String text = Files.readString(file);
        Matcher m = GENERATION.matcher(text);
        assertThat(m.find()).as("%s is whole: %d characters", file, text.length()).isTrue();
        assertThat(text).as("%s ends as written", file).endsWith(file.toString().endsWith(".json") ? "}\n"
                : "</html>\n");
        return Long.parseLong(m.group(1)) * 1_000_000_000L + Long.parseLong(m.group(2));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyKillLeavesOneWholeSet(@TempDir Path dir) throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("java.class.path");
        List<Long> generations = new ArrayList<>();
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = new ProcessBuilder(java, "-cp", classPath, "-XX:TieredStopAtLevel=1", Child.class.getName(),
                    dir.toString(), Integer.toString(kill + 1)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            // wait until the child has put one set in place, then a random moment more
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (generationOrZero(dir) / 1_000_000_000L != kill + 1 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            Thread.sleep(random.nextInt(1, 60));
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long json = generation(dir.resolve("report.json"));
            long html = generation(dir.resolve("report.html"));
            assertThat(json).as("kill %d (seed %d): report.json and report.html are one set", kill, SEED)
                    .isEqualTo(html);
            generations.add(json);
        }
        System.out.printf("kill test: %d kills; run*1e9 + generation at the first ten: %s%n", KILLS,
                generations.subList(0, 10));
    }

    private static long generationOrZero(Path dir) {
        try {
            return generation(dir.resolve("report.html"));
        } catch (IOException | AssertionError e) {
            return 0;
        }
    }
}
