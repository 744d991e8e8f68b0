package dev.cxkit.spark;

import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.analytics.GroupedJourneySummary;
import dev.cxkit.core.journey.analytics.JourneyAccumulator;
import dev.cxkit.core.journey.analytics.JourneyAnalysis;
import dev.cxkit.core.journey.analytics.JourneyAnalytics;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.score.ScoreComparison;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.score.ScoreState;
import dev.cxkit.core.stats.IntervalMethod;
import dev.cxkit.report.ReportBuilder;
import dev.cxkit.rules.engine.PolicySource;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.jspecify.annotations.Nullable;
import scala.Function1;
import scala.Option;
import scala.collection.immutable.Seq;

/**
 * cxkit in Spark SQL: one call registers the score functions on a session, and they give the same
 * numbers as {@code cx score} and {@code cx compare}.
 *
 * <pre>{@code
 * CxSpark.register(spark);
 * spark.sql("SELECT touchpoint, cx_nps(score) AS nps FROM responses GROUP BY touchpoint");
 * }</pre>
 *
 * <table>
 *   <caption>Functions</caption>
 *   <tr><th>function</th><th>returns</th></tr>
 *   <tr><td>{@code cx_nps(score [, weight])}, {@code cx_csat(...)}, {@code cx_ces(...)}</td>
 *       <td>aggregate: struct {@code (value, lower, upper, n, n_eff, low_sample, without_score,
 *       rejected)}; NULL scores are counted in {@code without_score}, off-scale scores and invalid
 *       weights in {@code rejected}, neither is scored; a NULL weight is 1</td></tr>
 *   <tr><td>{@code cx_state(metric, score [, weight])}</td>
 *       <td>aggregate: the partial state as bytes ({@code docs/format.md}, kind 6); metric is
 *       {@code 'nps'}, {@code 'csat'} or {@code 'ces'}</td></tr>
 *   <tr><td>{@code cx_merge(state)}</td><td>aggregate: states merged, as bytes (NULL states skipped)</td></tr>
 *   <tr><td>{@code cx_result(state)}</td><td>scalar: the score struct of a state</td></tr>
 *   <tr><td>{@code cx_compare(state_a, state_b)}</td>
 *       <td>scalar: struct {@code (difference, lower, upper, p_value, verdict)} of a − b, with the
 *       method, confidence, equivalence margins and low-sample rule of {@code cx compare};
 *       {@code verdict} is {@code different}, {@code equivalent} or {@code cannot_tell}</td></tr>
 * </table>
 *
 * <p><b>Options</b> are those of {@link ScoreOptions}: pass them to
 * {@link #register(SparkSession, ScoreOptions)}, or set session conf keys before
 * {@link #register(SparkSession)}: {@code cx.confidence} (default 0.95), {@code cx.min_n} (the
 * low-sample threshold, default 30), {@code cx.interval} (an interval method id such as
 * {@code wilson}; default: each metric's own). They are read when the functions are registered.
 *
 * <p>Buffers are {@link ScoreState}s: kept as objects within a partition and shipped between
 * executors in cxkit's byte form, never Java serialization. An optional trailing argument is
 * supported through Spark's function registry of the classic session (not Spark Connect).
 *
 * @since 0.1.0
 */
public final class CxSpark {

    /** Session conf key of the confidence level. */
    public static final String CONFIDENCE = "cx.confidence";
    /** Session conf key of the low-sample threshold. */
    public static final String MIN_N = "cx.min_n";
    /** Session conf key of the interval method. */
    public static final String INTERVAL = "cx.interval";

    private CxSpark() {
    }

    /**
     * Registers the functions with the options of the session's conf ({@link #CONFIDENCE},
     * {@link #MIN_N}, {@link #INTERVAL}) or the defaults.
     *
     * @param spark a classic (not Spark Connect) session
     * @throws IllegalArgumentException if a conf value is invalid
     */
    public static void register(SparkSession spark) {
        register(spark, options(spark.conf()));
    }

    /**
     * Registers the functions with the given options.
     *
     * @param spark a classic (not Spark Connect) session
     * @param options interval method, confidence, equivalence margins and low-sample threshold
     */
    public static void register(SparkSession spark, ScoreOptions options) {
        Objects.requireNonNull(options, "options");
        for (Metric metric : List.of(Metric.NPS, Metric.CSAT, Metric.CES)) {
            registerByArity(spark, "cx_" + metric.id(), 1,
                    functions.udaf(new ScoreAggregators.OfScores(metric, options), Encoders.INT()),
                    functions.udaf(new ScoreAggregators.OfWeightedScores(metric, options),
                            Encoders.tuple(Encoders.INT(), Encoders.DOUBLE())));
        }
        registerByArity(spark, "cx_state", 2,
                functions.udaf(new ScoreAggregators.State(), Encoders.tuple(Encoders.STRING(), Encoders.INT())),
                functions.udaf(new ScoreAggregators.WeightedState(),
                        Encoders.tuple(Encoders.STRING(), Encoders.INT(), Encoders.DOUBLE())));
        spark.udf().register("cx_merge", functions.udaf(new ScoreAggregators.Merge(), Encoders.BINARY()));
        spark.udf().register("cx_result", (UDF1<byte[], Row>) state -> result(state, options), ScoreRows.SCORE);
        spark.udf().register("cx_compare", (UDF2<byte[], byte[], Row>) (a, b) -> compare(a, b, options),
                ScoreRows.COMPARISON);
    }

