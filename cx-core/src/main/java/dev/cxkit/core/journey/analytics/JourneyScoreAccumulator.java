package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.internal.ByteForm;
import dev.cxkit.core.internal.Ratings;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.journey.ServiceFailure;
import dev.cxkit.core.journey.StageResult;
import dev.cxkit.core.journey.Touchpoint;
import dev.cxkit.core.score.ByteFormatException;
import dev.cxkit.core.score.GroupKey;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.score.ScoreComparison;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.score.ScoreTable;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.survey.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Joins survey responses to journeys of one definition and records what the journeys did to the
 * scores: the score per stage and touchpoint reached, what each kind of failure costs, and
 * whether recovery wins customers back. Accumulators of one definition {@linkplain #merge merge}
 * exactly (counts in {@link ScoreTable}s), so per-thread or per-partition results combine into
 * the same result as one pass; {@link #snapshot(ScoreOptions)} returns an immutable
 * {@link JourneyScoreReport}.
 *
 * <p>The caller does the join: index the responses by {@link Response#journeyId()} and record each
 * journey as it closes with its responses (none is fine: the journey still counts).
 * <pre>{@code
 * Map<String, List<Response>> byJourney = ...;   // responses by journey id
 * JourneyScoreAccumulator scores = JourneyScoreAccumulator.create(definition);
 * JourneyAssembler assembler = JourneyAssembler.builder().build(journey -> {
 *     JourneyOutcome outcome = analyzer.outcome(journey);
 *     scores.record(outcome, byJourney.getOrDefault(outcome.journeyId(), List.of()));
 * });
 * }</pre>
 *
 * <p>Every response counts once per row it belongs to; a journey with several responses of one
 * metric contributes each of them (the tests treat responses as independent). Survey weights are
 * kept (Kish effective sample sizes, as everywhere in cxkit). Memory is proportional to the
 * metrics, touchpoints and distinct failure kinds, not to journeys or responses.
 *
 * <p><b>Not thread-safe.</b> Use one accumulator per thread and merge them.
 *
 * @since 0.1.0
 */
public final class JourneyScoreAccumulator {

    private static final String STAGE = "stage";
    private static final String TOUCHPOINT = "touchpoint";
    private static final String FACTOR = "factor";
    private static final String TYPE = "type";
    private static final String RECOVERY = "recovery";

    private final JourneyDefinition definition;
    private final GroupStats schema;
    private final Map<Metric, Tables> tables = new TreeMap<>(Ratings.METRIC_ORDER);
    /** The index of each touchpoint of the definition in {@link JourneyDefinition#touchpoints()}. */
    private final Map<String, Integer> touchpointIndex = new HashMap<>();
    private long journeys;
    private long journeysWithResponses;
    private long responses;

    /** The tables of one metric, with the fixed groups registered up front so recording looks up by index. */
    private final class Tables {
        /** (stage, touchpoint): (null, null) all, (stage, null) a stage, (stage, touchpoint) a touchpoint. */
        final ScoreTable reached;
        /** (factor, type, touchpoint), and (factor, null, null) for a whole factor. */
        final ScoreTable failures;
        /** (recovery class). */
        final ScoreTable recovery;
        final int all;
        final int[] stageIds;
        final int[] touchpointIds;
        final int[] recoveryIds = new int[JourneyOutcome.RecoveryClass.values().length];

        Tables(Metric metric) {
            reached = ScoreTable.create(metric, STAGE, TOUCHPOINT);
            failures = ScoreTable.create(metric, FACTOR, TYPE, TOUCHPOINT);
            recovery = ScoreTable.create(metric, RECOVERY);
            all = reached.group((String) null, null);
            stageIds = new int[definition.stages().size()];
            for (int i = 0; i < stageIds.length; i++) {
                stageIds[i] = reached.group(definition.stages().get(i), null);
            }
            List<Touchpoint> touchpoints = definition.touchpoints();
            touchpointIds = new int[touchpoints.size()];
            for (int i = 0; i < touchpointIds.length; i++) {
                touchpointIds[i] = reached.group(touchpoints.get(i).stage(), touchpoints.get(i).id());
            }
            for (JourneyOutcome.RecoveryClass c : JourneyOutcome.RecoveryClass.values()) {
                recoveryIds[c.ordinal()] = recovery.group(c.name());
            }
        }

        void merge(Tables other) {
            reached.merge(other.reached);
            failures.merge(other.failures);
            recovery.merge(other.recovery);
        }
    }

    private JourneyScoreAccumulator(JourneyDefinition definition) {
        this.definition = Objects.requireNonNull(definition, "definition");
        this.schema = new GroupStats(definition);
        for (Touchpoint t : definition.touchpoints()) {
            touchpointIndex.put(t.id(), touchpointIndex.size());
        }
    }

    /**
     * Creates an empty accumulator.
     *
     * @param definition the definition the journeys were measured against
     * @return the accumulator
     * @throws NullPointerException if the definition is null
     */
    public static JourneyScoreAccumulator create(JourneyDefinition definition) {
        return new JourneyScoreAccumulator(definition);
    }

    /** Returns the definition. */
    public JourneyDefinition definition() {
        return definition;
    }

    /**
     * Records one journey with the responses about it.
     *
     * @param outcome the journey's outcome, measured against this accumulator's definition
     * @param journeyResponses the responses whose journey id is the journey's (may be empty)
     * @throws IllegalArgumentException if the outcome does not fit the definition or a response is
     *     about another journey; nothing is recorded then
     * @throws NullPointerException if an argument or a response is null
     */
    public void record(JourneyOutcome outcome, Collection<Response> journeyResponses) {
        Objects.requireNonNull(outcome, "outcome");
        if (!schema.fits(outcome)) {
            throw new IllegalArgumentException("journey " + outcome.journeyId() + " was not measured against "
                    + definition.name());
        }
        for (Response r : journeyResponses) {
            Ratings.checkJoined(r, outcome);
        }
        journeys++;
        if (journeyResponses.isEmpty()) {
            return;
        }
        journeysWithResponses++;
        int[] touchpoints = new int[outcome.touchpointTimes().size()];
        int k = 0;
        for (String touchpoint : outcome.touchpointTimes().keySet()) {
            touchpoints[k++] = touchpointIndex.get(touchpoint);
        }
        List<String[]> failureKeys = failureKeys(outcome);
        int recoveryClass = outcome.recovery().ordinal();
        List<StageResult> stages = outcome.stages();
        for (Response r : journeyResponses) {
            responses++;
            Tables t = tables.computeIfAbsent(r.metric(), Tables::new);
            record(t.reached, t.all, r);
            for (int i = 0; i < stages.size(); i++) {
                if (stages.get(i).reached()) {
                    record(t.reached, t.stageIds[i], r);
                }
            }
            for (int touchpoint : touchpoints) {
                record(t.reached, t.touchpointIds[touchpoint], r);
            }
            for (String[] key : failureKeys) {
                record(t.failures, t.failures.group(key), r);
            }
            record(t.recovery, t.recoveryIds[recoveryClass], r);
        }
    }

    private static void record(ScoreTable table, int group, Response r) {
        if (r.weight() == 1) {
            table.record(group, r.score());
        } else {
            table.record(group, r.score(), r.weight());
        }
    }

    /** Each distinct (factor, type, touchpoint) and each distinct factor among the failures. */
    private static List<String[]> failureKeys(JourneyOutcome outcome) {
        List<ServiceFailure> failures = outcome.failures();
        if (failures.isEmpty()) {
            return List.of();
        }
        List<String[]> keys = new ArrayList<>();
        for (ServiceFailure f : failures) {
            addOnce(keys, new String[] {f.factor().name(), f.type(), f.touchpoint()});
            addOnce(keys, new String[] {f.factor().name(), null, null});
        }
        return keys;
    }

    private static void addOnce(List<String[]> keys, String[] key) {
        for (String[] k : keys) {
            if (Arrays.equals(k, key)) {
                return;
            }
        }
        keys.add(key);
    }

    /**
     * Adds another accumulator's journeys to this one; {@code other} is not changed.
     *
     * @param other an accumulator of the same definition
     * @throws IllegalArgumentException if the definition differs
     */
    public void merge(JourneyScoreAccumulator other) {
        if (!other.definition.equals(definition)) {
            throw new IllegalArgumentException("cannot merge journeys of " + other.definition.name() + " into "
                    + definition.name());
        }
        journeys += other.journeys;
        journeysWithResponses += other.journeysWithResponses;
        responses += other.responses;
        other.tables.forEach((metric, t) -> tables.computeIfAbsent(metric, Tables::new).merge(t));
    }

    /**
     * Returns the byte form of this accumulator ({@code docs/format.md}, kind 4): the shape of its
     * definition, the journey and response counts, and per metric its three score tables.
     *
     * @return the bytes, which {@link #fromBytes} reads back into an accumulator with the same report
     * @since 0.1.0
     */
    public byte[] toBytes() {
        ByteForm.Writer out = ByteForm.Writer.start(ByteForm.JOURNEY_SCORES, 1024);
        out.string(JourneyAccumulator.shape(definition)).varLong(journeys).varLong(journeysWithResponses)
                .varLong(responses).varLong(tables.size());
        tables.values().forEach(t -> out.blob(t.reached.toBytes()).blob(t.failures.toBytes())
                .blob(t.recovery.toBytes()));
        return out.finish();
    }

    /**
     * Reads an accumulator from its byte form.
     *
     * @param definition the definition the journeys were measured against, as when they were written
     * @param bytes bytes written by {@link #toBytes()}
     * @return an accumulator that merges and reports as the one written
     * @throws ByteFormatException if the bytes are not a valid journey score accumulator
     * @throws IllegalArgumentException if they were written for another definition
     * @since 0.1.0
     */
    public static JourneyScoreAccumulator fromBytes(JourneyDefinition definition, byte[] bytes) {
        JourneyScoreAccumulator accumulator = create(definition);
        ByteForm.Reader in = ByteForm.Reader.open(bytes, ByteForm.JOURNEY_SCORES);
        String shape = in.string();
        if (!JourneyAccumulator.shape(definition).equals(shape)) {
            throw new IllegalArgumentException("the bytes hold journeys measured against " + shape
                    + ", not against " + JourneyAccumulator.shape(definition));
        }
        accumulator.journeys = in.varLong();
        accumulator.journeysWithResponses = in.varLong();
        accumulator.responses = in.varLong();
        int metrics = in.count("metrics", 3);
        for (int i = 0; i < metrics; i++) {
            ScoreTable reached = ScoreTable.fromBytes(in.blob());
            if (accumulator.tables.containsKey(reached.metric())) {
                throw in.error("the metric " + reached.metric() + " appears twice");
            }
            Tables t = accumulator.new Tables(reached.metric());
            accumulator.tables.put(reached.metric(), t);
            try {
                t.reached.merge(reached);
                t.failures.merge(ScoreTable.fromBytes(in.blob()));
                t.recovery.merge(ScoreTable.fromBytes(in.blob()));
            } catch (ByteFormatException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw in.error(e.getMessage());
            }
        }
        in.end();
        return accumulator;
    }

    /** Returns the number of journeys recorded. */
    public long journeys() {
        return journeys;
    }

    /**
     * Evaluates what was recorded.
     *
     * @param options interval method (null: each metric's default), confidence and low-sample
     *     threshold of every score and comparison
     * @return an immutable report
     * @throws IllegalArgumentException if the interval method does not apply to a metric recorded
     */
    public JourneyScoreReport snapshot(ScoreOptions options) {
        Map<Metric, List<JourneyScore>> scores = new LinkedHashMap<>();
        Map<Metric, List<FailureImpact>> impact = new LinkedHashMap<>();
        Map<Metric, List<FailureImpact>> byFactor = new LinkedHashMap<>();
        Map<Metric, RecoveryEffect> recovery = new LinkedHashMap<>();
        tables.forEach((metric, t) -> {
            Map<GroupKey, RatingDistribution> reached = t.reached.snapshot();
            RatingDistribution all = reached.get(key(t.reached, null, null));
            scores.put(metric, scores(t, reached, options));
            List<FailureImpact> cells = new ArrayList<>();
            List<FailureImpact> factors = new ArrayList<>();
            double negatives = Ratings.negative(all);
            t.failures.snapshot().forEach((key, with) -> {
                SatisfactionFactor factor = SatisfactionFactor.valueOf(key.values().get(0));
                FailureImpact row = impact(factor, key.values().get(1), key.values().get(2), with, all, negatives,
                        options);
                (row.isFactor() ? factors : cells).add(row);
            });
            cells.sort(FailureImpact.RANKING);
            factors.sort(FailureImpact.RANKING);
            impact.put(metric, cells);
            byFactor.put(metric, factors);
            recovery.put(metric, recovery(t, options));
        });
        return new JourneyScoreReport(definition.name(), journeys, journeysWithResponses, responses, scores, impact,
                byFactor, recovery);
    }

    private static GroupKey key(ScoreTable table, String... values) {
        return GroupKey.of(table.dimensions(), Arrays.asList(values));
    }

    private List<JourneyScore> scores(Tables t, Map<GroupKey, RatingDistribution> reached, ScoreOptions options) {
        List<JourneyScore> rows = new ArrayList<>();
        add(rows, reached, t.reached, null, null, options);
        for (String stage : definition.stages()) {
            add(rows, reached, t.reached, stage, null, options);
            for (Touchpoint tp : definition.touchpointsOf(stage)) {
                add(rows, reached, t.reached, stage, tp.id(), options);
            }
        }
        return rows;
    }

    private static void add(List<JourneyScore> rows, Map<GroupKey, RatingDistribution> reached, ScoreTable table,
            String stage, String touchpoint, ScoreOptions options) {
        RatingDistribution ratings = reached.get(key(table, stage, touchpoint));
        if (ratings != null && !ratings.isEmpty()) {
            rows.add(new JourneyScore(stage, touchpoint, Score.of(ratings, options)));
        }
    }

    private static FailureImpact impact(SatisfactionFactor factor, String type, String touchpoint,
            RatingDistribution with, RatingDistribution all, double negatives, ScoreOptions options) {
        RatingDistribution without = Ratings.minus(all, with);
        ScoreComparison comparison = ScoreComparison.of(with, without, options);
        double share = negatives > 0 ? Math.min(1, Ratings.negative(with) / negatives) : 0;
        double excess = without.isEmpty() ? 0
                : with.weightedN() * (with.negativeShare() - without.negativeShare());
        return new FailureImpact(factor, type, touchpoint, comparison.a(), comparison.b(), comparison.difference(),
                share, excess);
    }

    private static RecoveryEffect recovery(Tables t, ScoreOptions options) {
        Map<GroupKey, RatingDistribution> classes = t.recovery.snapshot();
        Metric metric = t.recovery.metric();
        RatingDistribution none = classes.getOrDefault(key(t.recovery, JourneyOutcome.RecoveryClass.NO_FAILURE.name()),
                RatingDistribution.empty(metric));
        RatingDistribution recovered = classes.getOrDefault(
                key(t.recovery, JourneyOutcome.RecoveryClass.RECOVERED.name()), RatingDistribution.empty(metric));
        RatingDistribution notRecovered = classes.getOrDefault(
                key(t.recovery, JourneyOutcome.RecoveryClass.NOT_RECOVERED.name()), RatingDistribution.empty(metric));
        ScoreComparison paradox = ScoreComparison.of(recovered, none, options);
        ScoreComparison recoveredVsNot = ScoreComparison.of(recovered, notRecovered, options);
        Optional<Comparison> noneVsNot = ScoreComparison.of(none, notRecovered, options).difference();
        return new RecoveryEffect(paradox.b(), paradox.a(), recoveredVsNot.b(), paradox.difference(),
                recoveredVsNot.difference(), noneVsNot, RecoveryEffect.verdict(paradox));
    }
}
