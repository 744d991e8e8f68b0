package dev.cxkit.core.survey;

import dev.cxkit.core.internal.ByteForm;
import dev.cxkit.core.score.ByteFormatException;
import dev.cxkit.core.score.GroupKey;
import dev.cxkit.core.score.GroupScore;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.score.ScoreTable;
import dev.cxkit.core.stats.Interval;
import dev.cxkit.core.stats.IntervalMethod;
import dev.cxkit.core.stats.LinearizedMean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Scores {@link Response} objects by group: the object API over {@link ScoreTable}. Responses
 * of different metrics go to separate tables, so one scorer handles a mixed export.
 *
 * <pre>{@code
 * ResponseScorer scorer = ResponseScorer.create(Grouping.by(List.of("touchpoint")));
 * responses.forEach(scorer::record);
 * for (GroupScore s : scorer.scores(ScoreOptions.defaults())) { ... }
 * }</pre>
 *
 * <p>Recording a response allocates nothing once its group exists (the key is looked up through a
 * reused buffer). Scorers {@linkplain #merge(ResponseScorer) merge}.
 *
 * <p><b>Clusters.</b> Responses are independent by default, and a weighted score's interval uses
 * Kish's effective n. A scorer {@linkplain #create(Grouping, String) clustered by a field} (for
 * example {@code customer_id}: one customer's answers are not independent) gives every score the
 * design-based interval instead: the Taylor-linearised variance of the weighted mean with the
 * responses of one field value as one cluster ({@link LinearizedMean}, as R's
 * {@code survey::svymean}), method {@link IntervalMethod#LINEARIZED}. A response without a value
 * is its own cluster. It keeps two sums per cluster and group.
 *
 * <p><b>Not thread-safe.</b> Use one scorer per thread and merge them.
 *
 * @since 0.1.0
 */
public final class ResponseScorer {

    private final Grouping grouping;
    private final Map<Metric, ScoreTable> tables = new LinkedHashMap<>();
    private final Grouping.KeyBuffer buffer;
    /** When grouped by exactly one field and no period, its reader: the key is one String. */
    private final Function<Response, String> singleField;
    private Metric lastMetric;
    private ScoreTable lastTable;
    /** The clustering field's name and reader, or null for independent responses. */
    private final String clusterField;
    private final Function<Response, String> cluster;
    /** Per metric, per group index of its table: the linearised mean (only when clustered). */
    private final Map<Metric, List<LinearizedMean>> designs = new HashMap<>();

    private ResponseScorer(Grouping grouping, String clusterField) {
        this.grouping = Objects.requireNonNull(grouping, "grouping");
        this.clusterField = clusterField;
        this.cluster = clusterField == null ? null : Response.accessor(clusterField);
        this.buffer = grouping.newBuffer();
        this.singleField = grouping.period() == null && grouping.names().size() == 1
                ? Response.accessor(grouping.names().get(0))
                : null;
    }

    /**
     * Creates an empty scorer.
     *
     * @param grouping how responses are grouped
     * @return the scorer
     */
    public static ResponseScorer create(Grouping grouping) {
        return new ResponseScorer(grouping, null);
    }

    /**
     * Creates an empty scorer whose intervals are design-based, with the responses that share a
     * value of {@code clusterField} as one cluster (see the class description).
     *
     * @param grouping how responses are grouped
     * @param clusterField the field whose value names a response's cluster, for example
     *     {@code customer_id}
     * @return the scorer
     * @throws NullPointerException if the field is null
     */
    public static ResponseScorer create(Grouping grouping, String clusterField) {
        return new ResponseScorer(grouping, Objects.requireNonNull(clusterField, "clusterField"));
    }

    /** Returns the grouping. */
    public Grouping grouping() {
        return grouping;
    }

    /**
     * Records a response in its metric's table and group. A weight of exactly 1 is recorded
     * unweighted, which gives the same scores.
     *
     * @param response the response
     */
    public void record(Response response) {
        ScoreTable table = table(response.metric());
        int group;
        if (singleField != null) {
            group = table.group(singleField.apply(response));
        } else {
            grouping.keyInto(response, buffer);
            // one dimension (a period alone): the table's look-up by one value, not by a list
            group = buffer.values.size() == 1 ? table.group(buffer.values.get(0)) : table.group(buffer.values);
        }
        double weight = response.weight();
        if (weight == 1) {
            table.record(group, response.score());
        } else {
            table.record(group, response.score(), weight);
        }
        if (cluster != null) {
            String id = cluster.apply(response);
            design(response.metric(), group).add(response.metric().contribution(response.score()), weight,
                    id == null || id.isBlank() ? null : id);
        }
    }

    private LinearizedMean design(Metric metric, int group) {
        List<LinearizedMean> groups = designs.computeIfAbsent(metric, m -> new ArrayList<>());
        while (groups.size() <= group) {
            groups.add(new LinearizedMean());
        }
        return groups.get(group);
    }

    private ScoreTable table(Metric metric) {
        if (metric == lastMetric) {
            return lastTable;
        }
        ScoreTable table = tables.computeIfAbsent(metric, m -> ScoreTable.create(m, grouping.names()));
        lastMetric = metric;
        lastTable = table;
        return table;
    }

    /**
     * Adds everything {@code other} recorded into this scorer; {@code other} is unchanged.
     *
     * @param other a scorer with the same grouping
     * @throws IllegalArgumentException if the groupings differ
     */
    public void merge(ResponseScorer other) {
        if (!grouping.equals(other.grouping)) {
            throw new IllegalArgumentException("cannot merge a scorer grouped by " + other.grouping + " into one grouped by "
                    + grouping);
        }
        if (!Objects.equals(clusterField, other.clusterField)) {
            throw new IllegalArgumentException("cannot merge a scorer clustered by " + other.clusterField
                    + " into one clustered by " + clusterField);
        }
        for (Map.Entry<Metric, ScoreTable> e : other.tables.entrySet()) {
            ScoreTable mine = table(e.getKey());
            mine.merge(e.getValue());
            List<LinearizedMean> theirs = other.designs.getOrDefault(e.getKey(), List.of());
            for (int g = 0; g < theirs.size(); g++) {
                // the other scorer numbers its groups in its own order: find each by its key
                design(e.getKey(), mine.group(e.getValue().key(g).values())).merge(theirs.get(g));
            }
        }
    }

    /**
     * Returns the byte form ({@code docs/format.md}, kind 10): one score table per metric, in
     * first-seen order. The grouping is not in the bytes: {@link #merge(byte[])} on a scorer of the
     * same grouping reads them.
     *
     * @return the bytes
     * @throws IllegalStateException if the scorer is clustered (its design sums have no byte form)
     * @since 0.1.0
     */
    public byte[] toBytes() {
        if (clusterField != null) {
            throw new IllegalStateException("a clustered scorer has no byte form");
        }
        ByteForm.Writer out = ByteForm.Writer.start(ByteForm.RESPONSE_SCORER, 256);
        out.varLong(tables.size());
        tables.values().forEach(t -> out.blob(t.toBytes()));
        return out.finish();
    }

    /**
     * Adds what another scorer of the same grouping recorded, from its byte form.
     *
     * @param bytes bytes written by {@link #toBytes()}
     * @throws ByteFormatException if the bytes are not a valid response scorer
     * @throws IllegalArgumentException if its tables are grouped by other names
     * @throws IllegalStateException if this scorer is clustered
     * @since 0.1.0
     */
    public void merge(byte[] bytes) {
        if (clusterField != null) {
            throw new IllegalStateException("a clustered scorer has no byte form");
        }
        ByteForm.Reader in = ByteForm.Reader.open(bytes, ByteForm.RESPONSE_SCORER);
        int count = in.count("metrics", 1);
        for (int i = 0; i < count; i++) {
            ScoreTable other = ScoreTable.fromBytes(in.blob());
            if (!other.dimensions().equals(grouping.names())) {
                throw new IllegalArgumentException("a table by " + other.dimensions() + " is not grouped by "
                        + grouping.names());
            }
            table(other.metric()).merge(other);
        }
        in.end();
    }

    /** Returns the metrics seen so far, in first-seen order. */
    public List<Metric> metrics() {
        return List.copyOf(tables.keySet());
    }

    /**
     * Returns an immutable snapshot of one metric's groups, in first-seen order; empty when the
     * metric was not seen.
     *
     * @param metric the metric
     * @return the ratings by group
     */
    public Map<GroupKey, RatingDistribution> snapshot(Metric metric) {
        ScoreTable table = tables.get(metric);
        return table == null ? Map.of() : table.snapshot();
    }

    /**
     * Evaluates every group of every metric, metrics in first-seen order and groups in
     * first-seen order.
     *
     * @param options interval method (null for each metric's default), confidence and threshold
     * @return the scores
     * @throws IllegalArgumentException if a given interval method does not apply to a metric seen
     */
    public List<GroupScore> scores(ScoreOptions options) {
        List<GroupScore> out = new ArrayList<>();
        for (ScoreTable table : tables.values()) {
            List<LinearizedMean> design = designs.get(table.metric());
            int g = 0;
            for (Map.Entry<GroupKey, Score> e : table.scores(options).entrySet()) {
                Score score = e.getValue();
                if (design != null && score.value().isPresent()) {
                    Metric m = table.metric();
                    Interval interval = design.get(g).estimate(options.confidence()).orElseThrow().interval()
                            .clip(m.lowestValue(), m.highestValue());
                    score = new Score(score.ratings(), score.value(), Optional.of(interval), score.lowSample());
                }
                out.add(new GroupScore(e.getKey(), score));
                g++;
            }
        }
        return out;
    }
}