    /**
     * Decides recovery plans for incidents, partition by partition: the policy is compiled once per
     * executor JVM (cached by its content, so every task of a job on that executor shares it), each
     * partition's incidents are read as {@code cx recover} reads a file and decided with the
     * policy's guards (firing limit, time budget). A failing decision fails its row, never the job.
     *
     * <p>Incidents are either lines of JSON, one incident each, in a single string column (for
     * example {@code spark.read().text("incidents.jsonl")}: exactly what {@code cx recover} reads),
     * or rows whose columns are the incident fields of {@code IncidentReader} (snake_case), turned
     * into JSON with {@link Dataset#toJSON()}. Duplicate incident ids are found within a partition.
     *
     * <p>One row per incident: {@code incident_id}, {@code status} ({@code decided}, {@code failed}
     * or {@code rejected}), {@code steps}, {@code offers}, {@code escalations}, {@code follow_ups},
     * {@code needs_approval}, {@code total_compensation} and {@code currency},
     * {@code systemic_issue}, {@code fired_rules}, and {@code failure} with {@code failed_rule} for a
     * row that was not decided. Each decision runs at the incident's detection time, as
     * {@code cx recover} does without {@code --now}; customers are the inline ones or the default.
     *
     * @param incidents the incidents
     * @param source the policy (a pack or a directory, with its settings)
     * @return the plans, lazily: nothing runs until an action
     * @throws IllegalStateException if the policy does not compile (checked on the driver first)
     */
    public static Dataset<Row> decide(Dataset<?> incidents, PolicySource source) {
        PartitionDecisions decisions = new PartitionDecisions(source);
        decisions.policy(); // on the driver first: a policy that does not compile fails here, once, with its message
        StructField[] fields = incidents.schema().fields();
        Dataset<String> lines = fields.length == 1 && fields[0].dataType().equals(DataTypes.StringType)
                ? incidents.toDF().as(Encoders.STRING())
                : incidents.toJSON();
        return lines.mapPartitions(decisions, Encoders.row(PolicyRows.PLAN));
    }

    /**
     * The journey analytics of {@code cx journeys}, at scale: events (and responses, for scores and
     * failure impact) are partitioned by journey id, so that each journey is whole in one
     * partition; each partition runs cx-core's {@code JourneyAnalytics} (assembly, routing to the
     * definition that knows the journey best, outcomes, accumulators) and sends its closed state as
     * bytes ({@code JourneyAnalytics.finishToBytes}); the driver merges them into one analysis, the
     * one {@code cx journeys} prints (customers' contact preferences are not read: contact rules
     * are checked as {@code cx journeys} checks them without {@code --customers}).
     *
     * <p>Events and responses are lines of JSON in a single string column (for example
     * {@code spark.read().text(...)}), or rows whose columns are the fields of {@code cx journeys}'
     * CSV inputs (read with {@code header=true}, no schema inference), turned into JSON per row;
     * either way each needs a {@code journey_id}. Duplicate events are found within a journey, as
     * everywhere; duplicate response ids are found within a partition only.
     *
     * @param events the journey events
     * @param responses the survey responses, or null for none
     * @param definitions the journey definitions, in the order that breaks routing ties
     * @param options the grouping, consistency units, period, zone, closed-loop rules and score
     *     options ({@link JourneyOptions#defaults()}: those of {@code cx journeys})
     * @return the merged analytics
     */
    public static JourneyResults journeys(Dataset<?> events, @Nullable Dataset<?> responses,
            List<JourneyDefinition> definitions, JourneyOptions options) {
        Dataset<Row> tagged = tagged(events, PartitionInput.EVENT);
        if (responses != null) {
            tagged = tagged.unionByName(tagged(responses, "R"));
        }
        List<Row> partials = tagged.repartition(tagged.col("k")).select("kind", "line")
                .mapPartitions(new PartitionJourneys(definitions, options), Encoders.row(PartitionJourneys.PARTIAL))
                .collectAsList();
        JourneyAnalytics merged = options.analytics(definitions);
        long[] counts = new long[4];
        for (Row p : partials) {
            merged.merge((byte[]) p.get(0));
            List<Long> c = p.getList(1);
            for (int i = 0; i < counts.length; i++) {
                counts[i] += c.get(i);
            }
        }
        JourneyAnalysis analysis = merged.finish(options.scores(), options.consistency());
        List<GroupedJourneySummary> grouped = merged.journeyAccumulators().stream().map(JourneyAccumulator::snapshot)
                .toList();
        return new JourneyResults(analysis, grouped, counts[0], counts[1], counts[2], counts[3]);
    }

