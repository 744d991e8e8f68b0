package dev.cxkit.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.survey.Response;
import dev.cxkit.core.survey.ResponseFilter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collector;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A file read in parts on several threads gives what reading it on one thread gives: the same
 * accepted responses in the same order, the same rejections (line, reason, text) in the same
 * order, the same counts and warnings. Over seeded random files with every kind of damage the
 * scanner knows, cut into many small parts so that cuts fall everywhere: inside quoted fields over
 * line ends, next to CR LF pairs, blank lines and byte-order marks.
 */
class SplitReadTest {

    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    /** Collects each part's responses into a list; lists are joined in order. */
    private static Collector<Response, List<Response>, List<Response>> toList() {
        return Collector.of(ArrayList::new, List::add, (a, b) -> {
            a.addAll(b);
            return a;
        });
    }

    private record Outcome(List<Response> accepted, List<Rejection> rejected, ReadSummary summary) {
    }

    private static Outcome oneThread(ResponseReader reader, Path... files) throws IOException {
        List<Response> accepted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        ReadSummary summary = ReadSummary.EMPTY;
        for (Path file : files) {
            summary = summary.plus(reader.read(file, accepted::add, rejected::add));
        }
        return new Outcome(accepted, rejected, summary);
    }

    private static Outcome inParts(ResponseReader reader, Path... files) throws IOException {
        List<Response> accepted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        ReadSummary summary = ReadSummary.EMPTY;
        for (Path file : files) {
            ReadResult<List<Response>> result = reader.read(file, toList(), rejected::add);
            accepted.addAll(result.value());
            summary = summary.plus(result.summary());
        }
        return new Outcome(accepted, rejected, summary);
    }

    private static ResponseReader.Builder builder(SplittableRandom random) {
        ResponseReader.Builder builder = ResponseReader.builder().timeRequired(random.nextBoolean()).limits(400, 3)
                .rejectDuplicateIds(random.nextInt(5) > 0);
        if (random.nextInt(3) == 0) {
            // filtered rows are counted apart, and are never duplicates
            builder.filter(ResponseFilter.all().where(random.nextBoolean() ? "location=Leeds" : "metric!=ces"));
        }
        return builder;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void partsReadAsOneThreadReads(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        assertPartsReadAsOneThread("seed " + seed + " (CSV", random, "csv", file(random, 0), file(random, 1));
    }

    /** The same for JSON Lines, with their own damage: malformed lines, arrays, repeated keys. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void jsonLinesPartsReadAsOneThreadReads(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EED);
        assertPartsReadAsOneThread("seed " + seed + " (JSON Lines", random, "jsonl", jsonLines(random, 0),
                jsonLines(random, 1));
    }

    /** Reads two files in a row on one thread and in random parts, and compares everything. */
    private void assertPartsReadAsOneThread(String what, SplittableRandom random, String extension, byte[] a,
            byte[] b) throws IOException {
        Path first = dir.resolve("a." + extension);
        Path second = dir.resolve("b." + extension);
        Files.write(first, a);
        Files.write(second, b);
        long builderSeed = random.nextLong();
        int threads = 2 + random.nextInt(3);
        long part = 64 + random.nextInt(2000);
        Outcome expected = oneThread(builder(new SplittableRandom(builderSeed)).build(), first, second);
        Outcome actual = inParts(builder(new SplittableRandom(builderSeed)).threads(threads).splitSizes(0, part)
                .build(), first, second);
        String description = what + ", " + threads + " threads, parts of " + part + " bytes)";
        assertThat(firstDifference(actual.rejected(), expected.rejected())).as(description).isNull();
        assertThat(actual.summary()).as(description).isEqualTo(expected.summary());
        assertThat(actual.accepted()).as(description).containsExactlyElementsOf(expected.accepted());
    }

    /** Names the first place where two lists differ, or null. */
    private static String firstDifference(List<?> actual, List<?> expected) {
        for (int i = 0; i < Math.max(actual.size(), expected.size()); i++) {
            Object a = i < actual.size() ? actual.get(i) : null;
            Object e = i < expected.size() ? expected.get(i) : null;
            if (a == null || !a.equals(e)) {
                return "at " + i + ": got " + a + "\n expected " + e;
            }
        }
        return null;
    }

    /** Random JSON Lines of up to a few thousand lines with damage of every kind. */
    private static byte[] jsonLines(SplittableRandom random, int fileNumber) {
        String[] eols = {"\n", "\r\n", "\r"};
        String eol = eols[random.nextInt(random.nextInt(4) == 0 ? 3 : 2)];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(4) == 0) {
            write(out, "\uFEFF");
        }
        int rows = random.nextInt(50, 3000);
        for (int i = 0; i < rows; i++) {
            int id = random.nextInt(4) == 0 ? random.nextInt(i + 1) : i;
            String metric = new String[] {"nps", "csat", "ces", "NPS", "nsp"}[random.nextInt(random.nextInt(8) == 0 ? 5 : 3)];
            String idField = random.nextInt(10) == 0 ? "" : "\"response_id\": \"f" + fileNumber + "-r" + id + "\", ";
            String row = "{" + idField + "\"metric\": \"" + metric + "\", \"score\": " + random.nextInt(-1, 12)
                    + ", \"location\": \"" + new String[] {"Leeds", "York, North", "Gen\u00e8ve", "a \\\"q\\\""}[random.nextInt(4)]
                    + "\"}";
            switch (random.nextInt(30)) {
                case 0 -> row = "[1, 2]";
                case 1 -> row = "{\"metric\": \"nps\", \"score\": 9";
                case 2 -> row = "{\"metric\": \"nps\", \"metric\": \"csat\", \"score\": 4}";
                case 3 -> row = "";
                case 4 -> row = "{\"metric\": \"nps\", \"score\": 9, \"note\": \"" + "x".repeat(500) + "\"}";
                case 5 -> row = "{\"metric\": \"nps\", \"score\": {\"a\": 1}}";
                case 6 -> row = "  \t";
                default -> {
                }
            }
            if (random.nextInt(200) == 0) {
                out.write(0xC3);
                out.write('x');
            }
            write(out, row);
            if (i < rows - 1 || random.nextBoolean()) {
                write(out, eol);
            }
        }
        return out.toByteArray();
    }

