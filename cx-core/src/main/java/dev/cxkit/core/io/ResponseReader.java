package dev.cxkit.core.io;

import dev.cxkit.core.survey.Response;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import java.util.stream.Collector;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Objects;
import dev.cxkit.core.survey.ResponseFilter;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads survey responses from CSV or JSON Lines, row by row, and hands each row on as a
 * {@link Response} or, if it is not valid, as a {@link Rejection} that says where it is, what is
 * wrong, and its original text.
 *
 * <pre>{@code
 * ResponseReader reader = ResponseReader.create();
 * ResponseScorer scorer = ResponseScorer.create(Grouping.by(List.of("touchpoint")));
 * List<Rejection> problems = new ArrayList<>();
 * ReadSummary summary = reader.read(Path.of("responses.csv"), scorer::record, problems::add);
 * }</pre>
 *
 * <h2>Input</h2>
 * One answer per CSV row (the first row is the header) or per JSON Lines line (an object). Field
 * names are snake_case and matched case-insensitively:
 * <ul>
 *   <li>{@code metric} (required): {@code nps}, {@code csat} or {@code ces}, case-insensitively;
 *   <li>{@code score} (required): a whole number on the metric's scale; {@code 9.0} counts as 9;
 *   <li>{@code response_id}, {@code customer_id}, {@code journey_id}, {@code touchpoint},
 *       {@code location}, {@code channel}: text;
 *   <li>{@code weight}: a positive finite number (1 when absent);
 *   <li>{@code submitted_at}: an ISO-8601 instant ({@code 2026-03-01T10:15:30Z}), a date-time with
 *       an offset ({@code 2026-03-01T11:15:30+01:00}) or a date ({@code 2026-03-01}, which becomes
 *       {@link Response#submittedOn()});
 *   <li>any other column or key: an attribute, kept as text.
 * </ul>
 * Values are trimmed; an empty value, or JSON {@code null}, is a missing one. CSV columns with an
 * empty header name are ignored. The input is UTF-8; a byte order mark is skipped; lines end with
 * LF, CRLF or CR; blank lines are skipped and are not rows.
 *
 * <h2>Rejections</h2>
 * A bad row is rejected and reading goes on: a missing or unknown metric, a missing, fractional,
 * non-numeric or off-scale score, a bad weight or timestamp, text that is not valid UTF-8, a CSV
 * row with the wrong number of columns or malformed quoting (reported as its first line; reading
 * resumes on the next line), a JSON line that is malformed or not an object or repeats a key, a
 * line longer than {@value #MAX_RECORD_CHARS} characters, and a {@code response_id} seen before
 * (the later row is rejected, naming where the first one is). Every row is accepted or rejected,
 * so {@link ReadSummary#read()} always equals accepted plus rejected. Problems with an input as a
 * whole (a CSV header without a {@code metric} or {@code score} column, or naming a column twice)
 * throw {@link UnreadableInputException}; an empty input is a {@linkplain ReadSummary#warnings()
 * warning}, not an error.
 *
 * <h2>Memory and speed</h2>
 * Input is streamed through a buffer that holds one record at a time; nothing grows with the
 * number of rows except the set of seen response ids, which keeps a 64-bit hash and a line number
 * per id (16 to 32 bytes per id, see {@code IdSet}; the chance of a false duplicate among 10
 * million ids is about 3 in a million). CSV is split in place without regular expressions and
 * standard fields are parsed straight from the characters.
 *
 * <h2>Threads</h2>
 * <b>Not thread-safe.</b> A reader remembers the response ids of everything it has read, so that
 * duplicates are found across several files; use one reader per thread (duplicates are then found
 * per reader). Consumers are called on the reading thread, in input order.
 *
 * @since 0.1.0
 */
public final class ResponseReader implements RecordReader<Response> {

    /** The longest line (or multi-line CSV record) read, in characters; longer lines are rejected. */
    public static final int MAX_RECORD_CHARS = 1 << 20;

    /** The most physical lines one quoted CSV field may span before it counts as never closed. */
    public static final int MAX_RECORD_LINES = 1000;

    private final RowReader<Response> rows;
    private final int threads;
    private final long[] splitSizes;

    private ResponseReader(Builder builder) {
        this.threads = builder.threads;
        this.splitSizes = builder.splitSizes;
        ColumnMapping mapping = builder.mapping;
        boolean timeRequired = builder.timeRequired || (builder.filter != null && builder.filter.needsTime());
        this.rows = new RowReader<>(() -> new RowAssembler(mapping, timeRequired), builder.format,
                builder.rejectDuplicateIds, builder.maxChars, builder.maxLines);
        rows.encoding(builder.encoding != null ? builder.encoding : mapping.encoding());
        rows.delimiter(mapping.delimiter());
        rows.headerRows(mapping.headerRows());
        rows.sheet(mapping.sheet());
        rows.filter(builder.filter == null || builder.filter.keepsAll() ? null : builder.filter);
    }

    /**
     * Returns a reader that detects the format from each file's extension and rejects duplicate
     * response ids.
     *
     * @return a new reader
     */
    public static ResponseReader create() {
        return builder().build();
    }

    /**
     * Starts a builder.
     *
     * @return a builder with the defaults of {@link #create()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the format this reader is fixed to, or null when it detects the format per input. */
    public @Nullable InputFormat format() {
        return rows.format();
    }

    /**
     * Reads a file. The format is the reader's, or else the file extension's ({@code .csv},
     * {@code .jsonl}, {@code .ndjson}), or else guessed from the first character (a leading
     * <code>&#123;</code> means JSON Lines). Messages name the file as {@code file.toString()}.
     *
     * @param file the file
     * @param accepted receives each valid response, in input order
     * @param rejected receives each rejected row, in input order
     * @return the counts, and warnings such as an empty file
     * @throws UnreadableInputException if the file cannot be read as responses at all (for example
     *     a CSV header without a {@code score} column)
     * @throws IOException if the file cannot be opened or read
     */
    @Override
    public ReadSummary read(Path file, Consumer<? super Response> accepted, Consumer<? super Rejection> rejected)
            throws IOException {
        return rows.read(file, accepted, rejected);
    }

    /**
     * Reads a stream, for example standard input. The format is the reader's, or else the one
     * {@code source}'s extension names, or else guessed from the first character (a leading
     * <code>&#123;</code> means JSON Lines). The stream is read to its end and not closed.
     *
     * @param in the stream, UTF-8
     * @param source the name used in messages, for example {@code -} or {@code stdin}
     * @param accepted receives each valid response, in input order
     * @param rejected receives each rejected row, in input order
     * @return the counts, and warnings such as an empty input
     * @throws UnreadableInputException if the input cannot be read as responses at all
     * @throws IOException if reading fails
     */
    @Override
    public ReadSummary read(InputStream in, String source, Consumer<? super Response> accepted,
            Consumer<? super Rejection> rejected) throws IOException {
        return rows.read(in, source, accepted, rejected);
    }

    /**
     * Reads a file into a {@link Collector}, on several threads when the file is large: for
     * example {@code read(file, Collectors.counting(), problems::add)}, or a collector whose
     * container is a mergeable accumulator such as a {@code ResponseScorer}. The results are those
     * of reading the file on one thread: the same rows accepted (each part's container gets a
     * part's rows in file order, and containers are combined in file order, the earlier first),
     * the same rejections with the same lines, handed to {@code rejected} in file order on the
     * calling thread, and the same duplicates. (A container that sums floating-point numbers,
     * such as weights, may differ from one thread's in the last bits: sums are added in another
     * grouping.)
     *
     * <p>A CSV or JSON Lines file in UTF-8 of a few megabytes or more, read with a long mapping (one
     * answer per row), is cut into parts at line ends and parsed on up to {@link Builder#threads(int)}
     * threads (the calling thread is one); anything else (gzip, a workbook, another encoding, a wide
     * survey export, a small file) is read on the calling thread. Memory for
     * duplicate checks is 16 bytes per row while the parts are read, besides the set of ids.
     *
     * @param file the file, named in messages as given
     * @param collector collects the accepted responses; its accumulator and combiner are called
     *     from the reading threads, one container per part, never two threads on one container
     * @param rejected receives every rejected row, in file order, on the calling thread
     * @param <A> the collector's container
     * @param <R> the collector's result
     * @return the collected value and the counts
     * @throws UnreadableInputException if the file cannot be read as responses at all
     * @throws IOException if the file cannot be opened or read
     * @since 0.1.0
     */
    public <A, R> ReadResult<R> read(Path file, Collector<? super Response, A, R> collector,
            Consumer<? super Rejection> rejected) throws IOException {
        return read(file, collector, rejected, bytes -> { });
    }

    /**
     * Reads a file into a {@link Collector} as {@link #read(Path, Collector, Consumer)} does, and
     * reports progress.
     *
     * @param file the file, named in messages as given
     * @param collector collects the accepted responses
     * @param rejected receives every rejected row, in file order, on the calling thread
     * @param bytesRead receives the number of the file's bytes read so far, now and then, on the
     *     calling thread
     * @param <A> the collector's container
     * @param <R> the collector's result
     * @return the collected value and the counts
     * @throws UnreadableInputException if the file cannot be read as responses at all
     * @throws IOException if the file cannot be opened or read
     * @since 0.1.0
     */
    public <A, R> ReadResult<R> read(Path file, Collector<? super Response, A, R> collector,
            Consumer<? super Rejection> rejected, LongConsumer bytesRead) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(collector, "collector");
        Objects.requireNonNull(rejected, "rejected");
        Objects.requireNonNull(bytesRead, "bytesRead");
        BiConsumer<A, ? super Response> add = collector.accumulator();
        ReadResult<A> split = SplitRead.read(rows, file, threads, splitSizes, collector.supplier(), add,
                collector.combiner(), rejected, bytesRead);
        if (split != null) {
            return new ReadResult<>(collector.finisher().apply(split.value()), split.summary());
        }
        A container = collector.supplier().get();
        ReadSummary summary;
        try (InputStream in = new CountingStream(Files.newInputStream(file), bytesRead)) {
            summary = rows.read(in, file.toString(), response -> add.accept(container, response), rejected);
        }
        return new ReadResult<>(collector.finisher().apply(container), summary);
    }

    /** A stream that reports how many bytes were read through it. */
    private static final class CountingStream extends FilterInputStream {
        private final LongConsumer bytesRead;
        private long count;

        CountingStream(InputStream in, LongConsumer bytesRead) {
            super(in);
            this.bytesRead = bytesRead;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytesRead.accept(++count);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                bytesRead.accept(count);
            }
            return n;
        }
    }

    /**
     * Builds a {@link ResponseReader}. Not thread-safe.
     */
    public static final class Builder {
        private InputFormat format;
        private boolean rejectDuplicateIds = true;
        private int maxChars = MAX_RECORD_CHARS;
        private int maxLines = MAX_RECORD_LINES;
        private Charset encoding;
        private ColumnMapping mapping = ColumnMapping.STANDARD;
        private boolean timeRequired = true;
        private ResponseFilter filter;
        private int threads = Runtime.getRuntime().availableProcessors();
        private long[] splitSizes = {SplitRead.MIN_SPLIT_BYTES, SplitRead.MIN_PART_BYTES};

        private Builder() {
        }

        /**
         * Sets how many threads {@link ResponseReader#read(Path, Collector, Consumer)} may use for
         * one large file, the calling thread included; 1 reads on the calling thread only. Reads
         * into a {@code Consumer} always run on the calling thread.
         *
         * @param value 1 or more (the default: the number of processors)
         * @return this builder
         * @throws IllegalArgumentException if {@code value} is less than 1
         */
        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + value);
            }
            this.threads = value;
            return this;
        }

        /**
         * Sets how the inputs' columns, header rows, times and numbers are read.
         *
         * @param value the mapping ({@link ColumnMapping#STANDARD} by default)
         * @return this builder
         */
        public Builder mapping(ColumnMapping value) {
            this.mapping = Objects.requireNonNull(value, "mapping");
            return this;
        }

        /**
         * Sets whether a row whose submission time cannot be read is rejected (the default) or
         * kept without a time and counted as {@linkplain ReadSummary#undated() undated}: turn it off
         * when no period or time filter needs the time. A filter with a date range always needs it.
         *
         * @param value true to reject rows with unreadable times
         * @return this builder
         */
        public Builder timeRequired(boolean value) {
            this.timeRequired = value;
            return this;
        }

        /**
         * Keeps only the responses a filter accepts; the rows it leaves out are counted as
         * {@linkplain ReadSummary#filtered() filtered}.
         *
         * @param value the filter, or null to keep all
         * @return this builder
         */
        public Builder filter(@Nullable ResponseFilter value) {
            this.filter = value;
            return this;
        }

        /**
         * Fixes the format instead of detecting it per input.
         *
         * @param value the format, or null to detect it (the default)
         * @return this builder
         */
        public Builder format(@Nullable InputFormat value) {
            this.format = value;
            return this;
        }

        /**
         * Sets the encoding of inputs that have no byte-order mark (over the mapping's), for example
         * {@code Charset.forName("windows-1252")} for the CSV of an older Excel. Gzip is still
         * recognised, and a UTF-16 byte-order mark still wins.
         *
         * @param value the encoding, or null for UTF-8 (the default)
         * @return this builder
         */
        public Builder encoding(@Nullable Charset value) {
            this.encoding = value;
            return this;
        }

        /**
         * Sets whether a row whose {@code response_id} was seen before (in any input this reader
         * read) is rejected. On by default.
         *
         * @param value true to reject duplicates
         * @return this builder
         */
        public Builder rejectDuplicateIds(boolean value) {
            this.rejectDuplicateIds = value;
            return this;
        }

        /** For tests: the smallest file read in parts, and the smallest part, in bytes. */
        Builder splitSizes(long minSplit, long minPart) {
            this.splitSizes = new long[] {minSplit, minPart};
            return this;
        }

        /** For tests: lowers the record limits. */
        Builder limits(int chars, int lines) {
            if (chars < 16 || lines < 1) {
                throw new IllegalArgumentException("limits too small: " + chars + " characters, " + lines + " lines");
            }
            this.maxChars = chars;
            this.maxLines = lines;
            return this;
        }

        /**
         * Builds the reader.
         *
         * @return a new reader
         */
        public ResponseReader build() {
            return new ResponseReader(this);
        }
    }
}
