package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.service.SatisfactionFactor;
import java.util.Objects;

/**
 * One cell of the factor × touchpoint table of service failures.
 *
 * <p>Immutable and thread-safe.
 *
 * @param factor the satisfaction factor broken
 * @param touchpoint the touchpoint where it happened
 * @param failures the number of failures
 * @param recovered how many of them were recovered in time
 * @since 0.1.0
 */
public record FailureCell(SatisfactionFactor factor, String touchpoint, long failures, long recovered) {

    /**
     * Validates the cell.
     *
     * @throws NullPointerException if {@code factor} or {@code touchpoint} is null
     * @throws IllegalArgumentException if a count is negative or more were recovered than failed
     */
    public FailureCell {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(touchpoint, "touchpoint");
        if (failures < 0 || recovered < 0 || recovered > failures) {
            throw new IllegalArgumentException(factor + " at " + touchpoint + ": " + recovered + " of " + failures
                    + " recovered");
        }
    }
}
