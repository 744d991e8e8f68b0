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
 *   <li>{@link #commit} puts the files in place only after all of them were written: a failure
 *       while writing leaves every old file as it was, and a reader sees each file old or new,
 *       never torn. A single file is renamed over its target; the members of a set
 *       ({@link #claimInSet}, the report's files) are shown through links to one generation
 *       folder, and one rename of the {@code .cx-current} link switches them all, so that a kill
 *       at any moment leaves the old set or the new one, never a mix (where links cannot be
 *       made, each member is renamed; see {@code docs/decisions/0015-one-output-writer.md}).
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
    /** The folder of the set, when {@link #claimInSet} was used; its members switch together. */
    private Path setDir;
    /** The set's top-level names in its folder ({@code report.json}, {@code csv}). */
    private final java.util.Set<String> setNames = new java.util.LinkedHashSet<>();
    /** The new generation folder of the set, created when its first member is written. */
    private Path generation;

    /** The folder, inside a set's folder, that holds its generations. */
    static final String GENERATIONS = ".cx-generations";
    /** The link, inside a set's folder, to the generation its members show. */
    static final String CURRENT = ".cx-current";

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
        checkFree(target, what);
        claimed.put(key, what);
        if (createFolder) {
            mayCreateFolder.add(key);
        }
        return target;
    }

    /**
     * Claims a member of a set of files that is replaced as one: the report's files in its folder.
     * Each member is shown at {@code dir/name} through a link to {@code dir/.cx-current/name}, and
     * {@code .cx-current} links to the generation folder that holds the whole set; {@link #commit}
     * switches that one link, so a reader (or a kill at any moment) sees the old set or the new one,
     * never a mix. A member already there as a plain file (a report from before) is taken into the
     * old generation first, so that it stays visible until the switch. A member path may have
     * folders ({@code csv/groups.csv}): its first folder is the shown member.
     *
     * @param dir the set's folder (created at commit if missing)
     * @param name the member's path inside it
     * @param what what it is, for messages
     * @return the member's path as users see it, {@code dir/name}
     * @throws RefusedException if the member is an input, a link that is not the set's own, claimed
     *     twice, or the set's folder differs from another member's
     */
    public Path claimInSet(Path dir, String name, String what) throws RefusedException {
        Path folder = dir.toAbsolutePath().normalize();
        if (setDir != null && !setDir.equals(folder)) {
            throw new IllegalStateException("one set per run: " + setDir + " and " + folder);
        }
        Path target = dir.resolve(name);
        Path top = folder.resolve(Path.of(name).getName(0));
        if (Files.isSymbolicLink(top) && !isOwnLink(folder, top)) {
            throw new RefusedException(what + " " + top + " is a symbolic link cx did not make; cx writes through no "
                    + "link and replaces none: remove it or choose another --out");
        }
        checkFree(target, what);
        Path key = target.toAbsolutePath().normalize();
        claimed.put(key, what);
        setDir = folder;
        setNames.add(Path.of(name).getName(0).toString());
        return target;
    }

    /** Refuses a target that is a directory, an input of the run, or claimed before. */
    private void checkFree(Path target, String what) throws RefusedException {
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
        Path key = target.toAbsolutePath().normalize();
        for (Map.Entry<Path, String> other : claimed.entrySet()) {
            if (other.getKey().equals(key) || same(other.getKey(), target)) {
                throw new RefusedException(what + " " + target + " is also where " + other.getValue()
                        + " goes; choose another path");
            }
        }
    }

    /** Whether a link in the set's folder is one this writer made: {@code name -> .cx-current/name}. */
    private static boolean isOwnLink(Path folder, Path link) {
        try {
            return Files.readSymbolicLink(link).equals(Path.of(CURRENT, link.getFileName().toString()));
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a claimed target is a member of the set. */
    private boolean inSet(Path key) {
        return setDir != null && key.startsWith(setDir) && !key.equals(setDir)
                && setNames.contains(setDir.relativize(key).getName(0).toString());
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
            Path temp;
            if (inSet(key)) {
                if (generation == null) {
                    Path generations = setDir.resolve(GENERATIONS);
                    Files.createDirectories(generations);
                    generation = Files.createTempDirectory(generations, "gen-");
                }
                temp = generation.resolve(setDir.relativize(key));
                Files.createDirectories(temp.getParent());
                temp = Files.createFile(temp);
            } else {
                if (mayCreateFolder.contains(key)) {
                    Files.createDirectories(dir);
                }
                temp = Files.createTempFile(dir, "." + key.getFileName(), ".tmp");
            }
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
                if (inSet(e.getKey())) {
                    continue;
                }
                try {
                    Files.move(e.getValue(), e.getKey(), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException unsupported) {
                    Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException io) {
                    throw new IOException("cannot write " + e.getKey() + ": " + reason(io), io);
                }
            }
            if (generation != null) {
                if (linksWork()) {
                    switchSet();
                } else {
                    moveSetIntoPlace();
                }
            }
            committed = true;
        } finally {
            if (!committed) {
                abandon();
            }
        }
    }

    /**
     * Shows the new generation: takes plain members of an older report into the current
     * generation (so they stay visible), links each member to {@code .cx-current}, switches
     * {@code .cx-current} to the new generation in one rename, then removes older generations and
     * members the new set does not have.
     */
    private void switchSet() throws IOException {
        Path current = setDir.resolve(CURRENT);
        Path generations = setDir.resolve(GENERATIONS);
        Path shown = Files.isSymbolicLink(current) ? setDir.resolve(Files.readSymbolicLink(current)).normalize() : null;
        List<String> plain = new ArrayList<>();
        for (String name : setNames) {
            Path member = setDir.resolve(name);
            if (Files.exists(member, LinkOption.NOFOLLOW_LINKS) && !isOwnLink(setDir, member)) {
                plain.add(name);
            }
        }
        if (!plain.isEmpty()) {
            // an older report's plain files: copy them into a generation that .cx-current shows, so that
            // each can be replaced by its link without ever showing a mix
            Path old = Files.createTempDirectory(generations, "gen-");
            if (shown != null && Files.isDirectory(shown)) {
                copyTree(shown, old);
            }
            for (String name : plain) {
                copyTree(setDir.resolve(name), old.resolve(name));
            }
            point(current, setDir.relativize(old));
            shown = old;
            for (String name : plain) {
                Path member = setDir.resolve(name);
                if (Files.isDirectory(member, LinkOption.NOFOLLOW_LINKS)) {
                    deleteTree(member); // a folder of an older report (csv): replaced in two steps, once
                }
                point(member, Path.of(CURRENT, name));
            }
        }
        for (String name : setNames) {
            Path member = setDir.resolve(name);
            if (!Files.isSymbolicLink(member)) {
                point(member, Path.of(CURRENT, name));
            }
        }
        point(current, setDir.relativize(generation)); // the switch
        try (var old = Files.list(generations)) {
            for (Path g : old.toList()) {
                if (!g.equals(generation)) {
                    deleteTree(g);
                }
            }
        }
        try (var members = Files.list(setDir)) {
            for (Path m : members.toList()) {
                if (isOwnLink(setDir, m) && !Files.exists(m)) {
                    Files.delete(m); // a member the new set does not have
                }
            }
        }
    }

    /** Whether the set's folder can hold symbolic links (not on a Windows account without the right). */
    private boolean linksWork() {
        Path probe = setDir.resolve(GENERATIONS).resolve(".link-probe-" + Long.toHexString(System.nanoTime()));
        try {
            Files.createSymbolicLink(probe, Path.of("."));
            Files.delete(probe);
            return true;
        } catch (UnsupportedOperationException | IOException e) {
            return false;
        }
    }

    /**
     * Where links cannot be made: each member renamed into place, the set's members microseconds
     * apart (see decision 0015), then the generation folder removed.
     */
    private void moveSetIntoPlace() throws IOException {
        for (Map.Entry<Path, Path> e : temporaries.entrySet()) {
            if (inSet(e.getKey())) {
                Files.createDirectories(e.getKey().getParent());
                Files.move(e.getValue(), e.getKey(), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        deleteTree(generation);
    }

    /** Makes {@code link} point to {@code target}, replacing it in one rename. */
    private static void point(Path link, Path target) throws IOException {
        Path temp = link.resolveSibling("." + link.getFileName() + ".link-" + Long.toHexString(System.nanoTime()));
        Files.createSymbolicLink(temp, target);
        try {
            Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            Files.createDirectories(to);
            try (var children = Files.list(from)) {
                for (Path child : children.toList()) {
                    copyTree(child, to.resolve(child.getFileName().toString()));
                }
            }
        } else {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (var children = Files.list(path)) {
                for (Path child : children.toList()) {
                    deleteTree(child);
                }
            }
        }
        Files.deleteIfExists(path);
    }

    /** Removes every temporary file not yet put in place. */
    public void abandon() {
        if (generation != null && !committed) {
            try {
                deleteTree(generation);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + generation, e);
            }
            generation = null;
        }
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
