package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.score.GroupKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The snapshot of a {@link JourneyAccumulator}: analytics per group and over all journeys.
 *
 * <p>Immutable and thread-safe.
 *
 * @param definition the name of the journey definition
 * @param dimensions the grouping's dimension names (empty when ungrouped; unmodifiable)
 * @param groups the summary of each group, by key, sorted by key values (nulls last; unmodifiable)
 * @param overall the summary over all journeys
 * @since 0.1.0
 */
public record GroupedJourneySummary(String definition, List<String> dimensions, Map<GroupKey, JourneySummary> groups,
        JourneySummary overall) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a field is null
     */
    public GroupedJourneySummary {
        Objects.requireNonNull(definition, "definition");
        dimensions = List.copyOf(dimensions);
        groups = Collections.unmodifiableMap(new LinkedHashMap<>(groups));
        Objects.requireNonNull(overall, "overall");
    }
}
