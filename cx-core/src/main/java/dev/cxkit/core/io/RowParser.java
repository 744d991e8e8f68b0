package dev.cxkit.core.io;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.time.ZoneId;
import java.util.function.Consumer;

/**
 * Turns the fields of one row, given as character ranges, into a value or the reason it is
 * rejected: the part of a reader that knows what a row means. One instance is reused for every row
 * of an input; {@link RowReader} does the splitting.
 *
 * <p>Values arrive trimmed and non-empty (an empty value is a missing one). Each setter must parse
 * its value at once, because the characters may be overwritten afterwards; checks that need several
 * fields run in {@link #problem()}. This base class keeps what every row has: which standard fields
 * were seen (a JSON key given twice is a problem), the first problem that is not about one field's
 * value, and the attributes (columns that are not standard fields).
 *
 * <p>Not thread-safe.
 *
 * @param <T> the value one row becomes
 */
abstract class RowParser<T> {

    /** Any other column: an attribute. */
    static final int ATTRIBUTE = -1;
    /** A CSV column without a name: ignored. */
    static final int IGNORED = -2;

    /** Reuses the strings of short values that repeat from row to row. */
    final StringCache strings = new StringCache();
    /** Parses timestamps; its results are fields, so parse one value at a time. */
    final Timestamps timestamps = new Timestamps();

    private final String[] names;
    private final int[] required;
    private final LinkedHashMap<String, String> attributes = new LinkedHashMap<>();
    private int seen;
    private String otherProblem;

    /**
     * @param names the snake_case names of the standard fields, by field number (at most 32)
     * @param required the fields a CSV header must name
     */
    RowParser(String[] names, int... required) {
        if (names.length > Integer.SIZE) {
            throw new IllegalArgumentException("at most 32 standard fields");
        }
        this.names = names;
        this.required = required;
    }

    /** Returns the number of standard fields. */
    final int fieldCount() {
        return names.length;
    }

    /** Returns the name of a standard field. */
    final String name(int field) {
        return names[field];
    }

    /**
     * Returns the standard field a column or key names (case-insensitively, surrounding spaces
     * ignored), or {@link #ATTRIBUTE}.
     */
    final int fieldOf(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(n)) {
                return i;
            }
        }
        return ATTRIBUTE;
    }

    /**
     * Returns the standard field a header column stands for, or {@link #ATTRIBUTE}, or
     * {@link #IGNORED}: by default {@link #fieldOf(String)} of its name.
     *
     * @param name the column's header
     * @param question the column's question text (a second header row), or null
     */
    int fieldOf(String name, String question) {
        return fieldOf(name);
    }

    /**
     * Returns why a header cannot be read, or null: by default, a required field without a column.
     *
     * @param columnOf the column of each standard field, -1 where none
     * @param columns the header's column names, for the message
     */
    String headerProblem(int[] columnOf, String columns) {
        for (int field : required) {
            if (columnOf[field] < 0) {
                return "the header has no '" + names[field] + "' column (columns: " + columns + ")";
            }
        }
        return null;
    }

    /** Tells the parser the CSV delimiter of the input (a {@code ;} means a European Excel: decimal commas). */
    void delimiter(char delimiter) {
        // most rows have no decimal numbers
    }

    /** Sets the zone the header gives the time column (Qualtrics' ImportId row), or null. */
    void timeZone(ZoneId zone) {
        // most rows have no such times
    }

    /** Forgets the previous row. */
    final void reset() {
        seen = 0;
        otherProblem = null;
        if (!attributes.isEmpty()) {
            attributes.clear();
        }
        clear();
    }

    /** Forgets the standard fields of the previous row. */
    abstract void clear();

    /**
     * Marks a standard field as present in the row (even when its value is empty), and returns
     * false if it already was: a JSON key given twice.
     */
    final boolean mark(int field) {
        int bit = 1 << field;
        if ((seen & bit) != 0) {
            return false;
        }
        seen |= bit;
        return true;
    }

    /** Records a problem that is not about one field's value (kept if it is the first). */
    final void problem(String reason) {
        if (otherProblem == null) {
            otherProblem = reason;
        }
    }

    /** Returns the first problem recorded with {@link #problem(String)}, or null. */
    final String otherProblem() {
        return otherProblem;
    }

    /** Sets a standard field from {@code a[off, off + len)}, trimmed and non-empty. */
    abstract void set(int field, char[] a, int off, int len);

    /**
     * Sets an attribute from {@code a[off, off + len)}, trimmed and non-empty.
     *
     * @return false if the row already had this attribute
     */
    final boolean attribute(String name, char[] a, int off, int len) {
        return attributes.putIfAbsent(name, strings.get(a, off, len)) == null;
    }

    /** Returns the row's attributes (a live view: copy it to keep it), or null when there are none. */
    final Map<String, String> attributes() {
        return attributes.isEmpty() ? null : attributes;
    }

    /** Returns why the row must be rejected, or null if it is valid. */
    abstract String problem();

    /** Returns the name of the id field, for duplicate messages, or null when rows have no id. */
    String idName() {
        return null;
    }

    /** Returns the row's id, or null when it has none. */
    String id() {
        return null;
    }

    /** Returns how many ids the row has for the duplicate check: one per value it yields, 0 without an id. */
    int idCount() {
        return 0;
    }

    /** Returns the 64-bit hash of the row's {@code k}-th id, see {@link IdSet#hash}. */
    long idHash(int k) {
        return 0;
    }

    /** Returns what tells the {@code k}-th id apart from the others of the row (a metric), or null. */
    String idLabel(int k) {
        return null;
    }

    /** Returns whether a valid row holds nothing to read (a respondent who answered none of the mapped questions). */
    boolean unanswered() {
        return false;
    }

    /** Returns whether a valid row was kept without its time, which could not be read. */
    boolean undated() {
        return false;
    }

    /** Builds the value of a row without problems. */
    abstract T build();

    /** Returns whether a valid row may give more than one value (then {@link #build(Consumer)} is used). */
    boolean multiple() {
        return false;
    }

    /** Hands on the values of a row without problems: by default the one {@link #build()} makes. */
    void build(Consumer<? super T> out) {
        out.accept(build());
    }
}
