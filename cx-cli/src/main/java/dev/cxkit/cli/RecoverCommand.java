package dev.cxkit.cli;

import dev.cxkit.cli.print.Json;
import dev.cxkit.report.internal.OutputFiles;

import dev.cxkit.cli.Converters.OutputFormat;
import dev.cxkit.cli.print.ScoreText;
import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.io.Rejection;
import dev.cxkit.rules.engine.BatchDecisions;
import dev.cxkit.rules.engine.DecisionException;
import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicySource;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.io.CustomerReader;
import dev.cxkit.rules.io.IncidentReader;
import dev.cxkit.rules.io.IncidentRecord;
import dev.cxkit.rules.plan.Escalation;
import dev.cxkit.rules.plan.FiredRule;
import dev.cxkit.rules.plan.FollowUp;
import dev.cxkit.rules.plan.Offer;
import dev.cxkit.rules.plan.RecoveryPlan;
import dev.cxkit.rules.plan.StepPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code cx recover}: recovery plans for incidents, decided by a policy. */
@Command(name = "recover",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Decide a recovery plan for each incident with a policy: the AWARE steps with owner and due "
            + "time, the offers (with APPROVAL when a manager must approve, CONSENT when the customer must agree), "
            + "escalations, follow-ups, and the rules that fired.",
            "Reads JSON Lines, one incident per line: incident_id and type are required, and occurred_at or "
                + "detected_at; see the cx-rules IncidentReader docs for every field. A disrupted flight (for "
                + "--policy eu261) has kind FLIGHT and a disruption (DELAY, CANCELLATION, DENIED_BOARDING, DOWNGRADE) "
                + "in place of type, with distance_km, intra_eu and the fields its disruption needs. Bad lines are "
                + "rejected with their file and line and the rest are decided.",
            "The customer of an incident is its inline customer object, else the --customers line with its "
                + "customer_id, else a default customer: id customer_id (or 'unknown'), tier standard, no lifetime "
                + "value, no recent failures, contacted by EMAIL at their EMAIL address.",
            "Each decision runs at --now, or else at the incident's detected_at, so output is reproducible; "
                + "budget_left_today, similar_recent_incidents and already_compensated come from the line. "
                + "Each decision may take at most 10 000 rule firings and 10 s of CPU time (--firing-limit, --time-budget); one that fails is reported and "
                + "the others go on."},
        footer = {"", "JSON: {plans: [{incidentId, steps[{step, owner, due, instruction}], offers[{kind, amount, "
            + "currency, reason, requiresApproval, requiresConsent}], escalations[{to, due, reason}], "
            + "followUps[{channel, due}], firedRules[{rule, added[...]}] in firing order}], failed: [{incidentId, rule, error}], "
            + "rows: {read, accepted, rejected}, rejected: [{source, line, reason}]}. Amounts are strings at the "
            + "currency's scale (\"18.50\"), null for offers without money; times are ISO-8601 UTC. rows counts "
            + "the lines of every input, incidents and customers.",
            "", "Exit codes: 0 success (rejected lines are reported), 1 a decision failed, or lines were rejected "
                + "with --strict, 2 usage error, unreadable input or a policy that does not compile.",
            "", "Examples:", "  cx recover", "  cx recover --policy eu261",
            "  cx recover incidents.jsonl --policy restaurant --settings york.properties",
            "  cx recover incidents.jsonl --customers customers.jsonl --format json",
            "  cx recover incidents.jsonl --policy my-policy/ --now 2026-03-01T12:00:00Z"})
final class RecoverCommand implements Callable<Integer> {

    /**
     * Sample incidents bundled with cx, decided when no INCIDENTS are given.
     *
     * @param name the name in messages
     * @param resource where it lives on the class path
     * @param what what it holds, for the message
     */
    record Sample(String name, String resource, String what) {
    }

    /** The restaurant's sample: the default. */
    static final Sample INCIDENTS_SAMPLE = new Sample("sample-incidents.jsonl", "/dev/cxkit/cli/sample/incidents.jsonl",
            "incidents");
    /** A dozen disrupted flights, for the eu261 pack. */
    static final Sample FLIGHTS_SAMPLE = new Sample("sample-flights.jsonl", "/dev/cxkit/cli/sample/flights.jsonl",
            "flights");

