package dev.cxkit.cli;

import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.report.format.WhatIfFormat;
import dev.cxkit.report.internal.OutputFiles;
import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicyCache;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.io.IncidentRecord;
import dev.cxkit.rules.whatif.PolicyDiff;
import java.io.IOException;
import java.io.PrintWriter;
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

/** {@code cx rules diff}: what a policy change would have done to past incidents. */
@Command(name = "diff",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"What-if on past incidents: decide every incident under the policy in use (OLD) and a "
            + "candidate (NEW), and show the plans that change (offers, amounts, AWARE steps, escalations, "
            + "follow-ups, approvals) with the rule behind each difference, then each policy's total "
            + "compensation and approvals and their difference.",
            "Both policies decide the same incidents, with the same customers, at the same times (--now, else each "
                + "incident's detected_at), so every difference comes from the rules and settings."},
        footer = {"", "Exit codes: 0 compared (whether or not plans change), 1 lines were rejected with --strict, "
            + "2 usage error, unreadable input or a policy that does not compile.",
            "", "Examples:", "  cx rules diff restaurant my-restaurant/ --incidents last-month.jsonl",
            "  cx rules diff restaurant my-restaurant/ --incidents last-month.jsonl --format html > whatif.html",
            "  cx rules diff eu261 my-eu261/ --format json"})
final class RulesDiffCommand implements Callable<Integer> {

    /** The output forms. */
    enum Format {
        /** Aligned text for a terminal. */
        TEXT,
        /** One JSON object. */
        JSON,
        /** A standalone HTML page. */
        HTML
    }

    @ParentCommand
    private RulesCommand rules;

    @Spec
    private CommandSpec spec;

    @Mixin
    private DecisionOptions decisionOptions = new DecisionOptions();

    @Parameters(index = "0", paramLabel = "OLD",
            description = "The policy in use: a directory, or a bundled pack (restaurant, eu261).")
    private String before;

    @Parameters(index = "1", paramLabel = "NEW",
            description = "The candidate policy: a directory, or a bundled pack.")
    private String after;

    @Option(names = "--incidents", paramLabel = "FILE", split = ",",
            description = "JSON Lines of past incidents, as cx recover reads them (- reads standard input). "
                    + "Default: the bundled sample incidents (the flights for eu261).")
    private List<String> incidentFiles = new ArrayList<>();

    @Mixin
    private IncidentOptions incidentOptions = new IncidentOptions();

    @Option(names = "--format", paramLabel = "text|json|html", defaultValue = "text",
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    private String format;

    @Mixin
    private RejectOptions rows;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Format as = format(format);
        List<String> inputs = new ArrayList<>(incidentFiles);
        if (incidentOptions.customers != null) {
            inputs.add(incidentOptions.customers.toString());
        }
        OutputFiles outputs = Inputs.outputs(inputs, rows.rejects);
        PolicyCache cache = decisionOptions.policyCache(Cx.verbose(spec), err);
        try (Policy old = Policies.compile(Policies.load(before), decisionOptions.toPolicyOptions(), cache, err);
                Policy candidate = Policies.compile(Policies.load(after), decisionOptions.toPolicyOptions(), cache, err)) {
            if (old == null || candidate == null) {
                return Cx.EXIT_USAGE;
            }
            List<IncidentRecord> incidents = new ArrayList<>();
            Map<String, Customer> customersById = new HashMap<>();
            Inputs reading = RecoverCommand.readIncidents(new Inputs(null, rules.stdin(), err, outputs, rows.rejects,
                    Cx.quiet(spec)), spec, incidentOptions.customers, incidentFiles,
                    RecoverCommand.sampleFor(old.name()), incidents, customersById, old);
            ReadSummary summary = reading.summary();
            if (rows.stops(summary.rejected(), "line", "nothing compared", err)) {
                return Cx.EXIT_REJECTED;
            }
            PolicyDiff diff = PolicyDiff.of(old, candidate, incidents, customersById, incidentOptions.now);
            out.print(switch (as) {
                case JSON -> WhatIfFormat.json(diff);
                case HTML -> WhatIfFormat.html(diff);
                default -> WhatIfFormat.text(diff);
            });
            out.flush();
            return 0;
        }
    }

    private static Format format(String value) {
        try {
            return Format.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format " + value + " is not one of text, json, html");
        }
    }
}
