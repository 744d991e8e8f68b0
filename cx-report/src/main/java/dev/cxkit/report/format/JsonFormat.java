package dev.cxkit.report.format;

import dev.cxkit.core.score.ComparisonVerdict;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.stats.Interval;
import dev.cxkit.report.HealthReport;
import dev.cxkit.report.Provenance.Input;
import dev.cxkit.report.Provenance.Rows;
import dev.cxkit.report.Provenance;
import dev.cxkit.report.Section;
import dev.cxkit.report.internal.Figures.Figure;
import dev.cxkit.report.internal.Figures;
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
import dev.cxkit.report.section.GroupScores;
import dev.cxkit.report.section.GroupScores.GroupRow;
import dev.cxkit.report.section.Scores.PeriodScore;
import dev.cxkit.report.section.Scores;
import dev.cxkit.rules.plan.Escalation;
import dev.cxkit.rules.plan.FollowUp;
import dev.cxkit.rules.plan.Offer;
import dev.cxkit.rules.plan.RecoveryPlan;
import dev.cxkit.rules.plan.StepPlan;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link HealthReport} as {@code report.json}.
 *
 * <h2>Shape</h2>
 * Keys are camelCase and always present, in this order; a value that does not exist is
 * {@code null}, never left out.
 * <pre>{@code
 * {
 *   "title": "...",
 *   "provenance": {"generatedAt": "2026-03-31T18:00:00Z",
 *                  "inputs": [{"kind": "responses", "name": "...", "rows": ROWS}], "rows": ROWS},
 *   "headline": SECTION + {"scores": [{"metric": "nps", "period": "2026-03", ...SCORE,
 *                                      "change": null | {"previousPeriod", "previous": SCORE,
 *                                                        "difference": null | DIFFERENCE,
 *                                                        "verdict": VERDICT}}]},
 *   "scores": SECTION + {"groups": [{"column": "location", "metric", "currentPeriod", "previousPeriod",
 *                          "toldApart", "verdict", "family", "changeFamily", "adjustment", "alpha",
 *                          "rows": [{"name", ...SCORE, "vsRest": null | DIFFERENCE, "vsRestAdjustedP",
 *                                    "differsFromRest", "latest": SCORE, "previous": null | SCORE,
 *                                    "change": null | DIFFERENCE, "changeAdjustedP", "changed",
 *                                    "trend": [{"period", ...SCORE}]}]}],
 *                        "trends": [{"metric", "points": [{"period", ...SCORE}]}]},
 *   "journeys": SECTION + {"definitions": [{"definition", "journeys",
 *       "funnel": [{"stage", "entered", "reached", "completed", "fallout", "falloutPercent"}],
 *       "promises": [{"id", "description", "from", "to", "kind": "at-most" | "at-least",
 *                     "limit": "PT20M", "factor", "p50", "p90", "p99", "checks", "breaches",
 *                     "breachPercent", "breachInterval": null | INTERVAL in percent}]}]},
 *   "failureImpact": SECTION + {"metric", "family": {"tests", "adjustment": "holm" | "bh" | "none",
 *       "alpha", "description"}, "heldEqualFamily": {the same keys}, "ranking" (the most harmful
 *       held-equal difference first, then the rows without one): [{"rank", "failureType",
 *       "touchpoint", "factor", "journeys", "with": SCORE, "without": SCORE,
 *       "difference": null | DIFFERENCE + {"pValueAdjusted"} (significant: after the adjustment),
 *       "heldEqual": null | DIFFERENCE + {"pValueAdjusted"} (with the other failures held equal: a
 *       linear model, HC3 errors; its own family), "detractorSharePercent"}]},
 *   "recoveryPlans": SECTION + {"policy", "approvalsNeeded", "plans": [{"incidentId", "summary", "source",
 *       "steps": [{"step", "owner", "due", "instruction"}], "offers": [{"kind", "amount", "currency",
 *       "reason", "requiresApproval", "requiresConsent"}], "escalations": [{"to", "due", "reason"}],
 *       "followUps": [{"channel", "due"}], "systemicIssue"}]},
 *   "recoveryEffectiveness": SECTION + {"metric", "noFailure": SCORE, "recovered": SCORE,
 *       "notRecovered": SCORE, "recoveredVsNotRecovered": null | DIFFERENCE,
 *       "recoveredVsNoFailure": null | DIFFERENCE, "notRecoveredVerdict": VERDICT,
 *       "noFailureVerdict": VERDICT, "verdict": "..."},
 *   "consistency": SECTION + {"family": "...", "findings": [{"kind": "swing", "where", "metric", "share", "period",
 *       "percent", "controlLimits": {"lower", "upper"} in percent, "sentence"} | {"kind": "alternating",
 *       "where", "metric", "share", "periods": [{"period", "percent"}], "sentence"}]},
 *   "closedLoop": SECTION + {"callBacks": [{"customerId", "touchpoint", "metric", "rating", "due",
 *       "overdue", "comment"}], "recognitions": [{"staff", "mentions", "quote"}]}
 * }
 * SECTION    = {"available": true} | {"available": false, "note": "No incidents were given ..."}
 * ROWS       = {"read", "accepted", "rejected", "duplicates", "filtered"}
 * share      = "positive" (NPS promoters, top box) | "negative" (NPS detractors, bottom box)
 * SCORE      = "n", ["weighted": true, "effectiveN"], "value": null | number, "interval": null | INTERVAL,
 *              "lowSample"
 * INTERVAL   = {"method", "confidence", "lower", "upper"}
 * DIFFERENCE = {"difference", "interval": INTERVAL, "pValue", "significant"}
 * VERDICT = {"outcome": "different" | "equivalent" | "cannot_tell", "margin", "alpha",
 *            "equivalenceInterval": null | INTERVAL (the TOST's 1 − 2α interval), "reason": null | "..."}
 * }</pre>
 *
 * <h2>Numbers</h2>
 * Every number is rounded as the page shows it ({@link Figures}): scores and their limits and
 * differences to one decimal (NPS in points, CSAT in percent) or two (CES); percentages
 * ({@code falloutPercent}, {@code breachPercent}, {@code detractorSharePercent}, the consistency
 * findings' {@code percent} and control limits) to one decimal;
 * p-values to two significant digits; so the page and the JSON always agree. Full precision is
 * what {@code cx score --format json} is for. Counts are integers; the confidence level is a
 * fraction ({@code 0.95}). Amounts are strings at the currency's scale ({@code "18.50"}); times are
 * ISO-8601 UTC to the second; durations are ISO-8601 in whole seconds ({@code "PT12M30S"}).
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class JsonFormat implements ReportFormat {

    /** The one instance; see {@link ReportFormat#json()}. */
    static final JsonFormat INSTANCE = new JsonFormat();

    /** Indented output; decimals written as plain digits, never in exponent form. */
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private JsonFormat() {
    }

    @Override
    public String name() {
        return "json";
    }

    @Override
    public String fileName() {
        return "report.json";
    }

    /**
     * Returns the report as indented JSON text, ending with a newline.
     *
     * @param model the report
     * @return the JSON
     */
    @Override
    public String render(HealthReport model) {
        return JSON.writeValueAsString(tree(model)) + "\n";
    }

    /**
     * Returns the report as a JSON tree.
     *
     * @param model the report
     * @return a new tree
     */
    public ObjectNode tree(HealthReport model) {
        ObjectNode root = JSON.createObjectNode();
        root.put("title", model.title());
        root.set("provenance", provenance(model.provenance()));
        section(root, "headline", model.headline(), JsonFormat::headline);
        section(root, "scores", model.scores(), JsonFormat::scores);
        section(root, "journeys", model.journeys(), JsonFormat::definitions);
        section(root, "failureImpact", model.failureImpact(), JsonFormat::failureImpact);
        section(root, "recoveryPlans", model.recoveryPlans(), JsonFormat::recoveryPlans);
        section(root, "recoveryEffectiveness", model.recoveryEffectiveness(), JsonFormat::recoveryEffectiveness);
        section(root, "consistency", model.consistency(), JsonFormat::consistency);
        section(root, "closedLoop", model.closedLoop(),
                (node, loop) -> closedLoop(node, loop, model.provenance()));
        return root;
    }

    private static <T> void section(ObjectNode root, String key, Section<T> section, BiConsumer<ObjectNode, T> body) {
        ObjectNode node = root.putObject(key);
        node.put("available", section.isPresent());
        if (section.isPresent()) {
            body.accept(node, section.content().orElseThrow());
        } else {
            node.put("note", section.absentNote());
        }
    }

    private static ObjectNode provenance(Provenance provenance) {
        ObjectNode node = JSON.createObjectNode();
        node.put("generatedAt", Figures.time(provenance.generatedAt()));
        ArrayNode inputs = node.putArray("inputs");
        for (Input input : provenance.inputs()) {
            ObjectNode i = inputs.addObject();
            i.put("kind", input.kind());
            i.put("name", input.name());
            i.set("rows", rows(input.rows()));
        }
        node.set("rows", rows(provenance.total()));
        return node;
    }

    private static ObjectNode rows(Rows rows) {
        ObjectNode node = JSON.createObjectNode();
        node.put("read", rows.read());
        node.put("accepted", rows.accepted());
        node.put("rejected", rows.rejected());
        node.put("duplicates", rows.duplicates());
        node.put("filtered", rows.filtered());
        return node;
    }

    // ---- 1 and 2 ---------------------------------------------------------------------------------

    private static void headline(ObjectNode node, Headline headline) {
        ArrayNode scores = node.putArray("scores");
        for (HeadlineScore h : headline.scores()) {
            ObjectNode s = scores.addObject();
            s.put("metric", h.score().metric().id());
            s.put("period", h.period());
            score(s, h.score());
            if (h.change().isEmpty()) {
                s.putNull("change");
            } else {
                Change change = h.change().get();
                ObjectNode c = s.putObject("change");
                c.put("previousPeriod", change.previousPeriod());
                score(c.putObject("previous"), change.previous());
                difference(c, "difference", h.score().metric(), change.difference());
                significantOnlyWhenDifferent(c, "difference", change.verdict());
                verdict(c, "verdict", h.score().metric(), change.verdict());
            }
        }
    }

    private static void scores(ObjectNode node, Scores scores) {
        ArrayNode groups = node.putArray("groups");
        for (GroupScores g : scores.groups()) {
            ObjectNode table = groups.addObject();
            table.put("column", g.column());
            table.put("metric", g.metric().id());
            table.put("currentPeriod", g.current());
            table.put("previousPeriod", g.previous());
            table.put("toldApart", g.toldApart());
            table.put("verdict", g.verdict());
            table.put("family", g.family());
            table.put("changeFamily", g.current() == null || g.previous() == null ? null : g.changeFamily());
            table.put("adjustment", g.adjustment().id());
            table.put("alpha", g.alpha());
            ArrayNode rows = table.putArray("rows");
            for (GroupRow r : g.rows()) {
                ObjectNode row = rows.addObject();
                row.put("name", r.name());
                score(row, r.all());
                difference(row, "vsRest", g.metric(), r.vsRest());
                adjustedP(row, "vsRestAdjustedP", r.vsRestAdjustedP());
                row.put("differsFromRest", g.differsFromRest(r));
                score(row.putObject("latest"), r.latest());
                if (r.before().isPresent()) {
                    score(row.putObject("previous"), r.before().get());
                } else {
                    row.putNull("previous");
                }
                difference(row, "change", g.metric(), r.change());
                adjustedP(row, "changeAdjustedP", r.changeAdjustedP());
                row.put("changed", g.changed(r));
                labelledScores(row.putArray("trend"), r.trend(), "period", PeriodScore::period, PeriodScore::score);
            }
        }
        ArrayNode trends = node.putArray("trends");
        scores.trends().forEach(t -> labelledScores(trends, t.metric(), "points", "period", t.points(),
                PeriodScore::period, PeriodScore::score));
    }

    /** Adds {@code {"metric", LIST: [{LABEL, ...SCORE}]}} to {@code array}. */
    private static <T> void labelledScores(ArrayNode array, Metric metric, String list, String label, List<T> items,
            Function<T, String> labelOf, Function<T, Score> scoreOf) {
        ObjectNode node = array.addObject();
        node.put("metric", metric.id());
        labelledScores(node.putArray(list), items, label, labelOf, scoreOf);
    }

    /** Adds {@code {LABEL, ...SCORE}} to {@code entries} per item. */
    private static <T> void labelledScores(ArrayNode entries, List<T> items, String label, Function<T, String> labelOf,
            Function<T, Score> scoreOf) {
        for (T item : items) {
            ObjectNode entry = entries.addObject();
            entry.put(label, labelOf.apply(item));
            score(entry, scoreOf.apply(item));
        }
    }

    private static void adjustedP(ObjectNode node, String key, java.util.OptionalDouble p) {
        if (p.isPresent()) {
            node.put(key, Figures.pValue(p.getAsDouble()).number());
        } else {
            node.putNull(key);
        }
    }

    /**
     * Adds {@code n, value, interval, lowSample} to {@code node}, and for weighted responses
     * {@code weighted: true} and the effective n (Kish) the interval rests on.
     */
    private static void score(ObjectNode node, Score score) {
        Metric metric = score.metric();
        node.put("n", score.n());
        if (score.ratings().isWeighted()) {
            node.put("weighted", true);
            node.put("effectiveN", Figures.effectiveN(score.ratings().effectiveN()).number());
        }
        if (score.value().isPresent()) {
            node.put("value", Figures.score(metric, score.value().getAsDouble()).number());
        } else {
            node.putNull("value");
        }
        if (score.interval().isPresent()) {
            node.set("interval", interval(metric, score.interval().get()));
        } else {
            node.putNull("interval");
        }
        node.put("lowSample", score.lowSample());
    }

    private static ObjectNode interval(Metric metric, Interval interval) {
        ObjectNode node = JSON.createObjectNode();
        node.put("method", interval.method().id());
        node.put("confidence", interval.confidence());
        node.put("lower", Figures.limit(metric, interval.lower()).number());
        node.put("upper", Figures.limit(metric, interval.upper()).number());
        return node;
    }

    private static void difference(ObjectNode parent, String key, Metric metric, Optional<Comparison> comparison) {
        if (comparison.isEmpty()) {
            parent.putNull(key);
            return;
        }
        Comparison c = comparison.get();
        ObjectNode node = parent.putObject(key);
        node.put("difference", Figures.difference(metric, c.difference()).number());
        node.set("interval", interval(metric, c.interval()));
        node.put("pValue", Figures.pValue(c.pValue()).number());
        node.put("significant", c.significant());
    }

    /**
     * A difference is "significant" only when its verdict says different: never for a low-sample
     * side, never when the test and the interval disagree.
     */
    private static void significantOnlyWhenDifferent(ObjectNode parent, String key, ComparisonVerdict v) {
        if (parent.get(key) instanceof ObjectNode node) {
            node.put("significant", v.outcome() == ComparisonVerdict.Outcome.DIFFERENT);
        }
    }

    /**
     * {@code {"outcome": "different" | "equivalent" | "cannot_tell", "margin", "alpha",
     * "equivalenceInterval": INTERVAL | null, "reason": null | "low sample" | ...}}.
     */
    private static void verdict(ObjectNode parent, String key, Metric metric, ComparisonVerdict v) {
        ObjectNode node = parent.putObject(key);
        node.put("outcome", v.outcome().id());
        node.put("margin", Figures.difference(metric, v.margin()).number());
        node.put("alpha", v.alpha());
        if (v.equivalenceInterval().isPresent()) {
            node.set("equivalenceInterval", interval(metric, v.equivalenceInterval().get()));
        } else {
            node.putNull("equivalenceInterval");
        }
        if (v.reason().isPresent()) {
            node.put("reason", v.reason().get());
        } else {
            node.putNull("reason");
        }
    }

    // ---- 3 and 4 ---------------------------------------------------------------------------------

    private static void definitions(ObjectNode section, List<Journeys> definitions) {
        ArrayNode array = section.putArray("definitions");
        for (Journeys journeys : definitions) {
            journeys(array.addObject(), journeys);
        }
    }

    private static void journeys(ObjectNode node, Journeys journeys) {
        node.put("definition", journeys.definition());
        node.put("journeys", journeys.journeys());
        ArrayNode funnel = node.putArray("funnel");
        for (FunnelStep step : journeys.funnel()) {
            ObjectNode s = funnel.addObject();
            s.put("stage", step.stage());
            s.put("entered", step.entered());
            s.put("reached", step.reached());
            s.put("completed", step.completed());
            s.put("fallout", step.fallout());
            percentOrNull(s, "falloutPercent", Figures.percent(step.falloutRate()));
        }
        ArrayNode promises = node.putArray("promises");
        for (PromiseResult p : journeys.promises()) {
            ObjectNode o = promises.addObject();
            o.put("id", p.id());
            o.put("description", p.description());
            o.put("from", p.from());
            o.put("to", p.to());
            o.put("kind", p.kind().id());
            o.put("limit", Figures.isoDuration(p.limit()));
            o.put("factor", p.factor().name());
            o.put("p50", p.durations().map(d -> Figures.isoDuration(d.p50())).orElse(null));
            o.put("p90", p.durations().map(d -> Figures.isoDuration(d.p90())).orElse(null));
            o.put("p99", p.durations().map(d -> Figures.isoDuration(d.p99())).orElse(null));
            o.put("checks", p.checks());
            o.put("breaches", p.breaches());
            percentOrNull(o, "breachPercent", Figures.percent(p.breachRate()));
            if (p.breachInterval().isEmpty()) {
                o.putNull("breachInterval");
            } else {
                Interval i = p.breachInterval().get();
                ObjectNode b = o.putObject("breachInterval");
                b.put("method", i.method().id());
                b.put("confidence", i.confidence());
                b.put("lower", Figures.percent(i.lower()).number());
                b.put("upper", Figures.percent(i.upper()).number());
            }
        }
    }

    private static void percentOrNull(ObjectNode node, String key, Optional<Figure> figure) {
        if (figure.isPresent()) {
            node.put(key, figure.get().number());
        } else {
            node.putNull(key);
        }
    }

    private static void family(ObjectNode family, FailureImpactRanking impact, long tests, String description) {
        family.put("tests", tests);
        family.put("adjustment", impact.adjustment().id());
        family.put("alpha", impact.alpha());
        family.put("description", description);
    }

    private static void failureImpact(ObjectNode node, FailureImpactRanking impact) {
        node.put("metric", impact.metric().id());
        family(node.putObject("family"), impact, impact.tests(), impact.family());
        family(node.putObject("heldEqualFamily"), impact, impact.heldEqualTests(), impact.heldEqualFamily());
        ArrayNode ranking = node.putArray("ranking");
        int rank = 1;
        for (ImpactRow row : impact.ranking()) {
            ObjectNode r = ranking.addObject();
            r.put("rank", rank++);
            r.put("failureType", row.failureType());
            r.put("touchpoint", row.touchpoint());
            r.put("factor", row.factor().name());
            r.put("journeys", row.journeys());
            score(r.putObject("with"), row.with());
            score(r.putObject("without"), row.without());
            difference(r, "difference", impact.metric(), row.difference());
            if (row.difference().isPresent()) {
                // next to the raw p-value: the family's adjusted one, and significance after it
                ObjectNode d = (ObjectNode) r.get("difference");
                d.put("pValueAdjusted", Figures.pValue(row.adjustedP().orElseThrow()).number());
                d.put("significant", row.significant(impact.alpha()));
            }
            difference(r, "heldEqual", impact.metric(), row.heldEqual());
            if (row.heldEqual().isPresent()) {
                ObjectNode d = (ObjectNode) r.get("heldEqual");
                d.put("pValueAdjusted", Figures.pValue(row.heldEqualAdjustedP().orElseThrow()).number());
                d.put("significant", row.heldEqualSignificant(impact.alpha()));
            }
            r.put("detractorSharePercent", Figures.percent(row.detractorShare()).number());
        }
    }

    // ---- 5 -----------------------------------------------------------------------------------------

    private static void recoveryPlans(ObjectNode node, RecoveryPlans plans) {
        node.put("policy", plans.policy());
        node.put("approvalsNeeded", plans.approvalsNeeded());
        ArrayNode array = node.putArray("plans");
        for (IncidentPlan incident : plans.plans()) {
            array.add(plan(incident));
        }
    }

    /**
     * One plan as {@code cx recover --format json} writes it, with the incident's summary and
     * without the fired rules (the audit trail belongs to {@code cx recover}).
     */
    private static ObjectNode plan(IncidentPlan incident) {
        RecoveryPlan plan = incident.plan();
        ObjectNode node = JSON.createObjectNode();
        node.put("incidentId", plan.incidentId());
        node.put("summary", incident.summary());
        node.put("source", incident.source());
        ArrayNode steps = node.putArray("steps");
        for (StepPlan step : plan.steps()) {
            steps.addObject().put("step", step.step().name()).put("owner", step.owner().name())
                    .put("due", Figures.time(step.due())).put("instruction", step.instruction());
        }
        ArrayNode offers = node.putArray("offers");
        for (Offer offer : plan.offers()) {
            offers.addObject().put("kind", offer.kind().name())
                    .put("amount", offer.amount() == null ? null : Figures.amount(offer.amount()))
                    .put("currency", offer.amount() == null ? null : offer.amount().currency().getCurrencyCode())
                    .put("reason", offer.reason()).put("requiresApproval", offer.requiresApproval())
                    .put("requiresConsent", offer.requiresConsent());
        }
        ArrayNode escalations = node.putArray("escalations");
        for (Escalation e : plan.escalations()) {
            escalations.addObject().put("to", e.to().name()).put("due", Figures.time(e.due()))
                    .put("reason", e.reason());
        }
        ArrayNode followUps = node.putArray("followUps");
        for (FollowUp f : plan.followUps()) {
            followUps.addObject().put("channel", f.channel().name()).put("due", Figures.time(f.due()));
        }
        node.put("systemicIssue", plan.systemicIssue());
        return node;
    }

    private static void recoveryEffectiveness(ObjectNode node, RecoveryEffectiveness e) {
        node.put("metric", e.metric().id());
        score(node.putObject("noFailure"), e.noFailure());
        score(node.putObject("recovered"), e.recovered());
        score(node.putObject("notRecovered"), e.notRecovered());
        difference(node, "recoveredVsNotRecovered", e.metric(), e.recoveredVsNotRecovered());
        difference(node, "recoveredVsNoFailure", e.metric(), e.recoveredVsNoFailure());
        significantOnlyWhenDifferent(node, "recoveredVsNotRecovered", e.notRecoveredVerdict());
        significantOnlyWhenDifferent(node, "recoveredVsNoFailure", e.noFailureVerdict());
        verdict(node, "notRecoveredVerdict", e.metric(), e.notRecoveredVerdict());
        verdict(node, "noFailureVerdict", e.metric(), e.noFailureVerdict());
        node.put("verdict", e.verdict());
    }

    // ---- 6 -----------------------------------------------------------------------------------------

    private static void consistency(ObjectNode node, Consistency consistency) {
        node.put("family", consistency.family());
        ArrayNode findings = node.putArray("findings");
        for (Finding finding : consistency.findings()) {
            ObjectNode f = findings.addObject();
            Metric metric = finding.metric();
            f.put("kind", finding instanceof Swing ? "swing" : "alternating");
            f.put("where", finding.where());
            f.put("metric", metric.id());
            f.put("share", finding.share().name().toLowerCase(Locale.ROOT));
            if (finding instanceof Swing s) {
                f.put("period", s.period());
                f.put("percent", Figures.percent(s.value()).number());
                f.putObject("controlLimits").put("lower", Figures.percent(s.controlLimits().lower()).number())
                        .put("upper", Figures.percent(s.controlLimits().upper()).number());
            } else {
                ArrayNode periods = f.putArray("periods");
                for (PeriodShare p : ((Alternation) finding).run()) {
                    periods.addObject().put("period", p.period()).put("percent", Figures.percent(p.value()).number());
                }
            }
            f.put("sentence", finding.sentence());
        }
    }

    private static void closedLoop(ObjectNode node, ClosedLoop loop, Provenance provenance) {
        ArrayNode callBacks = node.putArray("callBacks");
        for (CallBack c : loop.callBacks()) {
            callBacks.addObject().put("customerId", c.customerId()).put("touchpoint", c.touchpoint())
                    .put("metric", c.metric().id()).put("rating", c.rating()).put("due", Figures.time(c.due()))
                    .put("overdue", c.overdueAt(provenance.generatedAt())).put("comment", c.comment());
        }
        ArrayNode recognitions = node.putArray("recognitions");
        for (Recognition r : loop.recognitions()) {
            recognitions.addObject().put("staff", r.staff()).put("mentions", r.mentions()).put("quote", r.quote());
        }
    }
}
