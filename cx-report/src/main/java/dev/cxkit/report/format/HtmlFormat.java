// Over 500 lines on purpose: one self-contained page, its style sheet included, section by section
// in the order of the report; the charts are in Charts.
package dev.cxkit.report.format;

import static dev.cxkit.report.format.Markup.escape;

import dev.cxkit.core.score.ComparisonVerdict;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.report.HealthReport;
import dev.cxkit.report.Provenance.Input;
import dev.cxkit.report.Provenance.Rows;
import dev.cxkit.report.Provenance;
import dev.cxkit.report.Section;
import dev.cxkit.report.internal.Figures.Figure;
import dev.cxkit.report.internal.Figures;
import dev.cxkit.report.internal.Verdicts;
import dev.cxkit.report.section.ClosedLoop.CallBack;
import dev.cxkit.report.section.ClosedLoop.Recognition;
import dev.cxkit.report.section.ClosedLoop;
import dev.cxkit.report.section.Consistency.Alternation;
import dev.cxkit.report.section.Consistency.Finding;
import dev.cxkit.report.section.Consistency.PeriodShare;
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
import dev.cxkit.report.section.Scores.NamedScore;
import dev.cxkit.report.section.Scores.PeriodScore;
import dev.cxkit.report.section.GroupScores;
import dev.cxkit.report.section.GroupScores.GroupRow;
import dev.cxkit.report.section.Scores.Trend;
import dev.cxkit.report.section.Scores;
import dev.cxkit.rules.plan.Escalation;
import dev.cxkit.rules.plan.FollowUp;
import dev.cxkit.rules.plan.Offer;
import dev.cxkit.rules.plan.RecoveryPlan;
import dev.cxkit.rules.plan.StepPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * Writes a {@link HealthReport} as {@code report.html}: one self-contained page with inline CSS
 * and inline SVG charts ({@link Charts}), no script, and a Content-Security-Policy that forbids
 * every fetch, so it works offline and a mistake that would reach the network fails loudly
 * instead. It reads on a laptop and a phone (wide tables and charts scroll sideways inside their
 * box), prints cleanly, and is accessible: numbered section headings, table captions and header
 * cells, and charts with a title, a description and a table of the same numbers next to them.
 *
 * <p>Every number is a {@link Figures} text, so it equals {@link JsonFormat}'s; every text from
 * the model is escaped. The page depends on the model only: the same model gives the same bytes.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class HtmlFormat implements ReportFormat {

    /** The one instance; see {@link ReportFormat#html()}. */
    static final HtmlFormat INSTANCE = new HtmlFormat();

    /**
     * Forbids every fetch (scripts, fonts, images, frames, connections) and allows the inline
     * styles only: the page is offline by construction.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

    private static final String STYLE = """
            :root{--ink:#1b1b1b;--muted:#575757;--line:#cfcfcf;--soft:#f3f5f7;--accent:#1f5f99;--bad:#a8251c;\
            --warn:#8a4600;--good:#1d6b34}
            *{box-sizing:border-box}
            html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
            body{margin:0;color:var(--ink);background:#fff;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,\
            "Helvetica Neue",Arial,sans-serif}
            header,main,footer{max-width:80rem;margin:0 auto;padding:0 1rem}
            h1{font-size:1.7rem;line-height:1.25;margin:1.5rem 0 .25rem}
            h2{font-size:1.35rem;margin:2.5rem 0 .75rem;padding-top:.75rem;border-top:2px solid var(--line)}
            h3{font-size:1.1rem;margin:1.75rem 0 .5rem}
            h4{font-size:1rem;margin:1.25rem 0 .25rem}
            p{margin:.5rem 0;max-width:48rem}
            a{color:var(--accent)}
            .meta,.caption-note,figcaption{color:var(--muted)}
            nav ol{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;margin:.75rem 0;padding:0;list-style:none}
            .cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:1rem}
            .card{border:1px solid var(--line);border-radius:.5rem;padding:.75rem 1rem;background:var(--soft)}
            .card h3{margin:0;font-size:1rem;color:var(--muted)}
            .card .value{font-size:2.4rem;font-weight:700;line-height:1.2;margin:.25rem 0}
            .card p{margin:.2rem 0}
            .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%}
            table{border-collapse:collapse;margin:.5rem 0 1rem;font-variant-numeric:tabular-nums}
            caption{text-align:left;color:var(--muted);font-size:.9rem;padding:.25rem 0;caption-side:top}
            th,td{padding:.35rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
            thead th{border-bottom:2px solid var(--ink);white-space:nowrap}
            tbody th{white-space:nowrap}
            tbody th.wrap{white-space:normal;min-width:12rem}
            .num{text-align:right;white-space:nowrap}
            .badge{display:inline-block;font-size:.8rem;line-height:1.4;padding:0 .4rem;border:1px solid;\
            border-radius:.25rem;white-space:nowrap}
            .low{color:var(--warn)}
            .sig{color:var(--good)}
            .bad{color:var(--bad)}
            .absent{padding:.5rem .75rem;border-left:4px solid var(--line);background:var(--soft)}
            .verdict{font-weight:600}
            figure{margin:1rem 0}
            figure svg{display:block;width:100%;max-width:36rem;height:auto}
            figcaption{font-size:.9rem;max-width:36rem}
            .trends{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,26rem),1fr));gap:0 2rem}
            .multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,14rem),1fr));gap:0 1rem}
            .multiples figure{margin:.25rem 0}.multiples figcaption{font-weight:600;color:var(--ink)}
            svg text{font:13px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--ink)}
            svg .tick{fill:var(--muted);font-size:12px}
            svg .grid{stroke:#e2e2e2;stroke-width:1}
            svg .axis{stroke:#6b6b6b;stroke-width:1}
            svg .bar{fill:var(--accent)}
            svg .bar-bad{fill:var(--bad)}
            svg .bar-ns{fill:#8c8c8c}
            svg .bar-reached{fill:#c9dbee;stroke:var(--accent);stroke-width:1}
            svg .bar-low{stroke:var(--warn);stroke-width:1.5;stroke-dasharray:3 2}
            svg .hatch-bg{fill:#fbe6d0}
            svg .hatch-line{stroke:var(--warn);stroke-width:2}
            svg .whisker{stroke:var(--ink);stroke-width:1.5}
            svg .completed{stroke:var(--ink);stroke-width:2}
            svg .band{fill:var(--accent);fill-opacity:.18;stroke:var(--accent);stroke-opacity:.7;stroke-width:1}
            svg .line{fill:none;stroke:var(--accent);stroke-width:2}
            svg .point{fill:var(--accent);stroke:#fff;stroke-width:1.5}
            svg .point-low{fill:#fff;stroke:var(--warn);stroke-width:2}
            footer{margin-top:3rem;padding-bottom:2rem}
            details.plan{margin:.8rem 0}details.plan>summary{cursor:pointer}details.plan>summary h4{display:inline}
            @media (max-width:40rem){body{font-size:15px}h1{font-size:1.4rem}.card .value{font-size:2rem}\
            th,td{padding:.3rem .45rem}}
            @media print{body{font-size:10.5pt}nav{display:none}.scroll{overflow:visible}\
            h2,h3,h4{break-after:avoid}\
            figure,tr,.card,.plan{break-inside:avoid}.card{background:none}a{color:inherit}\
            svg{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
            """;

    private HtmlFormat() {
    }

    @Override
    public String name() {
        return "html";
    }

    @Override
    public String fileName() {
        return "report.html";
    }

    /**
     * Returns the page.
     *
     * @param model the report
     * @return the HTML, ending with a newline
     */
    @Override
    public String render(HealthReport model) {
        return new Page(model).render();
    }

    /** One rendering: a buffer and the counter that gives each chart its own id. Not thread-safe. */
    private static final class Page {

        private final HealthReport model;
        private final StringBuilder out = new StringBuilder(64 * 1024);
        private int charts;

        Page(HealthReport model) {
            this.model = model;
        }

        String render() {
            String title = escape(model.title());
            out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY)
                    .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .append("<meta name=\"color-scheme\" content=\"light\">\n")
                    .append("<title>").append(title).append("</title>\n<style>\n").append(STYLE)
                    .append("</style>\n</head>\n<body>\n<header>\n<h1>").append(title).append("</h1>\n")
                    .append("<p class=\"meta\">Generated ").append(Figures.time(model.provenance().generatedAt()))
                    .append(" from ").append(model.provenance().total().accepted()).append(" rows. Intervals are ")
                    .append("confidence intervals; <span class=\"badge low\">low n</span> marks a score from too few ")
                    .append("responses to trust.</p>\n<nav aria-label=\"Sections\"><ol>")
                    .append("<li><a href=\"#headline\">1. Headline</a></li>")
                    .append("<li><a href=\"#scores\">2. Scores by group</a></li>");
            // a section that needs input that was not given is one line at the end, not an empty box
            boolean journeys = model.journeys().isPresent();
            boolean failures = model.failureImpact().isPresent();
            boolean recovery = model.recoveryPlans().isPresent() || model.recoveryEffectiveness().isPresent();
            List<String> missing = new ArrayList<>();
            nav(journeys, "journeys", "3. Journeys");
            nav(failures, "failures", "4. Failures and scores");
            nav(recovery, "recovery", "5. Recovery");
            out.append("<li><a href=\"#consistency\">6. Consistency and closed loop</a></li>");
            if (!journeys || !failures || !recovery) {
                out.append("<li><a href=\"#missing\">Not in this report</a></li>");
            }
            out.append("<li><a href=\"#provenance\">Sources</a></li></ol></nav>\n</header>\n<main>\n");
            sectionStart("headline", "1. Headline scores");
            body(model.headline(), this::headline);
            sectionStart("scores", "2. Scores by group and period");
            body(model.scores(), this::scores);
            if (journeys) {
                sectionStart("journeys", "3. Journeys: funnel, durations and promises");
                body(model.journeys(), definitions -> definitions.forEach(this::journeys));
            } else {
                missing.add("3. Journeys: " + model.journeys().absentNote());
            }
            if (failures) {
                sectionStart("failures", "4. Failures and scores");
                body(model.failureImpact(), this::failureImpact);
            } else {
                missing.add("4. Failures and scores: " + model.failureImpact().absentNote());
            }
            if (recovery) {
                sectionStart("recovery", "5. Recovery");
                out.append("<h3>Plans for open incidents</h3>\n");
                body(model.recoveryPlans(), this::recoveryPlans);
                out.append("<h3>Does recovery win customers back?</h3>\n");
                body(model.recoveryEffectiveness(), this::recoveryEffectiveness);
            } else {
                missing.add("5. Recovery: " + model.recoveryPlans().absentNote() + " "
                        + model.recoveryEffectiveness().absentNote());
            }
            sectionStart("consistency", "6. Consistency and closed loop");
            out.append("<h3>Consistency</h3>\n");
            body(model.consistency(), this::consistency);
            out.append("<h3>Closed loop</h3>\n");
            body(model.closedLoop(), this::closedLoop);
            if (!missing.isEmpty()) {
                sectionStart("missing", "Not in this report");
                out.append("<ul class=\"missing\">\n");
                missing.forEach(line -> out.append("<li>").append(escape(line)).append("</li>\n"));
                out.append("</ul>\n");
            }
            out.append("</section>\n</main>\n");
            provenance(model.provenance());
            return out.append("</body>\n</html>\n").toString();
        }

        private void nav(boolean present, String id, String label) {
            if (present) {
                out.append("<li><a href=\"#").append(id).append("\">").append(label).append("</a></li>");
            }
        }

        private void sectionStart(String id, String heading) {
            if (!id.equals("headline")) {
                out.append("</section>\n");
            }
            out.append("<section id=\"").append(id).append("\" aria-labelledby=\"").append(id).append("-h\">\n<h2 id=\"")
                    .append(id).append("-h\">").append(escape(heading)).append("</h2>\n");
        }

        private <T> void body(Section<T> section, Consumer<T> render) {
            if (section.isPresent()) {
                render.accept(section.content().orElseThrow());
            } else {
                out.append("<p class=\"absent\">").append(escape(section.absentNote())).append("</p>\n");
            }
        }

        private String nextChartId() {
            return "chart-" + ++charts;
        }

        private void figure(String svg, String caption) {
            out.append("<figure>\n").append(svg).append("\n<figcaption>").append(escape(caption))
                    .append("</figcaption>\n</figure>\n");
        }

        // ---- 1 ------------------------------------------------------------------------------------

        private void headline(Headline headline) {
            out.append("<div class=\"cards\">\n");
            for (HeadlineScore h : headline.scores()) {
                Score s = h.score();
                Metric metric = s.metric();
                out.append("<article class=\"card\">\n<h3>").append(Verdicts.name(metric)).append(" · ")
                        .append(escape(h.period())).append("</h3>\n<p class=\"value\">")
                        .append(s.value().isPresent() ? Figures.score(metric, s.value().getAsDouble()).text() : "–")
                        .append("</p>\n<p>")
                        .append(s.interval().map(iv -> Figures.confidence(iv.confidence()) + " interval "
                                + Figures.range(metric, iv) + " · ").orElse(""))
                        .append("n = ").append(s.n()).append(lowBadge(s)).append("</p>\n<p>")
                        .append(h.change().map(c -> change(metric, c)).orElse("No previous period to compare with."))
                        .append("</p>\n</article>\n");
            }
            out.append("</div>\n");
        }

        /** {@code ▲ +3.1 points vs 2026-02 [−2.0, 8.2], p = 0.21, not significant}, as HTML. */
        private String change(Metric metric, Change change) {
            if (change.difference().isEmpty()) {
                return "vs " + escape(change.previousPeriod()) + ": too few responses to compare.";
            }
            Comparison c = change.difference().get();
            String unit = Figures.differenceUnit(metric);
            String arrow = c.difference() > 0 ? "▲ " : c.difference() < 0 ? "▼ " : "";
            return arrow + Figures.difference(metric, c.difference()).text() + (unit.isEmpty() ? "" : " " + unit)
                    + " vs " + escape(change.previousPeriod()) + " " + Figures.range(metric, c.interval()) + ", p "
                    + escape(Verdicts.pEquals(c.pValue())) + ", " + verdictBadge(metric, change.verdict());
        }

        /** Different, equivalent within the margin, or cannot tell: never "not significant" alone. */
        private static String verdictBadge(Metric metric, ComparisonVerdict v) {
            return "<span class=\"badge" + (v.outcome() == ComparisonVerdict.Outcome.DIFFERENT ? " sig" : "") + "\">"
                    + escape(Verdicts.label(metric, v)) + "</span>";
        }

        private static String lowBadge(Score s) {
            String badges = badges(s);
            return badges.isEmpty() ? "" : " " + badges;
        }

        /** A low-n badge for a low-sample score; a weighted badge, with the effective n, for a weighted one. */
        private static String badges(Score s) {
            String low = s.lowSample() ? "<span class=\"badge low\">low n</span>" : "";
            String weighted = s.ratings().isWeighted() ? "<span class=\"badge\">weighted, effective n "
                    + Figures.effectiveN(s.ratings().effectiveN()).text() + "</span>" : "";
            return low.isEmpty() || weighted.isEmpty() ? low + weighted : low + " " + weighted;
        }

        // ---- 2 ------------------------------------------------------------------------------------

        private void scores(Scores scores) {
            if (!scores.trends().isEmpty()) {
                out.append("<h3>Scores per period</h3>\n<div class=\"trends\">\n");
                for (Trend trend : scores.trends()) {
                    figure(Charts.trend(nextChartId(), trend), Verdicts.name(trend.metric()) + " per period: the "
                            + "line is the score, the shaded band its confidence interval; a hollow point has a low "
                            + "sample.");
                }
                out.append("</div>\n");
                trendTable(scores.trends());
            }
            for (GroupScores g : scores.groups()) {
                groups(g);
            }
            if (scores.trends().isEmpty() && scores.groups().isEmpty()) {
                out.append("<p class=\"absent\">No scores by group or period.</p>\n");
            }
        }

        /** How many small-multiple trends a group table draws; the table lists every group. */
        static final int MAX_MULTIPLES = 24;

        /**
         * One column's table for one metric: the verdict in words, bars in the table's order, the
         * table with each group against the rest and its latest change, and a small trend per group.
         */
        private void groups(GroupScores g) {
            String name = Verdicts.name(g.metric());
            String heading = name + " by " + g.column() + (g.toldApart() ? ", worst first" : "");
            out.append("<h3>").append(escape(heading)).append("</h3>\n<p class=\"verdict\">").append(escape(g.verdict()))
                    .append("</p>\n");
            List<NamedScore> bars = new ArrayList<>();
            g.rows().forEach(r -> bars.add(new NamedScore(r.name(), r.all())));
            figure(Charts.bars(nextChartId(), heading, g.metric(), bars), "Bars show " + name + " over all responses "
                    + "with its confidence interval as a whisker; hatched bars marked low n have too few responses "
                    + "to trust.");
            boolean periods = g.current() != null && g.previous() != null;
            List<String> headers = new ArrayList<>(List.of(capitalized(g.column()), name + ">", "Interval>", "n>",
                    "vs rest>", "p adj.>"));
            if (periods) {
                headers.addAll(List.of(g.current() + ">", "Change>", "p adj.>"));
            }
            headers.add("");
            tableStart(name + " by " + g.column() + ": over all responses against the rest"
                    + (periods ? ", and " + g.current() + " against " + g.previous() : ""), headers.toArray(new String[0]));
            for (GroupRow r : g.rows()) {
                Score s = r.all();
                out.append("<tr><th scope=\"row\">").append(escape(r.name())).append("</th>");
                numberCells(value(s), s.interval().map(iv -> Figures.range(g.metric(), iv)).orElse("–"),
                        Long.toString(s.n()), r.vsRest().map(c -> Figures.difference(g.metric(), c.difference()).text())
                                .orElse("–"), adjusted(r.vsRestAdjustedP(), g.differsFromRest(r)));
                if (periods) {
                    numberCells(value(r.latest()), r.change().map(c -> Figures.difference(g.metric(), c.difference())
                            .text()).orElse("–"), adjusted(r.changeAdjustedP(), g.changed(r)));
                }
                out.append("<td>").append(badges(s)).append("</td></tr>\n");
            }
            tableEnd();
            if (periods && g.rows().stream().anyMatch(r -> r.change().isPresent())) {
                out.append("<p class=\"caption-note\">p adj.: ").append(escape(g.family())).append("; change: ")
                        .append(escape(g.changeFamily())).append(". Marked ✱ where below ")
                        .append(escape(String.valueOf(g.alpha()))).append(".</p>\n");
            } else {
                out.append("<p class=\"caption-note\">p adj.: ").append(escape(g.family())).append(".</p>\n");
            }
            List<GroupRow> drawn = g.rows().stream().filter(r -> r.trend().size() >= 2).limit(MAX_MULTIPLES).toList();
            if (!drawn.isEmpty()) {
                out.append("<div class=\"multiples\">\n");
                for (GroupRow r : drawn) {
                    figure(Charts.trend(nextChartId(), new Trend(g.metric(), r.trend())), r.name());
                }
                out.append("</div>\n");
                long more = g.rows().stream().filter(r -> r.trend().size() >= 2).count() - drawn.size();
                if (more > 0) {
                    out.append("<p class=\"caption-note\">").append(more).append(" more ").append(escape(g.column()))
                            .append(" trends are in the JSON report.</p>\n");
                }
            }
        }

        private static String adjusted(java.util.OptionalDouble p, boolean significant) {
            return p.isPresent() ? Figures.pValue(p.getAsDouble()).text() + (significant ? " ✱" : "") : "–";
        }

        /** One table of every trend: a row per period, value, interval and n per metric. */
        private void trendTable(List<Trend> trends) {
            List<String> periods = new ArrayList<>();
            List<String> headers = new ArrayList<>(List.of("Period"));
            for (Trend trend : trends) {
                String name = Verdicts.name(trend.metric());
                headers.addAll(List.of(name + ">", name + " interval>", "n>"));
                for (PeriodScore p : trend.points()) {
                    if (!periods.contains(p.period())) {
                        periods.add(p.period());
                    }
                }
            }
            tableStart("Scores per period, with interval and n", headers.toArray(new String[0]));
            for (String period : periods) {
                out.append("<tr><th scope=\"row\">").append(escape(period)).append("</th>");
                for (Trend trend : trends) {
                    Optional<Score> score = trend.points().stream().filter(p -> p.period().equals(period))
                            .map(PeriodScore::score).findFirst();
                    if (score.isEmpty()) {
                        numberCells("–", "–", "–");
                    } else {
                        Score s = score.get();
                        numberCells(value(s) + lowBadge(s), s.interval().map(iv -> Figures.range(s.metric(), iv))
                                .orElse("–"), Long.toString(s.n()));
                    }
                }
                out.append("</tr>\n");
            }
            tableEnd();
        }


        private void scoreRow(String firstCell, Score s) {
            Metric metric = s.metric();
            out.append("<tr><th scope=\"row\">").append(firstCell).append("</th><td class=\"num\">")
                    .append(s.value().isPresent() ? Figures.score(metric, s.value().getAsDouble()).text() : "–")
                    .append("</td><td class=\"num\">")
                    .append(s.interval().map(iv -> Figures.range(metric, iv)).orElse("–"))
                    .append("</td><td class=\"num\">").append(s.n()).append("</td><td>")
                    .append(badges(s)).append("</td></tr>\n");
        }

        // ---- 3 ------------------------------------------------------------------------------------

        private void journeys(Journeys journeys) {
            String name = escape(journeys.definition());
            out.append("<h3>").append(name).append("</h3>\n<p>").append(journeys.journeys())
                    .append(" journeys of <strong>").append(name).append("</strong>.</p>\n<h4>Funnel</h4>\n");
            if (journeys.funnel().isEmpty()) {
                out.append("<p class=\"absent\">The definition has no stages.</p>\n");
            } else {
                figure(Charts.funnel(nextChartId(), journeys), "Dark bars: journeys that entered the stage in order; "
                        + "pale bars: journeys that reached it at all; ticks: journeys that completed it.");
                tableStart("Funnel of " + journeys.definition(), "Stage", "Entered>", "Reached>", "Completed>",
                        "Fallout>", "Fallout rate>");
                for (FunnelStep step : journeys.funnel()) {
                    out.append("<tr><th scope=\"row\">").append(escape(step.stage())).append("</th>");
                    numberCells(Figures.count(step.entered()), Figures.count(step.reached()),
                            Figures.count(step.completed()), Figures.count(step.fallout()),
                            Figures.percent(step.falloutRate()).map(Figure::text).orElse("–"));
                    out.append("</tr>\n");
                }
                tableEnd();
            }
            out.append("<h4>Durations against promises</h4>\n");
            if (journeys.promises().isEmpty()) {
                out.append("<p class=\"absent\">The definition makes no promises.</p>\n");
                return;
            }
            tableStart("Promises of " + journeys.definition() + ": measured times and breaches", "Promise", "Factor",
                    "p50>", "p90>", "p99>", "Limit>", "Checks>", "Breaches>", "Breach rate>", "Interval>");
            for (PromiseResult p : journeys.promises()) {
                out.append("<tr><th scope=\"row\" class=\"wrap\">").append(escape(p.description()))
                        .append("<br><span class=\"meta\">")
                        .append(escape(p.id())).append("</span></th><td>").append(p.factor()).append("</td>");
                numberCells(p.durations().map(d -> Figures.duration(d.p50())).orElse("–"),
                        p.durations().map(d -> Figures.duration(d.p90())).orElse("–"),
                        p.durations().map(d -> Figures.duration(d.p99())).orElse("–"),
                        escape(p.kind().symbol()) + " " + Figures.duration(p.limit()), Figures.count(p.checks()),
                        Figures.count(p.breaches()),
                        Figures.percent(p.breachRate()).map(Figure::text).orElse("–"),
                        p.breachInterval().map(Figures::percentRange).orElse("–"));
                out.append("</tr>\n");
            }
            tableEnd();
        }

        // ---- 4 ------------------------------------------------------------------------------------

        private void failureImpact(FailureImpactRanking impact) {
            Metric metric = impact.metric();
            String name = Verdicts.name(metric);
            if (impact.ranking().isEmpty()) {
                out.append("<p>No service failures were found.</p>\n");
                return;
            }
            out.append("<p>Journeys with each failure against journeys without it: an association, not a cause. "
                    + "<em>Held equal</em> is the difference with the other failures held equal (a linear model with "
                    + "robust errors), so a failure that only comes with a harmful one does not take its cost; the "
                    + "rows are ranked by it, the most harmful first. Each column is tested as a family: ")
                    .append(escape(impact.family())).append(" (with and without); ").append(escape(impact
                    .heldEqualFamily())).append(" (held equal). A difference is significant when its adjusted "
                    + "p-value is below that level and neither group is low-sample.</p>\n");
            figure(Charts.impact(nextChartId(), impact), "Each bar is " + name + " of journeys with the failure "
                    + "minus journeys without it with the other failures held equal, with its confidence interval; "
                    + "solid bars are significant after the family's adjustment, grey bars are not.");
            tableStart("Failure impact on " + name + ", most harmful (held equal) first", "Failure", "Factor",
                    "Journeys>", "With>", "Without>", "Difference>", "Interval>", "p>", "p adj.>", "Held equal>",
                    "p adj.>", "Detractors>");
            int rank = 1;
            for (ImpactRow row : impact.ranking()) {
                out.append("<tr><th scope=\"row\">").append(rank++).append(". ").append(escape(row.failureType())).append("<br><span class=\"meta\">at ")
                        .append(escape(row.touchpoint())).append("</span></th><td>").append(row.factor())
                        .append("</td>");
                Optional<Comparison> d = row.difference();
                numberCells(Figures.count(row.journeys()), value(row.with()) + lowBadge(row.with()),
                        value(row.without()) + lowBadge(row.without()),
                        d.map(c -> Figures.difference(metric, c.difference()).text()).orElse("–"),
                        d.map(c -> Figures.range(metric, c.interval())).orElse("–"),
                        d.map(c -> escape(Figures.pValue(c.pValue()).text())).orElse("–"),
                        adjustedCell(row.adjustedP(), row.significant(impact.alpha())),
                        row.heldEqual().map(c -> Figures.difference(metric, c.difference()).text() + " "
                                + Figures.range(metric, c.interval())).orElse("–"),
                        adjustedCell(row.heldEqualAdjustedP(), row.heldEqualSignificant(impact.alpha())),
                        Figures.percent(row.detractorShare()).text());
                out.append("</tr>\n");
            }
            tableEnd();
        }

        private static String adjustedCell(OptionalDouble p, boolean significant) {
            return p.isPresent() ? escape(Figures.pValue(p.getAsDouble()).text())
                    + (significant ? " <span class=\"badge sig\">significant</span>" : "") : "–";
        }

        private static String value(Score s) {
            return s.value().isPresent() ? Figures.score(s.metric(), s.value().getAsDouble()).text() : "–";
        }

        // ---- 5 ------------------------------------------------------------------------------------

        private void recoveryPlans(RecoveryPlans plans) {
            long approvals = plans.approvalsNeeded();
            out.append("<p>").append(plans.plans().size()).append(plans.plans().size() == 1 ? " open incident" :
                    " open incidents").append(", decided by the <strong>").append(escape(plans.policy()))
                    .append("</strong> policy; ").append(approvals).append(approvals == 1 ? " offer needs" :
                    " offers need").append(" a manager's approval.</p>\n");
            if (plans.plans().size() > TextFormat.SHOWN_PLANS) {
                out.append("<p>The first ").append(TextFormat.SHOWN_PLANS).append(" plans are open; select an "
                        + "incident to see the others' plans.</p>\n");
            }
            int shown = 0;
            for (IncidentPlan incident : plans.plans()) {
                RecoveryPlan plan = incident.plan();
                // many open failures make a long page: each plan folds (no script: details/summary)
                out.append("<details class=\"plan\"").append(shown++ < TextFormat.SHOWN_PLANS ? " open" : "")
                        .append(">\n<summary><h4>Incident ").append(escape(plan.incidentId()))
                        .append(incident.summary().isBlank() ? "" : ": " + escape(incident.summary()))
                        .append(plan.systemicIssue() ? " <span class=\"badge bad\">systemic issue</span>" : "")
                        .append("</h4></summary>\n");
                if (!incident.source().isBlank()) {
                    out.append("<p class=\"meta\">From ").append(escape(incident.source())).append("</p>\n");
                }
                tableStart("AWARE steps for incident " + plan.incidentId(), "Step", "Owner", "Due", "Instruction");
                for (StepPlan step : plan.steps()) {
                    out.append("<tr><th scope=\"row\">").append(step.step()).append("</th><td>").append(step.owner())
                            .append("</td><td class=\"num\">").append(Figures.time(step.due())).append("</td><td>")
                            .append(escape(step.instruction())).append("</td></tr>\n");
                }
                tableEnd();
                if (plan.offers().isEmpty()) {
                    out.append("<p>No offer.</p>\n");
                } else {
                    tableStart("Offers for incident " + plan.incidentId(), "Offer", "Amount>", "Approval", "Reason");
                    for (Offer offer : plan.offers()) {
                        out.append("<tr><th scope=\"row\">").append(offer.kind()).append("</th><td class=\"num\">")
                                .append(offer.amount() == null ? "–" : Figures.money(offer.amount()))
                                .append("</td><td>").append(offer.requiresApproval()
                                        ? "<span class=\"badge low\">manager approval needed</span>" : "not needed")
                                .append(offer.requiresConsent() ? " <span class=\"badge\">customer consent</span>" : "")
                                .append("</td><td>").append(escape(offer.reason())).append("</td></tr>\n");
                    }
                    tableEnd();
                }
                for (Escalation e : plan.escalations()) {
                    out.append("<p>Escalate to ").append(e.to()).append(" by ").append(Figures.time(e.due()))
                            .append(": ").append(escape(e.reason())).append("</p>\n");
                }
                for (FollowUp f : plan.followUps()) {
                    out.append("<p>Follow up by ").append(f.channel()).append(" by ").append(Figures.time(f.due()))
                            .append(".</p>\n");
                }
                out.append("</details>\n");
            }
        }

        private void recoveryEffectiveness(RecoveryEffectiveness e) {
            Metric metric = e.metric();
            String name = Verdicts.name(metric);
            out.append("<p class=\"verdict\">").append(escape(e.verdict())).append("</p>\n");
            List<NamedScore> groups = List.of(new NamedScore("no failure", e.noFailure()),
                    new NamedScore("recovered", e.recovered()), new NamedScore("not recovered", e.notRecovered()));
            figure(Charts.bars(nextChartId(), name + " by recovery: no failure, recovered, not recovered", metric,
                    groups), "Bars show " + name + " of journeys without a failure, with every failure recovered in "
                    + "time, and with a failure not recovered, each with its confidence interval.");
            tableStart(name + " by recovery: score, interval and n", "Journeys", name + ">", "Interval>", "n>", "");
            for (NamedScore group : groups) {
                scoreRow(group.name(), group.score());
            }
            tableEnd();
            tableStart("Differences between the recovery groups", "Comparison", "Difference>", "Interval>", "p>",
                    "Verdict");
            comparisonRow("recovered − not recovered", metric, e.notRecoveredVerdict());
            comparisonRow("recovered − no failure", metric, e.noFailureVerdict());
            tableEnd();
        }

        private void comparisonRow(String label, Metric metric, ComparisonVerdict verdict) {
            Optional<Comparison> comparison = verdict.difference();
            out.append("<tr><th scope=\"row\">").append(escape(label)).append("</th>");
            if (comparison.isEmpty()) {
                out.append("<td colspan=\"4\">too few responses to compare</td></tr>\n");
                return;
            }
            Comparison c = comparison.get();
            numberCells(Figures.difference(metric, c.difference()).text(), Figures.range(metric, c.interval()),
                    escape(Figures.pValue(c.pValue()).text()));
            out.append("<td>").append(verdictBadge(metric, verdict)).append("</td></tr>\n");
        }

        // ---- 6 ------------------------------------------------------------------------------------

        private void consistency(Consistency consistency) {
            out.append("<p class=\"meta\">Tested: ").append(escape(consistency.family())).append(".</p>\n");
            if (consistency.findings().isEmpty()) {
                out.append("<p>No score swings beyond sampling noise and no alternating patterns.</p>\n");
                return;
            }
            out.append("<ul class=\"findings\">\n");
            for (Finding finding : consistency.findings()) {
                String kind = finding instanceof Swing ? "Swing beyond noise" : "Alternating pattern";
                out.append("<li><strong>").append(kind).append(".</strong> ").append(escape(finding.sentence()))
                        .append("</li>\n");
            }
            out.append("</ul>\n");
            tableStart("Consistency findings", "Where", "Kind", "Share of ratings", "Periods", "Values>",
                    "Control limits>");
            for (Finding finding : consistency.findings()) {
                out.append("<tr><th scope=\"row\">").append(escape(finding.where())).append("</th><td>")
                        .append(finding instanceof Swing ? "swing" : "alternating").append("</td><td>")
                        .append(escape(Verdicts.share(finding.metric(), finding.share()))).append("</td>");
                if (finding instanceof Swing s) {
                    out.append("<td>").append(escape(s.period())).append("</td>");
                    numberCells(Figures.percent(s.value()).text(), Figures.percentRange(s.controlLimits()));
                } else {
                    Alternation a = (Alternation) finding;
                    StringBuilder values = new StringBuilder();
                    for (PeriodShare p : a.run()) {
                        values.append(values.length() == 0 ? "" : ", ").append(Figures.percent(p.value()).text());
                    }
                    out.append("<td>").append(escape(a.run().get(0).period())).append(" to ")
                            .append(escape(a.run().get(a.run().size() - 1).period())).append("</td>");
                    numberCells(values.toString(), "–");
                }
                out.append("</tr>\n");
            }
            tableEnd();
        }

        private void closedLoop(ClosedLoop loop) {
            out.append("<h4>Detractors to call back</h4>\n");
            if (loop.callBacks().isEmpty()) {
                out.append("<p>No detractor is waiting for a call.</p>\n");
            } else {
                tableStart("Detractors to call back, soonest due first", "Customer", "Touchpoint", "Rating>", "Due>",
                        "Comment");
                for (CallBack c : loop.callBacks()) {
                    boolean overdue = c.overdueAt(model.provenance().generatedAt());
                    out.append("<tr><th scope=\"row\">").append(escape(c.customerId())).append("</th><td>")
                            .append(escape(c.touchpoint())).append("</td><td class=\"num\">")
                            .append(Verdicts.name(c.metric())).append(' ').append(c.rating())
                            .append("</td><td class=\"num\">").append(Figures.time(c.due()))
                            .append(overdue ? " <span class=\"badge bad\">overdue</span>" : "").append("</td><td>")
                            .append(escape(c.comment())).append("</td></tr>\n");
                }
                tableEnd();
            }
            out.append("<h4>Staff to recognise</h4>\n");
            if (loop.recognitions().isEmpty()) {
                out.append("<p>No promoter named a staff member.</p>\n");
            } else {
                tableStart("Staff whom promoters praised by name", "Staff", "Mentions>", "In their words");
                for (Recognition r : loop.recognitions()) {
                    out.append("<tr><th scope=\"row\">").append(escape(r.staff())).append("</th><td class=\"num\">")
                            .append(r.mentions()).append("</td><td>").append(r.quote().isBlank() ? ""
                                    : "<q>" + escape(r.quote()) + "</q>").append("</td></tr>\n");
                }
                tableEnd();
            }
        }

        // ---- provenance and tables ----------------------------------------------------------------------

        private void provenance(Provenance provenance) {
            out.append("<footer id=\"provenance\" aria-labelledby=\"provenance-h\">\n")
                    .append("<h2 id=\"provenance-h\">Where the numbers come from</h2>\n<p>Generated ")
                    .append(Figures.time(provenance.generatedAt())).append(" by cx report.</p>\n");
            tableStart("Inputs read", "Input", "Kind", "Read>", "Accepted>", "Rejected>",
                    "Duplicates>", "Filtered>");
            for (Input input : provenance.inputs()) {
                rowsRow(escape(input.name()), escape(input.kind()), input.rows());
            }
            rowsRow("Total", "", provenance.total());
            tableEnd();
            out.append("</footer>\n");
        }

        private void rowsRow(String name, String kind, Rows rows) {
            out.append("<tr><th scope=\"row\">").append(name).append("</th><td>").append(kind).append("</td>");
            numberCells(Figures.count(rows.read()), Figures.count(rows.accepted()), Figures.count(rows.rejected()),
                    Figures.count(rows.duplicates()), Figures.count(rows.filtered()));
            out.append("</tr>\n");
        }

        /**
         * Opens a table in a box that scrolls sideways when the table is wider than the screen, with
         * a caption and column headers; a header ending in {@code >} heads a numeric, right-aligned
         * column (as in {@link TextFormat}).
         */
        private void tableStart(String caption, String... headers) {
            out.append("<div class=\"scroll\"><table>\n<caption>").append(escape(caption))
                    .append("</caption>\n<thead><tr>");
            for (String header : headers) {
                boolean numeric = header.endsWith(">");
                out.append(numeric ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
                        .append(escape(numeric ? header.substring(0, header.length() - 1) : header)).append("</th>");
            }
            out.append("</tr></thead>\n<tbody>\n");
        }

        private void tableEnd() {
            out.append("</tbody>\n</table></div>\n");
        }

        /** Right-aligned cells of already escaped or numeric HTML. */
        private void numberCells(String... cells) {
            for (String cell : cells) {
                out.append("<td class=\"num\">").append(cell).append("</td>");
            }
        }

        private static String capitalized(String word) {
            return Character.toUpperCase(word.charAt(0)) + word.substring(1);
        }
    }
}
