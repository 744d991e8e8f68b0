package dev.cxkit.spark;

import dev.cxkit.core.io.InputFormat;
import dev.cxkit.core.io.JourneyEventReader;
import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.io.ResponseReader;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.survey.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;

/**
 * One partition's {@code (kind, line)} rows read as {@code cx} reads files: the responses first,
 * then the events (what journey analytics want), each line by cx-core's JSON Lines readers.
 */
final class PartitionInput {

    /** The kind of an event row; any other kind is a response. */
    static final String EVENT = "E";

    private PartitionInput() {
    }

    /** Lines read and rejected, of events and of responses. */
    record Counts(long eventsRead, long eventsRejected, long responsesRead, long responsesRejected) {
    }

    static Counts read(Iterator<Row> input, Consumer<Response> responses, Consumer<JourneyEvent> events) {
        StringBuilder eventLines = new StringBuilder();
        StringBuilder responseLines = new StringBuilder();
        while (input.hasNext()) {
            Row row = input.next();
            (EVENT.equals(row.getString(0)) ? eventLines : responseLines).append(row.getString(1).replace('\n', ' '))
                    .append('\n');
        }
        long[] rejected = new long[2];
        try {
            ReadSummary r = responseLines.length() == 0 ? ReadSummary.EMPTY
                    : ResponseReader.builder().format(InputFormat.JSONL).build().read(bytes(responseLines), "responses",
                            responses, x -> rejected[1]++);
            ReadSummary e = eventLines.length() == 0 ? ReadSummary.EMPTY
                    : JourneyEventReader.of(InputFormat.JSONL).read(bytes(eventLines), "events", events,
                            x -> rejected[0]++);
            return new Counts(e.read(), rejected[0], r.read(), rejected[1]);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex); // reading a byte array does not fail
        }
    }

    private static ByteArrayInputStream bytes(StringBuilder text) {
        return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
