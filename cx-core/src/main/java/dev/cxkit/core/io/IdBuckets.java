package dev.cxkit.core.io;

import java.util.Arrays;

/**
 * The ids of one part of a file read on several threads, with their global lines, sorted into
 * the {@link IdSet}'s partitions in the order they were read, so that each partition can later be
 * checked on its own thread, part after part, in file order. 16 bytes per id while they wait.
 *
 * <p>Not thread-safe: one per part.
 */
final class IdBuckets {

    private final long[][] hashes = new long[IdSet.PARTITIONS][];
    private final long[][] lines = new long[IdSet.PARTITIONS][];
    private final int[] sizes = new int[IdSet.PARTITIONS];

    /** Adds an id's hash and the global line of its row. */
    void add(long hash, long line) {
        int p = IdSet.partition(hash);
        int n = sizes[p];
        long[] h = hashes[p];
        if (h == null || n == h.length) {
            int capacity = h == null ? 64 : n * 2;
            hashes[p] = h = h == null ? new long[capacity] : Arrays.copyOf(h, capacity);
            lines[p] = lines[p] == null ? new long[capacity] : Arrays.copyOf(lines[p], capacity);
        }
        h[n] = hash;
        lines[p][n] = line;
        sizes[p] = n + 1;
    }

    /** Returns how many ids of one partition this part holds. */
    int size(int partition) {
        return sizes[partition];
    }

    /**
     * Adds this part's ids of one partition to {@code ids}, in the order read, and reports each
     * one that was there before.
     *
     * @param partition the partition
     * @param ids the reader's set, of which only this partition is touched
     * @param hits receives the global line of each duplicate and the line of its first occurrence
     */
    void addTo(int partition, IdSet ids, LineHits hits) {
        long[] h = hashes[partition];
        long[] l = lines[partition];
        for (int i = 0, n = sizes[partition]; i < n; i++) {
            long first = ids.addIfAbsent(h[i], l[i]);
            if (first >= 0) {
                hits.hit(l[i], first);
            }
        }
    }

    /** Receives duplicates found by {@link #addTo}. */
    interface LineHits {
        /**
         * Called for a duplicate.
         *
         * @param line the global line of the later row
         * @param first the global line of the first occurrence (0 if unknown)
         */
        void hit(long line, long first);
    }
}
