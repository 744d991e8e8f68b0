package dev.cxkit.core.io;

import java.util.ArrayList;
import java.util.List;

/**
 * The ids of one part of a file read on several threads, with their lines, sorted into the
 * {@link IdSet}'s partitions in the order they were read, so that each partition can later be
 * checked on its own thread, part after part, in file order.
 *
 * <p>Memory: 12 bytes per id (the hash, and the line as an offset from the part's first line), in
 * blocks of {@value #BLOCK} ids, so that nothing is copied as the part grows and at most one block
 * per partition is partly empty.
 *
 * <p>Not thread-safe: one per part.
 */
final class IdBuckets {

    private static final int BLOCK = 512;

    private final long firstLine;
    private final List<List<long[]>> hashBlocks = new ArrayList<>(IdSet.PARTITIONS);
    private final List<List<int[]>> lineBlocks = new ArrayList<>(IdSet.PARTITIONS);
    private final int[] sizes = new int[IdSet.PARTITIONS];
    /** Each partition's block being filled, and how far. */
    private final long[][] hashBlock = new long[IdSet.PARTITIONS][];
    private final int[][] lineBlock = new int[IdSet.PARTITIONS][];
    private final int[] filled = new int[IdSet.PARTITIONS];

    /**
     * Starts the ids of a part.
     *
     * @param firstLine the global line of the part's first line; every id's line is at or after it
     */
    IdBuckets(long firstLine) {
        this.firstLine = firstLine;
        for (int p = 0; p < IdSet.PARTITIONS; p++) {
            hashBlocks.add(new ArrayList<>());
            lineBlocks.add(new ArrayList<>());
        }
    }

    /** Adds an id's hash and the global line of its row. */
    void add(long hash, long line) {
        long offset = line - firstLine;
        if (offset < 0 || offset > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("line " + line + " is not within 2^31 lines after " + firstLine);
        }
        int p = IdSet.partition(hash);
        int at = filled[p];
        long[] hashes = hashBlock[p];
        int[] lines = lineBlock[p];
        if (hashes == null || at == BLOCK) {
            hashes = new long[BLOCK];
            lines = new int[BLOCK];
            hashBlock[p] = hashes;
            lineBlock[p] = lines;
            hashBlocks.get(p).add(hashes);
            lineBlocks.get(p).add(lines);
            at = 0;
        }
        hashes[at] = hash;
        lines[at] = (int) offset;
        filled[p] = at + 1;
        sizes[p]++;
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
        List<long[]> hashes = hashBlocks.get(partition);
        List<int[]> lines = lineBlocks.get(partition);
        int n = sizes[partition];
        for (int b = 0; b * BLOCK < n; b++) {
            long[] h = hashes.get(b);
            int[] l = lines.get(b);
            for (int i = 0, end = Math.min(BLOCK, n - b * BLOCK); i < end; i++) {
                long line = firstLine + l[i];
                long first = ids.addIfAbsent(h[i], line);
                if (first >= 0) {
                    hits.hit(line, first);
                }
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
