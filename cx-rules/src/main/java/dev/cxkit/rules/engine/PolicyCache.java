// Over 500 lines on purpose: the cache key, the entry format with its checks and the restricted
// deserialization belong together; half the file is the Javadoc of what an entry may hold and why.
package dev.cxkit.rules.engine;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.kie.api.KieBase;

/**
 * Compiled policies kept in a folder, keyed by what they were compiled from, so that compiling a
 * policy compiled before reads its rule base instead (a few hundred milliseconds instead of a
 * compile's one to two seconds in a fresh JVM; decision 0021).
 *
 * <pre>{@code
 * PolicyCache cache = PolicyCache.in(Path.of(System.getProperty("user.home"), ".cache", "cxkit", "policies"));
 * Policy policy = cache.compile(PolicySource.resolve("restaurant"), PolicyOptions.defaults());
 * }</pre>
 *
 * <p><b>The key</b> is a SHA-256 over everything that a compile reads: the policy's name, every
 * DRL file's name and text in load order (a decision table as the DRL made from it), its settings
 * (file, keys, values, lines) and what loading it reported, together with the versions of cxkit,
 * Drools and the Java runtime and the size and time of the cxkit jars. A changed file, setting or
 * version gives another key, so a compiled form is never used for anything but what it was
 * compiled from. Classes of the host's that the DRL uses are not in the key: after changing them,
 * delete the folder.
 *
 * <p><b>A cached policy is the same policy</b>: the same rules, the same warnings of Drools, the
 * lint and the settings check (kept with the entry, as the checks ran on the same text), and the
 * same guard rails: it is warmed up, and decides under the firing limit, time budget and isolation
 * of its {@link PolicyOptions} like a compiled one. A policy that does not compile is never cached,
 * and is compiled (and refused, with every problem) every time.
 *
 * <p><b>What is trusted.</b> An entry holds compiled code: the classes of the rules' consequences,
 * which run when the rules fire. Policies are trusted code (the DRL can call any Java the host can
 * reach), and so is this folder: keep it writable only by whoever may change the policies (it is
 * created readable by its owner only where the file system allows). Entries are still never
 * trusted blindly: one whose header, key, versions or checksum do not match, that is truncated,
 * or that holds any class outside Drools', MVEL's, cxkit's, the JDK's values and collections and
 * the policy's own DRL packages and imports (an {@link java.io.ObjectInputFilter} reads it), is
 * ignored: the policy is compiled again and the entry replaced. That is a guard against damaged
 * and foreign files, not a sandbox.
 *
 * <p>Entries are written atomically (a temporary file in the folder, then a rename), so a reader
 * sees a whole entry or none. A folder that cannot be created or written is not an error: the
 * policy is compiled as without a cache, and a note says why ({@link #withNotes}). An entry is
 * about 0.4 MB for the restaurant pack; beyond {@value #MAX_ENTRIES} entries (edited versions of a
 * policy, other versions of cxkit), the least recently used are deleted.
 *
 * <p>Immutable and thread-safe; any number of processes may share a folder.
 *
 * @since 0.1.0
 */
public final class PolicyCache {

    private static final byte[] MAGIC = "cxkit-policy".getBytes(StandardCharsets.US_ASCII);
    /** The entry layout's version; part of the key too. */
    private static final int FORMAT = 1;
    /** The file name's ending. */
    static final String SUFFIX = ".kbase";
    /** Larger entries are not read (the restaurant pack's is about 0.4 MB). */
    static final int MAX_ENTRY_BYTES = 64 << 20;
    private static final String ENVIRONMENT = environmentOfThisRuntime();

    /** The most entries a folder keeps: the least recently used beyond it are deleted. */
    static final int MAX_ENTRIES = 32;

    private final Path directory;
    private final String environment;
    private final Consumer<String> notes;
    private final int maxEntries;

    PolicyCache(Path directory, String environment, Consumer<String> notes) {
        this(directory, environment, notes, MAX_ENTRIES);
    }

