package dev.cxkit.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The progress of reading long inputs, on standard error: a bar redrawn in place when standard
 * error is a terminal, and nothing at all otherwise, so that pipes, logs and CI output stay clean.
 * Progress is counted in bytes of input, the only total known before reading.
 *
 * <pre>{@code
 * try (Progress progress = Progress.start(err, "reading", totalBytes, Progress.stderrIsTerminal(quiet))) {
 *     reader.read(progress.track(in), ...);
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one reading thread.
 */
final class Progress implements AutoCloseable {

    private static final int BAR = 30;
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final Progress NONE = new Progress(null, "", 0, System::nanoTime);

    private final PrintWriter err;
    private final String label;
    private final long total;
    private final LongSupplier nanoClock;
    private long done;
    private long lastDraw;
    private boolean drawn;

    private Progress(PrintWriter err, String label, long total, LongSupplier nanoClock) {
        this.err = err;
        this.label = label;
        this.total = total;
        this.nanoClock = nanoClock;
        this.lastDraw = nanoClock.getAsLong();
    }

    /**
     * Whether to draw progress: standard error looks like a terminal (the JVM has a console and
     * {@code TERM} is not {@code dumb}) and the user did not ask for {@code --quiet}. Java 17 cannot
     * ask about standard error alone; a console means standard input and output are terminals,
     * which is what a person watching a command has.
     *
     * @param quiet whether {@code --quiet} was given
     * @return whether a bar helps someone
     */
    static boolean stderrIsTerminal(boolean quiet) {
        return !quiet && System.console() != null && !"dumb".equals(System.getenv("TERM"));
    }

    /**
     * Starts progress over {@code total} bytes.
     *
     * @param err standard error
     * @param label what is being done, for example {@code reading responses.csv}
     * @param total the bytes to read, or 0 or less when unknown (then no bar is drawn)
     * @param draw whether to draw at all (see {@link #stderrIsTerminal(boolean)})
     * @return the progress; close it when done
     */
    static Progress start(PrintWriter err, String label, long total, boolean draw) {
        return draw && total > 0 ? new Progress(err, label, total, System::nanoTime) : NONE;
    }

    /** For tests: progress with a clock of their own. */
    static Progress start(PrintWriter err, String label, long total, LongSupplier nanoClock) {
        return new Progress(err, label, total, nanoClock);
    }

    /**
     * Wraps a stream so that every byte read counts.
     *
     * @param in the input
     * @return the same bytes, counted
     */
    InputStream track(InputStream in) {
        if (this == NONE) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    add(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    add(n);
                }
                return n;
            }
        };
    }

    /**
     * Counts bytes done, redrawing the bar at most every 100 ms.
     *
     * @param bytes how many more bytes are done
     */
    void add(long bytes) {
        if (this == NONE) {
            return;
        }
        done += bytes;
        long now = nanoClock.getAsLong();
        if (now - lastDraw >= REDRAW_NANOS) {
            lastDraw = now;
            draw();
        }
    }

    /**
     * Sets the bytes done, for a reader that reports how far it got rather than each read.
     *
     * @param bytes the bytes done so far
     */
    void reached(long bytes) {
        if (bytes > done) {
            add(bytes - done);
        }
    }

    /** Returns the bar as drawn now, without the leading carriage return. */
    String line() {
        double fraction = Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * BAR);
        return String.format(Locale.ROOT, "%s [%s%s] %3d%% %s / %s", label, "#".repeat(filled),
                ".".repeat(BAR - filled), Math.round(fraction * 100), megabytes(done), megabytes(total));
    }

    private void draw() {
        err.print("\r" + line());
        err.flush();
        drawn = true;
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** Erases the bar, leaving the terminal as it was. */
    @Override
    public void close() {
        if (drawn) {
            err.print("\r" + " ".repeat(line().length()) + "\r");
            err.flush();
            drawn = false;
        }
    }
}
