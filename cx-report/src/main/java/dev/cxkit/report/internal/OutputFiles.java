package dev.cxkit.report.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every file one run writes, written so that nothing is lost or torn: the one output writer of the
 * {@code cx} command (report files, CSV tables, rejected rows, mappings, sample data).
 *
 * <ol>
 *   <li>{@link #claim} checks a target before anything is read or computed: it must not be an input
 *       of the run (the same file through links too), not a symbolic link (cx replaces no link and
 *       writes through none: it refuses), not a directory, and not claimed twice.
 *   <li>{@link #write} or {@link #open} write the content to a temporary file beside the target
 *       (created with the folder only now, so a run that stops early creates nothing) and force
 *       it to the disk.
 *   <li>{@link #commit} renames every temporary over its target, in the order claimed, only after
 *       all of them were written: a failure while writing leaves every old file as it was. A
 *       reader sees each file old or new, never torn. Between the renames of a set (microseconds
 *       apart) a reader could see one new file beside one old one; see
 *       {@code docs/decisions/0015-one-output-writer.md}.
 *   <li>{@link #abandon} removes the temporaries (also after a failed commit).
 * </ol>
 *
 * <p>Errors name the file. Not thread-safe; one per run.
 */
public final class OutputFiles implements AutoCloseable {

    /** A refused target: the message says which file and why, for the user. */
    public static final class RefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    private final List<Path> inputs = new ArrayList<>();
    private final Map<Path, String> claimed = new LinkedHashMap<>();
    /** The claimed targets whose folder may be created. */
    private final java.util.Set<Path> mayCreateFolder = new java.util.HashSet<>();
    private final Map<Path, Path> temporaries = new LinkedHashMap<>();
    private boolean committed;

    /**
     * Creates the writer of one run.
     *
     * @param inputs the files the run reads (names that do not exist are ignored)
     */
    public OutputFiles(List<Path> inputs) {
        for (Path input : inputs) {
            this.inputs.add(Objects.requireNonNull(input, "input"));
        }
    }

    /**
     * Checks a target and reserves it for this run.
     *
     * @param target the file to write
     * @param what what it is, for messages, for example {@code --rejects} or {@code report.json}
     * @return the target
     * @throws RefusedException if the target is a directory, a symbolic link, an input of the run, or
     *     already claimed
     */
    public Path claim(Path target, String what) throws RefusedException {
        return claim(target, what, false);
    }

    /**
     * Checks a target and reserves it for this run, as {@link #claim(Path, String)} does.
     *
     * @param target the file to write
     * @param what what it is, for messages
     * @param createFolder whether its folder is created when missing (a report folder), or must
     *     exist (a file named by an option: a typo in its folder is an error, not a new folder)
     * @return the target
     * @throws RefusedException if the target is refused, or its folder is missing and may not be created
     */
    public Path claim(Path target, String what, boolean createFolder) throws RefusedException {
        Path key = target.toAbsolutePath().normalize();
        if (!createFolder && !Files.isDirectory(key.getParent())) {
            throw new RefusedException("cannot write " + what + " " + target + ": no such file or directory");
        }
        if (Files.isSymbolicLink(target)) {
            throw new RefusedException(what + " " + target + " is a symbolic link; cx writes through no link and "
                    + "replaces none: remove it or choose another path");
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new RefusedException(what + " " + target + " is a directory; choose a file");
        }
        for (Path input : inputs) {
            if (same(input, target)) {
                throw new RefusedException(what + " " + target + " is also an input of this run"
                        + (input.toString().equals(target.toString()) ? "" : " (" + input + ")")
                        + "; choose another path");
            }
        }
        for (Map.Entry<Path, String> other : claimed.entrySet()) {
            if (other.getKey().equals(key) || same(other.getKey(), target)) {
                throw new RefusedException(what + " " + target + " is also where " + other.getValue()
                        + " goes; choose another path");
            }
        }
        claimed.put(key, what);
        if (createFolder) {
            mayCreateFolder.add(key);
        }
        return target;
    }

    private static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // fall through to comparing names
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /**
     * Writes a claimed file's whole content to its temporary file.
     *
     * @param target a claimed target
     * @param text the content, UTF-8
     * @throws IOException if the folder or the temporary file cannot be written (the message names the target)
     */
    public void write(Path target, CharSequence text) throws IOException {
        try (Writer out = open(target)) {
            out.append(text);
        }
    }

    /**
     * Opens a claimed file's temporary file for writing, for content that streams (rejected rows).
     * Closing the writer forces it to the disk; {@link #commit} puts it in place.
     *
     * @param target a claimed target
     * @return the writer, UTF-8
     * @throws IOException if the folder or the temporary file cannot be created
     */
    public Writer open(Path target) throws IOException {
        Path key = target.toAbsolutePath().normalize();
        if (!claimed.containsKey(key)) {
            throw new IllegalStateException(target + " was not claimed");
        }
        if (temporaries.containsKey(key)) {
            throw new IllegalStateException(target + " is written twice");
        }
        Path dir = key.getParent();
        try {
            if (mayCreateFolder.contains(key)) {
                Files.createDirectories(dir);
            }
            Path temp = Files.createTempFile(dir, "." + key.getFileName(), ".tmp");
            temporaries.put(key, temp);
            AtomicFiles.keepReadable(temp, key);
            FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            Writer writer = Channels.newWriter(channel, StandardCharsets.UTF_8);
            return new Writer() {
                @Override
                public void write(char[] cbuf, int off, int len) throws IOException {
                    writer.write(cbuf, off, len);
                }

                @Override
                public void flush() throws IOException {
                    writer.flush();
                }

                @Override
                public void close() throws IOException {
                    try {
                        writer.flush();
                        channel.force(true);
                    } finally {
                        writer.close();
                    }
                }
            };
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        }
    }

    /**
     * Puts every written file in place, in the order claimed; a claimed file that was never written
     * is left as it was.
     *
     * @throws IOException if a rename fails (the message names the file; the temporaries not yet
     *     renamed are removed)
     */
    public void commit() throws IOException {
        try {
            for (Map.Entry<Path, Path> e : temporaries.entrySet()) {
                try {
                    Files.move(e.getValue(), e.getKey(), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException unsupported) {
                    Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException io) {
                    throw new IOException("cannot write " + e.getKey() + ": " + reason(io), io);
                }
            }
            committed = true;
        } finally {
            if (!committed) {
                abandon();
            }
        }
    }

    /** Removes every temporary file not yet put in place. */
    public void abandon() {
        for (Path temp : temporaries.values()) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + temp, e);
            }
        }
        temporaries.clear();
    }

    /** Removes what was not committed. */
    @Override
    public void close() {
        if (!committed) {
            abandon();
        }
    }

    private static String reason(IOException e) {
        String message = e.getMessage();
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
