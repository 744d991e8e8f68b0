package dev.cxkit.cli;

import dev.cxkit.cli.Converters.OutputFormat;
import dev.cxkit.cli.print.ScoreText;
import dev.cxkit.cli.print.TextTable;
import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.score.ComparisonVerdict;
import dev.cxkit.core.score.GroupKey;
import dev.cxkit.core.score.GroupScore;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.score.ScoreComparison;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.stats.IntervalMethod;
import dev.cxkit.core.survey.Grouping;
import dev.cxkit.core.survey.ResponseScorer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ObjectNode;

/** {@code cx compare A B}: is the difference between two samples real or sampling noise? */
@Command(name = "compare",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Compare one metric between two files (for example two months): both scores with their "
            + "intervals, the difference A - B with its interval and p-value, and whether it is more than "
            + "sampling noise.",
            "Each file is scored overall; the inputs follow the rules of 'cx score'."},
        footer = {"", "Exit codes: 0 success, 1 rows rejected with --strict, 2 usage error or unreadable input.",
            "", "Example:", "  cx compare march.csv april.csv --metric nps --format json"})
final class CompareCommand implements Callable<Integer> {

    @ParentCommand
    private Cx parent;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The first file (- reads standard input).")
    private String a;

    @Parameters(index = "1", paramLabel = "B", description = "The second file (- reads standard input).")
    private String b;

    @Option(names = "--metric", required = true, paramLabel = "nps|csat|ces",
            converter = Converters.MetricConverter.class, description = "The metric to compare (required).")
    private Metric metric;

    @Option(names = "--interval", paramLabel = "METHOD", converter = Converters.IntervalConverter.class,
            description = "Method of the difference: adjusted-wald or wald for nps; newcombe or wald for csat; t "
                    + "(Welch) for ces. Default: adjusted-wald (nps), newcombe (csat), t (ces).")
    private IntervalMethod interval;

    @Mixin
    private StatisticsOptions statistics;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            converter = Converters.OutputFormatConverter.class, description = "Output format. Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;


    @Mixin
    private InputOptions input;