    @Test
    void aFileTooSmallToSplitIsReadAsWell() throws IOException {
        Path file = dir.resolve("small.csv");
        Files.writeString(file, "response_id,metric,score\nr1,nps,9\nr1,nps,3\nr2,nps,11\n");
        List<Rejection> rejected = new ArrayList<>();
        ReadResult<List<Response>> result = ResponseReader.create().read(file, toList(), rejected::add);
        assertThat(result.value()).extracting(Response::score).containsExactly(9);
        assertThat(rejected).extracting(Rejection::line).containsExactly(3L, 4L);
        assertThat(result.summary().duplicates()).isEqualTo(1);
    }

    @Test
    void progressReachesTheFileSize() throws IOException {
        Path file = dir.resolve("p.csv");
        byte[] bytes = file(new SplittableRandom(7), 0);
        Files.write(file, bytes);
        long[] last = {0};
        ResponseReader.builder().threads(2).splitSizes(0, 100).build()
                .read(file, toList(), r -> { }, done -> last[0] = done);
        // the header is read before the parts and is not counted in the parts' progress
        assertThat(last[0]).isPositive().isLessThanOrEqualTo(bytes.length);
    }

    /** A random CSV of up to a few thousand rows with damage of every kind. */
    private static byte[] file(SplittableRandom random, int fileNumber) {
        String[] eols = {"\n", "\r\n", "\r"};
        String eol = eols[random.nextInt(random.nextInt(4) == 0 ? 3 : 2)];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(4) == 0) {
            write(out, "\uFEFF");
        }
        write(out, random.nextBoolean() ? "response_id,metric,score,location,note" + eol
                : "response_id;metric;score;location;note" + eol);
        char sep = new String(out.toByteArray(), StandardCharsets.UTF_8).contains(";") ? ';' : ',';
        int rows = random.nextInt(50, 3000);
        for (int i = 0; i < rows; i++) {
            int id = random.nextInt(4) == 0 ? random.nextInt(Math.max(1, i + 1)) : i;
            String metric = new String[] {"nps", "csat", "ces", "NPS", "nsp", ""}[random.nextInt(random.nextInt(8) == 0 ? 6 : 3)];
            String score = Integer.toString(random.nextInt(-1, 12));
            String location = new String[] {"Leeds", "\"York" + sep + " North\"", "Gen\u00e8ve", "\"two" + eol + "lines\"",
                "\"a \"\"quoted\"\" one\"", ""}[random.nextInt(6)];
            String note = random.nextInt(6) == 0 ? "\"said" + eol + "\"\"slow\"\"" + eol + "then left\"" : "ok";
            String row = (random.nextInt(10) == 0 ? "" : "f" + fileNumber % 2 + "-r" + id) + sep + metric + sep + score
                    + sep + location + sep + note;
            switch (random.nextInt(40)) {
                case 0 -> row = row + sep + "extra";
                case 1 -> row = "\"unclosed" + sep + row;
                case 2 -> row = "x" + "y".repeat(500);
                case 3 -> row = "";
                case 4 -> row = "   \t";
                case 5 -> row = "r" + id + sep + "nps" + sep + "\"9\"x" + sep + sep;
                case 6 -> {
                    write(out, "\uFEFF");
                }
                case 7 -> row = "\"" + "q".repeat(30) + eol + "still" + eol + "open" + eol + "and" + eol + "on";
                default -> {
                }
            }
            if (random.nextInt(200) == 0) {
                out.write(0xC3); // a broken UTF-8 sequence
                out.write('x');
            }
            write(out, row);
            if (i < rows - 1 || random.nextBoolean()) {
                write(out, eol);
            }
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
