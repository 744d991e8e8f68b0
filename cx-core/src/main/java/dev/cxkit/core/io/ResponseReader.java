package dev.cxkit.core.io;

import dev.cxkit.core.survey.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

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
 */
public final class ResponseReader {

    /** The longest line (or multi-line CSV record) read, in characters; longer lines are rejected. */
    public static final int MAX_RECORD_CHARS = 1 << 20;

    /** The most physical lines one quoted CSV field may span before it counts as never closed. */
    public static final int MAX_RECORD_LINES = 1000;

    private static final JsonFactory JSON = new JsonFactory();
    private static final char[] TRUE = "true".toCharArray();
    private static final char[] FALSE = "false".toCharArray();

    private final InputFormat format;
    private final boolean rejectDuplicateIds;
    private final int maxChars;
    private final int maxLines;
    private final IdSet ids = new IdSet();
    private final List<String> sources = new ArrayList<>();
    private long[] sourceBases = new long[4];
    private long lineBase;
    private final Map<String, Integer> keyFields = new HashMap<>();

    private ResponseReader(Builder builder) {
        this.format = builder.format;
        this.rejectDuplicateIds = builder.rejectDuplicateIds;
        this.maxChars = builder.maxChars;
        this.maxLines = builder.maxLines;
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
    public InputFormat format() {
        return format;
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
    public ReadSummary read(Path file, Consumer<? super Response> accepted, Consumer<? super Rejection> rejected)
            throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), accepted, rejected);
        }
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
    public ReadSummary read(InputStream in, String source, Consumer<? super Response> accepted,
            Consumer<? super Rejection> rejected) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(accepted, "accepted");
        Objects.requireNonNull(rejected, "rejected");
        TextInput text = new TextInput(in);
        InputFormat chosen = format != null ? format : InputFormat.fromFileName(source).orElse(null);
        if (chosen == null) {
            chosen = sniff(text);
        }
        int index = sources.size();
        sources.add(source);
        if (index == sourceBases.length) {
            sourceBases = Arrays.copyOf(sourceBases, index * 2);
        }
        sourceBases[index] = lineBase;
        Context context = new Context(source, index, lineBase, accepted, rejected);
        try {
            if (chosen == InputFormat.CSV) {
                readCsv(text, context);
            } else {
                readJsonLines(text, context);
            }
        } finally {
            lineBase += context.lastLine + 1;
        }
        return new ReadSummary(context.read, context.accepted, context.rejected, context.warnings);
    }

    private static InputFormat sniff(TextInput text) throws IOException {
        int i = 0;
        while (true) {
            if (text.start + i >= text.limit && !text.fill()) {
                return InputFormat.CSV;
            }
            char c = text.buf[text.start + i];
            if (c == '{') {
                return InputFormat.JSONL;
            }
            if (!Character.isWhitespace(c)) {
                return InputFormat.CSV;
            }
            i++;
        }
    }

    // ------------------------------------------------------------------------------------------
    // CSV

    private void readCsv(TextInput text, Context context) throws IOException {
        CsvScanner scanner = new CsvScanner(text, maxChars, maxLines);
        String source = context.source;
        if (!scanner.next()) {
            context.lastLine = scanner.line;
            context.warnings.add(source + " is empty: no header and no rows");
            return;
        }
        long headerLine = scanner.line;
        context.lastLine = headerLine;
        if (scanner.tooLong != null) {
            throw new UnreadableInputException(source, headerLine, "the header is longer than " + maxChars
                    + " characters");
        }
        if (scanner.malformed != null) {
            throw new UnreadableInputException(source, headerLine, "the header has malformed quoting: "
                    + scanner.malformed);
        }
        long headerStart = text.absolute(text.start);
        if (text.takeError(headerStart, headerStart + scanner.length) >= 0) {
            throw new UnreadableInputException(source, headerLine, "the header is not valid UTF-8 (save the file as "
                    + "UTF-8)");
        }
        int columns = scanner.fields;
        String[] names = new String[columns];
        int[] kinds = new int[columns];
        char[] scratch = new char[64];
        Map<String, Integer> seen = new HashMap<>();
        int[] standardColumn = new int[RowAssembler.NAMES.length];
        Arrays.fill(standardColumn, -1);
        for (int i = 0; i < columns; i++) {
            String name = fieldText(text, scanner, i).trim();
            names[i] = name;
            if (name.isEmpty()) {
                kinds[i] = RowAssembler.IGNORED;
                continue;
            }
            int kind = RowAssembler.fieldOf(name);
            kinds[i] = kind;
            String key = kind >= 0 ? RowAssembler.NAMES[kind] : name;
            Integer previous = seen.putIfAbsent(key, i + 1);
            if (previous != null) {
                throw new UnreadableInputException(source, headerLine, "the header names column '" + key
                        + "' twice (columns " + previous + " and " + (i + 1) + ")");
            }
            if (kind >= 0) {
                standardColumn[kind] = i;
            }
        }
        for (int required : new int[] {RowAssembler.METRIC, RowAssembler.SCORE}) {
            if (standardColumn[required] < 0) {
                throw new UnreadableInputException(source, headerLine, "the header has no '"
                        + RowAssembler.NAMES[required] + "' column (columns: " + String.join(", ", names) + ")");
            }
        }
        context.header = scanner.raw();
        scanner.columnLabel(column -> label(names, column));
        scanner.consume();

        RowAssembler row = context.row;
        while (scanner.next()) {
            long line = scanner.line;
            context.lastLine = line + scanner.lines - 1;
            if (scanner.tooLong != null) {
                context.reject(line, "the line is longer than " + maxChars + " characters", scanner.tooLong);
                scanner.consume();
                continue;
            }
            if (scanner.malformed != null) {
                context.reject(line, "malformed quoting: " + scanner.malformed + "; reading resumes on the next line",
                        scanner.raw());
                scanner.consume();
                continue;
            }
            long recordStart = text.absolute(text.start);
            long bad = text.takeError(recordStart, recordStart + scanner.length);
            if (bad >= 0) {
                int rel = (int) (bad - recordStart);
                int column = 1;
                while (column < scanner.fields && scanner.starts[column] <= rel) {
                    column++;
                }
                context.reject(line, label(names, column) + " is not valid UTF-8 (save the file as UTF-8)",
                        scanner.raw());
                scanner.consume();
                continue;
            }
            if (scanner.fields != columns && scanner.lines > 1) {
                // A quoted field ran on over line ends and the columns do not fit: most likely a
                // stray quote. Reject the first line only and read the next lines afresh.
                String reason = "the row has " + scanner.fields + (scanner.fields == 1 ? " column" : " columns")
                        + ", the header has " + columns + " (the quoted field in " + label(names, scanner.spanningColumn)
                        + " runs on to line " + (line + scanner.lines - 1) + ": a stray quote?); reading resumes on the "
                        + "next line";
                scanner.firstLineOnly();
                context.lastLine = line;
                context.reject(line, reason, scanner.raw());
                scanner.consume();
                continue;
            }
            if (scanner.fields != columns) {
                context.reject(line, "the row has " + scanner.fields + (scanner.fields == 1 ? " column" : " columns")
                        + ", the header has " + columns, scanner.raw());
                scanner.consume();
                continue;
            }
            row.reset();
            char[] b = text.buf;
            int base = text.start;
            for (int i = 0; i < columns; i++) {
                int kind = kinds[i];
                if (kind == RowAssembler.IGNORED) {
                    continue;
                }
                char[] chars = b;
                int from = base + scanner.starts[i];
                int to = base + scanner.ends[i];
                if (scanner.escaped[i]) {
                    if (scratch.length < to - from) {
                        scratch = new char[Math.max(to - from, scratch.length * 2)];
                    }
                    int n = 0;
                    for (int j = from; j < to; j++) {
                        scratch[n++] = b[j];
                        if (b[j] == '"') {
                            j++;
                        }
                    }
                    chars = scratch;
                    from = 0;
                    to = n;
                }
                while (from < to && chars[from] <= ' ') {
                    from++;
                }
                while (to > from && chars[to - 1] <= ' ') {
                    to--;
                }
                if (from == to) {
                    continue;
                }
                if (kind >= 0) {
                    row.set(kind, chars, from, to - from);
                } else {
                    row.attribute(names[i], chars, from, to - from);
                }
            }
            context.finishRow(line, scanner);
            scanner.consume();
        }
        if (context.read == 0) {
            context.warnings.add(source + " has a header but no rows");
        }
    }

    /** Names a 1-based column for messages: {@code column 3 (score)}. */
    private static String label(String[] names, int column) {
        return column >= 1 && column <= names.length && !names[column - 1].isEmpty()
                ? "column " + column + " (" + names[column - 1] + ")"
                : "column " + column;
    }

    /** Returns the (unescaped, untrimmed) text of a field of the current record. */
    private static String fieldText(TextInput text, CsvScanner scanner, int i) {
        String s = new String(text.buf, text.start + scanner.starts[i], scanner.ends[i] - scanner.starts[i]);
        return scanner.escaped[i] ? s.replace("\"\"", "\"") : s;
    }

    // ------------------------------------------------------------------------------------------
    // JSON Lines

    private void readJsonLines(TextInput text, Context context) throws IOException {
        long line = 0;
        RowAssembler row = context.row;
        Set<String> attributeKeys = new HashSet<>();
        while (true) {
            line++;
            // Find the end of the physical line.
            int r = 0;
            boolean blank = true;
            int ch;
            String tooLong = null;
            while (true) {
                int abs = text.start + r;
                if (abs >= text.limit) {
                    if (r >= maxChars) {
                        tooLong = new String(text.buf, text.start, Math.min(maxChars, text.limit - text.start));
                        r = skipToLineEnd(text, r);
                        ch = r < 0 ? -1 : text.buf[text.start + r];
                        if (r < 0) {
                            r = 0;
                        }
                        break;
                    }
                    if (!text.fill()) {
                        ch = -1;
                        break;
                    }
                    continue;
                }
                char c = text.buf[abs];
                if (c == '\n' || c == '\r') {
                    ch = c;
                    break;
                }
                if (blank && c > ' ') {
                    blank = false;
                }
                r++;
            }
            int length = r;
            int next = r;
            if (ch >= 0) {
                next = r + 1;
                if (ch == '\r') {
                    if (text.start + next >= text.limit) {
                        text.fill();
                    }
                    if (text.start + next < text.limit && text.buf[text.start + next] == '\n') {
                        next++;
                    }
                }
            }
            if (tooLong != null) {
                context.lastLine = line;
                context.reject(line, "the line is longer than " + maxChars + " characters", tooLong);
            } else if (!blank) {
                context.lastLine = line;
                readJsonLine(text, text.start, length, line, context, row, attributeKeys);
            } else if (ch < 0) {
                text.start += next;
                break;
            }
            text.start += next;
            if (ch < 0) {
                break;
            }
        }
        context.lastLine = Math.max(context.lastLine, line);
        if (context.read == 0) {
            context.warnings.add(context.source + " is empty: no rows");
        }
    }

    /** Discards input up to the end of the current line; returns its offset, or -1 at the end. */
    private static int skipToLineEnd(TextInput text, int from) throws IOException {
        int r = from;
        while (true) {
            int abs = text.start + r;
            if (abs >= text.limit) {
                text.start = text.limit;
                r = 0;
                if (!text.fill()) {
                    return -1;
                }
                continue;
            }
            char c = text.buf[abs];
            if (c == '\n' || c == '\r') {
                return r;
            }
            r++;
        }
    }

    private void readJsonLine(TextInput text, int start, int length, long line, Context context, RowAssembler row,
            Set<String> attributeKeys) throws IOException {
        char[] b = text.buf;
        long absStart = text.absolute(start);
        long bad = text.takeError(absStart, absStart + length);
        if (bad >= 0) {
            context.reject(line, "not valid UTF-8 at character " + (bad - absStart + 1) + " (save the file as UTF-8)",
                    new String(b, start, length));
            return;
        }
        row.reset();
        if (!attributeKeys.isEmpty()) {
            attributeKeys.clear();
        }
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), b, start, length)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                context.reject(line, "not a JSON object (the line holds " + describe(t) + ")",
                        new String(b, start, length));
                return;
            }
            while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                String key = p.currentName();
                int field = fieldOfKey(key);
                t = p.nextToken();
                boolean fresh = field >= 0 ? row.mark(field) : attributeKeys.add(key);
                if (!fresh) {
                    row.problem("key '" + key + "' appears twice");
                }
                char[] chars;
                int from;
                int to;
                switch (t) {
                    case VALUE_STRING:
                    case VALUE_NUMBER_INT:
                    case VALUE_NUMBER_FLOAT:
                        chars = p.getStringCharacters();
                        from = p.getStringOffset();
                        to = from + p.getStringLength();
                        break;
                    case VALUE_TRUE:
                        chars = TRUE;
                        from = 0;
                        to = TRUE.length;
                        break;
                    case VALUE_FALSE:
                        chars = FALSE;
                        from = 0;
                        to = FALSE.length;
                        break;
                    case VALUE_NULL:
                        continue;
                    default:
                        row.problem("key '" + key + "' holds " + describe(t)
                                + "; only text, numbers, true, false and null are read");
                        p.skipChildren();
                        continue;
                }
                while (from < to && chars[from] <= ' ') {
                    from++;
                }
                while (to > from && chars[to - 1] <= ' ') {
                    to--;
                }
                if (from == to || !fresh) {
                    continue;
                }
                if (field >= 0) {
                    row.set(field, chars, from, to - from);
                } else {
                    row.attribute(key, chars, from, to - from);
                }
            }
            if (p.nextToken() != null) {
                context.reject(line, "unexpected text after the JSON object", new String(b, start, length));
                return;
            }
        } catch (JacksonException e) {
            TokenStreamLocation where = e.getLocation();
            String column = where != null && where.getColumnNr() > 0 ? " (column " + where.getColumnNr() + ")" : "";
            context.reject(line, "malformed JSON: " + e.getOriginalMessage() + column, new String(b, start, length));
            return;
        }
        context.finishRow(line, () -> new String(b, start, length));
    }

    private int fieldOfKey(String key) {
        Integer field = keyFields.get(key);
        if (field == null) {
            if (keyFields.size() > 1000) {
                keyFields.clear();
            }
            field = RowAssembler.fieldOf(key);
            keyFields.put(key, field);
        }
        return field;
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        switch (t) {
            case START_ARRAY:
                return "an array";
            case START_OBJECT:
                return "an object";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            default:
                return t.toString();
        }
    }

    // ------------------------------------------------------------------------------------------

    /** Where a response id was first seen, for the duplicate message. */
    private String firstSeen(int currentSource, long globalLine) {
        if (globalLine == 0) {
            return "seen before";
        }
        int i = sources.size() - 1;
        while (i > 0 && sourceBases[i] >= globalLine) {
            i--;
        }
        long local = globalLine - sourceBases[i];
        return i == currentSource ? "first seen on line " + local : "first seen in " + sources.get(i) + " line " + local;
    }

    /** Supplies the raw text of a row only when it is rejected. */
    private interface RawText {
        String get();
    }

    /** The state of one read: counters, the consumers and the row being built. */
    private final class Context {
        final String source;
        final int sourceIndex;
        final long base;
        final Consumer<? super Response> acceptedConsumer;
        final Consumer<? super Rejection> rejectedConsumer;
        final RowAssembler row = new RowAssembler();
        final List<String> warnings = new ArrayList<>();
        String header;
        long read;
        long accepted;
        long rejected;
        long lastLine;

        Context(String source, int sourceIndex, long base, Consumer<? super Response> accepted,
                Consumer<? super Rejection> rejected) {
            this.source = source;
            this.sourceIndex = sourceIndex;
            this.base = base;
            this.acceptedConsumer = accepted;
            this.rejectedConsumer = rejected;
        }

        void reject(long line, String reason, String raw) {
            read++;
            rejected++;
            rejectedConsumer.accept(new Rejection(source, line, reason, raw, header));
        }

        void finishRow(long line, CsvScanner scanner) {
            finishRow(line, scanner::raw);
        }

        void finishRow(long line, RawText raw) {
            String problem = row.problem();
            if (problem == null && rejectDuplicateIds && row.responseId() != null) {
                long first = ids.addIfAbsent(row.responseIdHash(), base + line);
                if (first >= 0) {
                    problem = "duplicate response_id '" + row.responseId() + "' (" + firstSeen(sourceIndex, first) + ")";
                }
            }
            if (problem != null) {
                reject(line, problem, raw.get());
                return;
            }
            read++;
            accepted++;
            acceptedConsumer.accept(row.build());
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

        private Builder() {
        }

        /**
         * Fixes the format instead of detecting it per input.
         *
         * @param value the format, or null to detect it (the default)
         * @return this builder
         */
        public Builder format(InputFormat value) {
            this.format = value;
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