    /** The sample for a policy: the flights for eu261, else the restaurant's incidents. */
    static Sample sampleFor(String policyName) {
        return policyName.equals("eu261") ? FLIGHTS_SAMPLE : INCIDENTS_SAMPLE;
    }

    @ParentCommand
    private Cx parent;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DecisionOptions decisionOptions = new DecisionOptions();

    @Parameters(paramLabel = "INCIDENTS", arity = "0..*",
            description = "JSON Lines files of incidents; - reads standard input. Default: the bundled sample "
                    + "incidents of a restaurant (a wrong item, a meal never delivered, waits, rude staff, ...), or "
                    + "with --policy eu261 a dozen disrupted flights (delays, cancellations, denied boarding, a "
                    + "downgrade).")
    private List<String> files = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "DIR|restaurant|eu261", defaultValue = Policies.DEFAULT,
            description = "A directory of .drl files (with an optional settings.properties), or a bundled pack: "
                    + "restaurant (service recovery in a restaurant) or eu261 (EU air passenger rights, Regulation "
                    + "(EC) No 261/2004). A directory of that name wins over the pack. Default: ${DEFAULT-VALUE}.")
    private String policy;

    @Option(names = "--settings", paramLabel = "FILE",
            description = "A settings.properties overlay, for example one location's numbers: its keys replace the "
                    + "policy's (as Policy.withSettings does). Every key must be one the policy has, and every value "
                    + "must read as its rules read it; else nothing is decided (exit 2). Default: none (the policy's "
                    + "own settings).")
    private Path settings;

    @Mixin
    private IncidentOptions incidentOptions = new IncidentOptions();

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            converter = Converters.OutputFormatConverter.class,
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;



    /** What was read, for the printers. */
    private List<Rejection> rejections = List.of();
    private ReadSummary summary = ReadSummary.EMPTY;

    @Mixin
    private RejectOptions rows;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (format == OutputFormat.CSV) {
            throw new UsageException("--format csv is not available for recover (use table or json)");
        }
        List<String> inputFiles = new ArrayList<>(files);
        if (incidentOptions.customers != null) {
            inputFiles.add(incidentOptions.customers.toString());
        }
        if (settings != null) {
            inputFiles.add(settings.toString());
        }
        OutputFiles outputs = Inputs.outputs(inputFiles, rows.rejects);
        PolicySource source = Policies.load(policy);
        try (Policy compiled = Policies.compile(source, decisionOptions.toPolicyOptions(),
                decisionOptions.policyCache(Cx.verbose(spec), err), err)) {
            if (compiled == null) {
                return Cx.EXIT_USAGE;
            }
            Policy deciding = settings == null ? compiled : Policies.withOverlay(compiled, settings, err);
            if (deciding == null) {
                return Cx.EXIT_USAGE;
            }
            List<IncidentRecord> incidents = new ArrayList<>();
            Map<String, Customer> customersById = new HashMap<>();
            Inputs reading = readInputs(err, outputs, sampleFor(source.name()), incidents, customersById, deciding);
            summary = reading.summary();
            rejections = reading.rejections();
            if (rows.stops(summary.rejected(), "line", "nothing decided", err)) {
                return Cx.EXIT_REJECTED;
            }
            // Each plan is written as soon as it is decided (and flushed), so a later decision that
            // fails, hangs or stops the JVM never takes the plans before it with it.
            Printer printer = format == OutputFormat.JSON ? new JsonPrinter(out) : new TablePrinter(out);
            BatchDecisions.Result decided = BatchDecisions.decide(deciding, incidents, customersById,
                    incidentOptions.customersName(), incidentOptions.now, new BatchDecisions.Listener() {
                        @Override
                        public void decided(IncidentRecord incident, RecoveryPlan plan) {
                            printer.plan(incident.incident(), plan);
                        }

                        @Override
                        public void failed(IncidentRecord incident, DecisionException failure) {
                            err.println("cx: decision failed: " + failure.getMessage());
                            err.flush();
                            printer.failure(incident.incident(), failure);
                        }
                    });
            decided.warnings().forEach(w -> err.println("cx: warning: " + w));
            err.flush();
            printer.end(decided);
            out.flush();
            return decided.failures().isEmpty() ? 0 : Cx.EXIT_REJECTED;
        }
    }

    private Inputs readInputs(PrintWriter err, OutputFiles outputs, Sample sample, List<IncidentRecord> incidents,
            Map<String, Customer> customersById, Policy policy) throws IOException {
        return readIncidents(new Inputs(null, parent.stdin(), err, outputs, rows.rejects, Cx.quiet(spec)), spec,
                incidentOptions.customers, files, sample, incidents, customersById, policy);
    }

    /**
     * Reads customers, then incidents (the bundled sample when no file is given), as {@code cx
     * recover} and {@code cx rules diff} do: rejected lines reported, counted and kept.
     */
    static Inputs readIncidents(Inputs reading, CommandSpec spec, Path customers, List<String> files, Sample sample,
            List<IncidentRecord> incidents, Map<String, Customer> customersById, Policy policy) throws IOException {
        reading.unit("lines");
        if (customers != null) {
            reading.read(CustomerReader.create(), List.of(customers.toString()), sample.name(), () -> null,
                    (Customer c) -> customersById.put(c.id(), c));
        }
        if (files.isEmpty()) {
            Cx.info(spec, "no INCIDENTS given: deciding the bundled sample " + sample.what() + " (" + sample.name()
                    + ")");
        }
        // a flight line without a field the policy needs is rejected with its line, not failed later
        reading.read(IncidentReader.create(policy.source().settings().requiredFlightFields()), files, sample.name(),
                () -> RecoverCommand.class.getResourceAsStream(sample.resource()), incidents::add);
        reading.report();
        reading.finish();
        return reading;
    }

    // ---- JSON -------------------------------------------------------------------------------------

    /** Writes plans as they are decided, then what the batch came to. */
    private interface Printer {
        void plan(Incident incident, RecoveryPlan plan);

        void failure(Incident incident, DecisionException failure);

        void end(BatchDecisions.Result decided);
    }

    /**
     * The JSON document, streamed: {@code plans} grows one plan at a time; {@code failed},
     * {@code rows} and {@code rejected} follow the last decision.
     */
    private final class JsonPrinter implements Printer {
        private final PrintWriter out;
        private final JsonGenerator json;

        JsonPrinter(PrintWriter out) {
            this.out = out;
            this.json = Json.MAPPER.createGenerator(out);
            json.writeStartObject();
            json.writeName("plans");
            json.writeStartArray();
        }

        @Override
        public void plan(Incident incident, RecoveryPlan plan) {
            json.writeTree(RecoverCommand.plan(plan));
            json.flush();
            out.flush();
        }

        @Override
        public void failure(Incident incident, DecisionException failure) {
            // listed after the plans, in "failed"
        }

        @Override
        public void end(BatchDecisions.Result decided) {
            json.writeEndArray();
            ArrayNode failedNodes = Json.MAPPER.createArrayNode();
            for (DecisionException e : decided.failures()) {
                ObjectNode node = failedNodes.addObject();
                node.put("incidentId", e.incidentId());
                node.put("rule", e.rule());
                node.put("error", e.getMessage());
            }
            json.writeName("failed");
            json.writeTree(failedNodes);
            json.writeName("rows");
            json.writeTree(ScoreText.rows(summary));
            json.writeName("rejected");
            json.writeTree(ScoreText.rejections(rejections));
            json.writeEndObject();
            json.flush();
            out.println();
        }
    }

    /** One plan as JSON. */
    static ObjectNode plan(RecoveryPlan plan) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("incidentId", plan.incidentId());
        ArrayNode steps = node.putArray("steps");
        for (StepPlan step : plan.steps()) {
            ObjectNode s = steps.addObject();
            s.put("step", step.step().name());
            s.put("owner", step.owner().name());
            s.put("due", step.due().toString());
            s.put("instruction", step.instruction());
        }
        ArrayNode offers = node.putArray("offers");
        for (Offer offer : plan.offers()) {
            ObjectNode o = offers.addObject();
            o.put("kind", offer.kind().name());
            Money amount = offer.amount();
            if (amount == null) {
                o.putNull("amount");
                o.putNull("currency");
            } else {
                o.put("amount", amount.amount().toPlainString());
                o.put("currency", amount.currency().getCurrencyCode());
            }
            o.put("reason", offer.reason());
            o.put("requiresApproval", offer.requiresApproval());
            o.put("requiresConsent", offer.requiresConsent());
        }
        ArrayNode escalations = node.putArray("escalations");
        for (Escalation escalation : plan.escalations()) {
            ObjectNode e = escalations.addObject();
            e.put("to", escalation.to().name());
            e.put("due", escalation.due().toString());
            e.put("reason", escalation.reason());
        }
        ArrayNode followUps = node.putArray("followUps");
        for (FollowUp followUp : plan.followUps()) {
            ObjectNode f = followUps.addObject();
            f.put("channel", followUp.channel().name());
            f.put("due", followUp.due().toString());
        }
        ArrayNode fired = node.putArray("firedRules");
        for (FiredRule rule : plan.firedRules()) {
            ObjectNode r = fired.addObject();
            r.put("rule", rule.name());
            ArrayNode added = r.putArray("added");
            rule.effects().forEach(added::add);
        }
        return node;
    }

    // ---- table ------------------------------------------------------------------------------------

    /** The table: one block per incident, as it is decided, then one summary line. */
    private final class TablePrinter implements Printer {
        private final PrintWriter out;

        TablePrinter(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void plan(Incident incident, RecoveryPlan plan) {
            out.println(header(incident));
            out.println("  steps:");
            for (StepPlan step : plan.steps()) {
                out.printf(Locale.ROOT, "    %-11s %-9s due %s  %s%n", step.step(), step.owner(), step.due(),
                        step.instruction());
            }
            out.println("  offers:" + (plan.offers().isEmpty() ? " none" : ""));
            // columns as wide as this plan's longest kind and amount (CASH_COMPENSATION, EUR 1000.00)
            int kindWidth = 12;
            int amountWidth = 10;
            for (Offer offer : plan.offers()) {
                kindWidth = Math.max(kindWidth, offer.kind().name().length());
                amountWidth = Math.max(amountWidth, offer.amount() == null ? 0 : offer.amount().toString().length());
            }
            String row = "    %-" + kindWidth + "s %-" + amountWidth + "s %s%s%n";
            String noteIndent = " ".repeat(4 + kindWidth + 1 + amountWidth + 1);
            for (Offer offer : plan.offers()) {
                String flags = (offer.requiresApproval() ? " [APPROVAL]" : "") + (offer.requiresConsent() ? " [CONSENT]" : "");
                out.printf(Locale.ROOT, row, offer.kind(),
                        offer.amount() == null ? "" : offer.amount().toString(), offer.reason(), flags);
                for (String note : offer.notes()) {
                    out.println(noteIndent + "note: " + note);
                }
            }
            out.println("  escalations:" + (plan.escalations().isEmpty() ? " none" : ""));
            for (Escalation escalation : plan.escalations()) {
                out.printf(Locale.ROOT, "    %-9s due %s  %s%n", escalation.to(), escalation.due(), escalation.reason());
            }
            out.println("  follow-ups:" + (plan.followUps().isEmpty() ? " none" : ""));
            for (FollowUp followUp : plan.followUps()) {
                out.printf(Locale.ROOT, "    %s (%s) due %s%n", followUp.channel(), followUp.addressKind(), followUp.due());
            }
            if (plan.systemicIssue()) {
                out.println("  systemic issue: yes (see the EVALUATE step)");
            }
            out.println("  rules fired:");
            List<String> names = plan.firedRuleNames();
            for (int i = 0; i < names.size(); i++) {
                out.printf(Locale.ROOT, "    %2d. %s%n", i + 1, names.get(i));
            }
            out.println();
            out.flush();
        }

        @Override
        public void failure(Incident incident, DecisionException failure) {
            out.println(header(incident));
            out.println("  FAILED: " + failure.getMessage());
            out.println();
            out.flush();
        }

        @Override
        public void end(BatchDecisions.Result decided) {
            int plans = decided.plans().size();
            out.printf(Locale.ROOT, "%d %s decided, %d failed; lines read %d, accepted %d, rejected %d%n", plans,
                    plans == 1 ? "incident" : "incidents", decided.failures().size(), summary.read(),
                    summary.accepted(), summary.rejected());
        }
    }

    private static String header(Incident i) {
        return i == null ? "incident (unknown)" : "incident " + i.id() + ": " + i.summary();
    }
}