    @Mixin
    private RejectOptions rows;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScoreOptions options = statistics.toScoreOptions(interval);
        if (format == OutputFormat.CSV) {
            throw new UsageException("--format csv is not available for compare (use table or json)");
        }
        if (interval != null && !metric.comparisonMethods().contains(interval)) {
            throw new UsageException("--interval " + interval.id() + " does not apply to comparing " + metric.id()
                    + " (use " + ScoreText.ids(metric.comparisonMethods()) + ")");
        }
        Inputs.check(List.of(a, b), rows.rejects);
        Inputs inputs = new Inputs(input, parent.stdin(), err, rows.rejects, Cx.quiet(spec));
        Side sideA = read(a, inputs);
        Side sideB = read(b, inputs);
        inputs.report();
        if (rows.stops(sideA.summary.rejected() + sideB.summary.rejected(), "row", "no comparison printed", err)) {
            return Cx.EXIT_REJECTED;
        }
        for (Side side : List.of(sideA, sideB)) {
            if (side.ratings.isEmpty()) {
                throw new UsageException(displayName(side.file) + " has no " + metric.id() + " responses to compare");
            }
        }
        ScoreComparison comparison = ScoreComparison.of(sideA.ratings, sideB.ratings, options);
        if (format == OutputFormat.JSON) {
            printJson(out, comparison, sideA, sideB);
        } else {
            printTable(out, comparison, sideA, sideB);
        }
        out.flush();
        return 0;
    }

    /** One side of the comparison: its file, what was read and the ratings of the metric. */
    private static final class Side {
        final String file;
        final ReadSummary summary;
        final RatingDistribution ratings;

        Side(String file, ReadSummary summary, RatingDistribution ratings) {
            this.file = file;
            this.summary = summary;
            this.ratings = ratings;
        }
    }

    private Side read(String file, Inputs inputs) throws IOException {
        ResponseScorer scorer = ResponseScorer.create(Grouping.none());
        ReadSummary summary = inputs.read(List.of(file), response -> {
            if (metric.equals(response.metric())) {
                scorer.record(response);
            }
        });
        RatingDistribution ratings = scorer.snapshot(metric).getOrDefault(GroupKey.NONE,
                RatingDistribution.empty(metric));
        return new Side(file, summary, ratings);
    }

    private static String displayName(String file) {
        return file.equals("-") ? Inputs.STDIN : file;
    }

    private void printJson(PrintWriter out, ScoreComparison comparison, Side sideA, Side sideB) {
        ObjectNode root = ScoreText.JSON.createObjectNode();
        root.put("metric", metric.id());
        root.set("a", ScoreText.entry(new GroupScore(GroupKey.NONE, comparison.a())));
        root.set("b", ScoreText.entry(new GroupScore(GroupKey.NONE, comparison.b())));
        if (comparison.difference().isPresent()) {
            Comparison d = comparison.difference().get();
            ObjectNode diff = root.putObject("difference");
            diff.put("value", ScoreText.clean(d.difference()));
            diff.put("standardError", ScoreText.clean(d.standardError()));
            diff.put("lower", ScoreText.clean(d.interval().lower()));
            diff.put("upper", ScoreText.clean(d.interval().upper()));
            diff.put("pValue", ScoreText.clean(d.pValue()));
            diff.put("significant", d.significant());
            diff.put("method", comparison.method().id());
            diff.put("confidence", d.interval().confidence());
        } else {
            root.putNull("difference");
        }
        ComparisonVerdict v = comparison.verdict();
        ObjectNode verdict = root.putObject("verdict");
        verdict.put("outcome", v.outcome().id());
        verdict.put("margin", v.margin());
        verdict.put("alpha", v.alpha());
        if (v.equivalenceInterval().isPresent()) {
            verdict.put("equivalenceLower", ScoreText.clean(v.equivalenceInterval().get().lower()));
            verdict.put("equivalenceUpper", ScoreText.clean(v.equivalenceInterval().get().upper()));
        } else {
            verdict.putNull("equivalenceLower");
            verdict.putNull("equivalenceUpper");
        }
        if (v.reason().isPresent()) {
            verdict.put("reason", v.reason().get());
        } else {
            verdict.putNull("reason");
        }
        ObjectNode files = root.putObject("files");
        files.put("a", displayName(sideA.file));
        files.put("b", displayName(sideB.file));
        ObjectNode rows = root.putObject("rows");
        rows.set("a", ScoreText.rows(sideA.summary));
        rows.set("b", ScoreText.rows(sideB.summary));
        out.println(ScoreText.JSON.writeValueAsString(root));
    }

    private void printTable(PrintWriter out, ScoreComparison comparison, Side sideA, Side sideB) {
        String level = ScoreText.percent(statistics.confidence());
        TextTable table = new TextTable(List.of(metric.id(), "file", "n", "value", level + " interval", ""),
                new boolean[] {false, false, true, true, false, false});
        table.add(row("A", sideA.file, comparison.a()));
        table.add(row("B", sideB.file, comparison.b()));
        table.print(out);
        out.println();
        if (comparison.difference().isEmpty()) {
            out.println("Difference A - B: not defined (each side needs at least 2 responses for ces).");
            return;
        }
        Comparison d = comparison.difference().get();
        out.printf(Locale.ROOT, "Difference A - B: %s, %s interval %s, p = %s (%s)%n",
                ScoreText.difference(metric, d.difference()), level, ScoreText.differenceRange(metric, d.interval()),
                pValue(d.pValue()), comparison.method().id());
        ComparisonVerdict v = comparison.verdict();
        String margin = ScoreText.difference(metric, v.margin()).replace("+", "\u00b1");
        switch (v.outcome()) {
            case DIFFERENT:
                out.println("Verdict: different at " + level + ": more than sampling noise.");
                break;
            case EQUIVALENT:
                out.println("Verdict: equivalent within " + margin + " (two one-sided tests, "
                        + ScoreText.percent(v.equivalenceInterval().orElseThrow().confidence()) + " interval "
                        + ScoreText.differenceRange(metric, v.equivalenceInterval().orElseThrow()) + ").");
                break;
            default:
                out.println("Verdict: cannot tell" + v.reason().map(r -> " (" + r + ")").orElse("")
                        + ": neither a difference at " + level + " nor equivalence within " + margin
                        + " is shown. Not significant is not the same.");
                break;
        }
    }

    private List<String> row(String label, String file, Score score) {
        List<String> cells = new ArrayList<>();
        cells.add(label);
        cells.add(displayName(file));
        cells.add(Long.toString(score.n()));
        cells.add(score.value().isPresent() ? ScoreText.value(metric, score.value().getAsDouble()) : "-");
        cells.add(score.interval().map(iv -> ScoreText.range(metric, iv)).orElse("-"));
        cells.add(score.lowSample() ? "LOW-SAMPLE" : "");
        return cells;
    }

    private static String pValue(double p) {
        return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }
}
