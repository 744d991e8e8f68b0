package dev.cxkit.core.survey;

import dev.cxkit.core.score.GroupKey;
import dev.cxkit.core.score.GroupScore;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.score.ScoreTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * <p><b>Not thread-safe.</b> Use one scorer per thread and merge them.
 */
public final class ResponseScorer {

    private final Grouping grouping;
    private final Map<Metric, ScoreTable> tables = new LinkedHashMap<>();
    private final Grouping.KeyBuffer buffer;
    /** When grouped by exactly one field and no period, its reader: the key is one String. */
    private final Function<Response, String> singleField;
    private Metric lastMetric;
    private ScoreTable lastTable;

    private ResponseScorer(Grouping grouping) {
        this.grouping = Objects.requireNonNull(grouping, "grouping");
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
        return new ResponseScorer(grouping);
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
            group = table.group(buffer.values);
        }
        double weight = response.weight();
        if (weight == 1) {
            table.record(group, response.score());
        } else {
            table.record(group, response.score(), weight);
        }
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
        for (Map.Entry<Metric, ScoreTable> e : other.tables.entrySet()) {
            table(e.getKey()).merge(e.getValue());
        }
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
            for (Map.Entry<GroupKey, Score> e : table.scores(options).entrySet()) {
                out.add(new GroupScore(e.getKey(), e.getValue()));
            }
        }
        return out;
    }
}
