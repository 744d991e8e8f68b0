package dev.cxkit.report.format;

import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.report.HealthReport;
import dev.cxkit.report.Provenance.Input;
import dev.cxkit.report.Provenance.Rows;
import dev.cxkit.report.Section;
import dev.cxkit.report.internal.Figures.Figure;
import dev.cxkit.report.internal.Figures;
import dev.cxkit.report.internal.Verdicts;
import dev.cxkit.report.section.ClosedLoop.CallBack;
import dev.cxkit.report.section.ClosedLoop.Recognition;
import dev.cxkit.report.section.ClosedLoop;
import dev.cxkit.report.section.Consistency.Finding;
import dev.cxkit.report.section.Consistency.Swing;
import dev.cxkit.report.section.Consistency;
import dev.cxkit.report.section.FailureImpactRanking.ImpactRow;
import dev.cxkit.report.section.FailureImpactRanking;
import dev.cxkit.report.section.Headline.Change;
import dev.cxkit.report.section.Headline.HeadlineScore;
import dev.cxkit.report.section.Headline;
import dev.cxkit.report.section.Journeys.FunnelStep;
import dev.cxkit.report.section.Journeys.PromiseResult;
import dev.cxkit.report.section.Journeys;
import dev.cxkit.report.section.RecoveryEffectiveness;
import dev.cxkit.report.section.RecoveryPlans.IncidentPlan;
import dev.cxkit.report.section.RecoveryPlans;
import dev.cxkit.report.section.GroupScores;
import dev.cxkit.report.section.GroupScores.GroupRow;
import dev.cxkit.report.section.Scores.NamedScore;
import dev.cxkit.report.section.Scores.PeriodScore;
import dev.cxkit.report.section.Scores.Trend;
import dev.cxkit.report.section.Scores;
import dev.cxkit.rules.plan.Offer;
import dev.cxkit.rules.plan.RecoveryPlan;
import dev.cxkit.rules.plan.StepPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Writes a {@link HealthReport} as the terminal summary of {@code cx report}: the same sections in
 * the same order as the page, as aligned plain-text tables (numbers right-aligned, no trailing
 * spaces), with the same {@link Figures} texts. No charts and no colour, so it reads in a log or
 * a pipe as well as in a terminal; control characters from the data are replaced by U+FFFD and
 * line breaks inside a cell by spaces. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class TextFormat implements ReportFormat {

    /** The one instance; see {@link ReportFormat#text()}. */
    static final TextFormat INSTANCE = new TextFormat();

    /** How many plans the summary shows in full; the page and the JSON have them all. */
    static final int SHOWN_PLANS = 10;

    /** Control characters but the line feed. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n]]");

    private TextFormat() {
    }

    @Override
    public String name() {
        return "text";
    }

    /** Returns {@code summary.txt}: the summary is printed, not written, by {@code cx report}. */
    @Override
    public String fileName() {
        return "summary.txt";
    }

    /**
     * Returns the summary.
     *
     * @param model the report
     * @return the text, lines ending with {@code \n}
     */
    @Override
    public String render(HealthReport model) {
        StringBuilder out = new StringBuilder(8192);
        out.append(model.title()).append('\n').append("Generated ")
                .append(Figures.time(model.provenance().generatedAt())).append(" from ")
                .append(model.provenance().total().accepted()).append(" rows.\n");
        section(out, "1. Headline scores", model.headline(), h -> headline(out, h));
        section(out, "2. Scores by group and period", model.scores(), s -> scores(out, s));
        // a section that needs input that was not given is one line at the end, not an empty heading
        List<String> missing = new ArrayList<>();
        if (model.journeys().isPresent()) {
            section(out, "3. Journeys: funnel, durations and promises", model.journeys(), definitions -> {
                for (int i = 0; i < definitions.size(); i++) {
                    out.append(i == 0 ? "" : "\n");
                    journeys(out, definitions.get(i));
                }
            });
        } else {
            missing.add("3. Journeys: " + model.journeys().absentNote());
        }
        if (model.failureImpact().isPresent()) {
            section(out, "4. Failures and scores", model.failureImpact(), f -> failureImpact(out, f));
        } else {
            missing.add("4. Failures and scores: " + model.failureImpact().absentNote());
        }
        if (model.recoveryPlans().isPresent() || model.recoveryEffectiveness().isPresent()) {
            heading(out, "5. Recovery");
            out.append("Plans for open incidents\n");
            body(out, model.recoveryPlans(), p -> recoveryPlans(out, p));
            out.append("\nDoes recovery win customers back?\n");
            body(out, model.recoveryEffectiveness(), e -> recoveryEffectiveness(out, e));
        } else {
            missing.add("5. Recovery: " + model.recoveryPlans().absentNote() + " "
                    + model.recoveryEffectiveness().absentNote());
        }
        heading(out, "6. Consistency and closed loop");
        out.append("Consistency\n");
        body(out, model.consistency(), c -> consistency(out, c));
        out.append('\n');
        body(out, model.closedLoop(), l -> closedLoop(out, l, model));
        if (!missing.isEmpty()) {
            heading(out, "Not in this report");
            missing.forEach(line -> out.append("- ").append(line).append('\n'));
        }
        heading(out, "Where the numbers come from");
        Table inputs = new Table("input", "kind", "read>", "accepted>", "rejected>", "duplicates>", "filtered>");
        for (Input input : model.provenance().inputs()) {
            rowsRow(inputs, input.name(), input.kind(), input.rows());
        }
        rowsRow(inputs, "total", "", model.provenance().total());
        inputs.appendTo(out);
        // names and comments come from user data: no control character (an ANSI escape, say) reaches the terminal
        return CONTROL.matcher(out).replaceAll("\uFFFD");
    }

    private static void rowsRow(Table table, String name, String kind, Rows rows) {
        table.add(name, kind, Figures.count(rows.read()), Figures.count(rows.accepted()),
                Figures.count(rows.rejected()), Figures.count(rows.duplicates()), Figures.count(rows.filtered()));
    }

    private static void heading(StringBuilder out, String heading) {
        out.append('\n').append(heading).append('\n').append("=".repeat(heading.length())).append('\n');
    }

    private static <T> void section(StringBuilder out, String heading, Section<T> section, Consumer<T> render) {
        heading(out, heading);
        body(out, section, render);
    }

    private static <T> void body(StringBuilder out, Section<T> section, Consumer<T> render) {
        if (section.isPresent()) {
            render.accept(section.content().orElseThrow());
        } else {
            out.append(section.absentNote()).append('\n');
        }
    }

    private static String value(Score s) {
        return s.value().isPresent() ? Figures.score(s.metric(), s.value().getAsDouble()).text() : "-";
    }

    private static String range(Score s) {
        return s.interval().map(iv -> Figures.range(s.metric(), iv)).orElse("-");
    }

    /** {@code low n} for a low-sample score; {@code weighted, effective n 95.3} for a weighted one. */
    private static String low(Score s) {
        String weighted = s.ratings().isWeighted()
                ? "weighted, effective n " + Figures.effectiveN(s.ratings().effectiveN()).text() : "";
        return s.lowSample() ? (weighted.isEmpty() ? "low n" : "low n; " + weighted) : weighted;
    }

    // ---- 1 and 2 ---------------------------------------------------------------------------------

    private static void headline(StringBuilder out, Headline headline) {
        Table table = new Table("metric", "period", "value>", "interval>", "n>", "", "change vs previous period");
        for (HeadlineScore h : headline.scores()) {
            Score s = h.score();
            table.add(Verdicts.name(s.metric()), h.period(), value(s), range(s), Long.toString(s.n()), low(s),
                    h.change().map(c -> change(s.metric(), c)).orElse("no previous period"));
        }
        table.appendTo(out);
    }

    private static String change(Metric metric, Change change) {
        if (change.difference().isEmpty()) {
            return "vs " + change.previousPeriod() + ": too few responses to compare";
        }
        Comparison c = change.difference().get();
        return Figures.difference(metric, c.difference()).text() + " vs " + change.previousPeriod() + " "
                + Figures.range(metric, c.interval()) + ", p " + Verdicts.pEquals(c.pValue()) + ", "
                + Verdicts.label(metric, change.verdict());
    }

    private static void scores(StringBuilder out, Scores scores) {
        boolean first = true;
        for (Trend trend : scores.trends()) {
            String name = Verdicts.name(trend.metric());
            first = subheading(out, name + " per period", first);
            Table table = new Table("period", name + ">", "interval>", "n>", "");
            for (PeriodScore p : trend.points()) {
                table.add(p.period(), value(p.score()), range(p.score()), Long.toString(p.score().n()),
                        low(p.score()));
            }
            table.appendTo(out);
        }
        for (GroupScores g : scores.groups()) {
            first = groups(out, g, first);
        }
    }

    private static boolean groups(StringBuilder out, GroupScores g, boolean first) {
        String name = Verdicts.name(g.metric());
        first = subheading(out, name + " by " + g.column(), first);
        boolean periods = g.current() != null && g.previous() != null;
        Table table = periods
                ? new Table(g.column(), name + ">", "interval>", "n>", "vs rest>", "p adj>", g.current() + ">",
                        "change>", "p adj>", "")
                : new Table(g.column(), name + ">", "interval>", "n>", "vs rest>", "p adj>", "");
        for (GroupRow r : g.rows()) {
            List<String> cells = new ArrayList<>(List.of(r.name(), value(r.all()), range(r.all()),
                    Long.toString(r.all().n()), r.vsRest().map(c -> Figures.difference(g.metric(), c.difference())
                            .text()).orElse("-"), adjusted(r.vsRestAdjustedP(), g.differsFromRest(r))));
            if (periods) {
                cells.addAll(List.of(value(r.latest()), r.change().map(c -> Figures.difference(g.metric(),
                        c.difference()).text()).orElse("-"), adjusted(r.changeAdjustedP(), g.changed(r))));
            }
            cells.add(low(r.all()));
            table.add(cells.toArray(new String[0]));
        }
        table.appendTo(out);
        out.append(g.verdict()).append('\n');
        if (periods && g.rows().stream().anyMatch(r -> r.change().isPresent())) {
            out.append("Change: ").append(g.changeFamily()).append("; * marks a change beyond noise.\n");
        }
        return first;
    }

    /** An adjusted p-value with a star when it is below alpha, or {@code -} when the row has no test. */
    private static String adjusted(java.util.OptionalDouble p, boolean significant) {
        return p.isPresent() ? Figures.pValue(p.getAsDouble()).text() + (significant ? " *" : "") : "-";
    }

    /** Writes a sub-heading, with a blank line before all but the first; returns false. */
    private static boolean subheading(StringBuilder out, String text, boolean first) {
        out.append(first ? "" : "\n").append(text).append('\n');
        return false;
    }

    // ---- 3 and 4 ---------------------------------------------------------------------------------

    private static void journeys(StringBuilder out, Journeys journeys) {
        out.append(journeys.journeys()).append(" journeys of ").append(journeys.definition()).append(".\n\nFunnel\n");
        if (journeys.funnel().isEmpty()) {
            out.append("The definition has no stages.\n");
        } else {
            Table funnel = new Table("stage", "entered>", "reached>", "completed>", "fallout>", "fallout rate>");
            for (FunnelStep step : journeys.funnel()) {
                funnel.add(step.stage(), Figures.count(step.entered()), Figures.count(step.reached()),
                        Figures.count(step.completed()), Figures.count(step.fallout()),
                        Figures.percent(step.falloutRate()).map(Figure::text).orElse("-"));
            }
            funnel.appendTo(out);
        }
        out.append("\nDurations against promises\n");
        if (journeys.promises().isEmpty()) {
            out.append("The definition makes no promises.\n");
            return;
        }
        Table promises = new Table("promise", "factor", "p50>", "p90>", "p99>", "limit>", "checks>", "breaches>",
                "breach rate>", "interval>");
        for (PromiseResult p : journeys.promises()) {
            promises.add(p.description(), p.factor().name(),
                    p.durations().map(d -> Figures.duration(d.p50())).orElse("-"),
                    p.durations().map(d -> Figures.duration(d.p90())).orElse("-"),
                    p.durations().map(d -> Figures.duration(d.p99())).orElse("-"),
                    p.kind().symbol() + " " + Figures.duration(p.limit()), Figures.count(p.checks()),
                    Figures.count(p.breaches()),
                    Figures.percent(p.breachRate()).map(Figure::text).orElse("-"),
                    p.breachInterval().map(Figures::percentRange).orElse("-"));
        }
        promises.appendTo(out);
    }

    private static void failureImpact(StringBuilder out, FailureImpactRanking impact) {
        Metric metric = impact.metric();
        if (impact.ranking().isEmpty()) {
            out.append("No service failures were found.\n");
            return;
        }
        out.append(Verdicts.name(metric)).append(" of journeys with each failure against journeys without it (an "
                + "association, not a cause; \"held equal\": the difference with the other failures held equal, the "
                + "most harmful first); tested as families: ").append(impact.family()).append(" (with and without), ")
                .append(impact.heldEqualFamily()).append(" (held equal)\n");
        Table table = new Table("rank>", "failure", "touchpoint", "factor", "journeys>", "with>", "without>",
                "difference>", "interval>", "p>", "p adj.>", "", "held equal>", "interval>", "p adj.>", "",
                "detractors>");
        int rank = 1;
        for (ImpactRow row : impact.ranking()) {
            Optional<Comparison> d = row.difference();
            table.add(Integer.toString(rank++), row.failureType(), row.touchpoint(), row.factor().name(),
                    Figures.count(row.journeys()), value(row.with()), value(row.without()),
                    d.map(c -> Figures.difference(metric, c.difference()).text()).orElse("-"),
                    d.map(c -> Figures.range(metric, c.interval())).orElse("-"),
                    d.map(c -> Figures.pValue(c.pValue()).text()).orElse("-"),
                    row.adjustedP().isPresent() ? Figures.pValue(row.adjustedP().getAsDouble()).text() : "-",
                    row.significant(impact.alpha()) ? "significant" : "",
                    row.heldEqual().map(c -> Figures.difference(metric, c.difference()).text()).orElse("-"),
                    row.heldEqual().map(c -> Figures.range(metric, c.interval())).orElse("-"),
                    row.heldEqualAdjustedP().isPresent()
                            ? Figures.pValue(row.heldEqualAdjustedP().getAsDouble()).text() : "-",
                    row.heldEqualSignificant(impact.alpha()) ? "significant" : "",
                    Figures.percent(row.detractorShare()).text());
        }
        table.appendTo(out);
    }

    // ---- 5 and 6 ---------------------------------------------------------------------------------

    private static void recoveryPlans(StringBuilder out, RecoveryPlans plans) {
        out.append(plans.plans().size()).append(" open incident").append(plans.plans().size() == 1 ? "" : "s")
                .append(", policy ").append(plans.policy()).append("; ").append(plans.approvalsNeeded())
                .append(" offer").append(plans.approvalsNeeded() == 1 ? " needs" : "s need")
                .append(" a manager's approval.\n");
        List<IncidentPlan> shown = plans.plans().subList(0, Math.min(SHOWN_PLANS, plans.plans().size()));
        for (IncidentPlan incident : shown) {
            RecoveryPlan plan = incident.plan();
            out.append("\nincident ").append(plan.incidentId())
                    .append(incident.summary().isBlank() ? "" : ": " + incident.summary())
                    .append(plan.systemicIssue() ? " (systemic issue)" : "").append('\n');
            if (!incident.source().isBlank()) {
                out.append("  from ").append(incident.source()).append('\n');
            }
            Table steps = new Table("  step", "owner", "due", "instruction");
            for (StepPlan step : plan.steps()) {
                steps.add("  " + step.step(), step.owner().name(), Figures.time(step.due()), step.instruction());
            }
            steps.appendTo(out);
            if (!plan.offers().isEmpty()) {
                Table offers = new Table("  offer", "amount>", "approval", "reason");
                for (Offer offer : plan.offers()) {
                    offers.add("  " + offer.kind(), offer.amount() == null ? "-" : Figures.money(offer.amount()),
                            offer.requiresApproval() ? "manager approval needed" : "not needed", offer.reason());
                }
                offers.appendTo(out);
            }
        }
        int more = plans.plans().size() - shown.size();
        if (more > 0) {
            out.append("\n... and ").append(more).append(more == 1 ? " more incident" : " more incidents")
                    .append(", each with its plan, in report.html and report.json.\n");
        }
    }

    private static void recoveryEffectiveness(StringBuilder out, RecoveryEffectiveness e) {
        Metric metric = e.metric();
        Table table = new Table("journeys", Verdicts.name(metric) + ">", "interval>", "n>", "");
        for (NamedScore group : List.of(new NamedScore("no failure", e.noFailure()),
                new NamedScore("recovered", e.recovered()), new NamedScore("not recovered", e.notRecovered()))) {
            table.add(group.name(), value(group.score()), range(group.score()), Long.toString(group.score().n()),
                    low(group.score()));
        }
        table.appendTo(out);
        out.append(e.verdict()).append('\n');
    }

    private static void consistency(StringBuilder out, Consistency consistency) {
        out.append("Tested: ").append(consistency.family()).append(".\n");
        if (consistency.findings().isEmpty()) {
            out.append("No score swings beyond sampling noise and no alternating patterns.\n");
            return;
        }
        for (Finding finding : consistency.findings()) {
            String kind = finding instanceof Swing ? "swing beyond noise" : "alternating pattern";
            out.append("- ").append(kind).append(": ").append(finding.sentence()).append('\n');
        }
    }

    private static void closedLoop(StringBuilder out, ClosedLoop loop, HealthReport model) {
        out.append("Detractors to call back\n");
        if (loop.callBacks().isEmpty()) {
            out.append("No detractor is waiting for a call.\n");
        } else {
            Table table = new Table("customer", "touchpoint", "rating>", "due", "", "comment");
            for (CallBack c : loop.callBacks()) {
                table.add(c.customerId(), c.touchpoint(), Verdicts.name(c.metric()) + " " + c.rating(),
                        Figures.time(c.due()), c.overdueAt(model.provenance().generatedAt()) ? "overdue" : "",
                        c.comment());
            }
            table.appendTo(out);
        }
        out.append("\nStaff to recognise\n");
        if (loop.recognitions().isEmpty()) {
            out.append("No promoter named a staff member.\n");
        } else {
            Table table = new Table("staff", "mentions>", "in their words");
            for (Recognition r : loop.recognitions()) {
                table.add(r.staff(), Long.toString(r.mentions()), r.quote().isBlank() ? "" : "\"" + r.quote() + "\"");
            }
            table.appendTo(out);
        }
    }

    /**
     * Aligned columns of text; a header ending in {@code >} marks a right-aligned (numeric) column.
     * Line breaks in cells become spaces, so a comment cannot break the layout. Not thread-safe.
     */
    private static final class Table {

        private final String[] headers;
        private final boolean[] right;
        private final List<String[]> rows = new ArrayList<>();

        Table(String... headers) {
            this.headers = new String[headers.length];
            this.right = new boolean[headers.length];
            for (int i = 0; i < headers.length; i++) {
                right[i] = headers[i].endsWith(">");
                this.headers[i] = right[i] ? headers[i].substring(0, headers[i].length() - 1) : headers[i];
            }
        }

        void add(String... cells) {
            if (cells.length != headers.length) {
                throw new IllegalArgumentException(cells.length + " cells for " + headers.length + " columns");
            }
            String[] row = new String[cells.length];
            for (int i = 0; i < cells.length; i++) {
                row[i] = cells[i].replaceAll("[\\r\\n\\t]+", " ");
            }
            rows.add(row);
        }

        void appendTo(StringBuilder out) {
            int[] widths = new int[headers.length];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = width(headers[i]);
                for (String[] row : rows) {
                    widths[i] = Math.max(widths[i], width(row[i]));
                }
            }
            line(out, headers, widths);
            for (String[] row : rows) {
                line(out, row, widths);
            }
        }

        private void line(StringBuilder out, String[] cells, int[] widths) {
            int start = out.length();
            for (int i = 0; i < cells.length; i++) {
                String pad = " ".repeat(widths[i] - width(cells[i]));
                out.append(i == 0 ? "" : "  ").append(right[i] ? pad + cells[i] : cells[i] + pad);
            }
            int end = out.length();
            while (end > start && out.charAt(end - 1) == ' ') {
                end--;
            }
            out.setLength(end);
            out.append('\n');
        }

        /** Characters as a terminal counts them, close enough: code points. */
        private static int width(String text) {
            return text.codePointCount(0, text.length());
        }
    }
}
