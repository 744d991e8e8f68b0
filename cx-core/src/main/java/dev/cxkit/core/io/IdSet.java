package dev.cxkit.core.io;

import java.util.Arrays;

/**
 * The set of {@code response_id}s seen so far, kept as 64-bit hashes (never as strings) in
 * primitive open-addressing tables with linear probing, with the line where each was first seen.
 *
 * <p><b>Partitions.</b> The set is {@value #PARTITIONS} tables, chosen by a hash's top six bits
 * ({@link #partition(long)}). A reader that parses a file on several threads collects each part's
 * ids and then checks them partition by partition, each partition on one thread, in file order:
 * the tables are small enough to stay in a core's cache, and the first occurrence wins exactly as
 * when one thread adds them row by row.
 *
 * <p><b>Memory.</b> A slot is a 64-bit hash plus a 32-bit line, side by side: 12 bytes. A table
 * doubles when it is 75% full, so it holds 16 to 32 bytes per distinct id; 10 million ids take
 * about 192 MiB. Strings are never kept, so memory does not depend on how long the ids are.
 *
 * <p><b>False duplicates.</b> Two different ids are taken for the same one only if their 64-bit
 * hashes collide. For n distinct ids the chance that this happens at all is about
 * n² / 2<sup>65</sup>: 2.7 × 10<sup>-6</sup> for 10 million ids, 2.7 × 10<sup>-10</sup> for
 * 100,000. A real duplicate is never missed.
 *
 * <p>Not thread-safe, except that different threads may add to different partitions at once
 * ({@link #addIfAbsent(long, long)} touches only the hash's partition).
 */
final class IdSet {

    /** The number of partitions, a power of two. */
    static final int PARTITIONS = 64;
    private static final int PARTITION_SHIFT = Long.SIZE - Integer.numberOfTrailingZeros(PARTITIONS);
    private static final int INITIAL_CAPACITY = 16;

    private final Table[] tables = new Table[PARTITIONS];

    IdSet() {
        for (int i = 0; i < PARTITIONS; i++) {
            tables[i] = new Table();
        }
    }

    /** Returns the partition of a hash: its top bits (the tables index by the low ones). */
    static int partition(long hash) {
        return (int) (hash >>> PARTITION_SHIFT);
    }

