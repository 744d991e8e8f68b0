package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.score.Score;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The score of the journeys that reached a stage or a touchpoint: every response (of one metric)
 * joined by journey id to a journey that got there. A response counts for every stage and
 * touchpoint its journey reached, so the rows of one metric overlap; the row with neither stage
 * nor touchpoint is every journey with a response.
 *
 * <p>Immutable and thread-safe.
 *
 * @param stage the stage, or null for all journeys
 * @param touchpoint a touchpoint of that stage, or null for the stage as a whole
 * @param score the score, with n, interval and low-sample flag
 * @since 0.1.0
 */
public record JourneyScore(@Nullable String stage, @Nullable String touchpoint, Score score) {

    /**
     * Validates the row.
     *
     * @throws NullPointerException if the score is null
     * @throws IllegalArgumentException if there is a touchpoint without a stage
     */
    public JourneyScore {
        Objects.requireNonNull(score, "score");
        if (stage == null && touchpoint != null) {
            throw new IllegalArgumentException("touchpoint " + touchpoint + " needs its stage");
        }
    }
}
