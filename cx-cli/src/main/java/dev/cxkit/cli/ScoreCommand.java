package dev.cxkit.cli;

import dev.cxkit.cli.print.Json;
import dev.cxkit.report.internal.OutputFiles;

import dev.cxkit.cli.Converters.OutputFormat;
import dev.cxkit.cli.print.ScoreText;
import dev.cxkit.cli.print.TextTable;
import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.io.ResponseReader;
import dev.cxkit.core.score.GroupKey;
import dev.cxkit.core.score.GroupScore;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.stats.Interval;
import dev.cxkit.core.stats.IntervalMethod;
import dev.cxkit.core.survey.Grouping;
import dev.cxkit.core.survey.Period;
import dev.cxkit.core.survey.Response;
import dev.cxkit.core.survey.ResponseScorer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code cx score}: scores with intervals, overall or by group, from files, stdin or the sample. */
@Command(name = "score",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Score NPS, CSAT and CES responses with confidence intervals, overall or by group.",
            "Reads CSV (with a header), JSON Lines or .xlsx, one answer per row: metric and score are required; "
                + "response_id, customer_id, journey_id, touchpoint, location, channel, weight and submitted_at "
                + "are optional; other columns are attributes you can group by. A survey platform's export (one "
                + "row per respondent, other names, header rows, labels) is read with --nps/--csat/--ces and the "
                + "other mapping options, or --mapping FILE: cx inspect FILE proposes them. Bad rows are rejected "
                + "with their file and line and the rest is scored."},
        footer = {"", "Exit codes: 0 success (rejected rows are reported), 1 rows rejected with --strict or every row "
            + "rejected, 2 usage error or unreadable input.",
            "", "Example:", "  cx score responses.csv --metric nps --by location --period month --format json"})
final class ScoreCommand implements Callable<Integer> {

