package dev.cxkit.core.internal;

import dev.cxkit.core.score.ByteFormatException;
import dev.cxkit.core.score.Metric;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The envelope and primitives of cxkit's byte format, version 1 ({@code docs/format.md}): the
 * magic {@code "CX"}, the format version, the kind of state, the body, and a CRC-32C of all that
 * as the last four bytes. Counts are unsigned LEB128 varints; doubles are IEEE 754 binary64,
 * little-endian; strings are a varint of (UTF-8 length + 1), 0 meaning null, then the UTF-8 bytes.
 *
 * <p>A {@link Writer} appends; a {@link Reader} checks the envelope before the first value is
 * read, bounds every count by the bytes left (so bad bytes cannot make it allocate much), and
 * throws {@link ByteFormatException} naming the offset.
 */
public final class ByteForm {

    /** The format version this library writes and the newest it reads. */
    public static final int VERSION = 1;

    /** Kinds of state; their numbers are part of the format and never change. */
    public static final int RATING_DISTRIBUTION = 1;
    /** A grouped score table. */
    public static final int SCORE_TABLE = 2;
    /** Journey analytics of one definition, grouped. */
    public static final int JOURNEY_ACCUMULATOR = 3;
    /** Scores along journeys: by stage, touchpoint, failure and recovery. */
    public static final int JOURNEY_SCORES = 4;
    /** Scores per group and period, for control charts. */
    public static final int CONSISTENCY = 5;
    /** One column of scores as a SQL engine aggregates it: ratings, rows without a score, rejected rows. */
    public static final int SCORE_STATE = 6;
    /** The closed loop: detractors to call back and staff that promoters praised. */
    public static final int CLOSED_LOOP = 7;
    /** The sums of the failure-effect regression. */
    public static final int FAILURE_EFFECTS = 8;
    /** The closed state of journey analytics: every accumulator behind a journey analysis. */
    public static final int JOURNEY_ANALYTICS = 9;
    /** A response scorer: one score table per metric. */
    public static final int RESPONSE_SCORER = 10;

    private static final String[] KIND_NAMES = {"?", "a rating distribution", "a score table",
        "a journey accumulator", "a journey score accumulator", "a consistency accumulator",
        "a score state", "a closed loop", "failure effects", "journey analytics",
        "a response scorer"};

    private static final byte MAGIC_0 = 'C';
    private static final byte MAGIC_1 = 'X';
    /** Magic, version and kind. */
    private static final int HEADER = 4;
    private static final int CHECKSUM = 4;

    private ByteForm() {
    }

    /** Returns what a kind number stands for, for messages. */
    public static String kindName(int kind) {
        return kind > 0 && kind < KIND_NAMES.length ? KIND_NAMES[kind] : "an unknown kind (" + kind + ")";
    }

    /** Appends the values of one byte form; {@link #finish()} adds the checksum. Not thread-safe. */
    public static final class Writer {
        private byte[] bytes;
        private int size;

        private Writer(int capacity) {
            bytes = new byte[Math.max(capacity, 16)];
        }

        /**
         * Starts a byte form of a kind.
         *
         * @param kind one of the kind constants
         * @param capacity a guess of the size, in bytes
         * @return the writer, after the header
         */
        public static Writer start(int kind, int capacity) {
            Writer w = new Writer(capacity);
            w.u8(MAGIC_0).u8(MAGIC_1).u8(VERSION).u8(kind);
            return w;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
            }
        }

        /** Appends one byte, the low 8 bits of {@code value}. */
        public Writer u8(int value) {
            ensure(1);
            bytes[size++] = (byte) value;
            return this;
        }

