package dev.cxkit.cli;

import dev.cxkit.core.io.ReadSummary;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --rejects} and {@code --strict}, declared once for every command that reads rows: what
 * happens to the rows it rejects.
 */
final class RejectOptions {

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Write rejected rows verbatim to FILE (each input's rows under its header), to fix and "
                    + "read again. Default: none.")
    Path rejects;

    @Option(names = "--strict",
            description = "Exit with code 1, and print or write no results, if any row is rejected. Default: off "
                    + "(but a run whose every row is rejected always exits with code 1).")
    boolean strict;

    /**
     * Returns the exit code of a run that has printed its results: {@link Cx#EXIT_REJECTED} when
     * every row read was rejected (saying so on {@code err}: an export in the wrong encoding or
     * shape must not pass a script as a success), else 0.
     *
     * @param read the rows read
     * @param rejected the rows rejected
     * @param unit what a row is called ({@code row}, {@code line})
     * @param err standard error
     * @return the exit code
     */
    int exitCode(ReadSummary summary, String unit, PrintWriter err) {
        return exitCode(summary.read(), summary.rejected() + summary.duplicates(), unit, err);
    }

    /**
     * Says whether {@code --strict} stops a run that read {@code summary}: rejected rows and duplicates count.
     */
    boolean stops(ReadSummary summary, String unit, String nothing, PrintWriter err) {
        return stops(summary.rejected() + summary.duplicates(), unit, nothing, err);
    }

    int exitCode(long read, long rejected, String unit, PrintWriter err) {
        if (rejected == 0 || rejected != read) {
            return 0;
        }
        err.printf(Locale.ROOT, "cx: every %s read was rejected (%d): nothing was scored%n", unit, rejected);
        err.flush();
        return Cx.EXIT_REJECTED;
    }

    /**
     * Says whether {@code --strict} stops the run, and if so why, on {@code err}.
     *
     * @param rejected the rows rejected
     * @param unit what a row is called ({@code row}, {@code line})
     * @param nothing what is not done, for example {@code no scores printed}
     * @param err standard error
     * @return true when the command must exit with {@link Cx#EXIT_REJECTED} now
     */
    boolean stops(long rejected, String unit, String nothing, PrintWriter err) {
        if (!strict || rejected == 0) {
            return false;
        }
        err.printf(Locale.ROOT, "cx: %d %s rejected and --strict is on: %s%n", rejected,
                rejected == 1 ? unit : unit + "s", nothing);
        err.flush();
        return true;
    }
}
