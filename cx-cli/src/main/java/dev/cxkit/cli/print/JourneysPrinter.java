// Over 500 lines on purpose: the JSON and the tables of cx journeys, section by section; both
// printers of one result side by side keep their names and numbers in step.
package dev.cxkit.cli.print;

import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.io.Rejection;
import dev.cxkit.core.journey.AssemblySummary;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.analytics.ContactRuleSummary;
import dev.cxkit.core.journey.analytics.DurationSummary;
import dev.cxkit.core.journey.analytics.FailureCell;
import dev.cxkit.core.journey.analytics.FailureImpact;
import dev.cxkit.core.journey.analytics.FunnelStage;
import dev.cxkit.core.journey.analytics.JourneyScore;
import dev.cxkit.core.journey.analytics.JourneyScoreReport;
import dev.cxkit.core.journey.analytics.JourneySummary;
import dev.cxkit.core.journey.analytics.Offender;
import dev.cxkit.core.journey.analytics.PromiseSummary;
import dev.cxkit.core.journey.analytics.RecoveryEffect;
import dev.cxkit.core.journey.analytics.StepSummary;
import dev.cxkit.core.journey.loop.ClosedLoopReport;
import dev.cxkit.core.journey.loop.ConsistencyReport;
import dev.cxkit.core.journey.loop.ControlChart;
import dev.cxkit.core.journey.loop.DetractorFollowUp;
import dev.cxkit.core.journey.loop.StaffMention;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.stats.Interval;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Prints the result of {@code cx journeys} as JSON or as aligned tables. Stateless. */
public final class JourneysPrinter {

    /**
     * What one run of {@code cx journeys} found, for the printers.
     *
     * @param definitions the definitions, in order
     * @param summaries the journey summary of each definition
     * @param unknownTouchpoints per definition, the events at touchpoints it does not know
     * @param scores the scores joined to each definition's journeys
     * @param consistency one report per unit
     * @param closedLoop the detractors to follow up and the staff to recognise
     * @param events the event rows read
     * @param assembly how the events became journeys
     * @param responses the response rows read
     * @param joined the responses joined to a journey
     * @param unmatched the responses without one
     * @param customers the customer rows read
     * @param rejections the first rejected rows
     * @param warnings the readers' warnings
     * @param options the score options
     */
    public record JourneysRun(List<JourneyDefinition> definitions, List<JourneySummary> summaries,
            List<Map<String, Long>> unknownTouchpoints, List<JourneyScoreReport> scores,
            List<ConsistencyReport> consistency, ClosedLoopReport closedLoop, ReadSummary events,
            AssemblySummary assembly, ReadSummary responses, long joined, long unmatched, ReadSummary customers,
            List<Rejection> rejections, List<String> warnings, ScoreOptions options) {
    }

    /** How many rows of a long list the table shows. */
    public static final int SHOWN = 10;

    private JourneysPrinter() {
    }

    // ---------------------------------------------------------------- JSON

