package dev.cxkit.cli;

import dev.cxkit.cli.print.Json;
import dev.cxkit.report.internal.OutputFiles;

import dev.cxkit.cli.Converters.OutputFormat;
import dev.cxkit.cli.print.ScoreText;
import dev.cxkit.cli.print.TextTable;
import dev.cxkit.core.io.ReadResult;
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
import dev.cxkit.core.survey.Response;
import dev.cxkit.core.survey.ResponseScorer;
import java.io.IOException;
import java.time.ZoneId;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collector;
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
        description = {"Compare one metric between two files (for example two months), or between two groups of "
            + "one file (--by location --a Leeds --b York): both scores with their intervals, the difference "
            + "A - B with its interval and p-value, and whether it is more than sampling noise.",
            "Each side is scored overall; the inputs follow the rules of 'cx score'."},
        footer = {"", "Exit codes: 0 success, 1 rows rejected with --strict or every row rejected, 2 usage error "
            + "or unreadable input.",
            "", "Example:", "  cx compare march.csv april.csv --metric nps --format json",
            "  cx compare responses.csv --by location --a Leeds --b York --metric csat"})
final class CompareCommand implements Callable<Integer> {

    @ParentCommand
    private Cx parent;

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE",
            description = "Two files A and B (- reads standard input); with --by, one or more files holding both groups.")
    private List<String> files = new ArrayList<>();

    @Option(names = "--by", paramLabel = "COLUMN",
            description = "Compare two groups of the same file(s): the responses whose COLUMN is --a's value "
                    + "against those whose COLUMN is --b's. Default: none (compare two files).")
    private String by;

    @Option(names = "--a", paramLabel = "VALUE", description = "With --by: the value of group A. Default: none.")
    private String groupA;

    @Option(names = "--b", paramLabel = "VALUE", description = "With --by: the value of group B. Default: none.")
    private String groupB;

    @Option(names = "--metric", required = true, paramLabel = "nps|csat|ces",
            converter = Converters.MetricConverter.class, description = "The metric to compare (required).")
    private Metric metric;

    @Option(names = "--interval", paramLabel = "METHOD", converter = Converters.IntervalConverter.class,
            description = "Method of the difference: adjusted-wald or wald for nps; newcombe or wald for csat; t "
                    + "(Welch) for ces. Default: adjusted-wald (nps), newcombe (csat), t (ces).")
    private IntervalMethod interval;

    @Mixin
    private StatisticsOptions statistics;

    @Option(names = "--format", paramLabel = "table|json|csv", defaultValue = "table",
            converter = Converters.OutputFormatConverter.class, description = "Output format. Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;


    @Mixin
    private InputOptions input;

    @Mixin
    private ThreadsOption threads;

    @Mixin
    private FilterOptions filters;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC", converter = Converters.ZoneConverter.class,
            description = "Time zone of times without an offset, and of the days of --from and --to. "
                    + "Default: ${DEFAULT-VALUE}.")
    private ZoneId zone;

    @Mixin
    private RejectOptions rows;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScoreOptions options = statistics.toScoreOptions(interval);
        if (interval != null && !metric.comparisonMethods().contains(interval)) {
            throw new UsageException("--interval " + interval.id() + " does not apply to comparing " + metric.id()
                    + " (use " + ScoreText.ids(metric.comparisonMethods()) + ")");
        }
        checkSides();
        OutputFiles outputs = Inputs.outputs(files, rows.rejects);
        Inputs inputs = new Inputs(input.responseReader(zone, filters.filter(zone), false, true, threads.threads()),
                parent.stdin(), err, outputs, rows.rejects, Cx.quiet(spec));
        Side sideA;
        Side sideB;
        if (by == null) {
            sideA = read(files.get(0), inputs);
            sideB = read(files.get(1), inputs);
        } else {
            Side[] sides = readGroups(inputs);
            sideA = sides[0];
            sideB = sides[1];
        }
        inputs.report();
        inputs.finish();
        if (rows.stops(sideA.summary.plus(sideB.summary), "row", "no comparison printed", err)) {
            return Cx.EXIT_REJECTED;
        }
        if (rows.exitCode(by == null ? sideA.summary.plus(sideB.summary) : sideA.summary, "row", err) != 0) {
            return Cx.EXIT_REJECTED;
        }
        for (Side side : List.of(sideA, sideB)) {
            if (side.ratings.isEmpty()) {
                throw new UsageException(side.label + " has no " + metric.id() + " responses to compare");
            }
        }
        ScoreComparison comparison = ScoreComparison.of(sideA.ratings, sideB.ratings, options);
        if (format == OutputFormat.JSON) {
            printJson(out, comparison, sideA, sideB);
        } else if (format == OutputFormat.CSV) {
            printCsv(out, comparison, sideA, sideB);
        } else {
            printTable(out, comparison, sideA, sideB);
        }
        out.flush();
        return 0;
    }

    /** One side of the comparison: what it is (a file, or COLUMN=VALUE), what was read and the ratings of the metric. */
    private static final class Side {
        final String label;
        final ReadSummary summary;
        final RatingDistribution ratings;

        Side(String label, ReadSummary summary, RatingDistribution ratings) {
            this.label = label;
            this.summary = summary;
            this.ratings = ratings;
        }
    }

    private void checkSides() {
        if (by == null) {
            if (groupA != null || groupB != null) {
                throw new UsageException("--a and --b name groups of --by; give --by COLUMN too");
            }
            if (files.size() != 2) {
                throw new UsageException("compare needs two files A and B (or one file with --by COLUMN --a VALUE "
                        + "--b VALUE), not " + files.size());
            }
            return;
        }
        if (by.isBlank() || groupA == null || groupB == null) {
            throw new UsageException("--by COLUMN needs --a VALUE and --b VALUE: the two groups to compare");
        }
        if (groupA.equals(groupB)) {
            throw new UsageException("--a and --b are both '" + groupA + "': compare two different groups");
        }
    }

    /** Reads the files once, splitting the responses of the metric by the --by column's value. */
    private Side[] readGroups(Inputs inputs) throws IOException {
        ReadResult<ResponseScorer> read = inputs.collect(files, scoring(Grouping.by(List.of(by.trim()))));
        ReadSummary summary = read.summary();
        var snapshot = read.value().snapshot(metric);
        Side[] sides = new Side[2];
        String[] values = {groupA, groupB};
        for (int i = 0; i < 2; i++) {
            RatingDistribution ratings = snapshot.getOrDefault(GroupKey.of(List.of(by.trim()), List.of(values[i])),
                    RatingDistribution.empty(metric));
            sides[i] = new Side(by.trim() + "=" + values[i], summary, ratings);
        }
        return sides;
    }

    private Side read(String file, Inputs inputs) throws IOException {
        ReadResult<ResponseScorer> read = inputs.collect(List.of(file), scoring(Grouping.none()));
        RatingDistribution ratings = read.value().snapshot(metric).getOrDefault(GroupKey.NONE,
                RatingDistribution.empty(metric));
        return new Side(displayName(file), read.summary(), ratings);
    }

    /**
     * Scores the compared metric's responses by {@code grouping}: one scorer per part of a large
     * file, merged in file order.
     */
    private Collector<Response, ResponseScorer, ResponseScorer> scoring(Grouping grouping) {
        return Collector.of(() -> ResponseScorer.create(grouping), (scorer, response) -> {
            if (metric.equals(response.metric())) {
                scorer.record(response);
            }
        }, (earlier, later) -> {
            earlier.merge(later);
            return earlier;
        });
    }

    private static String displayName(String file) {
        return file.equals("-") ? Inputs.STDIN : file;
    }

    private void printJson(PrintWriter out, ScoreComparison comparison, Side sideA, Side sideB) {
        ObjectNode root = Json.MAPPER.createObjectNode();
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
        if (by == null) {
            ObjectNode sources = root.putObject("files");
            sources.put("a", sideA.label);
            sources.put("b", sideB.label);
            ObjectNode rows = root.putObject("rows");
            rows.set("a", ScoreText.rows(sideA.summary));
            rows.set("b", ScoreText.rows(sideB.summary));
        } else {
            ObjectNode groups = root.putObject("groups");
            groups.put("by", by.trim());
            groups.put("a", groupA);
            groups.put("b", groupB);
            root.set("rows", ScoreText.rows(sideA.summary));
        }
        out.println(Json.MAPPER.writeValueAsString(root));
    }

    private void printTable(PrintWriter out, ScoreComparison comparison, Side sideA, Side sideB) {
        String level = ScoreText.percent(statistics.confidence());
        TextTable table = new TextTable(List.of(metric.id(), by == null ? "file" : "group", "n", "value",
                level + " interval", ""), new boolean[] {false, false, true, true, false, false});
        table.add(row("A", sideA.label, comparison.a()));
        table.add(row("B", sideB.label, comparison.b()));
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
        cells.add(file);
        cells.add(Long.toString(score.n()));
        cells.add(score.value().isPresent() ? ScoreText.value(metric, score.value().getAsDouble()) : "-");
        cells.add(score.interval().map(iv -> ScoreText.range(metric, iv)).orElse("-"));
        cells.add(score.lowSample() ? "LOW-SAMPLE" : "");
        return cells;
    }

    /**
     * One line per side and one for the difference, rounded as the table shows them; text cells
     * that a spreadsheet would run as a formula are quoted (see {@link ScoreText#csvLine}).
     */
    private void printCsv(PrintWriter out, ScoreComparison comparison, Side sideA, Side sideB) {
        out.println(ScoreText.csvLine(List.of("metric", "side", "of", "n", "value", "lower", "upper", "low_sample",
                "p_value", "method", "verdict")));
        for (Object[] side : new Object[][] {{"A", sideA, comparison.a()}, {"B", sideB, comparison.b()}}) {
            Score score = (Score) side[2];
            out.println(ScoreText.csvLine(List.of(metric.id(), (String) side[0], ((Side) side[1]).label,
                    Long.toString(score.n()), score.value().isPresent()
                            ? ScoreText.plain(metric, score.value().getAsDouble()) : "",
                    score.interval().map(iv -> ScoreText.plain(metric, iv.lower())).orElse(""),
                    score.interval().map(iv -> ScoreText.plain(metric, iv.upper())).orElse(""),
                    Boolean.toString(score.lowSample()), "", "", "")));
        }
        var difference = comparison.difference();
        out.println(ScoreText.csvLine(List.of(metric.id(), "A-B", sideA.label + " - " + sideB.label,
                "", difference.map(d -> ScoreText.plain(metric, d.difference())).orElse(""),
                difference.map(d -> ScoreText.plain(metric, d.interval().lower())).orElse(""),
                difference.map(d -> ScoreText.plain(metric, d.interval().upper())).orElse(""), "",
                difference.map(d -> pValue(d.pValue())).orElse(""), comparison.method().id(),
                comparison.verdict().outcome().id())));
    }

    private static String pValue(double p) {
        return p < 0.0001 ? "< 0.0001" : String.format(Locale.ROOT, "%.4f", p);
    }
}
