package dev.cxkit.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A streaming reader of one kind of record (responses, journey events, incidents, customers):
 * every row read is either accepted, handed to {@code accepted} as a record, or rejected, handed
 * to {@code rejected} with its place and reason; a bad row never stops the others. What comes
 * back counts them: read = accepted + rejected.
 *
 * <p>Implementations are immutable and thread-safe: one reader may read many streams, each on
 * its own thread.
 *
 * @param <T> the record
 * @since 0.1.0
 */
public interface RecordReader<T> {

    /**
     * Reads a stream to its end; does not close it.
     *
     * @param in the bytes
     * @param source the stream's name in messages (a file name, {@code stdin})
     * @param accepted receives every accepted record, in order
     * @param rejected receives every rejected row, in order
     * @return the counts of what was read
     * @throws UnreadableInputException if the stream as a whole cannot be read (not text, no header)
     * @throws IOException if reading fails
     */
    ReadSummary read(InputStream in, String source, Consumer<? super T> accepted,
            Consumer<? super Rejection> rejected) throws IOException;

    /**
     * Reads a file to its end.
     *
     * @param file the file, named in messages as given
     * @param accepted receives every accepted record, in order
     * @param rejected receives every rejected row, in order
     * @return the counts of what was read
     * @throws UnreadableInputException if the file as a whole cannot be read (not text, no header)
     * @throws IOException if the file cannot be opened or read
     */
    default ReadSummary read(Path file, Consumer<? super T> accepted, Consumer<? super Rejection> rejected)
            throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), accepted, rejected);
        }
    }
}