    PolicyCache(Path directory, String environment, Consumer<String> notes, int maxEntries) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.notes = Objects.requireNonNull(notes, "notes");
        this.maxEntries = maxEntries;
    }

    /**
     * A cache in a folder, created when first written. Nothing is read or written here.
     *
     * @param directory the folder of the compiled policies
     * @return the cache, whose notes are logged at debug level
     */
    public static PolicyCache in(Path directory) {
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PolicyCache.class);
        return new PolicyCache(directory, ENVIRONMENT, log::debug);
    }

    /**
     * Returns this cache telling what it did to {@code notes} instead of the log: one sentence
     * each time it reads a compiled policy, ignores an entry (and why), writes one, or cannot
     * write one (and why). Notes are for people; none of them is an error.
     *
     * @param notes what receives the notes (called on the compiling thread)
     * @return the cache
     */
    public PolicyCache withNotes(Consumer<String> notes) {
        return new PolicyCache(directory, environment, notes, maxEntries);
    }

    /** Returns the folder of the compiled policies. */
    public Path directory() {
        return directory;
    }

    /**
     * Returns the file that holds, or would hold, a policy's compiled form.
     *
     * @param source the policy
     * @return the entry's path in {@link #directory()} (the file may not exist)
     */
    public Path entry(PolicySource source) {
        return directory.resolve(HexFormat.of().formatHex(key(source, environment)) + SUFFIX);
    }

    /**
     * Compiles a policy with the default guard rails, or reads it when it was compiled before.
     *
     * @param source the DRL files and settings
     * @return the policy
     * @throws PolicyCompilationException with every error (file, line, rule) if it does not compile
     * @see #compile(PolicySource, PolicyOptions)
     */
    public Policy compile(PolicySource source) throws PolicyCompilationException {
        return compile(source, PolicyOptions.defaults());
    }

    /**
     * Compiles a policy as {@link Policy#compile(PolicySource, PolicyOptions)} does, reading its
     * compiled form instead when this cache holds one for the same text and versions, and keeping
     * it there otherwise. Either way the policy is warmed up and has the compile's warnings.
     *
     * @param source the DRL files and settings
     * @param options the guard rails of its decisions
     * @return the policy
     * @throws PolicyCompilationException with every error (file, line, rule) if it does not compile
     */
    public Policy compile(PolicySource source, PolicyOptions options) throws PolicyCompilationException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        Policy.requireFiles(source);
        byte[] key = key(source, environment);
        Path entry = directory.resolve(HexFormat.of().formatHex(key) + SUFFIX);
        Stored stored = read(entry, key, source);
        if (stored != null) {
            try {
                Policy policy = Policy.warmedUp(source, options, stored.kieBase(), stored.warnings());
                notes.accept("policy '" + source.name() + "' read compiled from " + entry);
                touch(entry);
                return policy;
            } catch (RuntimeException | LinkageError e) {
                notes.accept("ignored " + entry + ": its rule base does not run (" + e + "); compiling again");
            }
        }
        PolicyCompiler.Compiled compiled = PolicyCompiler.compile(source, true);
        if (compiled.serialized() == null) {
            notes.accept("policy '" + source.name() + "' is not cached: Drools could not serialize its rule base ("
                    + compiled.notSerialized() + ")");
        } else {
            write(source.name(), entry, key, compiled.warnings(), compiled.serialized());
        }
        return Policy.warmedUp(source, options, compiled.kieBase(), compiled.warnings());
    }

    /** A rule base read from an entry, with the warnings of its compile. */
    private record Stored(KieBase kieBase, List<PolicyProblem> warnings) {
    }

    /** Reads an entry; null when there is none or it cannot be used (with a note saying why). */
    private @Nullable Stored read(Path entry, byte[] key, PolicySource source) {
        if (!Files.isDirectory(directory)) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(entry, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readNBytes(MAX_ENTRY_BYTES + 1);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            notes.accept("ignored " + entry + ": cannot read it (" + reason(e) + ")");
            return null;
        }
        try {
            if (bytes.length > MAX_ENTRY_BYTES) {
                throw new IOException("larger than " + (MAX_ENTRY_BYTES >> 20) + " MB");
            }
            DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes));
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC) || in.readInt() != FORMAT) {
                throw new IOException("not a compiled policy of this format");
            }
            byte[] storedKey = new byte[key.length];
            in.readFully(storedKey);
            if (!MessageDigest.isEqual(storedKey, key)) {
                throw new IOException("compiled from other files");
            }
            String storedEnvironment = string(in);
            if (!storedEnvironment.equals(environment)) {
                throw new IOException("compiled by another version (" + storedEnvironment + ")");
            }
            int count = in.readInt();
            if (count < 0 || count > 100_000) {
                throw new IOException("damaged header");
            }
            List<PolicyProblem> warnings = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String file = string(in);
                int line = in.readInt();
                String rule = in.readBoolean() ? string(in) : null;
                String message = string(in);
                warnings.add(new PolicyProblem(file, line, rule, message, in.readBoolean()));
            }
            int length = in.readInt();
            byte[] digest = new byte[32];
            in.readFully(digest);
            if (length != in.available()) {
                throw new IOException("truncated or damaged (" + in.available() + " bytes of " + length + ")");
            }
            byte[] payload = in.readNBytes(length);
            if (!MessageDigest.isEqual(digest, sha256().digest(payload))) {
                throw new IOException("damaged: the checksum does not match");
            }
            KieBase kieBase = CompiledPackages.read(payload, Policy.class.getClassLoader(),
                    CompiledPackages.filter(source));
            return new Stored(kieBase, List.copyOf(warnings));
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            notes.accept("ignored " + entry + ": " + reason(e) + "; compiling again");
            return null;
        }
    }

    /** Writes an entry atomically; a failure is a note. */
    private void write(String policy, Path entry, byte[] key, List<PolicyProblem> warnings, byte[] payload) {
        Path temporary = null;
        try {
            createDirectory();
            temporary = Files.createTempFile(directory, "." + entry.getFileName() + ".", ".tmp");
            Files.write(temporary, entryBytes(key, environment, warnings, payload));
            Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
            notes.accept("policy '" + policy + "' compiled and kept in " + entry);
            prune();
        } catch (IOException | RuntimeException e) {
            notes.accept("cannot keep the compiled policy in " + directory + " (" + reason(e) + "); it is compiled "
                    + "again next time");
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // a stray temporary file in a cache folder is harmless
                }
            }
        }
    }

    /**
     * An entry: the header ({@code cxkit-policy}, the format, the key, the versions), the compile's
     * warnings, then the serialized packages with their length and SHA-256.
     */
    static byte[] entryBytes(byte[] key, String environment, List<PolicyProblem> warnings, byte[] payload) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(payload.length + 4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.write(key);
            string(out, environment);
            out.writeInt(warnings.size());
            for (PolicyProblem warning : warnings) {
                string(out, warning.file());
                out.writeInt(warning.line());
                out.writeBoolean(warning.rule() != null);
                if (warning.rule() != null) {
                    string(out, warning.rule());
                }
                string(out, warning.message());
                out.writeBoolean(warning.error());
            }
            out.writeInt(payload.length);
            out.write(sha256().digest(payload));
            out.write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // memory does not fail
        }
        return bytes.toByteArray();
    }

    /** Marks an entry as used now, so that pruning keeps it; a folder that cannot be written keeps its times. */
    private static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | RuntimeException e) {
            // only the pruning order depends on it
        }
    }

    /**
     * Deletes the least recently used entries beyond {@link #MAX_ENTRIES} (an edited policy leaves
     * its older versions behind; rule authors who edit and test in a loop would fill the folder).
     * Another process reading an entry deleted here just compiles.
     */
    private void prune() {
        List<Path> entries;
        try (java.util.stream.Stream<Path> list = Files.list(directory)) {
            entries = list.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList();
        } catch (IOException | RuntimeException e) {
            return;
        }
        if (entries.size() <= maxEntries) {
            return;
        }
        Map<Path, Long> used = new java.util.HashMap<>();
        for (Path entry : entries) {
            try {
                used.put(entry, Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toMillis());
            } catch (IOException | RuntimeException e) {
                used.put(entry, Long.MIN_VALUE); // gone or unreadable: first to go
            }
        }
        List<Path> oldestFirst = new ArrayList<>(entries);
        oldestFirst.sort(java.util.Comparator.comparing(used::get));
        for (Path old : oldestFirst.subList(0, entries.size() - maxEntries)) {
            try {
                Files.deleteIfExists(old);
                notes.accept("deleted " + old + ", the least recently used beyond " + maxEntries + " entries");
            } catch (IOException | RuntimeException e) {
                // another process may have deleted it; a stray entry is harmless
            }
        }
    }

    /** Creates the folder, readable by its owner only where the file system has POSIX permissions. */
    private void createDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        try {
            Files.createDirectories(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(directory);
        }
    }

    private static String reason(Throwable e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + ((FileSystemException) e).getFile();
        }
        if (e instanceof EOFException) {
            return "truncated";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + ": " + fs.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
                + e.getMessage();
    }

    /**
     * The key of a policy: SHA-256 over the entry format, the versions, and every input of a compile,
     * each length-prefixed and in a fixed order.
     */
    static byte[] key(PolicySource source, String environment) {
        MessageDigest sha = sha256();
        try (DataOutputStream out = new DataOutputStream(new java.security.DigestOutputStream(
                OutputStream.nullOutputStream(), sha))) {
            out.write(MAGIC);
            out.writeInt(FORMAT);
            string(out, environment);
            string(out, source.name());
            out.writeInt(source.files().size());
            for (Map.Entry<String, String> file : source.files().entrySet()) {
                string(out, file.getKey());
                string(out, file.getValue());
            }
            string(out, source.settings().source());
            out.writeInt(source.settings().values().size());
            for (Map.Entry<String, String> setting : source.settings().values().entrySet()) { // sorted by key
                string(out, setting.getKey());
                string(out, setting.getValue());
                out.writeInt(source.settings().line(setting.getKey()));
            }
            out.writeInt(source.loadProblems().size());
            for (PolicyProblem problem : source.loadProblems()) {
                string(out, problem.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a digest stream does not fail
        }
        return sha.digest();
    }

    private static void string(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("damaged header");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The versions a compiled form depends on: cxkit's (and the size and time of the jars its rules
     * and facts come from, which a rebuilt snapshot changes), Drools', and the Java runtime's.
     */
    static String environmentOfThisRuntime() {
        return "cxkit " + cxkitVersion() + "; drools " + mavenVersion("org.drools", "drools-core") + "/"
                + mavenVersion("org.drools", "drools-mvel") + "; java " + System.getProperty("java.vm.vendor") + " "
                + Runtime.version() + "; code " + code(Policy.class) + " " + code(dev.cxkit.core.service.Channel.class);
    }

    private static String cxkitVersion() {
        Properties properties = properties(PolicyCache.class, "/dev/cxkit/rules/engine/version.properties");
        String version = properties.getProperty("version");
        return version == null || version.startsWith("${") ? "unknown" : version;
    }

    private static String mavenVersion(String group, String artifact) {
        Properties properties = properties(org.drools.core.impl.KnowledgeBaseImpl.class,
                "/META-INF/maven/" + group + "/" + artifact + "/pom.properties");
        return properties.getProperty("version", "unknown");
    }

    private static Properties properties(Class<?> near, String resource) {
        Properties properties = new Properties();
        try (InputStream in = near.getResourceAsStream(resource)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException | RuntimeException e) {
            // unknown: the version reads "unknown"
        }
        return properties;
    }

    /** The jar a class came from, by name, size and time ("classes" when it is a folder). */
    private static String code(Class<?> type) {
        try {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return "unknown";
            }
            Path path = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(path)) {
                return "classes";
            }
            return path.getFileName() + ":" + Files.size(path) + ":" + Files.getLastModifiedTime(path).toMillis();
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Returns the version text of this cache's entries. */
    String environment() {
        return environment;
    }

    @Override
    public String toString() {
        return "PolicyCache[" + directory + "]";
    }
}
