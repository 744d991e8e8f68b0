package dev.cxkit.report.format;

import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.report.HealthReport;
import dev.cxkit.report.Provenance.Input;
import dev.cxkit.report.Provenance.Rows;
import dev.cxkit.report.internal.AtomicFiles;
import dev.cxkit.report.internal.Figures;
import dev.cxkit.report.section.ClosedLoop.CallBack;
import dev.cxkit.report.section.ClosedLoop.Recognition;
import dev.cxkit.report.section.FailureImpactRanking.ImpactRow;
import dev.cxkit.report.section.GroupScores;
import dev.cxkit.report.section.GroupScores.GroupRow;
import dev.cxkit.report.section.Headline.HeadlineScore;
import dev.cxkit.report.section.Journeys;
import dev.cxkit.report.section.Journeys.FunnelStep;
import dev.cxkit.report.section.Journeys.PromiseResult;
import dev.cxkit.report.section.Scores.PeriodScore;
import dev.cxkit.report.section.Scores.Trend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The report's tables as CSV files, one per table, for a spreadsheet: {@code headline.csv},
 * {@code trends.csv}, {@code groups.csv}, {@code funnel.csv}, {@code promises.csv},
 * {@code failure-impact.csv}, {@code call-backs.csv}, {@code recognitions.csv} and
 * {@code inputs.csv}. A table whose section is not in the report is not written. Numbers are rounded
 * as the page shows them, without units; text cells that a spreadsheet would run as a formula are
 * made text (see {@link #line(List)}). Recovery plans are in the JSON and the page only.
 *
 * <p>{@link #write(HealthReport, Path)} writes the files into a folder (named by
 * {@link #fileName()}, {@code csv}, inside a report folder), each atomically; {@link #render}
 * gives all tables in one text, each under a {@code # name.csv} line.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class CsvFormat implements ReportFormat {

    static final CsvFormat INSTANCE = new CsvFormat();

    /** The names of every table this format may write, in order. */
    public static final List<String> TABLES = List.of("headline.csv", "trends.csv", "groups.csv", "funnel.csv",
            "promises.csv", "failure-impact.csv", "call-backs.csv", "recognitions.csv", "inputs.csv");

    private CsvFormat() {
    }

    @Override
    public String name() {
        return "csv";
    }

    /** Returns {@code csv}: the folder the tables are written to. */
    @Override
    public String fileName() {
        return "csv";
    }

    @Override
    public String render(HealthReport report) {
        StringBuilder out = new StringBuilder();
        tables(report).forEach((name, text) -> out.append("# ").append(name).append('\n').append(text));
        return out.toString();
    }

    /**
     * Writes every table into {@code folder} (created if needed), each file atomically.
     *
     * @param report the report
     * @param folder the folder
     * @throws IOException if the folder or a file cannot be written
     */
    @Override
    public void write(HealthReport report, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, String> table : tables(report).entrySet()) {
            AtomicFiles.write(folder.resolve(table.getKey()), table.getValue());
        }
    }

    /**
     * Returns the tables: file name to CSV text (header line first, lines ending with CRLF as RFC
     * 4180 asks), in the report's order.
     *
     * @param report the report
     * @return the tables
     */
    public Map<String, String> tables(HealthReport report) {
        Map<String, String> tables = new LinkedHashMap<>();
        report.headline().content().ifPresent(h -> {
            Table t = new Table("metric", "period", "n", "value", "lower", "upper", "low_sample", "weighted",
                    "effective_n", "previous_period", "previous_value", "change", "change_p", "verdict");
            for (HeadlineScore s : h.scores()) {
                List<String> row = new ArrayList<>(List.of(s.score().metric().id(), s.period()));
                row.addAll(score(s.score()));
                row.add(s.change().map(c -> c.previousPeriod()).orElse(""));
                row.add(s.change().map(c -> value(c.previous())).orElse(""));
                Optional<Comparison> d = s.change().flatMap(c -> c.verdict().difference());
                row.add(d.map(c -> Figures.difference(s.score().metric(), c.difference()).number().toPlainString())
                        .orElse(""));
                row.add(d.map(c -> Figures.pValue(c.pValue()).number().toPlainString()).orElse(""));
                row.add(s.change().map(c -> c.verdict().outcome().id()).orElse(""));
                t.add(row);
            }
            tables.put("headline.csv", t.text());
        });
        report.scores().content().ifPresent(scores -> {
            Table trends = new Table("metric", "period", "n", "value", "lower", "upper", "low_sample", "weighted",
                    "effective_n");
            for (Trend trend : scores.trends()) {
                for (PeriodScore p : trend.points()) {
                    List<String> row = new ArrayList<>(List.of(trend.metric().id(), p.period()));
                    row.addAll(score(p.score()));
                    trends.add(row);
                }
            }
            tables.put("trends.csv", trends.text());
            Table groups = new Table("column", "metric", "name", "n", "value", "lower", "upper", "low_sample",
                    "weighted", "effective_n", "vs_rest", "vs_rest_p_adjusted", "differs_from_rest", "latest_period",
                    "latest_value", "change", "change_p_adjusted", "changed");
            for (GroupScores g : scores.groups()) {
                for (GroupRow r : g.rows()) {
                    List<String> row = new ArrayList<>(List.of(g.column(), g.metric().id(), r.name()));
                    row.addAll(score(r.all()));
                    row.add(difference(g.metric(), r.vsRest()));
                    row.add(p(r.vsRestAdjustedP()));
                    row.add(Boolean.toString(g.differsFromRest(r)));
                    row.add(g.current() == null ? "" : g.current());
                    row.add(value(r.latest()));
                    row.add(difference(g.metric(), r.change()));
                    row.add(p(r.changeAdjustedP()));
                    row.add(Boolean.toString(g.changed(r)));
                    groups.add(row);
                }
            }
            tables.put("groups.csv", groups.text());
        });
        report.journeys().content().ifPresent(definitions -> {
            Table funnel = new Table("definition", "stage", "entered", "reached", "completed", "fallout");
            Table promises = new Table("definition", "promise", "from", "to", "kind", "limit", "factor", "p50", "p90",
                    "p99", "checks", "breaches", "breach_percent");
            for (Journeys j : definitions) {
                for (FunnelStep f : j.funnel()) {
                    funnel.add(List.of(j.definition(), f.stage(), count(f.entered()), count(f.reached()),
                            count(f.completed()), count(f.fallout())));
                }
                for (PromiseResult p : j.promises()) {
                    promises.add(List.of(j.definition(), p.id(), p.from(), p.to(), p.kind().name().toLowerCase(
                            java.util.Locale.ROOT), p.limit().toString(), p.factor().name(),
                            p.durations().map(d -> d.p50().toString()).orElse(""),
                            p.durations().map(d -> d.p90().toString()).orElse(""),
                            p.durations().map(d -> d.p99().toString()).orElse(""), count(p.checks()),
                            count(p.breaches()), p.breachRate().isPresent()
                                    ? Figures.percent(p.breachRate().getAsDouble()).number().toPlainString() : ""));
                }
            }
            tables.put("funnel.csv", funnel.text());
            tables.put("promises.csv", promises.text());
        });
        report.failureImpact().content().ifPresent(impact -> {
            Table t = new Table("failure", "touchpoint", "factor", "journeys", "with", "without", "difference",
                    "p_adjusted", "held_equal", "held_equal_p_adjusted", "detractor_percent");
            Metric m = impact.metric();
            for (ImpactRow r : impact.ranking()) {
                t.add(List.of(r.failureType(), r.touchpoint(), r.factor().name(), count(r.journeys()), value(r.with()),
                        value(r.without()), difference(m, r.difference()), p(r.adjustedP()),
                        difference(m, r.heldEqual()), p(r.heldEqualAdjustedP()),
                        Figures.percent(r.detractorShare()).number().toPlainString()));
            }
            tables.put("failure-impact.csv", t.text());
        });
        report.closedLoop().content().ifPresent(loop -> {
            Table calls = new Table("customer", "touchpoint", "metric", "rating", "due", "overdue", "comment");
            for (CallBack c : loop.callBacks()) {
                calls.add(List.of(c.customerId(), c.touchpoint(), c.metric().id(), Integer.toString(c.rating()),
                        c.due().toString(), Boolean.toString(c.overdueAt(report.provenance().generatedAt())),
                        c.comment()));
            }
            tables.put("call-backs.csv", calls.text());
            Table staff = new Table("staff", "mentions", "quote");
            for (Recognition r : loop.recognitions()) {
                staff.add(List.of(r.staff(), count(r.mentions()), r.quote()));
            }
            tables.put("recognitions.csv", staff.text());
        });
        Table inputs = new Table("input", "kind", "read", "accepted", "rejected", "duplicates", "filtered");
        for (Input input : report.provenance().inputs()) {
            inputs.add(rows(input.name(), input.kind(), input.rows()));
        }
        inputs.add(rows("total", "", report.provenance().total()));
        tables.put("inputs.csv", inputs.text());
        return tables;
    }

    /**
     * One CSV line (RFC 4180) that is safe to open in a spreadsheet: a cell with a comma, quote,
     * line end or outer spaces is quoted, and a text cell that starts with {@code = + - @} or a
     * tab or carriage return gets a leading apostrophe, so that it is shown and not run as a
     * formula (OWASP, "CSV injection"); a number such as {@code -3.5} stays a number.
     *
     * @param cells the cells, in order
     * @return the line, without a line end
     */
    public static String line(List<String> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            if (!c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0 && !isNumber(c)) {
                c = "'" + c;
            }
            if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0
                    || !c.equals(c.trim())) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isNumber(String c) {
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (!(ch >= '0' && ch <= '9') && ch != '.' && !(i == 0 && (ch == '-' || ch == '+'))) {
                return false;
            }
        }
        return c.length() > 1 || Character.isDigit(c.charAt(0));
    }

    /** n, value, lower, upper, low_sample, weighted, effective_n. */
    private static List<String> score(Score s) {
        Metric m = s.metric();
        return List.of(Long.toString(s.n()), value(s),
                s.interval().map(iv -> Figures.limit(m, iv.lower()).number().toPlainString()).orElse(""),
                s.interval().map(iv -> Figures.limit(m, iv.upper()).number().toPlainString()).orElse(""),
                Boolean.toString(s.lowSample()), Boolean.toString(s.ratings().isWeighted()),
                s.ratings().isWeighted() ? Figures.effectiveN(s.ratings().effectiveN()).number().toPlainString() : "");
    }

    private static String value(Score s) {
        return s.value().isPresent() ? Figures.score(s.metric(), s.value().getAsDouble()).number().toPlainString() : "";
    }

    private static String difference(Metric m, Optional<Comparison> c) {
        return c.map(d -> Figures.difference(m, d.difference()).number().toPlainString()).orElse("");
    }

    private static String p(OptionalDouble p) {
        return p.isPresent() ? Figures.pValue(p.getAsDouble()).number().toPlainString() : "";
    }

    private static String count(long n) {
        return Long.toString(n);
    }

    private static List<String> rows(String name, String kind, Rows r) {
        return List.of(name, kind, count(r.read()), count(r.accepted()), count(r.rejected()), count(r.duplicates()),
                count(r.filtered()));
    }

    /** A header and rows, as CSV text with CRLF line ends. */
    private static final class Table {
        private final StringBuilder text = new StringBuilder();
        private final int columns;

        Table(String... header) {
            this.columns = header.length;
            text.append(line(Arrays.asList(header))).append("\r\n");
        }

        void add(List<String> cells) {
            if (cells.size() != columns) {
                throw new IllegalArgumentException(cells.size() + " cells for " + columns + " columns");
            }
            text.append(line(cells)).append("\r\n");
        }

        String text() {
            return text.toString();
        }
    }
}
