package dev.cxkit.core.io;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header rows of a CSV after its first: the question texts and time zones some survey
 * platforms write below the column names.
 * <ul>
 *   <li><b>Qualtrics</b>: row 1 holds column ids ({@code StartDate}, {@code ResponseId},
 *       {@code Q5}), row 2 the question texts ({@code Start Date}, {@code How likely...}), row 3
 *       JSON such as <code>{"ImportId":"startDate","timeZone":"America/Denver"}</code>, whose
 *       {@code timeZone} is the zone of that column's times. Recognised when row 2 repeats the
 *       {@code ResponseId} or {@code StartDate} column id as words.
 *   <li><b>SurveyMonkey</b>: row 1 holds the question texts (blank over a question's further
 *       answer columns), row 2 the answer labels ({@code Response}, {@code Open-Ended Response}).
 *       Recognised when row 2 is blank under {@code Respondent ID}.
 * </ul>
 * A fixed count ({@code --header-rows N}) skips N − 1 rows after the first; the second is then
 * the question texts, and any row of ImportId JSON gives time zones. Not instantiable outside.
 */
final class HeaderRows {

    private static final Pattern TIME_ZONE = Pattern.compile("\"timeZone\"\\s*:\\s*\"([^\"]+)\"");

    /** The question text of each column, or null when the file has none. */
    String[] questions;
    /** The zone of each column's times from an ImportId row, or null. */
    ZoneId[] zones;
    /** Why the header rows cannot be read, or null. */
    String problem;

    private HeaderRows() {
    }

    /**
     * Reads the header rows after the first, consuming them.
     *
     * @param names the first row's column names
     * @param count the number of header rows, or null to recognise them
     * @param header receives the raw text of every header row, after the first's
     */
    static HeaderRows read(TextInput text, CsvScanner scanner, String[] names, Integer count, StringBuilder header)
            throws IOException {
        HeaderRows rows = new HeaderRows();
        if (count != null) {
            for (int r = 2; r <= count; r++) {
                if (!scanner.next()) {
                    rows.problem = "the file has fewer than the " + count + " header rows given";
                    return rows;
                }
                String[] cells = cells(text, scanner);
                if (!rows.importIds(cells) && rows.questions == null) {
                    rows.questions = cells;
                }
                take(scanner, header);
            }
            return rows;
        }
        int responseId = column(names, "ResponseId", "StartDate");
        int respondentId = column(names, "Respondent ID");
        // look at the second row only under a platform's header: a look ahead cannot be undone for
        // a line too long to hold, which the row loop must see and report
        if ((responseId < 0 && respondentId < 0) || !scanner.next() || scanner.tooLong != null) {
            return rows;
        }
        String[] second = cells(text, scanner);
        if (responseId >= 0 && responseId < second.length && letters(second[responseId]).equals(letters(names[responseId]))
                && !second[responseId].trim().equals(names[responseId].trim())) {
            rows.questions = second; // Qualtrics
            take(scanner, header);
            if (scanner.next() && rows.importIds(cells(text, scanner))) {
                take(scanner, header);
            }
        } else if (respondentId >= 0 && (respondentId >= second.length || second[respondentId].isBlank())) {
            rows.questions = second; // SurveyMonkey
            take(scanner, header);
        }
        return rows;
    }

    /** Reads an ImportId row's time zones; returns whether the row is one. */
    private boolean importIds(String[] cells) {
        boolean any = false;
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].trim();
            if (!cell.startsWith("{\"ImportId\"")) {
                continue;
            }
            any = true;
            Matcher m = TIME_ZONE.matcher(cell);
            if (m.find()) {
                if (zones == null) {
                    zones = new ZoneId[cells.length];
                }
                try {
                    zones[i] = ZoneId.of(m.group(1));
                } catch (DateTimeException e) {
                    problem = "header column " + (i + 1) + ": time zone '" + m.group(1) + "' is not one Java knows";
                }
            }
        }
        return any;
    }

    private static void take(CsvScanner scanner, StringBuilder header) {
        header.append('\n').append(scanner.raw());
        scanner.consume();
    }

    private static String[] cells(TextInput text, CsvScanner scanner) {
        String[] cells = new String[scanner.fields];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = RowReader.fieldText(text, scanner, i);
        }
        return cells;
    }

    /** Returns the first column named exactly (ignoring case) one of {@code wanted}, or -1. */
    private static int column(String[] names, String... wanted) {
        for (int i = 0; i < names.length; i++) {
            for (String w : wanted) {
                if (names[i].equalsIgnoreCase(w)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Letters and digits only, lower case: {@code Response ID} and {@code ResponseId} are alike. */
    private static String letters(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }
}
