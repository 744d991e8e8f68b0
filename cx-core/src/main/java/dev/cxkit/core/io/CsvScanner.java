package dev.cxkit.core.io;

import java.io.IOException;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Splits CSV text into records and fields in place, without copying: field boundaries are offsets
 * relative to {@link TextInput#start}, valid until {@link #consume()}.
 *
 * <p>RFC 4180 with the usual leniencies: fields are separated by commas; a field that starts with
 * a double quote (after optional spaces or tabs) is quoted, may contain commas, line ends and
 * doubled quotes ({@code ""}), and may be followed by spaces or tabs; a quote inside an unquoted
 * field is an ordinary character. Lines end with LF, CRLF or CR. Blank lines (only spaces or tabs)
 * between records are skipped.
 *
 * <p>Recovery: a record whose quoting is malformed (a closing quote followed by other text, or a
 * quote that is never closed, or not within {@code maxLines} lines) is reported as its first
 * physical line only, and scanning resumes at the next line, so one stray quote costs one line,
 * not the rest of the file. A physical line longer than {@code maxChars} is skipped without being
 * held in memory and reported with its first {@code maxChars} characters.
 *
 * <p>Not thread-safe.
 */
final class CsvScanner {

    private static final int EOF = -1;
    private static final int TOO_LONG = -2;

    private final TextInput in;
    /** The field separator. */
    private final char delimiter;
    private final int maxChars;
    private final int maxLines;
    private IntFunction<String> columnLabel = column -> "column " + column;

    /** The physical line number where the current record starts, 1-based. */
    long line = 1;
    /** The number of fields in the current record. */
    int fields;
    /** Start offsets of field contents, relative to {@code in.start}. */
    int[] starts = new int[32];
    /** End offsets (exclusive) of field contents. */
    int[] ends = new int[32];
    /** Whether a quoted field contains doubled quotes that must be unescaped. */
    boolean[] escaped = new boolean[32];
    /** The length of the record's text (without its line end), relative to {@code in.start}. */
    int length;
    /** Where the following input starts, relative to {@code in.start}. */
    private int next;
    /** How many physical lines the record spans. */
    int lines;
    /** Why the record's quoting is malformed, or null; then the record is its first line only. */
    String malformed;
    /** For a line longer than {@code maxChars}: its first {@code maxChars} characters, else null. */
    String tooLong;
    /** For a record spanning lines: the column of the quoted field that crosses the first line end. */
    int spanningColumn;
    /**
     * Whether scanning some record ran into the end of the input (not just reached it at a
     * record's start): a record cut there may go on in text this scanner was not given. Once set,
     * stays set: a quote left open at the end is reported as its first line, and the lines after
     * it are scanned again as records that end well.
     */
    boolean endInRecord;
    private boolean endSeen;
    private int firstLineEnd;
    private int firstLineNext;

    CsvScanner(TextInput in, int maxChars, int maxLines) {
        this(in, maxChars, maxLines, ',');
    }

    /**
     * Returns the separator the first line of {@code in} uses most, outside quotes: {@code ;} for
     * the CSV of a European Excel, a tab for a TSV, else {@code ,}. Reads ahead without consuming.
     *
     * @param in the text, at the start of the header
     * @return the delimiter
     * @throws IOException if the input cannot be read
     */
    static char detectDelimiter(TextInput in) throws IOException {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; ; i++) {
            if (in.start + i >= in.limit && !in.fill()) {
                break;
            }
            char c = in.buf[in.start + i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
            if (i > 1 << 20) {
                break; // a header longer than a megabyte is not a header; the scanner will say so
            }
        }
        return semicolons > commas && semicolons >= tabs ? ';' : tabs > commas ? '\t' : ',';
    }

    /** A scanner of fields separated by {@code delimiter} ({@code ,}, {@code ;} or a tab). */
    CsvScanner(TextInput in, int maxChars, int maxLines, char delimiter) {
        this.delimiter = delimiter;
        this.in = in;
        this.maxChars = maxChars;
        this.maxLines = maxLines;
    }

    /** Returns the field separator. */
    char delimiter() {
        return delimiter;
    }

    /** Sets how a 1-based column number is named in messages, for example {@code column 3 (score)}. */
    void columnLabel(IntFunction<String> label) {
        this.columnLabel = label;
    }

    /**
     * Skips blank lines and scans the next record.
     *
     * @return false at the end of the input
     * @throws IOException if reading fails
     */
    boolean next() throws IOException {
        malformed = null;
        tooLong = null;
        fields = 0;
        while (true) {
            int p = 0;
            int c;
            while ((c = charAt(p)) == ' ' || c == '\t') {
                p++;
            }
            if (c == EOF) {
                in.start += p;
                return false;
            }
            if (c == '\n' || c == '\r') {
                in.start += p + terminatorLength(p);
                line++;
                continue;
            }
            break;
        }
        endSeen = false;
        scan();
        endInRecord |= endSeen;
        return true;
    }

    /** Moves past the current record. */
    void consume() {
        in.start += next;
        line += lines;
    }

    /**
     * Cuts a record that spans several lines down to its first physical line, so that scanning
     * resumes on the next line: for a record whose column count shows that a quote was stray.
     */
    void firstLineOnly() {
        if (lines > 1) {
            length = firstLineEnd;
            next = firstLineNext;
            lines = 1;
            fields = 0;
        }
    }

    /** Returns the text of the current record (its physical lines, verbatim). */
    String raw() {
        return tooLong != null ? tooLong : new String(in.buf, in.start, length);
    }

    private int charAt(int rel) throws IOException {
        int abs = in.start + rel;
        // the length limit is checked whatever the buffer holds, so that where the buffer happens
        // to end never decides whether a record is too long
        if (abs < in.limit && rel < maxChars) {
            return in.buf[abs];
        }
        return slowCharAt(rel);
    }

    /**
     * Returns the character at {@code rel}, filling the buffer as needed: {@link #EOF} at the end,
     * {@link #TOO_LONG} past {@code maxChars} characters. The character just after the limit is
     * looked at: a line end there ends a record of exactly {@code maxChars} characters, which is
     * not too long.
     */
    private int slowCharAt(int rel) throws IOException {
        if (rel > maxChars) {
            return TOO_LONG;
        }
        while (in.start + rel >= in.limit) {
            if (!in.fill()) {
                endSeen = true;
                return EOF;
            }
        }
        char c = in.buf[in.start + rel];
        return rel < maxChars || c == '\n' || c == '\r' ? c : TOO_LONG;
    }

    private int terminatorLength(int rel) throws IOException {
        return anyCharAt(rel) == '\r' && anyCharAt(rel + 1) == '\n' ? 2 : 1;
    }

    /** Returns a character however far from the record's start (for a line end's second half), or EOF. */
    private int anyCharAt(int rel) throws IOException {
        while (in.start + rel >= in.limit) {
            if (!in.fill()) {
                return EOF;
            }
        }
        return in.buf[in.start + rel];
    }

    private void scan() throws IOException {
        lines = 1;
        firstLineEnd = -1;
        firstLineNext = -1;
        spanningColumn = 0;
        int q = 0;
        while (true) {
            int p = q;
            int c;
            // spaces (and tabs, unless they separate fields) before a quote
            while ((c = charAt(p)) == ' ' || c == '\t' && delimiter != '\t') {
                p++;
            }
            if (c == '"') {
                int column = fields + 1;
                int contentStart = p + 1;
                boolean doubled = false;
                int r = contentStart;
                while (true) {
                    int ch = charAt(r);
                    if (ch == '"') {
                        if (charAt(r + 1) == '"') {
                            doubled = true;
                            r += 2;
                            continue;
                        }
                        break;
                    }
                    if (ch == '\n' || ch == '\r') {
                        int t = terminatorLength(r);
                        if (firstLineEnd < 0) {
                            firstLineEnd = r;
                            firstLineNext = r + t;
                            spanningColumn = column;
                        }
                        r += t;
                        lines++;
                        if (lines > maxLines) {
                            malformed(firstLineEnd, firstLineNext, r, "the quote opened in " + columnLabel.apply(column)
                                    + " is not closed within " + maxLines + " lines");
                            return;
                        }
                        continue;
                    }
                    if (ch == EOF) {
                        malformed(firstLineEnd, firstLineNext, r, "the quote opened in " + columnLabel.apply(column)
                                + " is never closed");
                        return;
                    }
                    if (ch == TOO_LONG) {
                        if (firstLineEnd >= 0) {
                            malformed(firstLineEnd, firstLineNext, r, "the quote opened in "
                                    + columnLabel.apply(column) + " is not closed within " + maxChars + " characters");
                        } else {
                            skipLongLine(r);
                        }
                        return;
                    }
                    r++;
                }
                addField(contentStart, r, doubled);
                int after = r + 1;
                int c2;
                while ((c2 = charAt(after)) == ' ' || c2 == '\t' && delimiter != '\t') {
                    after++;
                }
                if (c2 == delimiter) {
                    q = after + 1;
                    continue;
                }
                if (c2 == '\n' || c2 == '\r' || c2 == EOF) {
                    end(after, c2);
                    return;
                }
                if (c2 == TOO_LONG) {
                    skipLongLine(after);
                    return;
                }
                String where = lines > 1 ? " on line " + (line + lines - 1) : "";
                malformed(firstLineEnd, firstLineNext, after, firstLineEnd >= 0
                        ? "the quote opened in " + columnLabel.apply(column) + " does not close properly (text after "
                                + "the closing quote" + where + ")"
                        : "text after the closing quote in " + columnLabel.apply(column));
                return;
            }
            // Unquoted field: the hot loop.
            int r = p;
            int ch;
            char[] b = in.buf;
            int s = in.start;
            int lim = (int) Math.min(in.limit, (long) s + maxChars);
            while (true) {
                int abs = s + r;
                if (abs >= lim) {
                    ch = slowCharAt(r);
                    if (ch < 0 || r >= maxChars) {
                        break; // the end, too long, or the line end just after the limit
                    }
                    b = in.buf;
                    s = in.start;
                    lim = (int) Math.min(in.limit, (long) s + maxChars);
                    continue;
                }
                char x = b[abs];
                if (x == delimiter || x == '\n' || x == '\r') {
                    ch = x;
                    break;
                }
                r++;
            }
            if (ch == TOO_LONG) {
                skipLongLine(r);
                return;
            }
            addField(p, r, false);
            if (ch == delimiter) {
                q = r + 1;
                continue;
            }
            end(r, ch);
            return;
        }
    }

    private void end(int r, int ch) throws IOException {
        length = r;
        next = ch == EOF ? r : r + terminatorLength(r);
    }

    private void addField(int start, int end, boolean doubled) {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
            escaped = Arrays.copyOf(escaped, fields * 2);
        }
        starts[fields] = start;
        ends[fields] = end;
        escaped[fields] = doubled;
        fields++;
    }

    /** Reports the record as its first physical line, to be rejected; scanning resumes after it. */
    private void malformed(int firstLineEnd, int firstLineNext, int from, String reason) throws IOException {
        malformed = reason;
        fields = 0;
        lines = 1;
        if (firstLineEnd >= 0) {
            length = firstLineEnd;
            next = firstLineNext;
            return;
        }
        int r = from;
        int ch;
        while ((ch = charAt(r)) != '\n' && ch != '\r' && ch != EOF && ch != TOO_LONG) {
            r++;
        }
        if (ch == TOO_LONG) {
            skipLongLine(r);
            return;
        }
        end(r, ch);
    }

    /** Keeps the first {@code maxChars} characters and discards the rest of the current line. */
    private void skipLongLine(int from) throws IOException {
        tooLong = new String(in.buf, in.start, Math.min(maxChars, in.limit - in.start));
        malformed = null;
        fields = 0;
        int r = from;
        while (true) {
            int abs = in.start + r;
            if (abs >= in.limit) {
                in.start = in.limit;
                r = 0;
                if (!in.fill()) {
                    endSeen = true;
                    length = 0;
                    next = 0;
                    return;
                }
                continue;
            }
            char ch = in.buf[abs];
            if (ch == '\n' || ch == '\r') {
                length = r;
                next = r + terminatorLength(r);
                return;
            }
            r++;
        }
    }
}
