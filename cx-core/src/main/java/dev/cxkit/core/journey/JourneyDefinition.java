package dev.cxkit.core.journey;

import dev.cxkit.core.service.Channel;
import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a journey should look like: its ordered stages, the touchpoints of each stage (expected or
 * optional), the promises between events, and the contact rules. Journey analytics measure
 * journeys against it.
 *
 * <pre>{@code
 * JourneyDefinition dineIn = JourneyDefinition.builder("dine-in")
 *         .stages("order", "served", "bill", "follow-up")
 *         .touchpoint(Touchpoint.of("order", Channel.IN_PERSON, "order"))
 *         .touchpoint(Touchpoint.of("served", Channel.IN_PERSON, "served"))
 *         .touchpoint(Touchpoint.of("bill", Channel.IN_PERSON, "bill"))
 *         .touchpoint(Touchpoint.of("survey", Channel.EMAIL, "follow-up"))
 *         .promise(Promise.atMost("served-in-20", "order", "served", Duration.ofMinutes(20), TIMELINESS))
 *         .promise(Promise.recovery("recovered-in-30", Duration.ofMinutes(30), RESOLUTION))
 *         .contactRule(ContactRule.of("chosen-channel", "survey"))
 *         .build();
 * }</pre>
 *
 * Definitions are also read from YAML or JSON files with {@link JourneyDefinitions}.
 *
 * <p>Touchpoints are ordered by stage, then in the order they were added; the
 * {@linkplain #expectedTouchpoints() expected} ones in that order are the steps whose durations
 * journey analytics report.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class JourneyDefinition implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<String> stages;
    private final Map<String, Integer> stageIndex;
    private final List<Touchpoint> touchpoints;
    private final Map<String, Touchpoint> byId;
    /** The touchpoints of each stage, in order: asked for once per stage of every journey measured. */
    private final Map<String, List<Touchpoint>> byStage;
    private final List<Touchpoint> expected;
    private final List<Promise> promises;
    private final List<ContactRule> contactRules;

    private JourneyDefinition(Builder b) {
        this.name = b.name;
        this.stages = List.copyOf(b.stages.keySet());
        this.stageIndex = Collections.unmodifiableMap(new HashMap<>(b.stages));
        List<Touchpoint> ordered = new ArrayList<>();
        for (String stage : stages) {
            for (Touchpoint t : b.touchpoints.values()) {
                if (t.stage().equals(stage)) {
                    ordered.add(t);
                }
            }
        }
        this.touchpoints = List.copyOf(ordered);
        Map<String, List<Touchpoint>> stageTouchpoints = new HashMap<>();
        for (String stage : stages) {
            stageTouchpoints.put(stage, ordered.stream().filter(t -> t.stage().equals(stage)).toList());
        }
        this.byStage = Collections.unmodifiableMap(stageTouchpoints);
        this.byId = Collections.unmodifiableMap(new LinkedHashMap<>(b.touchpoints));
        this.expected = ordered.stream().filter(Touchpoint::expected).toList();
        this.promises = List.copyOf(b.promises.values());
        this.contactRules = List.copyOf(b.contactRules.values());
    }

    /**
     * Starts a definition.
     *
     * @param name the journey's name, for example {@code dine-in}
     * @return a builder that checks every step at once
     * @throws JourneyDefinitionException if the name is blank
     * @throws NullPointerException if the name is null
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Returns the journey's name. */
    public String name() {
        return name;
    }

    /** Returns the stage ids, in order (unmodifiable). */
    public List<String> stages() {
        return stages;
    }

    /**
     * Returns the position of a stage.
     *
     * @param stage a stage id
     * @return its 0-based index, or -1 when the definition has no such stage
     */
    public int stageIndex(@Nullable String stage) {
        Integer i = stage == null ? null : stageIndex.get(stage);
        return i == null ? -1 : i;
    }

    /** Returns the touchpoints, by stage and then in the order they were added (unmodifiable). */
    public List<Touchpoint> touchpoints() {
        return touchpoints;
    }

    /** Returns the expected touchpoints in order: the steps of a journey (unmodifiable). */
    public List<Touchpoint> expectedTouchpoints() {
        return expected;
    }

    /**
     * Returns the touchpoints of one stage, in order.
     *
     * @param stage a stage id
     * @return the touchpoints (empty when there is no such stage)
     */
    public List<Touchpoint> touchpointsOf(String stage) {
        List<Touchpoint> of = stage == null ? null : byStage.get(stage);
        return of == null ? List.of() : of;
    }

    /**
     * Looks up a touchpoint.
     *
     * @param id a touchpoint id
     * @return the touchpoint, or empty when the definition has none with that id
     */
    public Optional<Touchpoint> touchpoint(@Nullable String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** Returns the promises, in the order they were added (unmodifiable). */
    public List<Promise> promises() {
        return promises;
    }

    /** Returns the recovery promise (failure to recovery), if the definition has one. */
    public Optional<Promise> recoveryPromise() {
        return promises.stream().filter(Promise::isRecovery).findFirst();
    }

    /** Returns the contact rules, in the order they were added (unmodifiable). */
    public List<ContactRule> contactRules() {
        return contactRules;
    }

    /**
     * Serialized as its parts (so that engines which ship closures, such as Spark, can carry it)
     * and rebuilt through the builder when read, so every check runs again.
     */
    private Object writeReplace() {
        return new SerialForm(name, new ArrayList<>(stages), new ArrayList<>(touchpoints), new ArrayList<>(promises),
                new ArrayList<>(contactRules));
    }

    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a journey definition is read through its serial form");
    }

    private record SerialForm(String name, List<String> stages, List<Touchpoint> touchpoints, List<Promise> promises,
            List<ContactRule> contactRules) implements Serializable {
        private Object readResolve() {
            Builder b = builder(name);
            stages.forEach(b::stage);
            touchpoints.forEach(b::touchpoint);
            promises.forEach(b::promise);
            contactRules.forEach(b::contactRule);
            return b.build();
        }
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof JourneyDefinition d && d.name.equals(name) && d.stages.equals(stages)
                && d.touchpoints.equals(touchpoints) && d.promises.equals(promises) && d.contactRules.equals(contactRules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, stages, touchpoints, promises, contactRules);
    }

    @Override
    public String toString() {
        return "JourneyDefinition[" + name + ": " + String.join(" → ", stages) + ", " + touchpoints.size()
                + " touchpoints, " + promises.size() + " promises, " + contactRules.size() + " contact rules]";
    }

    /**
     * Builds a {@link JourneyDefinition}, checking every step as it is taken, so an error points at
     * the call that caused it: stages first, then their touchpoints, then promises and contact
     * rules that name those touchpoints.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private final String name;
        private final LinkedHashMap<String, Integer> stages = new LinkedHashMap<>();
        private final LinkedHashMap<String, Touchpoint> touchpoints = new LinkedHashMap<>();
        private final LinkedHashMap<String, Promise> promises = new LinkedHashMap<>();
        private final LinkedHashMap<String, ContactRule> contactRules = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = Names.check("journey name", name).strip();
        }

        /**
         * Adds the next stage.
         *
         * @param id the stage's id
         * @return this builder
         * @throws JourneyDefinitionException if the id is blank or already a stage: the order of
         *     stages must not repeat, or it would loop
         * @throws NullPointerException if the id is null
         */
        public Builder stage(String id) {
            String s = Names.check("stage", id).strip();
            Integer previous = stages.get(s);
            if (previous != null) {
                throw JourneyDefinitionException.at(null, "stage '" + s + "' is listed twice (positions "
                        + (previous + 1) + " and " + (stages.size() + 1) + "): stages are in order and must not "
                        + "repeat, or the order would loop");
            }
            stages.put(s, stages.size());
            return this;
        }

        /**
         * Adds stages, in order.
         *
         * @param ids the stage ids
         * @return this builder
         * @throws JourneyDefinitionException as {@link #stage(String)}
         */
        public Builder stages(String... ids) {
            for (String id : ids) {
                stage(id);
            }
            return this;
        }

        /**
         * Adds a touchpoint to one of the stages added before.
         *
         * @param touchpoint the touchpoint
         * @return this builder
         * @throws JourneyDefinitionException if its stage is unknown or its id is taken
         * @throws NullPointerException if the touchpoint is null
         */
        public Builder touchpoint(Touchpoint touchpoint) {
            Objects.requireNonNull(touchpoint, "touchpoint");
            if (!stages.containsKey(touchpoint.stage())) {
                throw JourneyDefinitionException.at("stage", "touchpoint '" + touchpoint.id() + "': unknown stage '"
                        + touchpoint.stage() + "' (stages: " + String.join(", ", stages.keySet()) + ")");
            }
            if (touchpoints.containsKey(touchpoint.id())) {
                throw JourneyDefinitionException.at("id", "touchpoint '" + touchpoint.id() + "' is defined twice");
            }
            touchpoints.put(touchpoint.id(), touchpoint);
            return this;
        }

        /**
         * Adds an expected touchpoint whose name is its id.
         *
         * @param id the id
         * @param channel the channel
         * @param stage the stage's id
         * @return this builder
         * @throws JourneyDefinitionException as {@link #touchpoint(Touchpoint)}
         */
        public Builder touchpoint(String id, Channel channel, String stage) {
            return touchpoint(Touchpoint.of(id, channel, stage));
        }

        /**
         * Adds a promise between touchpoints added before, or the recovery promise.
         *
         * @param promise the promise
         * @return this builder
         * @throws JourneyDefinitionException if it names an unknown touchpoint, its id is taken, or
         *     it is a second recovery promise
         * @throws NullPointerException if the promise is null
         */
        public Builder promise(Promise promise) {
            Objects.requireNonNull(promise, "promise");
            String what = "promise '" + promise.id() + "': ";
            knownTouchpoint(promise.from(), "from", what);
            knownTouchpoint(promise.to(), "to", what);
            if (promises.containsKey(promise.id())) {
                throw JourneyDefinitionException.at("id", "promise '" + promise.id() + "' is defined twice");
            }
            if (promise.isRecovery()) {
                for (Promise p : promises.values()) {
                    if (p.isRecovery()) {
                        throw JourneyDefinitionException.at("from", what + "promise '" + p.id()
                                + "' is already the recovery promise; a journey has at most one");
                    }
                }
            }
            promises.put(promise.id(), promise);
            return this;
        }

        private void knownTouchpoint(EventRef ref, String field, String what) {
            if (ref.kind() == EventRef.Kind.TOUCHPOINT && !touchpoints.containsKey(ref.touchpoint())) {
                throw JourneyDefinitionException.at(field, what + field + " '" + ref.touchpoint()
                        + "' is not a touchpoint of this journey (touchpoints: " + String.join(", ", touchpoints.keySet())
                        + "; outcomes: failure, recovery)");
            }
        }

        /**
         * Adds a contact rule over touchpoints added before.
         *
         * @param rule the rule
         * @return this builder
         * @throws JourneyDefinitionException if it names an unknown touchpoint or its id is taken
         * @throws NullPointerException if the rule is null
         */
        public Builder contactRule(ContactRule rule) {
            Objects.requireNonNull(rule, "rule");
            for (String t : rule.touchpoints()) {
                if (!touchpoints.containsKey(t)) {
                    throw JourneyDefinitionException.at("touchpoints", "contact rule '" + rule.id() + "': touchpoint '"
                            + t + "' is not a touchpoint of this journey (touchpoints: "
                            + String.join(", ", touchpoints.keySet()) + ")");
                }
            }
            if (contactRules.containsKey(rule.id())) {
                throw JourneyDefinitionException.at("id", "contact rule '" + rule.id() + "' is defined twice");
            }
            contactRules.put(rule.id(), rule);
            return this;
        }

        /**
         * Builds the definition.
         *
         * @return the definition
         * @throws JourneyDefinitionException if there are no stages, or a stage has no touchpoints
         *     (it could never be reached)
         */
        public JourneyDefinition build() {
            if (stages.isEmpty()) {
                throw JourneyDefinitionException.at("stages", "journey '" + name + "' has no stages");
            }
            for (String stage : stages.keySet()) {
                if (touchpoints.values().stream().noneMatch(t -> t.stage().equals(stage))) {
                    throw JourneyDefinitionException.at("stages", "stage '" + stage
                            + "' has no touchpoints, so no journey could reach it");
                }
            }
            return new JourneyDefinition(this);
        }
    }
}
