package dev.cxkit.report.format;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs Debian's {@code chromium} headless, one page per launch, for the browser test. Each launch
 * gets its own profile directory, writes its stdout and stderr to files next to the page (kept for
 * a person to read when a test fails), and is killed with all its child processes when it
 * overruns its time limit.
 *
 * @param executable the chromium binary
 * @param timeout how long one launch may take
 */
public record Chromium(Path executable, Duration timeout) {

    /** Why the test cannot run, and what to do about it. */
    public static final String MISSING = "chromium is not installed, so the browser test cannot open report.html. Install it "
            + "with 'apt-get install chromium' (Debian; .ci/run does this when chromium is missing) and run the "
            + "build again.";

    /**
     * What one launch printed.
     *
     * @param exit the exit code
     * @param stdout standard output: the DOM with {@code --dump-dom}
     * @param stderr standard error: chromium's log, with the page's console messages as {@code CONSOLE} lines
     */
    public record Run(int exit, String stdout, String stderr) {

        /** Returns the log lines that carry a console message of the page, whatever their level. */
        public List<String> consoleLines() {
            return stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
        }
    }

    /**
     * Finds {@code chromium} on the PATH.
     *
     * @param timeout how long one launch may take
     * @return the browser
     * @throws org.opentest4j.AssertionFailedError with {@link #MISSING} when it is not installed
     */
    public static Chromium find(Duration timeout) {
        return find(timeout, System.getenv().getOrDefault("PATH", ""));
    }

    /** Finds {@code chromium} in the directories of {@code path}, a PATH value. */
    public static Chromium find(Duration timeout, String path) {
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "chromium");
            if (Files.isExecutable(candidate)) {
                return new Chromium(candidate, timeout);
            }
        }
        return fail(MISSING);
    }

    /**
     * Runs chromium headless on a file.
     *
     * @param dir where the profile and the output files go
     * @param name a name for this launch's files
     * @param page the page to open
     * @param options further options, for example {@code --dump-dom} or {@code --screenshot=...}
     * @return what it printed
     * @throws IOException if it cannot be started or its output cannot be read
     * @throws InterruptedException if the test is interrupted while waiting
     */
    public Run run(Path dir, String name, Path page, String... options) throws IOException, InterruptedException {
        Path profile = dir.resolve("profile-" + name);
        deleteTree(profile);
        Path out = dir.resolve(name + ".stdout.txt");
        Path err = dir.resolve(name + ".stderr.txt");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile.toAbsolutePath(),
                // nothing in the test may reach the network, the browser's own housekeeping included
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
                "--disable-background-networking", "--disable-component-update", "--hide-scrollbars"));
        command.addAll(List.of(options));
        command.add(page.toAbsolutePath().toUri().toString());
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            // chromium forks renderer and utility processes: end them and the browser, and wait until they are gone
            List<ProcessHandle> started = new ArrayList<>(process.descendants().toList());
            started.add(process.toHandle());
            started.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle handle : started) {
                try {
                    handle.onExit().get(10, TimeUnit.SECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    // still running after SIGKILL and 10 s: nothing more to do, and the test fails below
                }
            }
            fail("chromium did not finish '" + name + "' within " + timeout.toSeconds() + " s and was killed: "
                    + String.join(" ", command) + "\nits log is in " + err.toAbsolutePath());
        }
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Each launch starts from an empty profile: no lock or state left by an earlier run. */
    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