    /**
     * The CX health report over data of any size: responses and events are partitioned by
     * journey id, each partition fills a report builder of the spec's settings and sends its state
     * as bytes ({@code ReportBuilder.finishToBytes}), and the driver merges them into a builder of
     * the same settings. Add incidents, customers and a policy to that builder (they are decided
     * on the driver, with the open journey failures), then {@code build()} and render it as usual:
     * one Spark job plus rendering on the driver.
     *
     * <p>Inputs are as for {@link #journeys}. Rows that are not valid responses or events are
     * counted in {@code rejected} (the builder's own rejections are the driver's).
     *
     * @param events the journey events, or null for a survey-only report
     * @param responses the survey responses, or null for none
     * @param spec how to make a builder with the report's settings, on executors and the driver
     * @return the driver's builder with every partition merged, not built yet
     */
    public static ReportBuilder report(@Nullable Dataset<?> events, @Nullable Dataset<?> responses, ReportSpec spec) {
        Dataset<Row> tagged = null;
        if (events != null) {
            tagged = tagged(events, PartitionInput.EVENT);
        }
        if (responses != null) {
            Dataset<Row> r = tagged(responses, "R");
            tagged = tagged == null ? r : tagged.unionByName(r);
        }
        ReportBuilder builder = spec.builder();
        if (tagged == null) {
            return builder;
        }
        for (Row p : tagged.repartition(tagged.col("k")).select("kind", "line")
                .mapPartitions(new PartitionReport(spec), Encoders.row(PartitionReport.PARTIAL)).collectAsList()) {
            builder.merge((byte[]) p.get(0));
        }
        return builder;
    }

    /** {@code (kind, line, k)}: each row as a line of JSON, keyed by its journey id. */
    private static Dataset<Row> tagged(Dataset<?> rows, String kind) {
        StructField[] fields = rows.schema().fields();
        Column line;
        Column key;
        if (fields.length == 1 && fields[0].dataType().equals(DataTypes.StringType)) {
            line = functions.col(fields[0].name());
            key = functions.get_json_object(line, "$.journey_id");
        } else {
            line = functions.to_json(functions.struct(functions.col("*")));
            key = functions.col("journey_id");
        }
        return rows.toDF().select(functions.lit(kind).as("kind"), line.as("line"), key.as("k"));
    }

    private static Row result(byte[] bytes, ScoreOptions options) {
        ScoreState state = ScoreState.fromBytes(bytes);
        return ScoreRows.score(Score.of(state.ratings(), options), state);
    }

    private static Row compare(byte[] a, byte[] b, ScoreOptions options) {
        return ScoreRows.comparison(ScoreComparison.of(ScoreState.fromBytes(a).ratings(),
                ScoreState.fromBytes(b).ratings(), options));
    }

    /** Options from the session conf, defaults where a key is unset. */
    static ScoreOptions options(RuntimeConfig conf) {
        ScoreOptions options = ScoreOptions.defaults();
        if (conf.contains(CONFIDENCE)) {
            options = options.withConfidence(Double.parseDouble(conf.get(CONFIDENCE)));
        }
        if (conf.contains(MIN_N)) {
            options = options.withMinN(Double.parseDouble(conf.get(MIN_N)));
        }
        if (conf.contains(INTERVAL)) {
            options = options.withIntervalMethod(IntervalMethod.parse(conf.get(INTERVAL)));
        }
        return options;
    }

    /** A function builder that picks the implementation by the number of arguments. */
    private interface Builder extends Function1<Seq<Expression>, Expression>, Serializable {
    }

    /**
     * Registers {@code name} with one implementation per number of arguments, from {@code fewest}
     * up: each is registered under a hidden name, its builder taken from the registry, and the
     * public name gets a builder that chooses by the arguments given (a number none takes goes to
     * the last, whose error message names the function and the arity it wants). The one-argument
     * form then reads a bare integer column: no tuple per row.
     */
    private static void registerByArity(SparkSession spark, String name, int fewest, UserDefinedFunction... byArity) {
        FunctionRegistry registry = ((org.apache.spark.sql.classic.SparkSession) spark).sessionState()
                .functionRegistry();
        List<Function1<Seq<Expression>, Expression>> builders = new ArrayList<>();
        for (UserDefinedFunction implementation : byArity) {
            String hidden = "cx_internal_" + name + "_" + Integer.toHexString(System.identityHashCode(implementation));
            spark.udf().register(hidden, implementation);
            // Spark 4 keeps temporary functions under the catalog "system", namespace "session".
            FunctionIdentifier id = FunctionIdentifier.apply(hidden, Option.apply("session"), Option.apply("system"));
            builders.add(registry.lookupFunctionBuilder(id).get());
            registry.dropFunction(id);
        }
        Builder byCount = children -> {
            int i = children.size() - fewest;
            return builders.get(i >= 0 && i < builders.size() ? i : builders.size() - 1).apply(children);
        };
        registry.createOrReplaceTempFunction(name, byCount, "scala_udf");
    }
}
