package dev.cxkit.cli;

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
            description = "Exit with code 1, and print or write no results, if any row is rejected. Default: off.")
    boolean strict;

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
