package dev.cxkit.core.io;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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

    /** Returns the fields a CSV header must name. */
    final int[] required() {
        return required.clone();
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

    /** Returns the 64-bit hash of the id (only meaningful when there is one), see {@link IdSet#hash}. */
    long idHash() {
        return 0;
    }

    /** Builds the value of a row without problems. */
    abstract T build();
}
