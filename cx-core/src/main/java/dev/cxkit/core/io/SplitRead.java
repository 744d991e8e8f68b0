// Over 500 lines on purpose: the split read is one procedure (cut, count, parse, join cut records,
// check ids by partition, hand on in order) whose steps share the parts and their invariants; its
// Javadoc says why each step keeps the results of one thread.
package dev.cxkit.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Reads one CSV or JSON Lines file on several threads, with exactly the results of reading it on one: the same
 * rows accepted, the same rejections with the same lines and messages, in file order, and the
 * same duplicates.
 *
 * <p><b>How.</b> The header is read first, on the calling thread. The rest of the file is cut into
 * parts at line ends, and each part's lines are counted (in parallel) so that every part knows the
 * number of its first line. Each part is then parsed on its own into its own accumulator; a part's
 * rejections wait in it, in order (up to {@value #KEPT_REJECTIONS}; a part with more is read again
 * at the end instead of holding them). A part whose last record runs into its end (a quoted field
 * over a line end that the cut fell in) is read again together with the next part, so a cut never
 * changes a record. Row ids are collected per part and then added to the reader's {@link IdSet}
 * partition by partition, each partition in file order, so the first occurrence wins as it does
 * on one thread; the few parts that hold a duplicate are read again knowing which rows are. At the
 * end, on the calling thread and in file order, each part's rejections are handed on and its
 * accumulator is combined into the result.
 *
 * <p><b>When.</b> Only for an uncompressed UTF-8 CSV or JSON Lines file, read with a long (one
 * answer per row) mapping, of at least {@value #MIN_SPLIT_BYTES} bytes; {@link #read} returns null
 * otherwise, and the caller reads on one thread. JSON Lines have no header, and a line is a record,
 * so no cut ever falls inside one.
 *
 * @param <T> the value one row becomes
 * @param <A> the accumulator of one part
 */
final class SplitRead<T, A> {

    /** Files smaller than this are read on one thread: a split would cost more than it saves. */
    static final long MIN_SPLIT_BYTES = 4L << 20;
    /** The rejections one part keeps for the end; a part with more is read again then. */
    static final int KEPT_REJECTIONS = 1000;
    /** How many parts per thread: enough that threads finish together. */
    private static final int PARTS_PER_THREAD = 8;
    /** The smallest part. */
    static final long MIN_PART_BYTES = 1L << 20;

    private final RowReader<T> reader;
    private final Path file;
    private final InputFormat format;
    private final String source;
    private final int threads;
    private final long minPartBytes;
    private final Supplier<A> newAccumulator;
    private final BiConsumer<A, ? super T> add;
    private final LongConsumer progress;
    private final AtomicLong bytesDone = new AtomicLong();

    private SplitRead(RowReader<T> reader, Path file, InputFormat format, int threads, long minPartBytes,
            Supplier<A> newAccumulator, BiConsumer<A, ? super T> add, LongConsumer progress) {
        this.reader = reader;
        this.format = format;
        this.minPartBytes = minPartBytes;
        this.file = file;
        this.source = file.toString();
        this.threads = threads;
        this.newAccumulator = newAccumulator;
        this.add = add;
        this.progress = progress;
    }

    /**
     * Reads {@code file} on {@code threads} threads (the calling thread is one of them), or returns
     * null without reading anything if the file cannot be split (see the class comment).
     *
     * @param sizes the smallest file to split and the smallest part, in bytes (tests lower them)
     * @param combine combines two accumulators, the earlier part's first
     * @param rejected receives every rejected row, in file order, on the calling thread
     * @param progress receives the number of bytes read so far, on the calling thread
     */
    static <T, A> ReadResult<A> read(RowReader<T> reader, Path file, int threads, long[] sizes,
            Supplier<A> newAccumulator, BiConsumer<A, ? super T> add, BinaryOperator<A> combine,
            Consumer<? super Rejection> rejected, LongConsumer progress) throws IOException {
        InputFormat format = threads < 2 || reader.schema().multiple() ? null : splittable(reader, file, sizes[0]);
        if (format == null) {
            return null;
        }
        return new SplitRead<>(reader, file, format, threads, sizes[1], newAccumulator, add, progress)
                .run(combine, rejected);
    }

    /** Returns the format of a plain UTF-8 CSV or JSON Lines file large enough to split, else null. */
    private static InputFormat splittable(RowReader<?> reader, Path file, long minSplitBytes) throws IOException {
        if (reader.encoding() != null && !reader.encoding().equals(StandardCharsets.UTF_8)) {
            return null;
        }
        InputFormat named = reader.format() != null ? reader.format()
                : InputFormat.fromFileName(file.toString()).orElse(null);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < minSplitBytes) {
                return null;
            }
            ByteBuffer head = ByteBuffer.allocate(4096);
            channel.read(head, 0);
            byte[] b = head.array();
            int n = head.position();
            if (n >= 2 && ((b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b // gzip
                    || b[0] == 'P' && b[1] == 'K' // zip: a workbook
                    || (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe || (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff
                    || (b[0] & 0xff) == 0xd0 && (b[1] & 0xff) == 0xcf || b[0] == '%' && b[1] == 'P')) {
                return null;
            }
            if (named == null) {
                // no extension that names the format: JSON Lines if the first character is a brace
                for (int i = 0; i < n; i++) {
                    if (!Character.isWhitespace(b[i])) {
                        return b[i] == '{' ? InputFormat.JSONL : InputFormat.CSV;
                    }
                }
                return null;
            }
            return named;
        }
    }

    /** One part of the file: a byte range that starts and ends at line starts. */
    private final class Part {
        final long from;
        long to;
        long firstLine;
        long lines;
        A value;
        ReadSummary summary;
        long lastLine;
        List<Rejection> rejections = new ArrayList<>();
        boolean rejectionsDropped;
        boolean cut;
        IdBuckets ids;
        boolean hasDuplicates;

        Part(long from, long to) {
            this.from = from;
            this.to = to;
        }

        /** Keeps a rejection for the end, up to the limit. */
        void keep(Rejection r) {
            if (rejectionsDropped) {
                return;
            }
            if (rejections.size() == KEPT_REJECTIONS) {
                rejectionsDropped = true;
                rejections = List.of();
                return;
            }
            rejections.add(r);
        }
    }

    private ReadResult<A> run(BinaryOperator<A> combine, Consumer<? super Rejection> rejected) throws IOException {
        int sourceIndex = reader.register(source);
        long base = reader.lineBase();
        long lastLine = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            RowReader.CsvLayout layout = null;
            long dataLine = 1;
            long dataStart = 0;
            if (format == InputFormat.CSV) {
                RowReader<T>.Context header = reader.context(source, sourceIndex, base, v -> { }, rejected);
                TextInput text = new TextInput(new RangeStream(channel, 0, size));
                CsvScanner scanner = new CsvScanner(text, reader.maxChars(), reader.maxLines(),
                        reader.delimiter() != null ? reader.delimiter() : CsvScanner.detectDelimiter(text));
                layout = reader.readCsvHeader(text, scanner, header);
                lastLine = header.lastLine;
                if (layout == null) {
                    return new ReadResult<>(newAccumulator.get(), header.summary());
                }
                dataLine = scanner.line;
                dataStart = lineStart(channel, dataLine);
            }
            List<Part> parts = cut(channel, dataStart, size);
            ExecutorService pool = Executors.newFixedThreadPool(threads - 1, runnable -> {
                Thread t = new Thread(runnable, "cx-read");
                t.setDaemon(true);
                return t;
            });
            try {
                countLines(pool, channel, parts, dataLine);
                parseAll(pool, channel, parts, layout, sourceIndex, base);
                joinCutParts(channel, parts, layout, sourceIndex, base);
                Map<Long, Long> duplicates = reader.rejectsDuplicateIds() ? findDuplicates(pool, parts)
                        : Map.of();
                A result = null;
                ReadSummary summary = ReadSummary.EMPTY;
                for (Part part : parts) {
                    if (part.hasDuplicates || part.rejectionsDropped) {
                        // read again, handing the rejections on directly; the accumulator too if
                        // rows it holds were duplicates
                        A again = part.hasDuplicates ? newAccumulator.get() : null;
                        RowReader<T>.Context context = reader.context(source, sourceIndex, base,
                                again == null ? v -> { } : v -> add.accept(again, v), rejected);
                        context.knownDuplicates = duplicates;
                        parse(channel, part, layout, context);
                        part.summary = context.summary();
                        if (again != null) {
                            part.value = again;
                        }
                    } else {
                        part.rejections.forEach(rejected);
                    }
                    part.rejections = null;
                    result = result == null ? part.value : combine.apply(result, part.value);
                    part.value = null;
                    summary = summary.plus(part.summary);
                    lastLine = Math.max(lastLine, part.lastLine);
                }
                if (summary.read() == 0) {
                    summary = summary.plus(new ReadSummary(0, 0, 0, List.of(source
                            + (layout != null ? " has a header but no rows" : " is empty: no rows"))));
                }
                return new ReadResult<>(result == null ? newAccumulator.get() : result, summary);
            } finally {
                pool.shutdownNow();
            }
        } finally {
            reader.finished(lastLine);
        }
    }

    /** Returns the byte offset where line {@code line} (1-based) starts. */
    private static long lineStart(FileChannel channel, long line) throws IOException {
        long seen = 1;
        long position = 0;
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        byte previous = 0;
        while (seen < line) {
            buffer.clear();
            int n = channel.read(buffer, position);
            if (n <= 0) {
                return position;
            }
            byte[] b = buffer.array();
            for (int i = 0; i < n; i++) {
                byte c = b[i];
                if (previous == '\r' && c != '\n') {
                    // a lone CR ended the line before this byte
                    if (++seen == line) {
                        return position + i;
                    }
                }
                if (c == '\n') {
                    if (++seen == line) {
                        return position + i + 1;
                    }
                }
                previous = c;
            }
            position += n;
        }
        return position;
    }

    /** Cuts {@code [from, size)} into parts that end just after a line feed (or at the end). */
    private List<Part> cut(FileChannel channel, long from, long size) throws IOException {
        long length = size - from;
        long target = Math.max(minPartBytes, length / ((long) threads * PARTS_PER_THREAD));
        List<Part> parts = new ArrayList<>();
        long start = from;
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        while (start < size) {
            long end = start + target >= size ? size : nextLineStart(channel, start + target, size, buffer);
            parts.add(new Part(start, end));
            start = end;
        }
        return parts;
    }

    /** Returns the offset just after the first line feed at or after {@code position}, or {@code size}. */
    private static long nextLineStart(FileChannel channel, long position, long size, ByteBuffer buffer)
            throws IOException {
        long p = position;
        while (p < size) {
            buffer.clear();
            int n = channel.read(buffer, p);
            if (n <= 0) {
                break;
            }
            byte[] b = buffer.array();
            for (int i = 0; i < n; i++) {
                if (b[i] == '\n') {
                    return p + i + 1;
                }
            }
            p += n;
        }
        return size;
    }

    /** Counts each part's line ends, in parallel, and numbers the parts' first lines. */
    private void countLines(ExecutorService pool, FileChannel channel, List<Part> parts, long dataLine)
            throws IOException {
        forEach(pool, parts.size(), i -> {
            Part part = parts.get(i);
            part.lines = countLineEnds(channel, part.from, part.to);
        });
        long line = dataLine;
        for (Part part : parts) {
            part.firstLine = line;
            line += part.lines;
        }
    }

    /**
     * Counts line ends as the scanner does: a line feed, a carriage return followed by a line
     * feed, or a carriage return alone. A part ends after a line feed, so a CR LF pair is never
     * split between two parts.
     */
    private static long countLineEnds(FileChannel channel, long from, long to) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        long count = 0;
        boolean pendingCr = false;
        long position = from;
        while (position < to) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), to - position));
            int n = channel.read(buffer, position);
            if (n <= 0) {
                break;
            }
            byte[] b = buffer.array();
            for (int i = 0; i < n; i++) {
                byte c = b[i];
                if (c == '\n') {
                    count++;
                    pendingCr = false;
                } else {
                    if (pendingCr) {
                        count++;
                    }
                    pendingCr = c == '\r';
                }
            }
            position += n;
        }
        return pendingCr ? count + 1 : count;
    }

    /** Parses every part, in parallel, collecting ids and keeping rejections. */
    private void parseAll(ExecutorService pool, FileChannel channel, List<Part> parts, RowReader.CsvLayout layout,
            int sourceIndex, long base) throws IOException {
        forEach(pool, parts.size(), i -> firstPass(channel, parts.get(i), layout, sourceIndex, base));
    }

    private void firstPass(FileChannel channel, Part part, RowReader.CsvLayout layout, int sourceIndex, long base)
            throws IOException {
        A value = newAccumulator.get();
        part.rejections = new ArrayList<>();
        part.rejectionsDropped = false;
        RowReader<T>.Context context = reader.context(source, sourceIndex, base, v -> add.accept(value, v), part::keep);
        if (reader.rejectsDuplicateIds()) {
            part.ids = new IdBuckets(base + part.firstLine);
            context.collected = part.ids;
        }
        part.cut = parse(channel, part, layout, context);
        part.value = value;
        part.summary = context.summary();
        bytesDone.addAndGet(part.to - part.from);
    }

    /**
     * Reads one part's records through {@code context}.
     *
     * @return whether the last record ran into the part's end before the file's
     */
    private boolean parse(FileChannel channel, Part part, RowReader.CsvLayout layout, RowReader<T>.Context context)
            throws IOException {
        if (layout == null) {
            // JSON Lines: a line is a record, so a cut at a line end never splits one
            TextInput text = new TextInput(new RangeStream(channel, part.from, part.to), part.from == 0);
            reader.readJsonLines(text, context, part.firstLine);
            part.lastLine = context.lastLine;
            return false;
        }
        layout.configure(context.row);
        context.header = layout.header;
        TextInput text = new TextInput(new RangeStream(channel, part.from, part.to), part.from == 0);
        CsvScanner scanner = new CsvScanner(text, reader.maxChars(), reader.maxLines(), layout.separator);
        scanner.line = part.firstLine;
        String[] names = layout.names;
        scanner.columnLabel(column -> RowReader.label(names, column));
        reader.readCsvRows(text, scanner, layout, context);
        part.lastLine = context.lastLine;
        return scanner.endInRecord && part.to < channel.size();
    }

    /** Joins each part whose last record was cut with the next, and reads the joined part again. */
    private void joinCutParts(FileChannel channel, List<Part> parts, RowReader.CsvLayout layout, int sourceIndex,
            long base) throws IOException {
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            while (part.cut && i + 1 < parts.size()) {
                Part next = parts.remove(i + 1);
                part.to = next.to;
                part.lines += next.lines;
                bytesDone.addAndGet(-(part.to - part.from));
                firstPass(channel, part, layout, sourceIndex, base);
            }
        }
    }

    /**
     * Adds every part's ids to the reader's set, partition by partition in parallel, each in file
     * order, and marks the parts that hold a duplicate.
     *
     * @return the global line of each duplicate row, with the line of its first occurrence
     */
    private Map<Long, Long> findDuplicates(ExecutorService pool, List<Part> parts) throws IOException {
        IdSet ids = reader.ids();
        List<long[]> found = new ArrayList<>();
        forEach(pool, IdSet.PARTITIONS, p -> {
            List<Long> hits = new ArrayList<>();
            int incoming = 0;
            for (Part part : parts) {
                incoming += part.ids.size(p);
            }
            ids.reserve(p, incoming);
            for (Part part : parts) {
                part.ids.addTo(p, ids, (line, first) -> {
                    hits.add(line);
                    hits.add(first);
                });
            }
            if (!hits.isEmpty()) {
                long[] pairs = hits.stream().mapToLong(Long::longValue).toArray();
                synchronized (found) {
                    found.add(pairs);
                }
            }
        });
        Map<Long, Long> duplicates = new HashMap<>();
        for (long[] pairs : found) {
            for (int i = 0; i < pairs.length; i += 2) {
                duplicates.put(pairs[i], pairs[i + 1]);
            }
        }
        long base = reader.lineBase();
        for (Part part : parts) {
            part.ids = null;
            if (!duplicates.isEmpty()) {
                for (long line = part.firstLine; line <= part.lastLine; line++) {
                    if (duplicates.containsKey(base + line)) {
                        part.hasDuplicates = true;
                        break;
                    }
                }
            }
        }
        return duplicates;
    }

    /** A task over an index that may fail with an I/O error. */
    private interface IndexTask {
        void run(int index) throws IOException;
    }

    /**
     * Runs {@code task} for every index in {@code [0, count)}, on the pool's threads and the
     * calling thread, which also reports progress; rethrows the first failure.
     */
    private void forEach(ExecutorService pool, int count, IndexTask task) throws IOException {
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                try {
                    task.run(i);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        List<Future<?>> running = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            running.add(pool.submit(worker));
        }
        Throwable failure = null;
        try {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                task.run(i);
                progress.accept(bytesDone.get());
            }
        } catch (IOException | RuntimeException | Error e) {
            failure = e;
            next.set(count);
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : e;
            } catch (java.util.concurrent.ExecutionException e) {
                failure = failure != null ? failure : e.getCause();
            }
        }
        progress.accept(bytesDone.get());
        if (failure instanceof UncheckedIOException) {
            throw ((UncheckedIOException) failure).getCause();
        }
        if (failure instanceof IOException) {
            throw (IOException) failure;
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
        if (failure != null) {
            throw new IOException("reading " + failure, failure);
        }
    }

    /** The bytes {@code [from, to)} of a file, read with positional reads (safe on a shared channel). */
    private static final class RangeStream extends InputStream {
        private final FileChannel channel;
        private long position;
        private final long end;

        RangeStream(FileChannel channel, long from, long to) {
            this.channel = channel;
            this.position = from;
            this.end = to;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= end) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - position)), position);
            if (n < 0) {
                return -1;
            }
            position += n;
            return n;
        }
    }
}
