// Over 500 lines on purpose: what a file looks like, what each column holds and the mapping that
// reads it are one judgement, made in one pass over the file; splitting it would spread the rules.
package dev.cxkit.core.io;

import dev.cxkit.core.score.Metric;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a survey export looks like and how to read it: the container (CSV, gzip, {@code .xlsx}),
 * the platform it seems to come from, its header rows, delimiter, encoding and row count, what
 * each column holds (filled cells, numeric range, answer labels, times, examples), and a proposed
 * {@link ColumnMapping}: which columns hold the NPS, CSAT and CES ratings, the response id, the
 * time and the comment. It is where an analyst starts: {@link #commandLine(String, String)} gives
 * the {@code cx} command that reads the file, {@link ColumnMapping#toYaml()} the mapping file.
 *
 * <p>The guesses are guesses: a rating column is proposed only when its header or question says
 * what it asks ("recommend", "satisfied", "easy") or its answers are the metric's labels, and its
 * values fit the metric's scale; {@link #notes()} says what could not be decided (a day/month
 * order, a missing id).
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the file as named
 * @param container {@code CSV}, {@code gzip CSV}, {@code xlsx workbook, sheet NAME} or {@code JSON Lines}
 * @param platform the platform the file looks like it comes from, or {@code unknown}
 * @param headerRows the number of header rows
 * @param delimiter the CSV delimiter ({@code ,} for workbooks and JSON Lines)
 * @param encoding the encoding that reads the file without errors ({@code UTF-8}, {@code UTF-16},
 *     {@code windows-1252})
 * @param rows the number of data rows
 * @param columns what each column holds, in file order
 * @param mapping the proposed mapping
 * @param notes what the analyst should know or decide, in plain words
 * @since 0.1.0
 */
public record ExportInspection(String source, String container, String platform, int headerRows, char delimiter,
        String encoding, long rows, List<Column> columns, ColumnMapping mapping, List<String> notes) {

    /** How many distinct values a column keeps as examples and counts exactly. */
    static final int MAX_DISTINCT = 50;

    private static final Metric[] METRICS = {Metric.NPS, Metric.CSAT, Metric.CES};

    /**
     * What one column holds.
     *
     * @param name the header (the question text for SurveyMonkey's answer columns)
     * @param question the question text of a second header row, or null
     * @param filled the number of non-empty cells
     * @param distinct the number of distinct values, at most {@value #MAX_DISTINCT} (more: {@code MAX_DISTINCT + 1})
     * @param min the smallest whole number, or null when no cell is one
     * @param max the largest whole number, or null
     * @param wholeNumbers the number of cells that are whole numbers
     * @param labels the number of cells that are answer labels of NPS, CSAT and CES (by {@link Metric.Kind} order)
     * @param times the number of cells that read as times
     * @param examples up to five distinct values, in order of appearance
     * @param role what the proposed mapping uses the column for ({@code nps}, {@code id}, {@code time},
     *     ...), or null
     */
    public record Column(String name, @Nullable String question, long filled, int distinct, @Nullable Long min,
            @Nullable Long max, long wholeNumbers, List<Long> labels, long times, List<String> examples,
            @Nullable String role) {

        /** Copies the lists. */
        public Column {
            Objects.requireNonNull(name, "name");
            labels = List.copyOf(labels);
            examples = List.copyOf(examples);
        }

        /** Returns the header or, when there is one, the question text, for matching words. */
        String words() {
            return (name + " " + (question == null ? "" : question)).toLowerCase(Locale.ROOT);
        }

        Column withRole(String value) {
            return new Column(name, question, filled, distinct, min, max, wholeNumbers, labels, times, examples, value);
        }
    }

    /** Copies the lists. */
    public ExportInspection {
        columns = List.copyOf(columns);
        notes = List.copyOf(notes);
    }

    /**
     * Inspects a file.
     *
     * @param file the file
     * @param given what is already known (sheet, encoding, header rows, delimiter); {@link ColumnMapping#STANDARD} if nothing
     * @return what the file looks like and the mapping that reads it
     * @throws UnreadableInputException if the file is not a CSV, workbook or JSON Lines file at all
     * @throws IOException if the file cannot be read
     */
    public static ExportInspection of(Path file, ColumnMapping given) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(given, "given");
        Scan scan = scan(file, given, given.encoding());
        if (scan.invalidUtf8 && given.encoding() == null && !scan.utf16 && !scan.workbook) {
            Scan again = scan(file, given, Charset.forName("windows-1252"));
            again.notes.add(0, "the text is not UTF-8; read as windows-1252 (an older Excel's CSV): keep --encoding "
                    + "windows-1252, or save the file as UTF-8");
            return again.finish(file.toString(), given, "windows-1252");
        }
        return scan.finish(file.toString(), given, given.encoding() != null ? given.encoding().name()
                : scan.utf16 ? "UTF-16" : "UTF-8");
    }

    /**
     * Returns the {@code cx} command line that reads the file with the proposed mapping.
     *
     * @param command the command, for example {@code score} or {@code report --responses}
     * @param file the file as the analyst types it
     * @return the command line, its values quoted for a POSIX shell where needed
     */
    public String commandLine(String command, String file) {
        StringBuilder b = new StringBuilder("cx ").append(command).append(' ').append(shell(file));
        for (Map.Entry<String, String> option : options().entrySet()) {
            b.append(" --").append(option.getKey());
            if (option.getValue() != null) {
                b.append(' ').append(shell(option.getValue()));
            }
        }
        return b.toString();
    }

    /** The command-line options of the proposed mapping, in the order the mapping file writes them. */
    private Map<String, String> options() {
        Map<String, String> o = new LinkedHashMap<>();
        mapping.ratings().forEach((kind, column) -> o.put(kind.name().toLowerCase(Locale.ROOT), column));
        put(o, "id", mapping.id());
        put(o, "time", mapping.time());
        put(o, "customer", mapping.customer());
        put(o, "comment", mapping.comment());
        put(o, "weight", mapping.weight());
        put(o, "metric-column", mapping.metricColumn());
        put(o, "score-column", mapping.scoreColumn());
        if (!mapping.metricCodes().isEmpty()) {
            List<String> pairs = new ArrayList<>();
            mapping.metricCodes().forEach((code, metric) -> pairs.add(code + "=" + metric.id()));
            o.put("metric-map", String.join(",", pairs));
        }
        put(o, "time-format", mapping.timeFormat());
        put(o, "sheet", mapping.sheet());
        put(o, "encoding", mapping.encoding() == null ? null : mapping.encoding().name());
        return o;
    }

    private static void put(Map<String, String> o, String key, String value) {
        if (value != null) {
            o.put(key, value);
        }
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@+-]+");

    /** Quotes a value for a POSIX shell when it needs it: {@code 'How likely ... ?'}. */
    static String shell(String value) {
        return PLAIN.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
    }

    // ---- the scan ---------------------------------------------------------------------------------

    /** The running state of one pass over the file. */
    private static final class Scan {
        String container = "CSV";
        boolean workbook;
        boolean utf16;
        boolean jsonLines;
        boolean invalidUtf8;
        char delimiter = ',';
        int headerRows = 1;
        String[] names = new String[0];
        String[] questions;
        boolean importIds;
        long rows;
        ColumnStats[] stats = new ColumnStats[0];
        final List<String> notes = new ArrayList<>();

        ExportInspection finish(String source, ColumnMapping given, String encoding) {
            List<Column> columns = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                columns.add(stats[i].column(names[i], questions == null || i >= questions.length ? null
                        : blankToNull(questions[i])));
            }
            String platform = platform();
            Proposal proposal = propose(columns, given, this);
            ColumnMapping.Builder mapping = proposal.mapping;
            if (given.sheet() != null) {
                mapping.sheet(given.sheet());
            }
            if (encoding.equals("windows-1252")) {
                mapping.encoding(Charset.forName("windows-1252"));
            }
            return new ExportInspection(source, container, platform, headerRows, delimiter, encoding, rows,
                    proposal.columns, mapping.build(), notes);
        }

        String platform() {
            List<String> lower = new ArrayList<>();
            for (String n : names) {
                lower.add(n.toLowerCase(Locale.ROOT));
            }
            if (importIds || (headerRows == 3 && lower.contains("responseid"))) {
                return "Qualtrics";
            }
            if (lower.contains("respondent id") && lower.contains("collector id")) {
                return "SurveyMonkey";
            }
            if (lower.contains("network id") || lower.stream().anyMatch(n -> n.startsWith("submit date"))) {
                return "Typeform";
            }
            if (lower.contains("response timestamp") || (lower.contains("score") && lower.contains("person id"))) {
                return "Delighted";
            }
            if (!lower.isEmpty() && lower.get(0).equals("timestamp")) {
                return "Google Forms";
            }
            if (lower.contains("metric") && lower.contains("score")) {
                return "cx long format";
            }
            return "unknown";
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Scan scan(Path file, ColumnMapping given, Charset encoding) throws IOException {
        Scan scan = new Scan();
        try (InputStream raw = Files.newInputStream(file)) {
            BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
            scan.workbook = InputBytes.isZip(in);
            in.mark(4);
            byte[] magic = in.readNBytes(4);
            in.reset();
            scan.utf16 = magic.length >= 2 && ((magic[0] & 0xff) == 0xff && (magic[1] & 0xff) == 0xfe
                    || (magic[0] & 0xff) == 0xfe && (magic[1] & 0xff) == 0xff);
            boolean gzip = magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b;
            String source = file.toString();
            TextInput text = new TextInput(scan.workbook ? XlsxText.open(in, source, given.sheet())
                    : InputBytes.text(in, source, encoding));
            if (scan.workbook) {
                scan.container = "xlsx workbook, sheet " + (given.sheet() == null ? "1" : given.sheet());
            } else if (gzip) {
                scan.container = "gzip CSV";
            }
            if (!scan.workbook && startsWithBrace(text)) {
                scan.container = gzip ? "gzip JSON Lines" : "JSON Lines";
                scan.jsonLines = true;
                scan.notes.add("JSON Lines: keys are read as column names; map them with the same options");
                return scan;
            }
            scanCsv(text, scan, given);
        }
        return scan;
    }

    private static boolean startsWithBrace(TextInput text) throws IOException {
        for (int i = 0; ; i++) {
            if (text.start + i >= text.limit && !text.fill()) {
                return false;
            }
            char c = text.buf[text.start + i];
            if (!Character.isWhitespace(c) && c != '\ufeff') {
                return c == '{';
            }
        }
    }

    private static void scanCsv(TextInput text, Scan scan, ColumnMapping given) throws IOException {
        scan.delimiter = scan.workbook ? ',' : given.delimiter() != null ? given.delimiter()
                : CsvScanner.detectDelimiter(text);
        CsvScanner scanner = new CsvScanner(text, ResponseReader.MAX_RECORD_CHARS, ResponseReader.MAX_RECORD_LINES,
                scan.delimiter);
        if (!scanner.next()) {
            scan.notes.add("the file is empty");
            return;
        }
        String[] names = new String[scanner.fields];
        for (int i = 0; i < names.length; i++) {
            names[i] = RowReader.fieldText(text, scanner, i).trim();
        }
        scanner.consume();
        StringBuilder header = new StringBuilder();
        HeaderRows extra = HeaderRows.read(text, scanner, names, given.headerRows(), header);
        scan.headerRows = 1 + (int) header.chars().filter(c -> c == '\n').count();
        scan.questions = extra.questions;
        scan.importIds = extra.zones != null || header.indexOf("{\"ImportId\"") >= 0;
        for (int i = 0; i < names.length; i++) {
            if (names[i].isEmpty() && extra.questions != null && i < extra.questions.length
                    && !extra.questions[i].isBlank()) {
                names[i] = extra.questions[i].trim();
            }
        }
        scan.names = names;
        scan.stats = new ColumnStats[names.length];
        boolean decimalComma = given.decimalComma() != null ? given.decimalComma() : scan.delimiter == ';';
        for (int i = 0; i < names.length; i++) {
            scan.stats[i] = new ColumnStats(decimalComma);
        }
        while (scanner.next()) {
            if (scanner.tooLong != null || scanner.malformed != null) {
                scanner.consume();
                continue;
            }
            long start = text.absolute(text.start);
            if (text.takeError(start, start + scanner.length) >= 0) {
                scan.invalidUtf8 = true;
            }
            scan.rows++;
            for (int i = 0; i < Math.min(scanner.fields, names.length); i++) {
                String cell = RowReader.fieldText(text, scanner, i).trim();
                if (!cell.isEmpty()) {
                    scan.stats[i].add(cell);
                }
            }
            scanner.consume();
        }
    }

    // ---- what a column holds --------------------------------------------------------------------

    /** Accumulates what the cells of one column are. */
    private static final class ColumnStats {
        private final boolean decimalComma;
        private final Timestamps timestamps = new Timestamps();
        final Map<String, Integer> distinct = new LinkedHashMap<>();
        boolean many;
        long filled;
        long whole;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        final long[] labels = new long[3];
        long times;
        long zoneless;
        long dayFirst;
        long monthFirst;
        long ambiguous;
        String firstTime;

        ColumnStats(boolean decimalComma) {
            this.decimalComma = decimalComma;
            timestamps.zone(ZoneOffset.UTC);
        }

        void add(String cell) {
            filled++;
            if (!many) {
                distinct.merge(cell, 1, Integer::sum);
                if (distinct.size() > MAX_DISTINCT) {
                    many = true;
                }
            }
            Long number = whole(cell);
            if (number != null) {
                whole++;
                min = Math.min(min, number);
                max = Math.max(max, number);
                return;
            }
            for (int k = 0; k < METRICS.length; k++) {
                if (AnswerLabels.standard().rating(METRICS[k], cell).isPresent()) {
                    labels[k]++;
                }
            }
            char[] a = cell.toCharArray();
            String problem = timestamps.parse("t", a, 0, a.length);
            if (problem == null) {
                times++;
                if (firstTime == null) {
                    firstTime = cell;
                }
                if (!hasOffset(cell)) {
                    zoneless++;
                }
            } else if (problem.contains("could be")) {
                ambiguous++;
                if (firstTime == null) {
                    firstTime = cell;
                }
            }
            Matcher slash = SLASH_DATE.matcher(cell);
            if (slash.lookingAt() && slash.group(3).length() == 4) {
                int first = Integer.parseInt(slash.group(1));
                int second = Integer.parseInt(slash.group(2));
                dayFirst += first > 12 ? 1 : 0;
                monthFirst += second > 12 ? 1 : 0;
            }
        }

        private Long whole(String cell) {
            String c = decimalComma ? cell.replace(',', '.') : cell;
            int end = c.length();
            if (c.endsWith(".0")) {
                end -= 2;
            }
            if (end == 0 || end > 12) {
                return null;
            }
            for (int i = 0; i < end; i++) {
                char ch = c.charAt(i);
                if (!(ch >= '0' && ch <= '9') && !(i == 0 && ch == '-' && end > 1)) {
                    return null;
                }
            }
            return Long.parseLong(c.substring(0, end));
        }

        Column column(String name, String question) {
            List<String> examples = new ArrayList<>();
            for (String v : distinct.keySet()) {
                if (examples.size() == 5) {
                    break;
                }
                examples.add(v.length() > 40 ? v.substring(0, 37) + "..." : v);
            }
            return new Column(name, question, filled, many ? MAX_DISTINCT + 1 : distinct.size(),
                    whole > 0 ? min : null, whole > 0 ? max : null, whole, List.of(labels[0], labels[1], labels[2]),
                    times + ambiguous, examples, null);
        }
    }

    private static final Pattern SLASH_DATE = Pattern.compile("(\\d{1,2})[/-](\\d{1,2})[/-](\\d{2,4})");
    private static final Pattern OFFSET = Pattern.compile(".*(Z|[+-]\\d{2}:?\\d{2}|GMT[+-]?\\d*|UTC)$");

    private static boolean hasOffset(String cell) {
        return OFFSET.matcher(cell.trim()).matches();
    }

    // ---- the proposal ---------------------------------------------------------------------------

    private record Proposal(ColumnMapping.Builder mapping, List<Column> columns) {
    }

    private static final String[][] WORDS = {
        {"recommend", "likely", "nps", "ltr", "score"},
        {"satisf", "csat", "osat"},
        {"easy", "effort", "ces", "ease"},
    };

    private static Proposal propose(List<Column> columns, ColumnMapping given, Scan scan) {
        ColumnMapping.Builder b = ColumnMapping.builder();
        String[] roles = new String[columns.size()];
        if (given.headerRows() != null) {
            b.headerRows(given.headerRows());
        }
        if (given.delimiter() != null) {
            b.delimiter(given.delimiter());
        }
        int metricColumn = find(columns, "metric", "question", "question id", "metric code", "item");
        int scoreColumn = find(columns, "score", "answer", "rating", "value", "response");
        boolean standardLong = index(columns, "metric") >= 0 && index(columns, "score") >= 0;
        if (standardLong) {
            roles[index(columns, "metric")] = "metric";
            roles[index(columns, "score")] = "score";
        } else if (metricColumn >= 0 && scoreColumn >= 0 && codes(scan.stats[metricColumn]) != null) {
            b.metricColumn(columns.get(metricColumn).name()).scoreColumn(columns.get(scoreColumn).name());
            codes(scan.stats[metricColumn]).forEach(b::metricCode);
            roles[metricColumn] = "metric-column";
            roles[scoreColumn] = "score-column";
        } else {
            boolean any = false;
            for (int k = 0; k < METRICS.length; k++) {
                int best = ratingColumn(columns, roles, k);
                if (best >= 0) {
                    b.rating(METRICS[k], columns.get(best).name());
                    roles[best] = METRICS[k].id();
                    any = true;
                }
            }
            if (!any) {
                scan.notes.add("no column looks like an NPS (0-10), CSAT (1-5) or CES (1-7) rating by its header, "
                        + "question or answers: name them with --nps, --csat and --ces");
            }
        }
        int id = firstUnused(columns, roles, "responseid", "response_id", "response id", "respondent id", "#",
                "survey id", "id", "record id");
        if (id >= 0 && !standardLong) {
            Column c = columns.get(id);
            // one id per row of a wide file; a long file repeats it once per metric
            boolean longFile = roles[Math.max(metricColumn, 0)] != null && metricColumn >= 0;
            if (longFile || c.distinct() > MAX_DISTINCT || c.distinct() == c.filled()) {
                b.id(c.name());
                roles[id] = "id";
            }
        }
        if (id < 0 && !standardLong) {
            scan.notes.add("no response id column: duplicates cannot be found (name one with --id)");
        }
        int time = timeColumn(columns, roles);
        if (time >= 0 && !(standardLong && columns.get(time).name().equalsIgnoreCase("submitted_at"))) {
            b.time(columns.get(time).name());
            roles[time] = "time";
        }
        if (time >= 0) {
            timeNotes(scan.stats[time], columns.get(time), b, scan);
        }
        int customer = firstUnused(columns, roles, "customer_id", "customer id", "customerid", "person id",
                "externalreference", "external reference", "contact id");
        if (customer >= 0 && !standardLong) {
            b.customer(columns.get(customer).name());
            roles[customer] = "customer";
        }
        int comment = commentColumn(columns, roles);
        if (comment >= 0 && !columns.get(comment).name().equalsIgnoreCase("comment")) {
            b.comment(columns.get(comment).name());
            roles[comment] = "comment";
        }
        List<Column> described = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            described.add(columns.get(i).withRole(roles[i]));
        }
        return new Proposal(b, described);
    }

    private static int ratingColumn(List<Column> columns, String[] roles, int k) {
        Metric m = METRICS[k];
        int best = -1;
        long bestScore = 0;
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (roles[i] != null || c.filled() == 0) {
                continue;
            }
            long labelled = c.labels().get(k);
            long numbers = c.wholeNumbers();
            boolean fits = numbers > 0 && c.min() >= m.min() && c.max() <= m.max();
            if (numbers > 0 && !fits) {
                continue;
            }
            // every filled cell must be a number or a label of this metric
            if (numbers + labelled < c.filled()) {
                continue;
            }
            boolean words = mentions(c.words(), WORDS[k]);
            boolean labels = labelled > 0 && k != 0; // NPS labels only mark the scale's ends
            long score = (words ? 2 : 0) + (labels ? 2 : 0) + (k == 0 && c.max() != null && c.max() > 7 ? 1 : 0);
            if ((words || labels) && score > bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    private static boolean mentions(String words, String[] wanted) {
        for (String w : wanted) {
            if (w.length() <= 4 ? Pattern.compile("\\b" + Pattern.quote(w) + "\\b").matcher(words).find()
                    : words.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** The codes of a metric column, each mapped to the metric its words name; null if any code is unknown. */
    private static Map<String, Metric> codes(ColumnStats c) {
        if (c.distinct.isEmpty() || c.many || c.distinct.size() > 12) {
            return null;
        }
        Map<String, Metric> codes = new LinkedHashMap<>();
        for (String code : c.distinct.keySet()) {
            String words = code.toLowerCase(Locale.ROOT);
            Metric found = null;
            for (int k = 0; k < METRICS.length; k++) {
                if (mentions(words, WORDS[k])) {
                    found = METRICS[k];
                    break;
                }
            }
            if (found == null) {
                return null;
            }
            codes.put(code, found);
        }
        return codes;
    }

    private static int timeColumn(List<Column> columns, String[] roles) {
        String[] preferred = {"submitted_at", "recordeddate", "recorded date", "submit date", "end date", "enddate",
            "timestamp", "response timestamp", "response date", "date", "submitted", "completed"};
        for (String p : preferred) {
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                if (roles[i] == null && c.times() > 0 && c.times() * 2 >= c.filled()
                        && c.name().toLowerCase(Locale.ROOT).startsWith(p)) {
                    return i;
                }
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (roles[i] == null && c.filled() > 0 && c.times() * 2 >= c.filled()) {
                return i;
            }
        }
        return -1;
    }

    private static void timeNotes(ColumnStats s, Column c, ColumnMapping.Builder b, Scan scan) {
        if (s.ambiguous > 0 && s.dayFirst > 0 && s.monthFirst == 0) {
            b.timeFormat(pattern(s.firstTime, true));
        } else if (s.ambiguous > 0 && s.monthFirst > 0 && s.dayFirst == 0) {
            b.timeFormat(pattern(s.firstTime, false));
        } else if (s.ambiguous > 0) {
            scan.notes.add("'" + c.name() + "' writes dates like '" + s.firstTime + "' whose day and month cannot be "
                    + "told apart: give --time-format, 'dd/MM/yyyy HH:mm' or 'MM/dd/yyyy HH:mm'");
        }
        if (s.zoneless > 0 && !scan.importIds) {
            scan.notes.add("'" + c.name() + "' has times without an offset: they are read in --zone (default UTC)"
                    + (c.name().toUpperCase(Locale.ROOT).contains("(UTC)") ? ", and the header says UTC" : ""));
        }
    }

    /** Derives a time-format pattern from a slash date such as {@code 03/04/2026 17:12}. */
    static String pattern(String sample, boolean dayFirst) {
        Matcher m = Pattern.compile("(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{2,4})(?:([ T])(\\d{1,2}):(\\d{2})(:\\d{2})?"
                + "(\\s*[AaPp][Mm])?)?").matcher(sample);
        if (!m.lookingAt()) {
            return null;
        }
        String sep = m.group(2);
        String date = (dayFirst ? "d" + sep + "M" : "M" + sep + "d") + sep + (m.group(4).length() == 2 ? "yy" : "yyyy");
        if (m.group(6) == null) {
            return date;
        }
        boolean twelve = m.group(9) != null;
        return date + m.group(5) + (twelve ? "h" : "H") + ":mm" + (m.group(8) != null ? ":ss" : "")
                + (twelve ? (m.group(9).startsWith(" ") ? " a" : "a") : "");
    }

    private static int commentColumn(List<Column> columns, String[] roles) {
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (roles[i] == null && c.wholeNumbers() == 0 && c.filled() > 0
                    && mentions(c.words(), new String[] {"comment", "why", "anything else", "feedback", "reason",
                        "better", "improve", "tell us"})) {
                return i;
            }
        }
        return -1;
    }

    private static int find(List<Column> columns, String... names) {
        for (String n : names) {
            int i = index(columns, n);
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int firstUnused(List<Column> columns, String[] roles, String... names) {
        for (String n : names) {
            int i = index(columns, n);
            if (i >= 0 && roles[i] == null) {
                return i;
            }
        }
        return -1;
    }

    private static int index(List<Column> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