        /**
         * Appends a non-negative long as an unsigned LEB128 varint (1 byte below 128, at most 9).
         *
         * @throws IllegalArgumentException if the value is negative
         */
        public Writer varLong(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("negative count " + value);
            }
            return varUnsigned(value);
        }

        /** Appends any long as a zigzag varint (small magnitudes, either sign, take few bytes). */
        public Writer varSigned(long value) {
            return varUnsigned((value << 1) ^ (value >> 63));
        }

        /** Appends all 64 bits as an unsigned LEB128 varint (at most 10 bytes). */
        private Writer varUnsigned(long value) {
            ensure(10);
            while ((value & ~0x7FL) != 0) {
                bytes[size++] = (byte) ((value & 0x7F) | 0x80);
                value >>>= 7;
            }
            bytes[size++] = (byte) value;
            return this;
        }

        /** Appends an instant: its epoch second as a zigzag varint, then its nanosecond as a varint. */
        public Writer instant(java.time.Instant value) {
            return varSigned(value.getEpochSecond()).varLong(value.getNano());
        }

        /** Appends a metric: kind (0 NPS, 1 CSAT, 2 CES), min, max, positive-from, negative-up-to; a byte each. */
        public Writer metric(Metric metric) {
            return u8(metric.kind().ordinal()).u8(metric.min()).u8(metric.max()).u8(metric.positiveFrom())
                    .u8(metric.negativeUpTo());
        }

        /** Appends a double, IEEE 754 binary64, little-endian. */
        public Writer f64(double value) {
            ensure(8);
            long bits = Double.doubleToRawLongBits(value);
            for (int i = 0; i < 8; i++) {
                bytes[size++] = (byte) (bits >>> (8 * i));
            }
            return this;
        }

        /** Appends a string (null allowed) as varint (UTF-8 length + 1), then its UTF-8 bytes. */
        public Writer string(String value) {
            if (value == null) {
                return varLong(0);
            }
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            varLong(utf8.length + 1L);
            ensure(utf8.length);
            System.arraycopy(utf8, 0, bytes, size, utf8.length);
            size += utf8.length;
            return this;
        }

        /** Appends a list of strings: its size as a varint, then each string. */
        public Writer strings(java.util.List<String> values) {
            varLong(values.size());
            values.forEach(this::string);
            return this;
        }

        /** Appends an embedded byte form or blob: its length as a varint, then the bytes. */
        public Writer blob(byte[] value) {
            varLong(value.length);
            ensure(value.length);
            System.arraycopy(value, 0, bytes, size, value.length);
            size += value.length;
            return this;
        }

        /** Appends the CRC-32C of everything so far and returns the bytes. */
        public byte[] finish() {
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, size);
            int sum = (int) crc.getValue();
            ensure(CHECKSUM);
            for (int i = 0; i < CHECKSUM; i++) {
                bytes[size++] = (byte) (sum >>> (8 * i));
            }
            return Arrays.copyOf(bytes, size);
        }
    }

    /** Reads the values of one byte form, checked. Not thread-safe. */
    public static final class Reader {
        private final byte[] bytes;
        private final int end;
        private int position;
        private final String what;

        private Reader(byte[] bytes, String what) {
            this.bytes = bytes;
            this.end = bytes.length - CHECKSUM;
            this.position = HEADER;
            this.what = what;
        }

        /**
         * Checks the envelope: length, magic, checksum, version and kind.
         *
         * @param bytes the byte form
         * @param kind the kind expected
         * @return a reader positioned at the body
         * @throws ByteFormatException if any check fails
         * @throws NullPointerException if bytes is null
         */
        public static Reader open(byte[] bytes, int kind) {
            String what = kindName(kind);
            if (bytes.length < HEADER + CHECKSUM) {
                throw new ByteFormatException("not " + what + ": " + bytes.length
                        + " bytes is shorter than the smallest byte form (" + (HEADER + CHECKSUM) + ")");
            }
            if (bytes[0] != MAGIC_0 || bytes[1] != MAGIC_1) {
                throw new ByteFormatException("not cxkit bytes: they start with 0x"
                        + String.format("%02x%02x", bytes[0], bytes[1]) + ", not \"CX\" (0x4358)");
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, bytes.length - CHECKSUM);
            int stored = 0;
            for (int i = 0; i < CHECKSUM; i++) {
                stored |= (bytes[bytes.length - CHECKSUM + i] & 0xFF) << (8 * i);
            }
            if (stored != (int) crc.getValue()) {
                throw new ByteFormatException("the checksum of " + bytes.length + " bytes of " + what
                        + " does not match (stored " + String.format("%08x", stored) + ", computed "
                        + String.format("%08x", (int) crc.getValue()) + "): they were cut or changed");
            }
            int version = bytes[2] & 0xFF;
            if (version != VERSION) {
                throw new ByteFormatException("format version " + version + " is "
                        + (version > VERSION ? "newer than" : "not") + " the version this library reads ("
                        + VERSION + ")");
            }
            int found = bytes[3] & 0xFF;
            if (found != kind) {
                throw new ByteFormatException("expected " + what + ", found " + kindName(found));
            }
            return new Reader(bytes, what);
        }

        /** Returns a {@link ByteFormatException} about the value at the current offset. */
        public ByteFormatException error(String problem) {
            return new ByteFormatException(what + " at byte " + position + ": " + problem);
        }

        private void need(int n) {
            if (end - position < n) {
                throw error("the body ends early");
            }
        }

        /** Reads one unsigned byte. */
        public int u8() {
            need(1);
            return bytes[position++] & 0xFF;
        }

        /** Reads an unsigned LEB128 varint of at most 63 bits. */
        public long varLong() {
            long value = 0;
            for (int shift = 0; shift < 63; shift += 7) {
                need(1);
                byte b = bytes[position++];
                value |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw error("a varint longer than 63 bits");
        }

        /**
         * Reads a count of items that take at least {@code minBytesEach} bytes each, bounded by
         * the bytes left, so that bad bytes cannot make the caller allocate much.
         */
        public int count(String item, int minBytesEach) {
            long n = varLong();
            if (n > (end - position) / Math.max(1, minBytesEach)) {
                throw error(n + " " + item + " cannot fit in the " + (end - position) + " bytes left");
            }
            return (int) n;
        }

        /** Reads a zigzag varint. */
        public long varSigned() {
            long raw = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                need(1);
                byte b = bytes[position++];
                raw |= (long) (b & 0x7F) << shift;
                if (b >= 0) {
                    return (raw >>> 1) ^ -(raw & 1);
                }
            }
            throw error("a varint longer than 64 bits");
        }

        /** Reads an instant written by {@link Writer#instant}. */
        public java.time.Instant instant() {
            long seconds = varSigned();
            long nanos = varLong();
            if (nanos >= 1_000_000_000L) {
                throw error("a nanosecond of " + nanos);
            }
            try {
                return java.time.Instant.ofEpochSecond(seconds, nanos);
            } catch (RuntimeException e) {
                throw error("not an instant: " + seconds + " s " + nanos + " ns");
            }
        }

        /** Reads a metric written by {@link Writer#metric}: only metrics this library defines. */
        public Metric metric() {
            int kind = u8();
            int min = u8();
            int max = u8();
            int positiveFrom = u8();
            int negativeUpTo = u8();
            Metric metric;
            try {
                switch (kind) {
                    case 0:
                        metric = Metric.NPS;
                        break;
                    case 1:
                        metric = Metric.csat(min, max, positiveFrom);
                        break;
                    case 2:
                        metric = Metric.ces(min, max, positiveFrom);
                        break;
                    default:
                        throw error("metric kind " + kind + " is none of 0 (nps), 1 (csat), 2 (ces)");
                }
            } catch (ByteFormatException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw error("not a metric: " + e.getMessage());
            }
            if (metric.min() != min || metric.max() != max || metric.positiveFrom() != positiveFrom
                    || metric.negativeUpTo() != negativeUpTo) {
                throw error("metric " + metric.id() + " " + min + ".." + max + " (positive from " + positiveFrom
                        + ", negative up to " + negativeUpTo + ") is not one this library defines");
            }
            return metric;
        }

        /** Reads a double, little-endian. */
        public double f64() {
            need(8);
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits |= (bytes[position++] & 0xFFL) << (8 * i);
            }
            return Double.longBitsToDouble(bits);
        }

        /** Reads a string or null. */
        public String string() {
            long n = varLong();
            if (n == 0) {
                return null;
            }
            if (n - 1 > end - position) {
                throw error("a string of " + (n - 1) + " bytes cannot fit in the " + (end - position) + " bytes left");
            }
            String s = new String(bytes, position, (int) n - 1, StandardCharsets.UTF_8);
            position += (int) n - 1;
            return s;
        }

        /** Reads a list of strings written by {@link Writer#strings}. */
        public java.util.List<String> strings(String item) {
            int n = count(item, 1);
            java.util.List<String> out = new java.util.ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(string());
            }
            return out;
        }

        /** Reads a length-prefixed blob. */
        public byte[] blob() {
            int n = count("bytes", 1);
            byte[] out = Arrays.copyOfRange(bytes, position, position + n);
            position += n;
            return out;
        }

        /**
         * Checks that the body was read to its end.
         *
         * @throws ByteFormatException if bytes are left over
         */
        public void end() {
            if (position != end) {
                throw error((end - position) + " bytes after the end of the body");
            }
        }
    }
}
