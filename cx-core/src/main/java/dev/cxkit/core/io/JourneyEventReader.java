package dev.cxkit.core.io;

import dev.cxkit.core.journey.JourneyEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads journey events from CSV or JSON Lines, row by row, and hands each row on as a
 * {@link JourneyEvent} or, if it is not valid, as a {@link Rejection} that says where it is, what
 * is wrong, and its original text. Reading, quoting, encoding and line rules are those of
 * {@link ResponseReader}.
 *
 * <pre>{@code
 * JourneyEventReader reader = JourneyEventReader.create();
 * ReadSummary summary = reader.read(Path.of("events.csv"), assembler::add, rejections::add);
 * }</pre>
 *
 * <h2>Input</h2>
 * One event per CSV row (the first row is the header) or per JSON Lines line (an object). Field
 * names are snake_case and matched case-insensitively:
 * <ul>
 *   <li>{@code event_id}, {@code journey_id}, {@code touchpoint} (required): text;
 *   <li>{@code occurred_at} (required): an ISO-8601 instant ({@code 2026-03-01T10:15:30Z}) or a
 *       date-time with an offset; a date alone is rejected;
 *   <li>{@code customer_id}, {@code stage}, {@code location}, {@code failure_type}: text;
 *   <li>{@code channel}: a {@link dev.cxkit.core.service.Channel} ({@code in_person}, {@code sms},
 *       ...), case-insensitively, {@code -} or a space for {@code _};
 *   <li>{@code address_kind}: an {@link dev.cxkit.core.service.AddressKind} ({@code mobile},
 *       {@code home}, ...);
 *   <li>{@code outcome}: {@code ok} (when absent) or {@code failed};
 *   <li>{@code factor}: a {@link dev.cxkit.core.service.SatisfactionFactor}; required when the
 *       outcome is {@code failed};
 *   <li>{@code recovered_at}: a timestamp like {@code occurred_at}, not before it;
 *   <li>any other column or key: an attribute, kept as text.
 * </ul>
 *
 * <h2>Rejections and duplicates</h2>
 * A bad row is rejected and reading goes on: a missing required field, a bad timestamp, an unknown
 * channel, address kind, outcome or factor, a failure without a factor, a recovery before the
 * event, and every input-level problem {@link ResponseReader} rejects (malformed CSV or JSON,
 * wrong column count, invalid UTF-8, too long). Every row is accepted or rejected, so
 * {@link ReadSummary#read()} equals accepted plus rejected. Events that repeat an {@code event_id}
 * are <em>accepted</em> here: {@link dev.cxkit.core.journey.JourneyAssembler} drops and counts them,
 * so that read = accepted + rejected and accepted = assembled + duplicates + late. A CSV header
 * without a required column throws {@link UnreadableInputException}.
 *
 * <h2>Threads</h2>
 * Not thread-safe: use one reader per thread. Consumers are called on the reading thread, in
 * input order.
 *
 * @since 0.1.0
 */
public final class JourneyEventReader implements RecordReader<JourneyEvent> {

    private final RowReader<JourneyEvent> rows;

    private JourneyEventReader(InputFormat format) {
        this.rows = new RowReader<>(EventRowParser::new, format, false, ResponseReader.MAX_RECORD_CHARS,
                ResponseReader.MAX_RECORD_LINES);
    }

    /**
     * Returns a reader that detects the format per input: from the file extension ({@code .csv},
     * {@code .jsonl}, {@code .ndjson}), or else from the first character.
     *
     * @return a new reader
     */
    public static JourneyEventReader create() {
        return new JourneyEventReader(null);
    }

    /**
     * Returns a reader fixed to one format.
     *
     * @param format the format
     * @return a new reader
     * @throws NullPointerException if the format is null
     */
    public static JourneyEventReader of(InputFormat format) {
        return new JourneyEventReader(java.util.Objects.requireNonNull(format, "format"));
    }

    /**
     * Returns a reader with a format and an encoding.
     *
     * @param format the format, or null to detect it per input as {@link #create()} does
     * @param encoding the encoding of inputs without a byte-order mark, or null for UTF-8
     * @return a new reader
     */
    public static JourneyEventReader of(@Nullable InputFormat format, @Nullable Charset encoding) {
        JourneyEventReader reader = new JourneyEventReader(format);
        reader.rows.encoding(encoding);
        return reader;
    }

    /**
     * Reads a file; messages name it as {@code file.toString()}.
     *
     * @param file the file
     * @param accepted receives each valid event, in input order
     * @param rejected receives each rejected row, in input order
     * @return the counts, and warnings such as an empty file
     * @throws UnreadableInputException if the file cannot be read as events at all (a CSV header
     *     without an {@code occurred_at} column, for example)
     * @throws IOException if the file cannot be opened or read
     */
    @Override
    public ReadSummary read(Path file, Consumer<? super JourneyEvent> accepted, Consumer<? super Rejection> rejected)
            throws IOException {
        return rows.read(file, accepted, rejected);
    }

    /**
     * Reads a stream to its end, without closing it.
     *
     * @param in the stream, UTF-8
     * @param source the name used in messages, for example {@code events.csv} or {@code -}
     * @param accepted receives each valid event, in input order
     * @param rejected receives each rejected row, in input order
     * @return the counts, and warnings such as an empty input
     * @throws UnreadableInputException if the input cannot be read as events at all
     * @throws IOException if reading fails
     */
    @Override
    public ReadSummary read(InputStream in, String source, Consumer<? super JourneyEvent> accepted,
            Consumer<? super Rejection> rejected) throws IOException {
        return rows.read(in, source, accepted, rejected);
    }
}
