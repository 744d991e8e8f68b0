package dev.cxkit.cli;

import picocli.CommandLine.Option;

/**
 * {@code --threads}, declared once for every command that reads a large responses file in parts
 * ({@code cx score}, {@code cx compare}, {@code cx report}).
 */
final class ThreadsOption {

    @Option(names = "--threads", paramLabel = "N",
            description = "Read a large CSV or JSON Lines file of responses on N threads: its parts are parsed at once "
                    + "and their results merged, which gives the results of one thread. Default: one per processor.")
    Integer threads;

    /**
     * Returns the threads to read with.
     *
     * @throws UsageException if fewer than 1 were asked for
     */
    int threads() {
        if (threads != null && threads < 1) {
            throw new UsageException("--threads must be 1 or more, not " + threads);
        }
        return threads != null ? threads : Runtime.getRuntime().availableProcessors();
    }
}
