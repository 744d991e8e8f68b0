package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.internal.ByteForm;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.journey.Promise;
import dev.cxkit.core.journey.Touchpoint;
import dev.cxkit.core.score.ByteFormatException;
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
 *
 * @since 0.1.0
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
     * Returns the byte form of this accumulator ({@code docs/format.md}, kind 3): the shape of its
     * definition and its grouping, then per group every counter and duration histogram.
     *
     * @return the bytes, which {@link #fromBytes} reads back into an accumulator with the same
     *     snapshot
     * @since 0.1.0
     */
    public byte[] toBytes() {
        ByteForm.Writer out = ByteForm.Writer.start(ByteForm.JOURNEY_ACCUMULATOR, 256 + 512 * groups.size());
        out.string(shape(definition)).string(grouping.describe());
        out.varLong(groups.size());
        groups.forEach((key, stats) -> {
            for (String value : key) {
                out.string(value);
            }
            stats.write(out);
        });
        return out.finish();
    }

    /**
     * Reads an accumulator from its byte form.
     *
     * @param definition the definition the journeys were measured against, as when they were written
     * @param grouping the grouping they were written with
     * @param bytes bytes written by {@link #toBytes()}
     * @return an accumulator that merges and snapshots as the one written
     * @throws ByteFormatException if the bytes are not a valid journey accumulator
     * @throws IllegalArgumentException if they were written for another definition or grouping
     * @since 0.1.0
     */
    public static JourneyAccumulator fromBytes(JourneyDefinition definition, JourneyGrouping grouping, byte[] bytes) {
        JourneyAccumulator accumulator = create(definition, grouping);
        ByteForm.Reader in = ByteForm.Reader.open(bytes, ByteForm.JOURNEY_ACCUMULATOR);
        String shape = in.string();
        if (!shape(definition).equals(shape)) {
            throw new IllegalArgumentException("the bytes hold journeys measured against " + shape
                    + ", not against " + shape(definition));
        }
        String written = in.string();
        if (!grouping.describe().equals(written)) {
            throw new IllegalArgumentException("the bytes hold journeys grouped by " + written + ", not by "
                    + grouping.describe());
        }
        int keySize = grouping.names().size();
        int count = in.count("groups", keySize + 1);
        for (int g = 0; g < count; g++) {
            List<String> key = new ArrayList<>(keySize);
            for (int i = 0; i < keySize; i++) {
                key.add(in.string());
            }
            GroupStats stats = new GroupStats(definition);
            if (accumulator.groups.putIfAbsent(key, stats) != null) {
                throw in.error("group " + key + " appears twice");
            }
            stats.read(in);
        }
        in.end();
        return accumulator;
    }

    /**
     * Merges two byte forms of the same definition and grouping into the byte form of their
     * {@link #merge merge}.
     *
     * @param definition the definition of both
     * @param grouping the grouping of both
     * @param a the byte form of one accumulator
     * @param b the byte form of another
     * @return the byte form of the merged accumulator
     * @throws ByteFormatException if either is not a valid byte form
     * @throws IllegalArgumentException if either was written for another definition or grouping
     * @since 0.1.0
     */
    public static byte[] mergeBytes(JourneyDefinition definition, JourneyGrouping grouping, byte[] a, byte[] b) {
        JourneyAccumulator merged = fromBytes(definition, grouping, a);
        merged.merge(fromBytes(definition, grouping, b));
        return merged.toBytes();
    }

    /**
     * What the counters depend on: the name, stages, touchpoints (expected or not), promises (with
     * their limits) and contact rules. Two definitions alike in all that read each other's bytes.
     */
    static String shape(JourneyDefinition d) {
        StringBuilder sb = new StringBuilder(d.name()).append(" (stages ").append(d.stages()).append("; touchpoints");
        for (Touchpoint t : d.touchpoints()) {
            sb.append(' ').append(t.id()).append(t.expected() ? "" : "?");
        }
        sb.append("; promises");
        for (Promise p : d.promises()) {
            sb.append(' ').append(p.id()).append(' ').append(p.direction()).append(' ').append(p.limit());
        }
        sb.append("; contact rules");
        d.contactRules().forEach(r -> sb.append(' ').append(r.id()));
        return sb.append(')').toString();
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
