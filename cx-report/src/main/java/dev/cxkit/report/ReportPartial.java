package dev.cxkit.report;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The bytes of a report builder's state, between JVMs of one job (Spark executors and their
 * driver): the inputs given, the responses' scorers, the closed journey analytics (cxkit's byte
 * format, kind 9) and the open failures. A container of cxkit's forms, versioned; a transfer
 * within one cxkit version, not a stored format.
 */
final class ReportPartial {

    private static final String MAGIC = "cxkit report partial";
    private static final int VERSION = 1;
    /** Lengths beyond this are not a partial of a report: the bytes are refused before allocating. */
    private static final int MAX_LENGTH = 1 << 30;

    private ReportPartial() {
    }

    /** What {@link #read} returns: the parts, each to be merged by its owner. */
    record Parts(Set<String> given, byte[] responses, byte[] analytics, byte @Nullable [] openFailures) {
    }

    static byte[] write(Set<String> given, ReportSections.Responses responses, byte[] analytics,
            byte @Nullable [] openFailures) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeText(out, MAGIC);
            out.writeInt(VERSION);
            out.writeInt(given.size());
            for (String kind : given) {
                writeText(out, kind);
            }
            ByteArrayOutputStream r = new ByteArrayOutputStream();
            try (DataOutputStream rs = new DataOutputStream(r)) {
                responses.write(rs);
            }
            writeBytes(out, r.toByteArray());
            writeBytes(out, analytics);
            out.writeBoolean(openFailures != null);
            if (openFailures != null) {
                writeBytes(out, openFailures);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory does not fail
        }
        return bytes.toByteArray();
    }

    static Parts read(byte[] partial) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(partial))) {
            if (!MAGIC.equals(readText(in))) {
                throw new IllegalArgumentException("not a report partial");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IllegalArgumentException("a report partial of version " + version + ", this library reads "
                        + VERSION);
            }
            int kinds = count(in);
            Set<String> given = new LinkedHashSet<>();
            for (int i = 0; i < kinds; i++) {
                given.add(readText(in));
            }
            byte[] responses = readBytes(in);
            byte[] analytics = readBytes(in);
            byte[] open = in.readBoolean() ? readBytes(in) : null;
            if (in.read() != -1) {
                throw new IllegalArgumentException("bytes after the end of a report partial");
            }
            return new Parts(given, responses, analytics, open);
        } catch (IOException e) {
            throw new IllegalArgumentException("a report partial cut short: " + e.getMessage(), e);
        }
    }

    /** Runs a read of a part, its I/O failures (a cut or bad part) turned into argument errors. */
    interface PartReader {
        void read(DataInput in) throws IOException;
    }

    static void readPart(byte[] part, PartReader reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(part))) {
            reader.read(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("a report partial cut short: " + e.getMessage(), e);
        }
    }

    static int count(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_LENGTH) {
            throw new IOException("a count of " + n);
        }
        return n;
    }

    static void writeBytes(DataOutput out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static byte[] readBytes(DataInput in) throws IOException {
        byte[] bytes = new byte[count(in)];
        in.readFully(bytes);
        return bytes;
    }

    static void writeText(DataOutput out, String text) throws IOException {
        writeBytes(out, text.getBytes(StandardCharsets.UTF_8));
    }

    static String readText(DataInput in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }
}