    @ParentCommand
    private Cx parent;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..*",
            description = "CSV or JSON Lines files (.csv, .jsonl, .ndjson); - reads standard input. "
                    + "Default: the bundled sample responses of a restaurant chain.")
    private List<String> files = new ArrayList<>();

    @Option(names = "--metric", paramLabel = "nps|csat|ces", converter = Converters.MetricConverter.class,
            description = "Score only this metric. Default: every metric in the input.")
    private Metric metric;

    @Option(names = "--by", paramLabel = "COL", split = ",",
            description = "Group by these columns, comma-separated (for example location,touchpoint). "
                    + "Default: one overall group per metric.")
    private List<String> by = new ArrayList<>();



    @Option(names = "--interval", paramLabel = "METHOD", converter = Converters.IntervalConverter.class,
            description = "Interval method: wald, adjusted-wald or score for nps; wilson or wald for csat; t for ces. "
                    + "Default: adjusted-wald (nps), wilson (csat), t (ces).")
    private IntervalMethod interval;

    @Option(names = "--cluster-by", paramLabel = "COL",
            description = "Treat the responses that share a value of COL (for example customer_id: one customer's "
                    + "answers are not independent) as one cluster: every interval is then design-based, the "
                    + "Taylor-linearised variance of the weighted mean (as R's survey::svymean), instead of "
                    + "--interval's method. Rows without a COL value are each their own cluster. Default: none "
                    + "(responses independent; weights through Kish's effective n).")
    private String clusterBy;

    @Mixin
    private StatisticsOptions statistics;

    @Option(names = "--format", paramLabel = "table|json|csv", defaultValue = "table",
            converter = Converters.OutputFormatConverter.class,
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;



    @Option(names = "--allow-duplicate-ids",
            description = "Accept rows whose response id and metric were seen before. Default: off (a later "
                    + "duplicate is rejected, which keeps 16-32 bytes per distinct id and metric in memory).")
    private boolean allowDuplicateIds;

    @Mixin
    private ThreadsOption threads;

    @Mixin
    private InputOptions input;

    @Mixin
    private FilterOptions filters;

    @Mixin
    private PeriodOptions periods;

    @Mixin
    private RejectOptions rows;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> dimensions = checkOptions();
        int readers = threads.threads();
        OutputFiles outputs = Inputs.outputs(files, rows.rejects);
        Period period = periods.periodOr(null);
        Grouping grouping = period == null ? Grouping.by(dimensions) : Grouping.by(dimensions, period, periods.zone);
        ResponseReader reader = input.responseReader(periods.zone, filters.filter(periods.zone), period != null,
                !allowDuplicateIds, readers);
        Inputs inputs = new Inputs(reader, parent.stdin(), err, outputs, rows.rejects, Cx.quiet(spec));
        if (files.isEmpty()) {
            Cx.info(spec, "no FILE given: scoring the bundled sample responses (" + Inputs.SAMPLE + ")");
        }
        Scored scored = inputs.collect(files, Collector.of(
                () -> new Scored(clusterBy == null ? ResponseScorer.create(grouping)
                        : ResponseScorer.create(grouping, clusterBy)),
                Scored::record, Scored::merge)).value();
        ResponseScorer scorer = scored.scorer;
        long[] otherMetrics = {scored.otherMetrics};
        ReadSummary summary = inputs.summary();
        inputs.report();
        inputs.finish();
        for (Metric seen : scorer.metrics()) {
            checkInterval(seen);
        }
        if (rows.stops(summary, "row", "no scores printed", err)) {
            return Cx.EXIT_REJECTED;
        }
        ScoreOptions options = statistics.toScoreOptions(interval);
        List<GroupScore> scores = ScoreText.sorted(scorer.scores(options));
        warnAboutEmptyDimensions(err, grouping, scores);
        if (scores.isEmpty()) {
            err.println("cx: warning: no " + (metric == null ? "" : metric.id() + " ") + "responses to score");
        }
        err.flush();
        switch (format) {
            case JSON:
                printJson(out, scores, inputs);
                break;
            case CSV:
                printCsv(out, grouping, scores);
                break;
            default:
                printTable(out, grouping, scores, summary, otherMetrics[0]);
                break;
        }
        out.flush();
        return rows.exitCode(summary, "row", err);
    }

    /** The scores of one part of the input, and the responses of other metrics it left out. */
    private final class Scored {
        final ResponseScorer scorer;
        long otherMetrics;

        Scored(ResponseScorer scorer) {
            this.scorer = scorer;
        }

        void record(Response response) {
            if (metric == null || metric.equals(response.metric())) {
                scorer.record(response);
            } else {
                otherMetrics++;
            }
        }

        Scored merge(Scored later) {
            scorer.merge(later.scorer);
            otherMetrics += later.otherMetrics;
            return this;
        }
    }

    /** Validates option values; returns the grouping columns. */
    private List<String> checkOptions() {
        statistics.toScoreOptions(interval); // validates before any input is read
        if (clusterBy != null && (clusterBy.isBlank() || clusterBy.equals("metric"))) {
            throw new UsageException("--cluster-by needs a column name, not '" + clusterBy + "'");
        }
        if (clusterBy != null && interval != null) {
            throw new UsageException("--cluster-by gives every interval the linearized method; leave out --interval");
        }
        List<String> dimensions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : by) {
            String name = raw.trim();
            if (name.isEmpty()) {
                throw new UsageException("--by has an empty column name: '" + String.join(",", by) + "'");
            }
            if (name.equals("metric")) {
                throw new UsageException("--by metric is not needed: results are always per metric");
            }
            if (periods.periodOr(null) != null && name.equals(Grouping.PERIOD)) {
                throw new UsageException("--by period clashes with --period; rename the column or drop --period");
            }
            if (!seen.add(name)) {
                throw new UsageException("--by names column '" + name + "' twice");
            }
            dimensions.add(name);
        }
        if (metric != null) {
            checkInterval(metric);
        }
        return dimensions;
    }

    private void checkInterval(Metric m) {
        if (interval != null && !m.intervalMethods().contains(interval)) {
            throw new UsageException("--interval " + interval.id() + " does not apply to " + m.id() + " (" + m.id()
                    + " takes " + ScoreText.ids(m.intervalMethods()) + ")"
                    + (metric == null ? "; use --metric to score one metric" : ""));
        }
    }

    private static void warnAboutEmptyDimensions(PrintWriter err, Grouping grouping, List<GroupScore> scores) {
        if (scores.isEmpty()) {
            return;
        }
        List<String> names = grouping.names();
        for (int i = 0; i < names.size(); i++) {
            boolean any = false;
            for (GroupScore s : scores) {
                if (s.group().values().get(i) != null) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                err.println("cx: warning: no response has a value for '" + names.get(i) + "'"
                        + (names.get(i).equals(Grouping.PERIOD) ? " (no submitted_at)" : " (is the column name right?)"));
            }
        }
    }

    private static void printJson(PrintWriter out, List<GroupScore> scores, Inputs inputs) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode results = root.putArray("results");
        for (GroupScore s : scores) {
            results.add(ScoreText.entry(s));
        }
        root.set("rows", ScoreText.rows(inputs.summary()));
        root.set("rejected", ScoreText.rejections(inputs.rejections()));
        ArrayNode warnings = root.putArray("warnings");
        inputs.summary().warnings().forEach(warnings::add);
        out.println(Json.MAPPER.writeValueAsString(root));
    }

    private static void printCsv(PrintWriter out, Grouping grouping, List<GroupScore> scores) {
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        for (GroupScore s : scores) {
            low = Math.min(low, s.score().metric().min());
            high = Math.max(high, s.score().metric().max());
        }
        List<String> header = new ArrayList<>(grouping.names());
        header.addAll(List.of("metric", "n", "weighted_n", "effective_n", "value", "interval_method", "confidence",
                "lower", "upper", "low_sample", "agree_share"));
        for (int r = low; r <= high; r++) {
            header.add("count_" + r);
        }
        out.println(ScoreText.csvLine(header));
        for (GroupScore s : scores) {
            Score score = s.score();
            RatingDistribution ratings = score.ratings();
            Metric m = score.metric();
            List<String> cells = new ArrayList<>();
            for (String v : s.group().values()) {
                cells.add(v == null ? "" : v);
            }
            cells.add(m.id());
            cells.add(Long.toString(ratings.n()));
            cells.add(number(ratings.weightedN()));
            cells.add(number(ratings.effectiveN()));
            cells.add(score.value().isPresent() ? number(score.value().getAsDouble()) : "");
            Interval iv = score.interval().orElse(null);
            cells.add(iv == null ? "" : iv.method().id());
            cells.add(iv == null ? "" : number(iv.confidence()));
            cells.add(iv == null ? "" : number(iv.lower()));
            cells.add(iv == null ? "" : number(iv.upper()));
            cells.add(Boolean.toString(score.lowSample()));
            cells.add(m.kind() == Metric.Kind.CES && !ratings.isEmpty() ? number(100 * ratings.positiveShare()) : "");
            for (int r = low; r <= high; r++) {
                cells.add(m.isValidRating(r) ? Long.toString(ratings.count(r)) : "");
            }
            out.println(ScoreText.csvLine(cells));
        }
    }

    private static String number(double raw) {
        double value = ScoreText.clean(raw);
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }


    private static String unit(Metric m) {
        switch (m.kind()) {
            case NPS:
                return "points";
            case CSAT:
                return "% rating " + m.positiveFrom() + "-" + m.max();
            default:
                return "mean; agree = % rating " + m.positiveFrom() + "-" + m.max();
        }
    }

    private void printTable(PrintWriter out, Grouping grouping, List<GroupScore> scores, ReadSummary summary,
            long otherMetrics) {
        boolean weighted = scores.stream().anyMatch(s -> s.score().ratings().isWeighted());
        boolean ces = scores.stream().anyMatch(s -> s.score().metric().kind() == Metric.Kind.CES);
        List<String> headers = new ArrayList<>();
        List<Boolean> right = new ArrayList<>();
        headers.add("metric");
        right.add(false);
        for (String name : grouping.names()) {
            headers.add(name);
            right.add(false);
        }
        headers.add("n");
        right.add(true);
        if (weighted) {
            headers.add("eff. n");
            right.add(true);
        }
        headers.add("value");
        right.add(true);
        headers.add(ScoreText.percent(statistics.confidence()) + " interval");
        right.add(false);
        if (ces) {
            headers.add("agree");
            right.add(true);
        }
        headers.add("");
        right.add(false);
        boolean[] alignRight = new boolean[right.size()];
        for (int i = 0; i < alignRight.length; i++) {
            alignRight[i] = right.get(i);
        }
        TextTable table = new TextTable(headers, alignRight);
        for (GroupScore s : scores) {
            Score score = s.score();
            Metric m = score.metric();
            List<String> cells = new ArrayList<>();
            cells.add(m.id());
            GroupKey key = s.group();
            for (String v : key.values()) {
                cells.add(v == null ? "(none)" : v);
            }
            cells.add(Long.toString(score.n()));
            if (weighted) {
                cells.add(ScoreText.count(score.effectiveN()));
            }
            cells.add(score.value().isPresent() ? ScoreText.value(m, score.value().getAsDouble()) : "-");
            cells.add(score.interval().map(iv -> ScoreText.range(m, iv)).orElse("-"));
            if (ces) {
                cells.add(m.kind() == Metric.Kind.CES && !score.ratings().isEmpty()
                        ? String.format(Locale.ROOT, "%.1f%%", 100 * score.ratings().positiveShare()) : "");
            }
            cells.add(score.lowSample() ? "LOW-SAMPLE" : "");
            table.add(cells);
        }
        if (!scores.isEmpty()) {
            table.print(out);
            out.println();
            List<String> methods = new ArrayList<>();
            scores.stream().map(s -> s.score().metric()).distinct().forEach(m -> methods.add(m.id() + " "
                    + (clusterBy != null ? IntervalMethod.LINEARIZED.id() + " by " + clusterBy
                            : (interval == null ? m.defaultInterval() : interval).id()) + " (" + unit(m) + ")"));
            out.println("Intervals: " + ScoreText.percent(statistics.confidence()) + "; " + String.join(", ", methods) + ".");
            out.println("LOW-SAMPLE: " + (weighted ? "effective " : "") + "n below " + ScoreText.count(statistics.minN) + ".");
        }
        out.printf(Locale.ROOT, "Rows: %s%s.%n", ScoreText.rowsSentence(summary),
                otherMetrics > 0 ? "; " + otherMetrics + " of other metrics not scored" : "");
    }
}
