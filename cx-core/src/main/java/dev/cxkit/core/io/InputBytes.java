package dev.cxkit.core.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * What an input's first bytes say it is, before it is read as text: gzip is decompressed on the
 * fly (by its magic bytes, whatever the file is called), UTF-16 with a byte-order mark is decoded,
 * so is text in a named encoding (Windows-1252 from an older Excel), and a workbook gets a message that says what it is and what to do, instead of every row
 * rejected as "not valid UTF-8". Not instantiable.
 */
final class InputBytes {

    private InputBytes() {
    }

    /**
     * Returns the stream to read as text: {@code in} itself, or its gzip decompression.
     *
     * @param in the raw bytes, not closed here
     * @param source the input's name, for messages
     * @param encoding the text's encoding when it has no byte-order mark, or null for UTF-8
     * @return the text bytes, in UTF-8
     * @throws UnreadableInputException if the bytes are a zip archive (an {@code .xlsx}
     *     workbook) or an Excel 97–2003 workbook
     * @throws IOException if the input cannot be read
     */
    static InputStream text(InputStream in, String source, Charset encoding) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(4);
        byte[] magic = buffered.readNBytes(4);
        buffered.reset();
        if (starts(magic, 0x1f, 0x8b)) {
            // what the gzip holds is judged the same way (it may be UTF-16, say)
            return text(new GZIPInputStream(buffered, 1 << 16), source, encoding);
        }
        if (starts(magic, 'P', 'K', 3, 4)) {
            throw new UnreadableInputException(source, 1, "this is a zip archive inside gzip; an Excel .xlsx "
                    + "workbook is read as it is, not compressed again");
        }
        if (starts(magic, 0xd0, 0xcf, 0x11, 0xe0)) {
            throw new UnreadableInputException(source, 1, "this is an Excel 97-2003 workbook (.xls): save it as an "
                    + ".xlsx workbook or as CSV (UTF-8) and read that");
        }
        if (starts(magic, '%', 'P', 'D', 'F')) {
            throw new UnreadableInputException(source, 1, "this is a PDF document, not a CSV, JSON Lines or .xlsx "
                    + "export: download the survey's data export instead");
        }
        if (starts(magic, 0xff, 0xfe) || starts(magic, 0xfe, 0xff)) {
            // UTF-16 by its byte-order mark (Excel's "Unicode text"): decoded, the mark dropped
            buffered.skip(2);
            return new Utf8Transcoder(buffered, magic[0] == (byte) 0xff ? StandardCharsets.UTF_16LE
                    : StandardCharsets.UTF_16BE);
        }
        return encoding == null || encoding.equals(StandardCharsets.UTF_8) ? buffered
                : new Utf8Transcoder(buffered, encoding);
    }

    /**
     * Returns whether the input starts as a zip archive does, as an {@code .xlsx} workbook does,
     * without consuming anything.
     *
     * @param in the input, which must support mark and reset
     * @throws IOException if the input cannot be read
     */
    static boolean isZip(BufferedInputStream in) throws IOException {
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        return starts(magic, 'P', 'K', 3, 4);
    }

    /** Returns {@code name} without a trailing {@code .gz}, so the extension before it names the format. */
    static String withoutGzip(String name) {
        return name.regionMatches(true, name.length() - 3, ".gz", 0, 3) ? name.substring(0, name.length() - 3) : name;
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
