// Over 500 lines on purpose: the streaming CSV and JSON Lines row loop with its encodings, header
// checks and rejection bookkeeping is the hot path of every reader; it stays in one place.
package dev.cxkit.core.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
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
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The reading machinery behind the public readers: splits CSV (with {@link CsvScanner}) or JSON
 * Lines (with Jackson's streaming parser) into fields, hands them to a {@link RowParser}, and passes
 * each row on as a value or a {@link Rejection} with its line, reason and original text. Every row
 * is accepted or rejected, so read = accepted + rejected.
 *
 * <p>Input is streamed through a buffer that holds one record at a time; nothing grows with the
 * number of rows except, when duplicates are rejected, the set of seen row ids (see
 * {@link IdSet}).
 *
 * <p>Not thread-safe: it remembers the row ids of everything it has read, so that duplicates are
 * found across several inputs.
 *
 * @param <T> the value one row becomes
 */
final class RowReader<T> {

    private static final JsonFactory JSON = new JsonFactory();
    private static final char[] TRUE = "true".toCharArray();
    private static final char[] FALSE = "false".toCharArray();

    private final Supplier<? extends RowParser<T>> parsers;
    /** A parser used only to look up field names. */
    private final RowParser<T> schema;
    private final InputFormat format;
    private final boolean rejectDuplicateIds;
    private final int maxChars;
    private final int maxLines;
    private final IdSet ids = new IdSet();
    private final List<String> sources = new ArrayList<>();
    private long[] sourceBases = new long[4];
    private long lineBase;
    /** JSON keys to fields, shared by the threads that read the parts of one file. */
    private final Map<String, Integer> keyFields = new java.util.concurrent.ConcurrentHashMap<>();
    /** What to do about text that is not UTF-8: most often a CSV saved by an older Excel. */
    private static final String NOT_UTF8_HINT = "save the file as UTF-8, or read it in its encoding, for example "
            + "windows-1252";
    /** The encoding of inputs without a byte-order mark; null for UTF-8. */
    private Charset encoding;
    /** The CSV delimiter, or null to detect it from the header. */
    private Character delimiter;
    /** The number of CSV header rows, or null to recognise Qualtrics' and SurveyMonkey's. */
    private Integer headerRows;
    /** The workbook sheet to read, or null for the first. */
    private String sheet;
    /** Which values are kept; the others are counted as filtered. */
    private Predicate<? super T> filter;

    /**
     * Creates a reader.
     *
     * @param parsers makes the parser of one read (one per input)
     * @param format the format, or null to detect it per input
     * @param rejectDuplicateIds whether a row whose {@link RowParser#id()} was read before is rejected
     * @param maxChars the longest record, in characters
     * @param maxLines the most physical lines one quoted CSV field may span
     */
    RowReader(Supplier<? extends RowParser<T>> parsers, InputFormat format, boolean rejectDuplicateIds, int maxChars,
            int maxLines) {
        this.parsers = parsers;
        this.schema = parsers.get();
        this.format = format;
        this.rejectDuplicateIds = rejectDuplicateIds;
        this.maxChars = maxChars;
        this.maxLines = maxLines;
    }

    /**
     * Sets the encoding of inputs without a byte-order mark.
     *
     * @param value the encoding, or null for UTF-8
     */
    void encoding(Charset value) {
        this.encoding = value;
    }

    /** Sets the CSV delimiter, or null to detect it from the header. */
    void delimiter(Character value) {
        this.delimiter = value;
    }

    /** Sets the number of CSV header rows, or null to recognise them. */
    void headerRows(Integer value) {
        this.headerRows = value;
    }

    /** Sets the workbook sheet to read, or null for the first. */
    void sheet(String value) {
        this.sheet = value;
    }

    /** Sets which values are kept (null: all); a row none of whose values is kept counts as filtered. */
    void filter(Predicate<? super T> value) {
        this.filter = value;
    }

    /** Returns the format this reader is fixed to, or null when it detects the format per input. */
    InputFormat format() {
        return format;
    }

    /** Reads a file; messages name it as {@code file.toString()}. */
    ReadSummary read(Path file, Consumer<? super T> accepted, Consumer<? super Rejection> rejected)
            throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), accepted, rejected);
        }
    }

    /**
     * Reads a stream to its end without closing it. The format is the reader's, or else the one
     * {@code source}'s extension names, or else guessed from the first character (a leading
     * <code>&#123;</code> means JSON Lines).
     */
    ReadSummary read(InputStream in, String source, Consumer<? super T> accepted,
            Consumer<? super Rejection> rejected) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(accepted, "accepted");
        Objects.requireNonNull(rejected, "rejected");
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        boolean workbook = InputBytes.isZip(buffered);
        TextInput text = new TextInput(workbook ? XlsxText.open(buffered, source, sheet)
                : InputBytes.text(buffered, source, encoding));
        InputFormat chosen = workbook ? InputFormat.CSV : format != null ? format
                : InputFormat.fromFileName(InputBytes.withoutGzip(source)).orElse(null);
        if (chosen == null) {
            chosen = sniff(text);
        }
        Context context = new Context(source, register(source), lineBase, accepted, rejected);
        try {
            if (chosen == InputFormat.CSV) {
                readCsv(text, context, workbook ? Character.valueOf(',') : delimiter);
            } else {
                readJsonLines(text, context, 1);
                if (context.read == 0) {
                    context.warnings.add(context.source + " is empty: no rows");
                }
            }
        } finally {
            finished(context.lastLine);
        }
        return context.summary();
    }

    /**
     * Remembers an input about to be read, so that a duplicate in a later one can name it.
     *
     * @return the input's index
     */
    int register(String source) {
        int index = sources.size();
        sources.add(source);
        if (index == sourceBases.length) {
            sourceBases = Arrays.copyOf(sourceBases, index * 2);
        }
        sourceBases[index] = lineBase;
        return index;
    }

    /** Moves the global line numbering past an input whose last line was {@code lastLine}. */
    void finished(long lastLine) {
        lineBase += lastLine + 1;
    }

    /** Returns the global line number of the line before the first of the input being read. */
    long lineBase() {
        return lineBase;
    }

    /** Returns the set of the ids read so far. */
    IdSet ids() {
        return ids;
    }

    /** Returns whether rows whose id was read before are rejected. */
    boolean rejectsDuplicateIds() {
        return rejectDuplicateIds;
    }

    /** Returns the schema parser, for what every parser of this reader shares (for example, a wide mapping). */
    RowParser<T> schema() {
        return schema;
    }

    /** Returns the longest record, in characters. */
    int maxChars() {
        return maxChars;
    }

    /** Returns the most physical lines one quoted field may span. */
    int maxLines() {
        return maxLines;
    }

    /** Returns the fixed CSV delimiter, or null. */
    Character delimiter() {
        return delimiter;
    }

    /** Returns the encoding of inputs without a byte-order mark, or null for UTF-8. */
    Charset encoding() {
        return encoding;
    }

    /** Starts the state of one read, or one part of a file, of input {@code sourceIndex}. */
    Context context(String source, int sourceIndex, long base, Consumer<? super T> accepted,
            Consumer<? super Rejection> rejected) {
        return new Context(source, sourceIndex, base, accepted, rejected);
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

    private void readCsv(TextInput text, Context context, Character fixedDelimiter) throws IOException {
        CsvScanner scanner = new CsvScanner(text, maxChars, maxLines,
                // the separator is the header's: ',' or, from a European Excel, ';' (or a tab)
                fixedDelimiter != null ? fixedDelimiter : CsvScanner.detectDelimiter(text));
        CsvLayout layout = readCsvHeader(text, scanner, context);
        if (layout == null) {
            return;
        }
        readCsvRows(text, scanner, layout, context);
        if (context.read == 0) {
            context.warnings.add(context.source + " has a header but no rows");
        }
    }

    /**
     * The header of a CSV as the row loop needs it: the column names, what each column is, the
     * separator, the zones of time columns, and the raw header text for the rejects file. Every
     * parser of the same input is configured from it, so that parts of one file read on several
     * threads are read alike.
     */
    static final class CsvLayout {
        final char separator;
        final String[] names;
        final int[] kinds;
        final ZoneId[] zones;
        final String header;

        CsvLayout(char separator, String[] names, int[] kinds, ZoneId[] zones, String header) {
            this.separator = separator;
            this.names = names;
            this.kinds = kinds;
            this.zones = zones;
            this.header = header;
        }

        /** Gives a fresh parser what reading the header gave the first. */
        void configure(RowParser<?> row) {
            row.delimiter(separator);
            for (int i = 0; i < kinds.length; i++) {
                if (kinds[i] >= 0 && zones[i] != null) {
                    row.timeZone(zones[i]);
                }
            }
        }
    }

    /**
     * Reads a CSV's header rows, configures {@code context}'s parser and checks the columns.
     *
     * @return the layout, or null if the input is empty (a warning is added)
     * @throws UnreadableInputException if the header cannot be read as this reader's rows
     */
    CsvLayout readCsvHeader(TextInput text, CsvScanner scanner, Context context) throws IOException {
        char separator = scanner.delimiter();
        context.row.delimiter(separator);
        String source = context.source;
        if (!scanner.next()) {
            context.lastLine = scanner.line;
            context.warnings.add(source + " is empty: no header and no rows");
            return null;
        }
        long headerLine = scanner.line;
        context.lastLine = headerLine;
        checkHeaderRecord(text, scanner, source, headerLine);
        int columns = scanner.fields;
        String[] names = new String[columns];
        for (int i = 0; i < columns; i++) {
            names[i] = fieldText(text, scanner, i).trim();
        }
        StringBuilder header = new StringBuilder(scanner.raw());
        scanner.consume();
        HeaderRows extra = HeaderRows.read(text, scanner, names, headerRows, header);
        if (extra.problem != null) {
            throw new UnreadableInputException(source, scanner.line, extra.problem);
        }
        context.lastLine = scanner.line - 1;
        int[] kinds = new int[columns];
        ZoneId[] zones = new ZoneId[columns];
        Map<String, Integer> seen = new HashMap<>();
        RowParser<T> row = context.row;
        int[] standardColumn = new int[schema.fieldCount()];
        Arrays.fill(standardColumn, -1);
        for (int i = 0; i < columns; i++) {
            String name = names[i];
            // a question row may be shorter than the header (a ragged export): its missing cells are blank
            String question = extra.questions == null || i >= extra.questions.length ? null : extra.questions[i];
            if (name.isEmpty() && question != null && !question.isBlank()) {
                name = question.trim(); // SurveyMonkey's answer columns: no header, a label below
                names[i] = name;
            }
            if (name.isEmpty()) {
                kinds[i] = RowParser.IGNORED;
                continue;
            }
            int kind = row.fieldOf(name, question);
            kinds[i] = kind;
            if (kind == RowParser.IGNORED) {
                continue;
            }
            String key = kind >= 0 ? schema.name(kind) : name;
            Integer previous = seen.putIfAbsent(key, i + 1);
            if (previous != null) {
                throw new UnreadableInputException(source, headerLine, "the header names column '" + key
                        + "' twice (columns " + previous + " and " + (i + 1) + ")");
            }
            if (kind >= 0) {
                standardColumn[kind] = i;
                if (extra.zones != null && i < extra.zones.length && extra.zones[i] != null) {
                    zones[i] = extra.zones[i];
                    row.timeZone(extra.zones[i]);
                }
            }
        }
        String problem = row.headerProblem(standardColumn, String.join(", ", names));
        if (problem != null) {
            throw new UnreadableInputException(source, headerLine, problem);
        }
        context.header = header.toString();
        scanner.columnLabel(column -> label(names, column));
        return new CsvLayout(separator, names, kinds, zones, context.header);
    }

    /**
     * Reads CSV records up to the end of {@code text}, each accepted or rejected through
     * {@code context}. The scanner stands at the first record; its {@code line} is that record's.
     */
    void readCsvRows(TextInput text, CsvScanner scanner, CsvLayout layout, Context context) throws IOException {
        String[] names = layout.names;
        int[] kinds = layout.kinds;
        int columns = kinds.length;
        char[] scratch = new char[64];
        RowParser<T> row = context.row;
        while (scanner.next()) {
            long line = scanner.line;
            context.lastLine = line + scanner.lines - 1;
            if (scanner.tooLong != null) {
                context.reject(line, tooLong(line, context.source), scanner.tooLong);
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
                context.reject(line, label(names, column) + " is not valid UTF-8 (" + NOT_UTF8_HINT + ")",
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
                if (kind == RowParser.IGNORED) {
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
                while (from < to && isBlank(chars[from])) {
                    from++;
                }
                while (to > from && isBlank(chars[to - 1])) {
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
    }

    private void checkHeaderRecord(TextInput text, CsvScanner scanner, String source, long headerLine)
            throws UnreadableInputException {
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
            throw new UnreadableInputException(source, headerLine, "the header is not valid UTF-8 (" + NOT_UTF8_HINT + ")");
        }
    }

    /** Why an over-long line is rejected, and that its copy among the rejects is cut. */
    private String tooLong(long line, String source) {
        return "the line is longer than " + maxChars + " characters (the rejects file keeps its first " + maxChars
                + "; the whole line is line " + line + " of " + source + ")";
    }

    /**
     * Whether a character is trimmed from a value: spaces, tabs and line ends, not other control
     * characters (a {@code 9} followed by a NUL byte is not a 9).
     */
    private static boolean isBlank(char c) {
        // most characters are above the space: one comparison for them
        return c <= ' ' && (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\u000b');
    }

    /** Names a 1-based column for messages: {@code column 3 (score)}. */
    static String label(String[] names, int column) {
        return column >= 1 && column <= names.length && !names[column - 1].isEmpty()
                ? "column " + column + " (" + names[column - 1] + ")"
                : "column " + column;
    }

    /** Returns the (unescaped, untrimmed) text of a field of the current record. */
    static String fieldText(TextInput text, CsvScanner scanner, int i) {
        String s = new String(text.buf, text.start + scanner.starts[i], scanner.ends[i] - scanner.starts[i]);
        return scanner.escaped[i] ? s.replace("\"\"", "\"") : s;
    }

    // ------------------------------------------------------------------------------------------
    // JSON Lines

    /**
     * Reads JSON Lines up to the end of {@code text}, each line accepted or rejected through
     * {@code context}; the first line of {@code text} is line {@code firstLine}.
     */
    void readJsonLines(TextInput text, Context context, long firstLine) throws IOException {
        long line = firstLine - 1;
        RowParser<T> row = context.row;
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
                // a character past the limit makes the line too long, wherever the buffer ends
                if (r >= maxChars) {
                    tooLong = new String(text.buf, text.start, maxChars);
                    r = skipToLineEnd(text, r);
                    ch = r < 0 ? -1 : text.buf[text.start + r];
                    if (r < 0) {
                        r = 0;
                    }
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
                context.reject(line, tooLong(line, context.source), tooLong);
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

    private void readJsonLine(TextInput text, int start, int length, long line, Context context, RowParser<T> row,
            Set<String> attributeKeys) throws IOException {
        char[] b = text.buf;
        long absStart = text.absolute(start);
        long bad = text.takeError(absStart, absStart + length);
        if (bad >= 0) {
            context.reject(line, "not valid UTF-8 at character " + (bad - absStart + 1) + " (" + NOT_UTF8_HINT + ")",
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
                while (from < to && isBlank(chars[from])) {
                    from++;
                }
                while (to > from && isBlank(chars[to - 1])) {
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
            context.reject(line, "malformed JSON: " + JsonMessages.plain(e.getOriginalMessage()) + column, new String(b, start, length));
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
            field = schema.fieldOf(key);
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

    /** Where a row id was first seen, for the duplicate message. */
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

    /** The state of one read (or one part of a file): counters, the consumers and the row being built. */
    final class Context {
        final String source;
        final int sourceIndex;
        final long base;
        final Consumer<? super T> acceptedConsumer;
        final Consumer<? super Rejection> rejectedConsumer;
        final RowParser<T> row = parsers.get();
        final List<String> warnings = new ArrayList<>();
        String header;
        long read;
        long accepted;
        long rejected;
        long duplicates;
        long filtered;
        long unanswered;
        long records;
        long undated;
        long lastLine;
        /** While a part of a file is read on several threads: receives the ids instead of the reader's set. */
        IdBuckets collected;
        /** While a part is read again: the global lines of its duplicate rows, with their first lines. */
        Map<Long, Long> knownDuplicates;
        /** The scanner whose record {@link #scannerText} supplies. */
        private CsvScanner scannerOf;
        private RawText scannerText;
        /** The values of the row being finished, before the filter. */
        final List<T> values = new ArrayList<>(4);
        /** Collects a row's values into {@link #values}: made once, so a row allocates nothing for it. */
        private final Consumer<T> collect = values::add;

        Context(String source, int sourceIndex, long base, Consumer<? super T> accepted,
                Consumer<? super Rejection> rejected) {
            this.source = source;
            this.sourceIndex = sourceIndex;
            this.base = base;
            this.acceptedConsumer = accepted;
            this.rejectedConsumer = rejected;
        }

        /** Returns the counts of this read (or part) and its warnings. */
        ReadSummary summary() {
            return new ReadSummary(read, accepted, rejected, duplicates, filtered, unanswered, records, undated,
                    warnings);
        }

        void reject(long line, String reason, String raw) {
            read++;
            rejected++;
            rejectedConsumer.accept(new Rejection(source, line, reason, raw, header));
        }

        void finishRow(long line, CsvScanner scanner) {
            if (scannerText == null || scannerOf != scanner) {
                // made once per scanner, not once per row
                scannerOf = scanner;
                scannerText = scanner::raw;
            }
            finishRow(line, scannerText);
        }

        void finishRow(long line, RawText raw) {
            String problem = row.problem();
            if (problem != null) {
                reject(line, problem, raw.get());
                return;
            }
            if (row.unanswered()) {
                read++;
                unanswered++;
                return;
            }
            if (!row.multiple()) {
                // one value: built and handed on directly, so that the JIT can keep it off the heap
                T value = row.build();
                if (filter != null && !filter.test(value)) {
                    read++;
                    filtered++;
                    return;
                }
                if (duplicate(line, raw)) {
                    return;
                }
                read++;
                accepted++;
                records++;
                undated += row.undated() ? 1 : 0;
                acceptedConsumer.accept(value);
                return;
            }
            values.clear();
            row.build(collect);
            if (filter != null) {
                values.removeIf(v -> !filter.test(v));
                if (values.isEmpty()) {
                    read++;
                    filtered++;
                    return;
                }
            }
            if (duplicate(line, raw)) {
                return;
            }
            read++;
            accepted++;
            undated += row.undated() ? 1 : 0;
            for (int i = 0, n = values.size(); i < n; i++) {
                records++;
                acceptedConsumer.accept(values.get(i));
            }
        }

        /** Checks the row's ids against those read before; a duplicate is counted and handed on as a rejection. */
        private boolean duplicate(long line, RawText raw) {
            if (!rejectDuplicateIds) {
                return false;
            }
            for (int k = 0, n = row.idCount(); k < n; k++) {
                long first = firstOccurrence(row.idHash(k), base + line);
                if (first >= 0) {
                    String label = row.idLabel(k);
                    read++;
                    duplicates++;
                    rejectedConsumer.accept(new Rejection(source, line, "duplicate " + row.idName() + " '"
                            + row.id() + "'" + (label == null ? "" : " for " + label) + " ("
                            + firstSeen(sourceIndex, first) + ")", raw.get(), header));
                    return true;
                }
            }
            return false;
        }

        /**
         * Returns the global line of an id's first occurrence, or -1 if this is it. A part of a
         * file read on several threads first only collects its ids (none is a duplicate yet), and,
         * if some were, is read again knowing which lines are.
         */
        private long firstOccurrence(long hash, long globalLine) {
            if (collected != null) {
                collected.add(hash, globalLine);
                return -1;
            }
            if (knownDuplicates != null) {
                Long first = knownDuplicates.get(globalLine);
                return first == null ? -1 : first;
            }
            return ids.addIfAbsent(hash, globalLine);
        }
    }
}
