package dev.cxkit.core.io;

/**
 * Reuses the {@code String} of a short value that repeats from row to row (touchpoint, location,
 * channel, attribute values), so that reading a column of a few distinct values allocates only
 * those few strings. A direct-mapped table of 1024 entries; a miss replaces the entry.
 *
 * <p>Not thread-safe.
 */
final class StringCache {

    private static final int SIZE = 1024;
    private static final int MAX_LENGTH = 40;

    private final String[] table = new String[SIZE];

    /** Returns a string with the characters {@code chars[offset, offset + length)}. */
    String get(char[] chars, int offset, int length) {
        if (length > MAX_LENGTH) {
            return new String(chars, offset, length);
        }
        int h = 0;
        for (int i = offset, end = offset + length; i < end; i++) {
            h = 31 * h + chars[i];
        }
        int slot = (h ^ (h >>> 10) ^ (h >>> 20)) & (SIZE - 1);
        String s = table[slot];
        if (s != null && s.length() == length && s.hashCode() == h && matches(s, chars, offset)) {
            return s;
        }
        s = new String(chars, offset, length);
        table[slot] = s;
        return s;
    }

    private static boolean matches(String s, char[] chars, int offset) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
