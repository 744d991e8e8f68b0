package dev.cxkit.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --idle-gap}, declared once for every command that assembles journeys from events: when
 * a journey may be closed before the end of the input, which is what keeps memory flat.
 */
final class AssemblyOptions {

    @Option(names = "--idle-gap", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "Close a journey once events more than DURATION newer than its last one have been read "
                    + "(6h, 90m, PT6H), so memory holds only open journeys when EVENTS are in time order; later "
                    + "events of a closed journey are counted as late. Default: none (exact for any order, "
                    + "every journey in memory until the end).")
    Duration idleGap;

    /**
     * Returns the idle gap, or null for none.
     *
     * @throws UsageException if it is zero or negative
     */
    Duration idleGap() {
        if (idleGap != null && (idleGap.isNegative() || idleGap.isZero())) {
            throw new UsageException("--idle-gap must be positive, got " + idleGap);
        }
        return idleGap;
    }
}
