package dev.cxkit.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 bytes of text in another encoding, so that the readers' UTF-8 scanners read it
 * unchanged. Characters that do not decode become U+FFFD, which the readers then report per row
 * as text that is not valid (the input is not lost). Does not close the underlying stream.
 */
final class Utf8Transcoder extends InputStream {

    private final Reader reader;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192 * 3 + 16);
    private final byte[] one = new byte[1];
    private boolean eof;

    /**
     * Creates the transcoder.
     *
     * @param in the bytes in {@code charset}
     * @param charset their encoding
     */
    Utf8Transcoder(InputStream in, Charset charset) {
        this.reader = new InputStreamReader(in, charset);
        chars.flip();
        bytes.flip();
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!bytes.hasRemaining()) {
            if (eof && !chars.hasRemaining()) {
                return -1;
            }
            chars.compact();
            int n = eof ? -1 : reader.read(chars);
            chars.flip();
            if (n < 0) {
                eof = true;
            }
            bytes.clear();
            encoder.encode(chars, bytes, eof);
            if (eof && !chars.hasRemaining()) {
                encoder.flush(bytes);
            }
            bytes.flip();
        }
        int n = Math.min(len, bytes.remaining());
        bytes.get(b, off, n);
        return n;
    }
}
