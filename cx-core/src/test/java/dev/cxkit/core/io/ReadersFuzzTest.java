package dev.cxkit.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.survey.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz tests of the readers: any bytes, read as responses or journey events in CSV or JSON Lines,
 * give no exception but the documented {@link UnreadableInputException}, and every row is counted
 * once: read = accepted + rejected + duplicates + filtered + unanswered; each rejection's text is
 * the row's own (not longer than the record limit).
 *
 * <p>{@code ./mvnw verify} runs the committed corpus ({@code src/test/resources/dev/cxkit/core/io/
 * ReadersFuzzTestInputs/}); {@code JAZZER_FUZZ=1 ./mvnw -pl cx-core test -Dtest=ReadersFuzzTest#METHOD
 * -Djazzer.max_duration=10m} fuzzes one target (see cx-benchmarks/RESULTS.md, "Fuzzing").
 */
class ReadersFuzzTest {

    private static <T> void check(RecordReader<T> reader, byte[] bytes, String name) throws IOException {
        List<T> accepted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        ReadSummary s;
        try {
            s = reader.read(new ByteArrayInputStream(bytes), name, accepted::add, rejected::add);
        } catch (UnreadableInputException e) {
            assertThat(e.getMessage()).startsWith(name + " line ");
            return;
        }
        assertThat(s.read()).isEqualTo(s.accepted() + s.rejected() + s.duplicates() + s.filtered() + s.unanswered());
        assertThat(s.records()).isEqualTo(accepted.size());
        assertThat(s.rejected() + s.duplicates()).isEqualTo(rejected.size());
        for (Rejection r : rejected) {
            assertThat(r.line()).isPositive();
            assertThat(r.reason()).isNotBlank();
            assertThat(r.raw().length()).isLessThanOrEqualTo(ResponseReader.MAX_RECORD_CHARS);
        }
    }

    @FuzzTest
    void responsesCsv(byte[] bytes) throws IOException {
        check(ResponseReader.builder().format(InputFormat.CSV).build(), bytes, "r.csv");
    }

    @FuzzTest
    void responsesJsonLines(byte[] bytes) throws IOException {
        check(ResponseReader.builder().format(InputFormat.JSONL).build(), bytes, "r.jsonl");
    }

    @FuzzTest
    void wideSurveyExport(byte[] bytes) throws IOException {
        ColumnMapping mapping = ColumnMapping.builder().rating(dev.cxkit.core.score.Metric.NPS, "Q1")
                .rating(dev.cxkit.core.score.Metric.CSAT, "Q2").id("ResponseId").time("RecordedDate")
                .zone(java.time.ZoneOffset.UTC).build();
        ResponseReader reader = ResponseReader.builder().format(InputFormat.CSV).mapping(mapping).timeRequired(false)
                .build();
        check(reader, bytes, "q.csv");
    }

    @FuzzTest
    void eventsCsv(byte[] bytes) throws IOException {
        check(JourneyEventReader.of(InputFormat.CSV, null), bytes, "e.csv");
    }

    @FuzzTest
    void eventsJsonLines(byte[] bytes) throws IOException {
        check(JourneyEventReader.of(InputFormat.JSONL, null), bytes, "e.jsonl");
    }

    /** Keeps the compiler honest about the element types the readers hand on. */
    static final Class<?>[] TYPES = {Response.class, JourneyEvent.class};
}