    /**
     * Hashes an id to 64 bits: a non-linear mix of each block of four characters (the block as a
     * 64-bit number; xor, odd multiply, xorshift: each step is a bijection of the state), then of
     * the characters left, and the MurmurHash3 finalizer. Four characters a step: a quarter of the
     * multiplications of one a step, on the path of every row. Never 0, which marks an empty slot.
     */
    static long hash(char[] chars, int offset, int length) {
        long h = 0x9E3779B97F4A7C15L ^ length;
        int i = offset;
        int end = offset + length;
        for (; i + 4 <= end; i += 4) {
            long block = chars[i] | (long) chars[i + 1] << 16 | (long) chars[i + 2] << 32 | (long) chars[i + 3] << 48;
            h = (h ^ block) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        for (; i < end; i++) {
            h = (h ^ chars[i]) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    /**
     * Returns the hash of an id together with a small kind (a metric), so that the same id with
     * two kinds is two entries: the id's hash xor the kind's multiple of an odd constant, through
     * the MurmurHash3 finalizer again. Never 0.
     */
    static long withKind(long hash, int kind) {
        long h = hash ^ ((kind + 1) * 0x9E3779B97F4A7C15L);
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    /** Hashes a string the same way as {@link #hash(char[], int, int)}. */
    static long hash(String id) {
        return hash(id.toCharArray(), 0, id.length());
    }

    /**
     * Adds a hash unless present.
     *
     * @param hash a hash from {@link #hash(char[], int, int)}, not 0
     * @param line where the id is, 1 to 2<sup>32</sup> − 1 (larger lines are remembered as unknown)
     * @return -1 if the hash was added; otherwise the line stored with the first occurrence, or 0
     *     if that line is unknown
     */
    long addIfAbsent(long hash, long line) {
        return tables[partition(hash)].addIfAbsent(hash, line);
    }

    /**
     * Makes room in a partition for {@code more} hashes besides those it holds, at once, instead of
     * doubling step by step while they are added.
     */
    void reserve(int partition, int more) {
        tables[partition].reserve(more);
    }

    /** Returns whether the hash is present. */
    boolean contains(long hash) {
        return tables[partition(hash)].contains(hash);
    }

    /** Returns the number of distinct hashes. */
    int size() {
        int size = 0;
        for (Table t : tables) {
            size += t.size;
        }
        return size;
    }

    /** Returns the number of slots (for tests of the memory bound). */
    int capacity() {
        int capacity = 0;
        for (Table t : tables) {
            capacity += t.mask + 1;
        }
        return capacity;
    }

    @Override
    public String toString() {
        return "IdSet[size=" + size() + ", capacity=" + capacity() + "]";
    }

    /** For tests: the hashes present, sorted. */
    long[] sortedHashes() {
        long[] out = new long[size()];
        int n = 0;
        for (Table t : tables) {
            int[] slots = t.slots;
            for (int j = 0; j < slots.length; j += 3) {
                if (slots[j] != 0 || slots[j + 1] != 0) {
                    out[n++] = ((long) slots[j] << 32) | (slots[j + 1] & 0xFFFF_FFFFL);
                }
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** One partition: an open-addressing table of hashes and lines. */
    private static final class Table {
    /**
         * Three ints per slot, side by side so that a lookup touches one cache line: the high and low
         * halves of the hash (both 0 for an empty slot) and the first line as an unsigned int (0 when
         * the line did not fit).
         */
        int[] slots = new int[3 * INITIAL_CAPACITY];
        int mask = INITIAL_CAPACITY - 1;
        int size;
        private int threshold = INITIAL_CAPACITY / 4 * 3;

        long addIfAbsent(long hash, long line) {
            int high = (int) (hash >>> 32);
            int low = (int) hash;
            int[] s = slots;
            int i = index(hash);
            while (true) {
                int j = 3 * i;
                int h = s[j];
                int l = s[j + 1];
                if (h == 0 && l == 0) {
                    s[j] = high;
                    s[j + 1] = low;
                    s[j + 2] = line > 0 && line <= 0xFFFF_FFFFL ? (int) line : 0;
                    if (++size > threshold) {
                        grow();
                    }
                    return -1;
                }
                if (h == high && l == low) {
                    return Integer.toUnsignedLong(s[j + 2]);
                }
                i = (i + 1) & mask;
            }
        }

        /** Returns whether the hash is present. */
        boolean contains(long hash) {
            int high = (int) (hash >>> 32);
            int low = (int) hash;
            int i = index(hash);
            while (true) {
                int j = 3 * i;
                if (slots[j] == 0 && slots[j + 1] == 0) {
                    return false;
                }
                if (slots[j] == high && slots[j + 1] == low) {
                    return true;
                }
                i = (i + 1) & mask;
            }
        }

        void reserve(int more) {
            long needed = (long) size + more;
            int capacity = mask + 1;
            while (capacity / 4L * 3 < needed && capacity < (1 << 29)) {
                capacity *= 2;
            }
            if (capacity > mask + 1) {
                rehash(capacity);
            }
        }

        private int index(long hash) {
            return (int) (hash ^ (hash >>> 32)) & mask;
        }

        private void grow() {
            rehash((mask + 1) * 2);
        }

        private void rehash(int capacity) {
            int[] old = slots;
            if (capacity <= 0 || capacity > Integer.MAX_VALUE / 3) {
                throw new IllegalStateException("too many distinct response ids: " + size);
            }
            slots = new int[3 * capacity];
            mask = capacity - 1;
            threshold = capacity / 4 * 3;
            for (int j = 0; j < old.length; j += 3) {
                if (old[j] != 0 || old[j + 1] != 0) {
                    long k = ((long) old[j] << 32) | (old[j + 1] & 0xFFFF_FFFFL);
                    int i = index(k);
                    while (slots[3 * i] != 0 || slots[3 * i + 1] != 0) {
                        i = (i + 1) & mask;
                    }
                    slots[3 * i] = old[j];
                    slots[3 * i + 1] = old[j + 1];
                    slots[3 * i + 2] = old[j + 2];
                }
            }
        }
    }
}
