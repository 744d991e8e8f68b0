package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.score.GroupKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Records {@link JourneyOutcome}s into journey analytics, per group: the funnel, step and promise
 * durations, promise and contact-rule breaches, and service failures. Accumulators of the same
 * definition and grouping {@linkplain #merge merge} exactly, so per-thread, per-partition or per-day
 * accumulators combine into the same result as one pass; {@link #snapshot()} returns an immutable
 * {@link GroupedJourneySummary}.
 *
 * <pre>{@code
 * JourneyAnalyzer analyzer = JourneyAnalyzer.of(definition, preferences::get);
 * JourneyAccumulator accumulator = JourneyAccumulator.create(definition, JourneyGrouping.byLocation());
 * JourneyAssembler assembler = JourneyAssembler.builder()
 *         .build(journey -> accumulator.record(analyzer.outcome(journey)));
 * }</pre>
 *
 * <p>Memory is proportional to the number of groups and, within a group, to the distinct
 * touchpoints, locations and failure types seen; never to the number of journeys.
 *
 * <p><b>Not thread-safe.</b> Use one accumulator per thread and merge them.
 */
public final class JourneyAccumulator {

    private final JourneyDefinition definition;
    private final JourneyGrouping grouping;
    private final Map<List<String>, GroupStats> groups = new HashMap<>();
    /** An empty group, used only to check that outcomes fit the definition. */
    private final GroupStats schema;

    private JourneyAccumulator(JourneyDefinition definition, JourneyGrouping grouping) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.grouping = Objects.requireNonNull(grouping, "grouping");
        this.schema = new GroupStats(definition);
    }

    /**
     * An ungrouped accumulator.
     *
     * @param definition the definition the outcomes were measured against
     * @return an empty accumulator
     */
    public static JourneyAccumulator create(JourneyDefinition definition) {
        return new JourneyAccumulator(definition, JourneyGrouping.none());
    }

    /**
     * A grouped accumulator.
     *
     * @param definition the definition the outcomes were measured against
     * @param grouping how to group journeys
     * @return an empty accumulator
     */
    public static JourneyAccumulator create(JourneyDefinition definition, JourneyGrouping grouping) {
        return new JourneyAccumulator(definition, grouping);
    }

    /** Returns the definition. */
    public JourneyDefinition definition() {
        return definition;
    }

    /** Returns the grouping. */
    public JourneyGrouping grouping() {
        return grouping;
    }

    /**
     * Records one journey's outcome.
     *
     * @param outcome the outcome, made by a {@link dev.cxkit.core.journey.JourneyAnalyzer} of this accumulator's definition
     * @throws IllegalArgumentException if the outcome does not fit the definition (other stages,
     *     promises or contact rules); nothing is recorded then
     * @throws NullPointerException if the outcome is null
     */
    public void record(JourneyOutcome outcome) {
        Objects.requireNonNull(outcome, "outcome");
        fits(outcome);
        groups.computeIfAbsent(grouping.keyOf(outcome), k -> new GroupStats(definition)).record(outcome);
    }

    private void fits(JourneyOutcome outcome) {
        if (!schema.fits(outcome)) {
            throw new IllegalArgumentException("journey " + outcome.journeyId() + " was not measured against "
                    + definition.name() + " (its stages, promises or contact rules differ)");
        }
    }

    /**
     * Adds another accumulator's journeys to this one; {@code other} is not changed.
     *
     * @param other an accumulator of the same definition and grouping
     * @throws IllegalArgumentException if the definition or grouping differs
     */
    public void merge(JourneyAccumulator other) {
        if (!other.definition.equals(definition) || !other.grouping.equals(grouping)) {
            throw new IllegalArgumentException("cannot merge journeys of " + other.definition.name() + " grouped by "
                    + other.grouping + " into " + definition.name() + " grouped by " + grouping);
        }
        other.groups.forEach((key, stats) -> groups.computeIfAbsent(key, k -> new GroupStats(definition)).merge(stats));
    }

    /** Returns the number of journeys recorded. */
    public long journeys() {
        return groups.values().stream().mapToLong(GroupStats::journeys).sum();
    }

    /**
     * Returns the analytics so far: per group (sorted by key values, nulls last) and overall.
     *
     * @return an immutable report
     */
    public GroupedJourneySummary snapshot() {
        List<String> names = grouping.names();
        List<List<String>> keys = new ArrayList<>(groups.keySet());
        Comparator<String> values = Comparator.nullsLast(Comparator.naturalOrder());
        keys.sort((a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = values.compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        GroupStats all = new GroupStats(definition);
        Map<GroupKey, JourneySummary> summaries = new LinkedHashMap<>();
        for (List<String> key : keys) {
            GroupStats stats = groups.get(key);
            all.merge(stats);
            summaries.put(GroupKey.of(names, key), stats.snapshot());
        }
        return new GroupedJourneySummary(definition.name(), names, summaries, all.snapshot());
    }
}
