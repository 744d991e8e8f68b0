package dev.cxkit.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable window of UTF-8 decoded characters over an input stream, for the record scanners.
 *
 * <p>Characters live in {@link #buf}; {@code buf[start..limit)} is not yet consumed. A scanner
 * addresses characters relative to {@link #start} while it scans one record, and calls
 * {@link #fill()} when it needs more; {@code fill()} may move the window (so {@code buf} and
 * {@code start} must be re-read) but keeps {@code buf[start..limit)} intact. Memory is bounded by
 * the longest record, never by the input.
 *
 * <p>Bytes that are not valid UTF-8 are replaced by U+FFFD and their absolute character positions
 * are queued, so the scanner can reject exactly the records that contain them. A leading byte
 * order mark is dropped.
 *
 * <p>Not thread-safe.
 */
final class TextInput {

    private static final int BYTES = 1 << 16;
    private static final int INITIAL_CHARS = 1 << 16;

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(BYTES);
    private boolean bytesEof;
    private boolean flushed;

    /** The characters; valid in {@code [0, limit)}, unconsumed in {@code [start, limit)}. */
    char[] buf = new char[INITIAL_CHARS];
    /** Index of the first unconsumed character. */
    int start;
    /** Index after the last valid character. */
    int limit;
    /** Absolute position (in characters from the beginning of the input) of {@code buf[0]}. */
    private long base;
    private boolean eof;
    private boolean first;

    /** Absolute positions of replaced bad bytes, oldest first. */
    private long[] errors = new long[8];
    private int errorHead;
    private int errorTail;

    TextInput(InputStream in) {
        this(in, true);
    }

    /**
     * A window over {@code in}.
     *
     * @param in UTF-8 bytes
     * @param startOfInput whether {@code in} starts the input, so that a byte-order mark there is
     *     dropped (a part of a file that starts later keeps one, as an ordinary character)
     */
    TextInput(InputStream in, boolean startOfInput) {
        this.in = in;
        this.first = startOfInput;
        bytes.flip();
    }

    /** Returns the absolute position of {@code buf[index]}. */
    long absolute(int index) {
        return base + index;
    }

    /**
     * Reads more characters after {@code limit}, compacting or growing the buffer as needed.
     *
     * @return false at the end of the input (nothing was added)
     * @throws IOException if the stream fails
     */
    boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        if (buf.length - limit < 4096) {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, limit - start);
                base += start;
                limit -= start;
                start = 0;
            }
            // Grow when the unconsumed part fills more than half: amortized, bounded by the record.
            if (buf.length - limit < buf.length / 2) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
        }
        int before = limit;
        decode();
        if (first && limit > 0) {
            first = false;
            if (buf[0] == '\uFEFF' && start == 0) {
                start = 1;
            }
        }
        if (limit == before) {
            eof = true;
            return false;
        }
        return true;
    }

    private void decode() throws IOException {
        CharBuffer out = CharBuffer.wrap(buf, limit, buf.length - limit);
        while (true) {
            CoderResult result = flushed ? CoderResult.UNDERFLOW : decoder.decode(bytes, out, bytesEof);
            if (result.isError()) {
                // Keep room for the replacement character.
                if (!out.hasRemaining()) {
                    break;
                }
                recordError(base + out.position());
                out.put('\uFFFD');
                bytes.position(bytes.position() + result.length());
                continue;
            }
            if (result.isOverflow()) {
                break;
            }
            // Underflow: the decoder wants more bytes.
            if (out.position() > limit) {
                break;
            }
            if (bytesEof) {
                if (!flushed) {
                    decoder.flush(out);
                    flushed = true;
                }
                break;
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                bytesEof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
        limit = out.position();
    }

    private void recordError(long position) {
        if (errorTail == errors.length) {
            if (errorHead > 0) {
                System.arraycopy(errors, errorHead, errors, 0, errorTail - errorHead);
                errorTail -= errorHead;
                errorHead = 0;
            } else {
                errors = Arrays.copyOf(errors, errors.length * 2);
            }
        }
        errors[errorTail++] = position;
    }

    /**
     * Returns the absolute position of the first bad byte in {@code [from, to)} and forgets all
     * bad bytes before {@code to}; returns -1 when there is none.
     */
    long takeError(long from, long to) {
        long found = -1;
        while (errorHead < errorTail && errors[errorHead] < to) {
            long p = errors[errorHead++];
            if (found < 0 && p >= from) {
                found = p;
            }
        }
        if (errorHead == errorTail) {
            errorHead = 0;
            errorTail = 0;
        }
        return found;
    }

    /** Returns whether there are bad bytes in {@code [from, to)} without forgetting them. */
    boolean hasError(long from, long to) {
        for (int i = errorHead; i < errorTail && errors[i] < to; i++) {
            if (errors[i] >= from) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether the end of the input was reached (and every character consumed or not). */
    boolean atEof() {
        return eof;
    }
}
