package dev.cxkit.report.format;

import static dev.cxkit.report.format.Markup.escape;

import dev.cxkit.rules.whatif.PlanChange;
import dev.cxkit.rules.whatif.PlanChange.Difference;
import dev.cxkit.rules.whatif.PolicyDiff;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three forms of a what-if on past incidents ({@link PolicyDiff}): text for a terminal, JSON
 * for scripts, and a standalone HTML page (no script, the report's Content-Security-Policy) to
 * attach to a change request. Each shows the plans that change with the rule behind each
 * difference, then the totals of each policy and their difference.
 *
 * <p>JSON: {@code {before, after, incidents, changed, unchanged, changes: [{incidentId, summary,
 * differences: [{part, change: "added"|"removed", text, rule}], firedOnlyBefore, firedOnlyAfter,
 * rules, compensationChange: {EUR: "-3.00"}}], totals: {before: {decided, failed, offers, approvals, compensation: {EUR: "12.50"}},
 * after: {...}, compensationChange: {EUR: "+7.50"}, approvalsChange}, rules: {name: plansChanged}}}}.
 * Amounts are strings at the currency's scale.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class WhatIfFormat {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WhatIfFormat() {
    }

    /**
     * Writes the comparison as text.
     *
     * @param diff the comparison
     * @return the text, ending with a newline
     */
    public static String text(PolicyDiff diff) {
        StringBuilder out = new StringBuilder();
        out.append("What-if: ").append(diff.before()).append(" -> ").append(diff.after()).append(" on ")
                .append(diff.incidents()).append(diff.incidents() == 1 ? " incident" : " incidents").append('\n');
        out.append(diff.changes().size()).append(diff.changes().size() == 1 ? " plan changes, " : " plans change, ")
                .append(diff.unchanged()).append(" unchanged\n");
        for (PlanChange change : diff.changes()) {
            out.append('\n').append("incident ").append(change.incidentId()).append(": ").append(change.summary())
                    .append('\n');
            for (Difference d : change.differences()) {
                out.append("  ").append(d.added() ? "+ " : "- ").append(String.format(Locale.ROOT, "%-10s ",
                        part(d))).append(d.text());
                if (d.rule() != null) {
                    out.append("  (rule \"").append(d.rule()).append("\")");
                }
                out.append('\n');
            }
            change.compensationChange().forEach((currency, amount) -> out.append("  compensation ").append(currency)
                    .append(' ').append(signed(amount)).append('\n'));
            if (!change.firedOnlyBefore().isEmpty()) {
                out.append("  fired only before: ").append(quoted(change.firedOnlyBefore())).append('\n');
            }
            if (!change.firedOnlyAfter().isEmpty()) {
                out.append("  fired only after: ").append(quoted(change.firedOnlyAfter())).append('\n');
            }
        }
        out.append('\n').append(String.format(Locale.ROOT, "%-22s %14s %14s %12s%n", "totals", diff.before(),
                diff.after(), "change"));
        for (String currency : currencies(diff)) {
            BigDecimal b = diff.beforeTotals().compensation().getOrDefault(currency, BigDecimal.ZERO);
            BigDecimal a = diff.afterTotals().compensation().getOrDefault(currency, BigDecimal.ZERO);
            out.append(String.format(Locale.ROOT, "%-22s %14s %14s %12s%n", "compensation " + currency,
                    b.toPlainString(), a.toPlainString(), signed(a.subtract(b))));
        }
        row(out, "offers", diff.beforeTotals().offers(), diff.afterTotals().offers());
        row(out, "approvals needed", diff.beforeTotals().approvals(), diff.afterTotals().approvals());
        row(out, "decided", diff.beforeTotals().decided(), diff.afterTotals().decided());
        row(out, "failed", diff.beforeTotals().failed(), diff.afterTotals().failed());
        return out.toString();
    }

    /**
     * Writes the comparison as one JSON object.
     *
     * @param diff the comparison
     * @return the JSON text, ending with a newline
     */
    public static String json(PolicyDiff diff) {
        ObjectNode root = JSON.createObjectNode();
        root.put("before", diff.before());
        root.put("after", diff.after());
        root.put("incidents", diff.incidents());
        root.put("changed", diff.changes().size());
        root.put("unchanged", diff.unchanged());
        ArrayNode changes = root.putArray("changes");
        for (PlanChange change : diff.changes()) {
            ObjectNode c = changes.addObject();
            c.put("incidentId", change.incidentId());
            c.put("summary", change.summary());
            ArrayNode differences = c.putArray("differences");
            for (Difference d : change.differences()) {
                differences.addObject().put("part", d.part().name()).put("change", d.added() ? "added" : "removed")
                        .put("text", d.text()).put("rule", d.rule());
            }
            change.firedOnlyBefore().forEach(c.putArray("firedOnlyBefore")::add);
            change.firedOnlyAfter().forEach(c.putArray("firedOnlyAfter")::add);
            change.rules().forEach(c.putArray("rules")::add);
            ObjectNode money = c.putObject("compensationChange");
            change.compensationChange().forEach((currency, amount) -> money.put(currency, signed(amount)));
        }
        ObjectNode totals = root.putObject("totals");
        totals(totals.putObject("before"), diff.beforeTotals());
        totals(totals.putObject("after"), diff.afterTotals());
        ObjectNode change = totals.putObject("compensationChange");
        diff.compensationChange().forEach((currency, amount) -> change.put(currency, signed(amount)));
        totals.put("approvalsChange", diff.afterTotals().approvals() - diff.beforeTotals().approvals());
        ObjectNode rules = root.putObject("rules");
        diff.rulesThatChangedPlans().forEach(rules::put);
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /**
     * Writes the comparison as a standalone HTML page.
     *
     * @param diff the comparison
     * @return the page
     */
    public static String html(PolicyDiff diff) {
        StringBuilder h = new StringBuilder();
        String title = "What-if: " + diff.before() + " \u2192 " + diff.after();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(HtmlFormat.CONTENT_SECURITY_POLICY).append("\">")
                .append("<title>").append(escape(title)).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}")
                .append("table{border-collapse:collapse}td,th{padding:.2em .6em;border-bottom:1px solid #ddd;")
                .append("text-align:left;vertical-align:top}.num{text-align:right}.add{color:#0a6b2d}.rem{color:#a51d1d}")
                .append("</style></head><body>\n");
        h.append("<h1>").append(escape(title)).append("</h1>\n<p>").append(diff.incidents())
                .append(" incidents decided under both policies: <strong>").append(diff.changes().size())
                .append("</strong> plans change, ").append(diff.unchanged()).append(" unchanged.</p>\n");
        h.append("<h2>Totals</h2>\n<table><tr><th></th><th>").append(escape(diff.before())).append("</th><th>")
                .append(escape(diff.after())).append("</th><th>change</th></tr>\n");
        for (String currency : currencies(diff)) {
            BigDecimal b = diff.beforeTotals().compensation().getOrDefault(currency, BigDecimal.ZERO);
            BigDecimal a = diff.afterTotals().compensation().getOrDefault(currency, BigDecimal.ZERO);
            htmlRow(h, "compensation " + currency, b.toPlainString(), a.toPlainString(), signed(a.subtract(b)));
        }
        htmlRow(h, "offers", diff.beforeTotals().offers(), diff.afterTotals().offers());
        htmlRow(h, "approvals needed", diff.beforeTotals().approvals(), diff.afterTotals().approvals());
        htmlRow(h, "failed decisions", diff.beforeTotals().failed(), diff.afterTotals().failed());
        h.append("</table>\n");
        if (!diff.changes().isEmpty()) {
            h.append("<h2>Plans that change</h2>\n");
            for (PlanChange change : diff.changes()) {
                h.append("<h3>").append(escape(change.incidentId())).append("</h3><p>").append(escape(change.summary()))
                        .append("</p>\n<table><tr><th></th><th>part</th><th>what</th><th>rule</th></tr>\n");
                for (Difference d : change.differences()) {
                    h.append("<tr class=\"").append(d.added() ? "add" : "rem").append("\"><td>")
                            .append(d.added() ? "+" : "\u2212").append("</td><td>").append(escape(part(d)))
                            .append("</td><td>").append(escape(d.text())).append("</td><td>")
                            .append(d.rule() == null ? "" : escape(d.rule())).append("</td></tr>\n");
                }
                h.append("</table>\n");
                change.compensationChange().forEach((currency, amount) -> h.append("<p>compensation ")
                        .append(escape(currency)).append(' ').append(escape(signed(amount))).append("</p>\n"));
            }
            h.append("<h2>Rules behind the changes</h2>\n<table><tr><th>rule</th><th class=\"num\">plans changed</th></tr>\n");
            for (Map.Entry<String, Integer> rule : diff.rulesThatChangedPlans().entrySet()) {
                h.append("<tr><td>").append(escape(rule.getKey())).append("</td><td class=\"num\">")
                        .append(rule.getValue()).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        return h.append("</body></html>\n").toString();
    }

    private static void totals(ObjectNode node, PolicyDiff.Totals totals) {
        node.put("decided", totals.decided());
        node.put("failed", totals.failed());
        node.put("offers", totals.offers());
        node.put("approvals", totals.approvals());
        ObjectNode money = node.putObject("compensation");
        totals.compensation().forEach((currency, amount) -> money.put(currency, amount.toPlainString()));
    }

    private static Set<String> currencies(PolicyDiff diff) {
        Set<String> out = new TreeSet<>(diff.beforeTotals().compensation().keySet());
        out.addAll(diff.afterTotals().compensation().keySet());
        return out;
    }

    private static String part(Difference d) {
        return d.part().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String quoted(Set<String> rules) {
        StringBuilder sb = new StringBuilder();
        for (String rule : rules) {
            sb.append(sb.length() == 0 ? "" : ", ").append('"').append(rule).append('"');
        }
        return sb.toString();
    }

    private static String signed(BigDecimal amount) {
        return (amount.signum() > 0 ? "+" : "") + amount.toPlainString();
    }

    private static void row(StringBuilder out, String label, int before, int after) {
        out.append(String.format(Locale.ROOT, "%-22s %14d %14d %12s%n", label, before, after,
                (after - before > 0 ? "+" : "") + (after - before)));
    }

    private static void htmlRow(StringBuilder h, String label, Object before, Object after, String change) {
        h.append("<tr><td>").append(escape(label)).append("</td><td class=\"num\">").append(escape(String.valueOf(before)))
                .append("</td><td class=\"num\">").append(escape(String.valueOf(after))).append("</td><td class=\"num\">")
                .append(escape(change)).append("</td></tr>\n");
    }

    private static void htmlRow(StringBuilder h, String label, int before, int after) {
        htmlRow(h, label, before, after, (after - before > 0 ? "+" : "") + (after - before));
    }
}
