package dev.cxkit.core.score;

import java.util.Objects;

/**
 * The score of one group of a grouped result.
 *
 * <p>Immutable and thread-safe.
 *
 * @param group the group's key
 * @param score the group's score
 * @since 0.1.0
 */
public record GroupScore(GroupKey group, Score score) {

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public GroupScore {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(score, "score");
    }
}
