package dev.cxkit.core.journey;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How far one journey got in one stage.
 *
 * <p>Immutable and thread-safe.
 *
 * @param stage the stage's id
 * @param reachedAt the time of the journey's first event in this stage, or null when it never
 *     reached it
 * @param completed whether every expected touchpoint of the stage happened (for a stage with only
 *     optional touchpoints: whether it was reached)
 * @since 0.1.0
 */
public record StageResult(String stage, @Nullable Instant reachedAt, boolean completed) {

    /**
     * Validates the result.
     *
     * @throws NullPointerException if {@code stage} is null
     * @throws IllegalArgumentException if a stage is completed but not reached
     */
    public StageResult {
        Objects.requireNonNull(stage, "stage");
        if (completed && reachedAt == null) {
            throw new IllegalArgumentException("stage " + stage + " is completed but not reached");
        }
    }

    /** Returns whether the journey reached this stage. */
    public boolean reached() {
        return reachedAt != null;
    }
}
