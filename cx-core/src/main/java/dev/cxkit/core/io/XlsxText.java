package dev.cxkit.core.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * One sheet of an {@code .xlsx} workbook as CSV text (UTF-8, comma-separated), streamed row by
 * row with fastexcel-reader, so that a workbook goes through the same reader, messages and
 * rejects file as a CSV: row N of the sheet is line N. Cells become text as Excel shows their
 * value: numbers in plain decimal ({@code 9}, {@code 1.5}), dates and times as ISO-8601 without an
 * offset ({@code 2026-03-04T17:12:33}, read in the reader's zone), booleans as {@code true} or
 * {@code false}, formulas as their cached value.
 *
 * <p>fastexcel-reader is an optional dependency of cx-core: {@link #open} says how to add it when
 * it is missing. Not thread-safe.
 */
final class XlsxText extends InputStream {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private final ReadableWorkbook workbook;
    private final Stream<Row> rows;
    private final Iterator<Row> iterator;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private final StringBuilder text = new StringBuilder(256);
    private byte[] buffer = new byte[0];
    private int position;
    private int nextRow = 1;

    private XlsxText(ReadableWorkbook workbook, Stream<Row> rows) {
        this.workbook = workbook;
        this.rows = rows;
        this.iterator = rows.iterator();
    }

    /**
     * Opens a sheet as CSV text.
     *
     * @param in the workbook's bytes, read to the end here
     * @param source the input's name, for messages
     * @param sheetName the sheet, or null for the first
     * @throws UnreadableInputException if fastexcel-reader is missing, the bytes are not a
     *     workbook, or the sheet does not exist (the message lists the sheets)
     * @throws IOException if the input cannot be read
     */
    static InputStream open(InputStream in, String source, String sheetName) throws IOException {
        try {
            Class.forName("org.dhatim.fastexcel.reader.ReadableWorkbook", false, XlsxText.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UnreadableInputException(source, 1, "this is an Excel workbook (.xlsx); reading it needs "
                    + "org.dhatim:fastexcel-reader on the class path (the cx command has it), or save the sheet as CSV");
        }
        ReadableWorkbook workbook;
        try {
            workbook = new ReadableWorkbook(in, new ReadingOptions(true, false));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableInputException(source, 1, "this is a zip archive but not an Excel workbook that can "
                    + "be read (" + e.getMessage() + ")");
        }
        Optional<Sheet> sheet = sheetName == null ? Optional.of(workbook.getFirstSheet())
                : workbook.findSheet(sheetName);
        if (sheet.isEmpty()) {
            String names = workbook.getSheets().map(Sheet::getName).collect(Collectors.joining(", "));
            workbook.close();
            throw new UnreadableInputException(source, 1, "the workbook has no sheet '" + sheetName + "' (sheets: "
                    + names + ")");
        }
        return new XlsxText(workbook, sheet.get().openStream());
    }

    @Override
    public int read() throws IOException {
        if (position == buffer.length && !fill()) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position == buffer.length && !fill()) {
            return -1;
        }
        int n = Math.min(len, buffer.length - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    /** Turns the next row into a line (with blank lines for skipped rows); false at the end. */
    private boolean fill() throws IOException {
        if (!iterator.hasNext()) {
            return false;
        }
        Row row = iterator.next();
        text.setLength(0);
        while (nextRow < row.getRowNum()) {
            text.append('\n');
            nextRow++;
        }
        List<Cell> cells = row.getCells(0, row.getCellCount());
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            appendQuoted(text, cellText(cells.get(i)));
        }
        text.append('\n');
        nextRow = row.getRowNum() + 1;
        line.reset();
        line.write(text.toString().getBytes(StandardCharsets.UTF_8));
        buffer = line.toByteArray();
        position = 0;
        return true;
    }

    /** The text Excel shows for a cell's value. */
    static String cellText(Cell cell) {
        if (cell == null) {
            return "";
        }
        switch (cell.getType()) {
            case NUMBER:
                if (isDate(cell.getDataFormatString())) {
                    LocalDateTime t = cell.asDate();
                    String iso = DATE_TIME.format(t);
                    return hasTime(cell.getDataFormatString()) ? iso : iso.substring(0, 10);
                }
                BigDecimal n = cell.asNumber();
                return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
            case BOOLEAN:
                return String.valueOf(cell.asBoolean());
            case EMPTY:
                return "";
            case STRING:
                return cell.asString();
            default:
                String raw = cell.getRawValue();
                return raw == null ? "" : raw;
        }
    }

    /** Whether a number format shows a date: it has a day, month or year outside quotes and brackets. */
    private static boolean isDate(String format) {
        if (format == null) {
            return false;
        }
        String f = unquoted(format);
        return f.indexOf('y') >= 0 || f.indexOf('d') >= 0 || (f.indexOf('m') >= 0 && f.indexOf('0') < 0)
                || f.indexOf('h') >= 0;
    }

    private static boolean hasTime(String format) {
        String f = unquoted(format);
        return f.indexOf('h') >= 0 || f.indexOf('s') >= 0;
    }

    private static String unquoted(String format) {
        return format.toLowerCase(java.util.Locale.ROOT).replaceAll("\"[^\"]*\"|\\[[^]]*]|\\\\.", "");
    }

    private static void appendQuoted(StringBuilder b, String value) {
        boolean quote = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            b.append(value);
            return;
        }
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                b.append('"');
            }
            b.append(c);
        }
        b.append('"');
    }

    @Override
    public void close() throws IOException {
        rows.close();
        workbook.close();
    }
}