    public static ObjectNode json(JourneysRun r, double confidence) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ArrayNode definitions = root.putArray("definitions");
        ArrayNode funnel = root.putArray("funnel");
        ArrayNode durations = root.putArray("durations");
        ArrayNode promises = root.putArray("promises");
        ArrayNode failures = root.putArray("failures");
        ArrayNode scores = root.putArray("scores");
        ArrayNode impact = root.putArray("failureImpact");
        ArrayNode recovery = root.putArray("recovery");
        for (int d = 0; d < r.definitions().size(); d++) {
            String name = r.definitions().get(d).name();
            JourneySummary s = r.summaries().get(d);
            definitions.add(name);
            funnel.add(funnel(name, s));
            for (StepSummary step : s.steps()) {
                ObjectNode node = durations.addObject();
                node.put("definition", name);
                node.put("from", step.from());
                node.put("to", step.to());
                durations(node, step.durations());
            }
            for (PromiseSummary p : s.promises()) {
                promises.add(promise(name, p, confidence));
            }
            failures.add(failures(name, s, confidence));
            JourneyScoreReport sr = r.scores().get(d);
            sr.scores().forEach((metric, rows) -> {
                for (JourneyScore row : rows) {
                    ObjectNode node = scores.addObject();
                    node.put("definition", name);
                    node.put("metric", metric.id());
                    text(node, "stage", row.stage());
                    text(node, "touchpoint", row.touchpoint());
                    score(node, row.score());
                }
            });
            sr.failureImpact().forEach((metric, rows) -> rows.forEach(f -> impact.add(impact(name, metric, f))));
            sr.failureImpactByFactor().forEach((metric, rows) -> rows.forEach(f -> impact.add(impact(name, metric,
                    f))));
            sr.recovery().forEach((metric, e) -> recovery.add(recovery(name, metric, e)));
        }
        ArrayNode consistency = root.putArray("consistency");
        for (ConsistencyReport c : r.consistency()) {
            for (ControlChart chart : c.charts()) {
                consistency.add(chart(c, chart));
            }
        }
        root.set("closedLoop", closedLoop(r));
        ObjectNode rows = root.putObject("rows");
        rows.put("read", r.events().read());
        rows.put("accepted", r.assembly().assembled());
        rows.put("rejected", r.events().rejected());
        rows.put("duplicates", r.assembly().duplicates());
        rows.put("late", r.assembly().late());
        rows.put("journeys", r.assembly().journeys());
        ObjectNode responses = root.putObject("responseRows");
        responses.put("read", r.responses().read());
        responses.put("accepted", r.responses().accepted());
        responses.put("rejected", r.responses().rejected());
        responses.put("joined", r.joined());
        responses.put("unmatched", r.unmatched());
        root.set("customerRows", ScoreText.rows(r.customers()));
        root.set("rejected", ScoreText.rejections(r.rejections()));
        ArrayNode warnings = root.putArray("warnings");
        r.warnings().forEach(warnings::add);
        return root;
    }

    private static ObjectNode funnel(String name, JourneySummary s) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("definition", name);
        node.put("journeys", s.journeys());
        node.put("completed", s.completed());
        node.put("events", s.events());
        node.put("reachedNoStage", s.reachedNoStage());
        ArrayNode stages = node.putArray("stages");
        for (FunnelStage f : s.funnel()) {
            ObjectNode st = stages.addObject();
            st.put("stage", f.stage());
            st.put("reached", f.reached());
            st.put("entered", f.inOrder());
            st.put("eventual", f.eventual());
            st.put("completed", f.completed());
            st.put("stoppedHere", f.stopped());
            st.put("fallout", f.strictFallout());
            st.put("eventualFallout", f.eventualFallout());
        }
        ObjectNode unknown = node.putObject("unknownTouchpoints");
        s.unknownTouchpoints().forEach(unknown::put);
        return node;
    }

    private static void durations(ObjectNode node, DurationSummary d) {
        node.put("count", d.count());
        node.put("outOfOrder", d.outOfOrder());
        seconds(node, "p50Seconds", d.percentile(50));
        seconds(node, "p90Seconds", d.percentile(90));
        seconds(node, "p99Seconds", d.percentile(99));
        seconds(node, "maxSeconds", d.max());
    }

    private static void seconds(ObjectNode node, String field, Optional<Duration> d) {
        if (d.isPresent()) {
            node.put(field, d.get().toMillis() / 1000.0);
        } else {
            node.putNull(field);
        }
    }

    private static ObjectNode promise(String name, PromiseSummary p, double confidence) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("definition", name);
        node.put("promise", p.promise().id());
        node.put("rule", p.promise().describe());
        node.put("factor", p.promise().factor().name().toLowerCase(Locale.ROOT));
        node.put("kept", p.kept());
        node.put("broken", p.broken());
        node.put("missing", p.missing());
        rate(node, "breachRate", p.breachRate(), p.breachInterval(confidence));
        durations(node.putObject("durations"), p.durations());
        node.set("worstTouchpoints", offenders(p.byTouchpoint()));
        node.set("worstLocations", offenders(p.byLocation()));
        return node;
    }

    private static void rate(ObjectNode node, String field, OptionalDouble rate, Optional<Interval> interval) {
        if (rate.isPresent()) {
            node.put(field, ScoreText.clean(rate.getAsDouble()));
            node.set(field + "Interval", ScoreText.interval(interval.orElseThrow()));
        } else {
            node.putNull(field);
            node.putNull(field + "Interval");
        }
    }

    private static ArrayNode offenders(List<Offender> offenders) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (Offender o : offenders.subList(0, Math.min(SHOWN, offenders.size()))) {
            ObjectNode node = array.addObject();
            text(node, "name", o.name());
            node.put("checks", o.checks());
            node.put("breaches", o.breaches());
        }
        return array;
    }

    private static ObjectNode failures(String name, JourneySummary s, double confidence) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("definition", name);
        node.put("failures", s.failures().failures());
        node.put("journeysWithFailure", s.failures().journeysWithFailure());
        ArrayNode cells = node.putArray("byFactorAndTouchpoint");
        for (FailureCell c : worstCells(s)) {
            ObjectNode cell = cells.addObject();
            cell.put("factor", c.factor().name().toLowerCase(Locale.ROOT));
            cell.put("touchpoint", c.touchpoint());
            cell.put("failures", c.failures());
            cell.put("recovered", c.recovered());
        }
        ObjectNode types = node.putObject("byType");
        s.failures().byType().forEach(types::put);
        ObjectNode recovery = node.putObject("byRecovery");
        s.failures().byRecovery().forEach((k, v) -> recovery.put(k.name().toLowerCase(Locale.ROOT), v));
        ArrayNode rules = node.putArray("contactRules");
        for (ContactRuleSummary c : s.contactRules()) {
            ObjectNode rule = rules.addObject();
            rule.put("rule", c.rule().id());
            rule.put("kept", c.kept());
            rule.put("broken", c.broken());
            rule.put("unchecked", c.unchecked());
            rate(rule, "breachRate", c.breachRate(), c.breachInterval(confidence));
            rule.set("worstTouchpoints", offenders(c.byTouchpoint()));
        }
        return node;
    }

    private static List<FailureCell> worstCells(JourneySummary s) {
        List<FailureCell> cells = new ArrayList<>(s.failures().cells());
        cells.sort(Comparator.comparingLong(FailureCell::failures).reversed()
                .thenComparing(FailureCell::factor).thenComparing(FailureCell::touchpoint));
        return cells;
    }

    private static void score(ObjectNode node, Score score) {
        node.put("n", score.n());
        if (score.value().isPresent()) {
            node.put("value", ScoreText.clean(score.value().getAsDouble()));
        } else {
            node.putNull("value");
        }
        if (score.interval().isPresent()) {
            node.set("interval", ScoreText.interval(score.interval().get()));
        } else {
            node.putNull("interval");
        }
        node.put("lowSample", score.lowSample());
    }

    private static ObjectNode scoreNode(Score score) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        score(node, score);
        return node;
    }

    private static void comparison(ObjectNode node, String field, Optional<Comparison> c) {
        if (c.isEmpty()) {
            node.putNull(field);
            return;
        }
        ObjectNode d = node.putObject(field);
        d.put("value", ScoreText.clean(c.get().difference()));
        d.set("interval", ScoreText.interval(c.get().interval()));
        d.put("pValue", ScoreText.clean(c.get().pValue()));
        d.put("significant", c.get().significant());
    }

    private static ObjectNode impact(String name, Metric metric, FailureImpact f) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("definition", name);
        node.put("metric", metric.id());
        node.put("factor", f.factor().name().toLowerCase(Locale.ROOT));
        text(node, "type", f.type());
        text(node, "touchpoint", f.touchpoint());
        node.set("with", scoreNode(f.with()));
        node.set("without", scoreNode(f.without()));
        comparison(node, "difference", f.difference());
        node.put("detractorShare", ScoreText.clean(f.negativeShare()));
        node.put("excessDetractors", ScoreText.clean(f.excessNegative()));
        return node;
    }

    private static ObjectNode recovery(String name, Metric metric, RecoveryEffect e) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("definition", name);
        node.put("metric", metric.id());
        node.set("noFailure", scoreNode(e.noFailure()));
        node.set("recovered", scoreNode(e.recovered()));
        node.set("notRecovered", scoreNode(e.notRecovered()));
        comparison(node, "recoveredMinusNoFailure", e.recoveredVsNoFailure());
        comparison(node, "recoveredMinusNotRecovered", e.recoveredVsNotRecovered());
        comparison(node, "noFailureMinusNotRecovered", e.noFailureVsNotRecovered());
        node.put("paradox", e.paradox().name().toLowerCase(Locale.ROOT));
        node.put("verdict", verdict(e.paradox()));
        return node;
    }

    public static String verdict(RecoveryEffect.Paradox paradox) {
        switch (paradox) {
            case HOLDS:
                return "the recovery paradox holds: recovered journeys score significantly above journeys "
                        + "without a failure";
            case DOES_NOT_HOLD:
                return "the recovery paradox does not hold: recovered journeys score significantly below journeys "
                        + "without a failure";
            case EQUIVALENT:
                return "no paradox, but the cost is won back: recovered journeys score as well as journeys without "
                        + "a failure, equivalent within the margin (TOST)";
            case NOT_SIGNIFICANT:
                return "cannot be told: neither a difference nor equivalence between recovered and failure-free "
                        + "journeys is shown";
            default:
                return "cannot be told: too few responses";
        }
    }

    private static ObjectNode chart(ConsistencyReport c, ControlChart chart) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("by", c.dimension());
        text(node, "unit", chart.unit());
        node.put("metric", chart.metric().id());
        node.put("share", chart.share() == ControlChart.Share.POSITIVE ? "promoters" : "detractors");
        node.put("period", c.period().id());
        node.put("centre", ScoreText.clean(chart.centre()));
        node.put("dispersion", ScoreText.clean(chart.dispersion()));
        node.put("flagged", chart.flagged());
        ArrayNode points = node.putArray("points");
        for (ControlChart.Point p : chart.points()) {
            ObjectNode point = points.addObject();
            point.put("period", p.period());
            point.put("n", ScoreText.clean(p.n()));
            point.put("share", ScoreText.clean(p.proportion()));
            point.put("lower", ScoreText.clean(p.lower()));
            point.put("upper", ScoreText.clean(p.upper()));
            point.put("signal", p.signal().name().toLowerCase(Locale.ROOT));
        }
        ArrayNode runs = node.putArray("alternatingRuns");
        for (ControlChart.AlternatingRun run : chart.runs()) {
            ObjectNode o = runs.addObject();
            o.put("from", run.from());
            o.put("to", run.to());
            o.put("swings", run.swings());
        }
        return node;
    }

    private static ObjectNode closedLoop(JourneysRun r) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("followUpWithinHours", r.closedLoop().rules().followUpWithin().toHours());
        ArrayNode follow = node.putArray("followUps");
        for (DetractorFollowUp f : r.closedLoop().followUps()) {
            ObjectNode o = follow.addObject();
            text(o, "responseId", f.responseId());
            text(o, "customerId", f.customerId());
            o.put("journeyId", f.journeyId());
            text(o, "location", f.location());
            text(o, "touchpoint", f.touchpoint());
            o.put("score", f.score());
            o.put("respondedAt", f.respondedAt().toString());
            o.put("due", f.due().toString());
        }
        ArrayNode praise = node.putArray("recognitions");
        for (StaffMention p : r.closedLoop().recognitions()) {
            ObjectNode o = praise.addObject();
            ArrayNode staff = o.putArray("staff");
            p.staff().forEach(staff::add);
            text(o, "responseId", p.responseId());
            text(o, "customerId", p.customerId());
            o.put("journeyId", p.journeyId());
            text(o, "location", p.location());
            o.put("score", p.score());
            o.put("comment", p.comment());
        }
        return node;
    }

    private static void text(ObjectNode node, String field, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    // ---------------------------------------------------------------- tables

    public static void table(PrintWriter out, JourneysRun r, double confidence) {
        String ci = ScoreText.percent(confidence) + " interval";
        for (int d = 0; d < r.definitions().size(); d++) {
            String name = r.definitions().get(d).name();
            JourneySummary s = r.summaries().get(d);
            out.printf(Locale.ROOT, "== %s: %d journeys, %d completed, %d events%n%n", name, s.journeys(),
                    s.completed(), s.events());
            funnelTable(out, s);
            durationTable(out, s);
            promiseTable(out, s, ci, confidence);
            failureTable(out, s);
            JourneyScoreReport sr = r.scores().get(d);
            if (sr.responses() > 0) {
                scoreTable(out, sr, ci);
                impactTable(out, sr);
                recoveryTable(out, sr);
            } else {
                out.println("No responses joined to these journeys: no scores, failure impact or recovery.");
                out.println();
            }
        }
        consistencyTable(out, r);
        closedLoopTable(out, r);
        ReadSummary e = r.events();
        out.printf(Locale.ROOT, "Events: %d read = %d in journeys + %d rejected + %d duplicates + %d late; "
                + "%d journeys.%n", e.read(), r.assembly().assembled(), e.rejected(), r.assembly().duplicates(),
                r.assembly().late(), r.assembly().journeys());
        out.printf(Locale.ROOT, "Responses: %d read, %d accepted (%d joined to a journey, %d not), %d rejected.%n",
                r.responses().read(), r.responses().accepted(), r.joined(), r.unmatched(), r.responses().rejected());
        if (r.customers().read() > 0) {
            out.printf(Locale.ROOT, "Customers: %d read, %d accepted, %d rejected.%n", r.customers().read(),
                    r.customers().accepted(), r.customers().rejected());
        }
    }

    private static TextTable table(String... headers) {
        boolean[] right = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            right[i] = headers[i].startsWith(" ");
        }
        List<String> names = new ArrayList<>();
        for (String h : headers) {
            names.add(h.strip());
        }
        return new TextTable(names, right);
    }

    private static void funnelTable(PrintWriter out, JourneySummary s) {
        out.println("Funnel");
        TextTable t = table("stage", " reached", " in order", " completed", " stopped here", " strict fallout",
                " eventual fallout");
        for (FunnelStage f : s.funnel()) {
            t.add(List.of(f.stage(), n(f.reached()), n(f.inOrder()), n(f.completed()), n(f.stopped()),
                    n(f.strictFallout()), n(f.eventualFallout())));
        }
        t.print(out);
        if (!s.unknownTouchpoints().isEmpty()) {
            out.println("Unknown touchpoints (events kept): " + s.unknownTouchpoints());
        }
        out.println();
    }

    private static void durationTable(PrintWriter out, JourneySummary s) {
        out.println("Step durations");
        TextTable t = table("from", "to", " n", " p50", " p90", " p99", " out of order");
        for (StepSummary step : s.steps()) {
            DurationSummary d = step.durations();
            t.add(List.of(step.from(), step.to(), n(d.count()), duration(d.percentile(50)), duration(d.percentile(90)),
                    duration(d.percentile(99)), n(d.outOfOrder())));
        }
        t.print(out);
        out.println();
    }

    private static void promiseTable(PrintWriter out, JourneySummary s, String ci, double confidence) {
        out.println("Promises, worst first");
        TextTable t = table("promise", "rule", " checks", " broken", " missing", " breach rate", ci,
                "worst location");
        List<PromiseSummary> promises = new ArrayList<>(s.promises());
        promises.sort(Comparator.comparingDouble((PromiseSummary p) -> p.breachRate().orElse(-1)).reversed());
        for (PromiseSummary p : promises) {
            Optional<Interval> iv = p.breachInterval(confidence);
            Offender worst = p.byLocation().isEmpty() ? null : p.byLocation().get(0);
            t.add(List.of(p.promise().id(), p.promise().describe(), n(p.checks()), n(p.broken()), n(p.missing()),
                    percent(p.breachRate()), iv.map(JourneysPrinter::percentRange).orElse("-"),
                    worst == null || worst.breaches() == 0 ? "-" : (worst.name() == null ? "(none)" : worst.name())
                            + " " + percent(worst.rate())));
        }
        t.print(out);
        out.println();
    }

    private static void failureTable(PrintWriter out, JourneySummary s) {
        out.printf(Locale.ROOT, "Service failures: %d in %d journeys, by factor and touchpoint, most first%n",
                s.failures().failures(), s.failures().journeysWithFailure());
        TextTable t = table("factor", "touchpoint", " failures", " recovered in time");
        for (FailureCell c : worstCells(s)) {
            t.add(List.of(c.factor().name().toLowerCase(Locale.ROOT), c.touchpoint(), n(c.failures()),
                    n(c.recovered())));
        }
        t.print(out);
        for (ContactRuleSummary c : s.contactRules()) {
            if (c.broken() > 0) {
                Offender worst = c.byTouchpoint().get(0);
                out.printf(Locale.ROOT, "Contact rule %s: broken %d of %d checked; worst touchpoint %s (%d of %d).%n",
                        c.rule().id(), c.broken(), c.checked(), worst.name(), worst.breaches(), worst.checks());
            }
        }
        out.println();
    }

    private static void scoreTable(PrintWriter out, JourneyScoreReport sr, String ci) {
        out.println("Scores of journeys that reached each stage and touchpoint");
        TextTable t = table("metric", "stage", "touchpoint", " n", " value", ci, "");
        sr.scores().forEach((metric, rows) -> {
            for (JourneyScore row : rows) {
                t.add(List.of(metric.id(), row.stage() == null ? "(all)" : row.stage(),
                        row.touchpoint() == null ? "" : row.touchpoint(), n(row.score().n()),
                        value(row.score()), range(row.score()), row.score().lowSample() ? "LOW-SAMPLE" : ""));
            }
        });
        t.print(out);
        out.println();
    }

    private static void impactTable(PrintWriter out, JourneyScoreReport sr) {
        out.println("What failures cost, ranked by excess detractors (n with x (detractor share with - without))");
        TextTable t = table("metric", "failure", "touchpoint", "factor", " n with", " with", " without",
                " difference", " p", " detractor share", " excess");
        sr.failureImpact().forEach((metric, rows) -> {
            for (FailureImpact f : rows.subList(0, Math.min(SHOWN, rows.size()))) {
                t.add(List.of(metric.id(), f.type(), f.touchpoint(), f.factor().name().toLowerCase(Locale.ROOT),
                        n(f.with().n()), value(f.with()), value(f.without()),
                        f.difference().map(c -> ScoreText.difference(metric, c.difference()).replace(" points", "")
                                .replace(" percentage", "")).orElse("-"),
                        f.difference().map(c -> pValue(c.pValue())).orElse("-"),
                        String.format(Locale.ROOT, "%.1f%%", 100 * f.negativeShare()),
                        String.format(Locale.ROOT, "%.1f", f.excessNegative())));
            }
        });
        t.print(out);
        out.println();
    }

    private static void recoveryTable(PrintWriter out, JourneyScoreReport sr) {
        out.println("Recovery: no failure vs recovered in time vs not recovered (or late)");
        TextTable t = table("metric", " no failure", " recovered", " not recovered", " recovered - no failure",
                " p", "verdict");
        sr.recovery().forEach((metric, e) -> t.add(List.of(metric.id(), value(e.noFailure()) + " (n " + e.noFailure()
                .n() + ")", value(e.recovered()) + " (n " + e.recovered().n() + ")", value(e.notRecovered()) + " (n "
                + e.notRecovered().n() + ")", e.recoveredVsNoFailure().map(c -> ScoreText.difference(metric,
                        c.difference()).replace(" percentage", "") + " " + ScoreText.differenceRange(metric,
                                c.interval())).orElse("-"),
                e.recoveredVsNoFailure().map(c -> pValue(c.pValue())).orElse("-"),
                e.paradox().name().toLowerCase(Locale.ROOT).replace('_', ' '))));
        t.print(out);
        sr.recovery().forEach((metric, e) -> out.println(metric.id() + ": " + verdict(e.paradox()) + "."));
        out.println();
    }

    private static void consistencyTable(PrintWriter out, JourneysRun r) {
        for (ConsistencyReport c : r.consistency()) {
            List<ControlChart> flagged = c.flagged();
            out.printf(Locale.ROOT, "Consistency by %s and %s: %d of %d charts flagged (p-charts, at least %s-sigma; "
                    + "runs of %d+ alternating swings; %d periods of %s+ responses judged, false alarms held to %s "
                    + "for these charts)%n", c.dimension(), c.period().id(), flagged.size(), c.charts().size(),
                    ScoreText.count(c.rules().sigmas()), c.rules().alternations(), c.pointsJudged(),
                    ScoreText.count(c.rules().minPointN()), c.rules().familyAlpha() > 0
                            ? ScoreText.count(c.rules().familyAlpha() * 100) + "%" : "none (each period at the fixed limits)");
            if (flagged.isEmpty()) {
                out.println();
                continue;
            }
            TextTable t = table(c.dimension(), "metric", "share", " centre", "periods (share, * outside limits)",
                    "alternating");
            for (ControlChart chart : flagged) {
                StringBuilder sb = new StringBuilder();
                for (ControlChart.Point p : chart.points()) {
                    if (sb.length() > 0) {
                        sb.append(' ');
                    }
                    sb.append(String.format(Locale.ROOT, "%.0f%%", 100 * p.proportion()))
                            .append(p.signal() == ControlChart.Signal.WITHIN ? "" : "*");
                }
                StringBuilder runs = new StringBuilder();
                for (ControlChart.AlternatingRun run : chart.runs()) {
                    runs.append(runs.length() > 0 ? "; " : "").append(run.from()).append("..").append(run.to())
                            .append(" (").append(run.swings()).append(" swings)");
                }
                t.add(List.of(chart.unit() == null ? "(none)" : chart.unit(), chart.metric().id(),
                        chart.share() == ControlChart.Share.POSITIVE ? "promoters" : "detractors",
                        String.format(Locale.ROOT, "%.0f%%", 100 * chart.centre()), sb.toString(), runs.toString()));
            }
            t.print(out);
            ControlChart first = flagged.get(0);
            out.println("Periods: " + first.points().get(0).period() + " to "
                    + first.points().get(first.points().size() - 1).period() + ".");
            out.println();
        }
    }

    private static void closedLoopTable(PrintWriter out, JourneysRun r) {
        List<DetractorFollowUp> follow = r.closedLoop().followUps();
        out.printf(Locale.ROOT, "Closed loop: %d detractors to follow up within %dh, soonest due first%n",
                follow.size(), r.closedLoop().rules().followUpWithin().toHours());
        if (!follow.isEmpty()) {
            TextTable t = table("due", "response", "customer", "journey", "location", "touchpoint", " score");
            for (DetractorFollowUp f : follow.subList(0, Math.min(SHOWN, follow.size()))) {
                t.add(List.of(f.due().toString(), orDash(f.responseId()), orDash(f.customerId()), f.journeyId(),
                        orDash(f.location()), orDash(f.touchpoint()), Integer.toString(f.score())));
            }
            t.print(out);
            if (follow.size() > SHOWN) {
                out.printf(Locale.ROOT, "... and %d more (all of them with --format json)%n", follow.size() - SHOWN);
            }
        }
        List<StaffMention> praise = r.closedLoop().recognitions();
        out.printf(Locale.ROOT, "%nRecognition: %d promoters name staff%n", praise.size());
        if (!praise.isEmpty()) {
            TextTable t = table("staff", "location", "response", " score", "comment");
            for (StaffMention p : praise.subList(0, Math.min(SHOWN, praise.size()))) {
                t.add(List.of(String.join(", ", p.staff()), orDash(p.location()), orDash(p.responseId()),
                        Integer.toString(p.score()), p.comment()));
            }
            t.print(out);
            if (praise.size() > SHOWN) {
                out.printf(Locale.ROOT, "... and %d more%n", praise.size() - SHOWN);
            }
        }
        out.println();
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }

    private static String n(long n) {
        return Long.toString(n);
    }

    private static String value(Score s) {
        return s.value().isPresent() ? ScoreText.value(s.metric(), s.value().getAsDouble()) : "-";
    }

    private static String range(Score s) {
        return s.interval().map(iv -> ScoreText.range(s.metric(), iv)).orElse("-");
    }

    private static String percent(OptionalDouble rate) {
        return rate.isPresent() ? String.format(Locale.ROOT, "%.1f%%", 100 * rate.getAsDouble()) : "-";
    }

    private static String percentRange(Interval iv) {
        return String.format(Locale.ROOT, "[%.1f%%, %.1f%%]", 100 * iv.lower(), 100 * iv.upper());
    }

    private static String pValue(double p) {
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String duration(Optional<Duration> d) {
        if (d.isEmpty()) {
            return "-";
        }
        long s = d.get().toSeconds();
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
