package dev.cxkit.rules.engine;

import dev.cxkit.rules.fact.PolicySettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The text of a policy: its DRL files and its settings, named so that messages can point at a
 * file and line ({@code restaurant/comp.drl:14}).
 *
 * <p>Three ways in: a directory ({@code *.drl} files, decision tables and an optional
 * {@code settings.properties}), a pack on the class path (under {@code /dev/cxkit/rules/packs/NAME/},
 * listed by its {@code index} file), or strings.
 *
 * <p><b>Decision tables</b> ({@code *.drl.csv}, {@code *.drl.xlsx}: Drools spreadsheet decision
 * tables, one rule per row) are turned into DRL when the policy is loaded, and from then on are
 * checked, linted and run like any DRL file, under their own file name; a problem in one names
 * the row's rule. A table that cannot be read, and any other file in a policy directory (a
 * {@code .dmn}, a {@code .xls} without {@code .drl}, notes), is reported by
 * {@link #loadProblems()}: nothing in a policy folder is silently ignored.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class PolicySource {

    /** The settings file name inside a pack or directory. */
    public static final String SETTINGS_FILE = "settings.properties";

    /** The packs bundled with cxkit, in the order they are listed to people. */
    public static final List<String> BUNDLED_PACKS = List.of("restaurant", "eu261");
    /** The pack a tool uses when it is given no policy. */
    public static final String DEFAULT_PACK = "restaurant";

    private static final String PACKS = "/dev/cxkit/rules/packs/";

    private final String name;
    private final Map<String, String> files;
    private final PolicySettings settings;
    private final List<PolicyProblem> loadProblems;

    private PolicySource(String name, Map<String, String> files, PolicySettings settings,
            List<PolicyProblem> loadProblems) {
        this.name = Objects.requireNonNull(name, "name");
        this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        this.settings = Objects.requireNonNull(settings, "settings");
        this.loadProblems = List.copyOf(loadProblems);
    }

    /**
     * A policy from strings.
     *
     * @param name the policy's name, used as the folder in messages
     * @param files DRL text by file name, for example {@code comp.drl}
     * @param settings the settings
     * @return the source
     */
    public static PolicySource of(String name, Map<String, String> files, PolicySettings settings) {
        return new PolicySource(name, files, settings, List.of());
    }

    /**
     * A policy from a directory: every {@code *.drl} file and decision table in it (not in
     * subdirectories), in name order, and {@code settings.properties} when present. Other files are
     * reported by {@link #loadProblems()} (hidden files are left alone).
     *
     * @param dir the directory
     * @return the source
     * @throws IOException if the directory or a file cannot be read
     */
    public static PolicySource directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a directory");
        }
        String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        Map<String, String> files = new LinkedHashMap<>();
        List<PolicyProblem> problems = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.filter(Files::isRegularFile).sorted().toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.endsWith(".drl")) {
                    files.put(fileName, Files.readString(file, StandardCharsets.UTF_8));
                } else if (DecisionTables.isTable(fileName)) {
                    DecisionTables.load(name, fileName, Files.readAllBytes(file), files, problems);
                } else if (!fileName.equals(SETTINGS_FILE) && !fileName.startsWith(".")) {
                    problems.add(new PolicyProblem(name + "/" + fileName, 0, null, "not loaded: a policy folder holds "
                            + "*.drl files, decision tables (*.drl.csv, *.drl.xlsx) and " + SETTINGS_FILE
                            + DecisionTables.hint(fileName), false));
                }
            }
        }
        Path settingsFile = dir.resolve(SETTINGS_FILE);
        PolicySettings settings = PolicySettings.empty();
        if (Files.isRegularFile(settingsFile)) {
            try (Reader reader = Files.newBufferedReader(settingsFile, StandardCharsets.UTF_8)) {
                settings = PolicySettings.read(name + "/" + SETTINGS_FILE, reader);
            }
        }
        return new PolicySource(name, files, settings, problems);
    }

    /**
     * A policy pack shipped on the class path, for example {@code restaurant}.
     *
     * @param pack the pack's name
     * @return the source
     * @throws IllegalArgumentException if there is no such pack
     * @throws UncheckedIOException if a resource cannot be read
     */
    public static PolicySource classpath(String pack) {
        String base = PACKS + pack + "/";
        String index = resource(base + "index");
        if (index == null) {
            throw new IllegalArgumentException("no policy pack '" + pack + "' on the class path (looked for " + base
                    + "index)");
        }
        Map<String, String> files = new LinkedHashMap<>();
        List<PolicyProblem> problems = new ArrayList<>();
        for (String line : index.split("\\R")) {
            String file = line.strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            byte[] bytes = bytes(base + file);
            if (bytes == null) {
                throw new IllegalArgumentException("policy pack '" + pack + "' lists " + file + " but it is missing");
            }
            if (DecisionTables.isTable(file)) {
                DecisionTables.load(pack, file, bytes, files, problems);
            } else {
                files.put(file, new String(bytes, StandardCharsets.UTF_8));
            }
        }
        String settingsText = resource(base + SETTINGS_FILE);
        try {
            PolicySettings settings = settingsText == null ? PolicySettings.empty()
                    : PolicySettings.read(pack + "/" + SETTINGS_FILE, new StringReader(settingsText));
            return new PolicySource(pack, files, settings, problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Finds a policy by what a person typed: a directory of DRL files when one exists at that path,
     * else the name of a bundled pack ({@link #BUNDLED_PACKS}). The messages of what it throws are
     * written for that person: they name the argument and say what would work.
     *
     * @param directoryOrPack a directory, or the name of a bundled pack
     * @return the source (not compiled)
     * @throws IllegalArgumentException if it is neither, is a file, or is a directory without
     *     {@code .drl} files
     * @throws IOException if the directory or one of its files cannot be read
     */
    public static PolicySource resolve(String directoryOrPack) throws IOException {
        Objects.requireNonNull(directoryOrPack, "directoryOrPack");
        Path dir = Path.of(directoryOrPack);
        if (Files.isDirectory(dir)) {
            PolicySource source = directory(dir);
            if (source.files().isEmpty()) {
                throw new IllegalArgumentException("policy directory " + directoryOrPack + " has no .drl files");
            }
            return source;
        }
        if (BUNDLED_PACKS.contains(directoryOrPack)) {
            return classpath(directoryOrPack);
        }
        if (Files.exists(dir)) {
            throw new IllegalArgumentException("policy " + directoryOrPack
                    + " is not a directory (give the directory of its .drl files)");
        }
        throw new IllegalArgumentException("policy " + directoryOrPack + ": no such directory, and not a bundled "
                + "pack (bundled: " + String.join(", ", BUNDLED_PACKS) + ")");
    }

    private static byte[] bytes(String path) {
        try (InputStream in = PolicySource.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = PolicySource.class.getResourceAsStream(path)) {
            if (in == null) {
                return null;
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                StringBuilder sb = new StringBuilder();
                char[] buffer = new char[8192];
                for (int n; (n = reader.read(buffer)) > 0; ) {
                    sb.append(buffer, 0, n);
                }
                return sb.toString();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /**
     * Returns this source with other settings.
     *
     * @param other the settings
     * @return the new source
     */
    public PolicySource withSettings(PolicySettings other) {
        return new PolicySource(name, files, other, loadProblems);
    }

    /** Returns the policy's name. */
    public String name() {
        return name;
    }

    /**
     * Returns what loading found: a decision table that cannot be read (an error), a file in the
     * policy folder that is not loaded (a warning).
     */
    public List<PolicyProblem> loadProblems() {
        return loadProblems;
    }

    /** Returns the DRL text by file name, in load order (a decision table's is the DRL made from it). */
    public Map<String, String> files() {
        return files;
    }

    /** Returns the settings. */
    public PolicySettings settings() {
        return settings;
    }

    /** Returns the file names, in load order. */
    public List<String> fileNames() {
        return new ArrayList<>(files.keySet());
    }
}
