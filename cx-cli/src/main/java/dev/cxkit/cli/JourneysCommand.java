package dev.cxkit.cli;

import dev.cxkit.cli.print.Json;
import dev.cxkit.report.internal.OutputFiles;

import dev.cxkit.cli.Converters.OutputFormat;
import dev.cxkit.cli.print.JourneysPrinter;
import dev.cxkit.cli.print.ScoreText;
import dev.cxkit.cli.sample.SampleJourneys;
import dev.cxkit.core.io.JourneyEventReader;
import dev.cxkit.core.io.HandOff;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.io.ResponseReader;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.journey.analytics.JourneyAnalysis;
import dev.cxkit.core.journey.analytics.JourneyAnalytics;
import dev.cxkit.core.journey.analytics.JourneySummary;
import dev.cxkit.core.journey.loop.ClosedLoopRules;
import dev.cxkit.core.journey.loop.ConsistencyRules;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.core.survey.Period;
import dev.cxkit.rules.io.CustomerReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
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

/**
 * {@code cx journeys}: journey analytics from journey events, joined to survey responses: funnel,
 * durations, promises, failures, scores per stage and touchpoint, what failures cost, whether
 * recovery works, consistency over periods and the closed loop.
 */
@Command(name = "journeys",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Journey analytics: where journeys break, how long steps take against their promises, "
            + "which failures create detractors, whether recovery wins customers back, which scores swing more "
            + "than noise, and which detractors to follow up.",
            "EVENTS are CSV or JSON Lines, one event per row: event_id, journey_id, touchpoint and occurred_at "
                + "are required; customer_id, stage, channel, address_kind, location, outcome (ok or failed), "
                + "failure_type, factor and recovered_at are optional. Events may come in any order and more than "
                + "once (a repeated event_id counts once). With several --definition files each journey goes to "
                + "the definition that knows most of its events' touchpoints (ties: the first given).",
            "With no EVENTS it runs on a bundled sample: a restaurant chain's dine-in visits and deliveries "
                + "(" + SampleJourneys.DEFAULT_SIZE + " journeys, January to June 2026), with its responses and "
                + "customers."},
        footer = {"", "Rows: events read = accepted (in a journey) + rejected + duplicates + late.",
            "Exit codes: 0 success (rejected rows are reported), 1 rows rejected with --strict or every row "
                + "rejected, "
                + "2 usage error, invalid definition or unreadable input.",
            "", "Example:", "  cx journeys events.csv --definition dine-in.yaml --responses responses.csv "
                + "--customers customers.jsonl --by location --format json"})
final class JourneysCommand implements Callable<Integer> {

    /** The names of the sample inputs in messages. */
    static final String SAMPLE_EVENTS = "sample-events.csv";
    static final String SAMPLE_RESPONSES = "sample-journey-responses.csv";
    static final String SAMPLE_CUSTOMERS = "sample-customers.jsonl";

    @ParentCommand
    private Cx parent;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "EVENTS", arity = "0..*",
            description = "Journey events, CSV or JSON Lines; - reads standard input. Default: the bundled sample.")
    private List<String> files = new ArrayList<>();

    @Option(names = "--definition", paramLabel = "FILE",
            description = "A journey definition, YAML or JSON (repeat for several). Required with EVENTS. "
                    + "Default: the sample's dine-in and delivery without EVENTS.")
    private List<Path> definitionFiles = new ArrayList<>();

    @Option(names = "--responses", paramLabel = "FILE",
            description = "Survey responses (as for cx score) to join by journey_id (repeat for several). "
                    + "Default: none (the sample's without EVENTS).")
    private List<String> responseFiles = new ArrayList<>();

    @Option(names = "--customers", paramLabel = "FILE",
            description = "JSON Lines of customers with contact_channel and contact_address_kind (as for cx "
                    + "recover), to check contacts against the channel each customer chose. "
                    + "Default: none (the sample's without EVENTS).")
    private Path customers;

    @Option(names = "--by", paramLabel = "COL", split = ",",
            description = "The units of the consistency charts: touchpoint, location or another response column, "
                    + "comma-separated. Default: touchpoint,location.")
    private List<String> by = new ArrayList<>(List.of("touchpoint", "location"));



    @Option(names = "--alternations", paramLabel = "N", defaultValue = "4",
            description = "Flag N or more consecutive alternating swings (each beyond 2 sigma) in a unit's "
                    + "score. Default: ${DEFAULT-VALUE}.")
    private int alternations;

    @Option(names = "--follow-up-hours", paramLabel = "H", defaultValue = "48",
            description = "A detractor's follow-up is due H hours after the response. Default: ${DEFAULT-VALUE}.")
    private long followUpHours;

    @Option(names = "--staff", paramLabel = "NAME", split = ",",
            description = "Staff names to look for in promoters' comments (whole words, any case), "
                    + "comma-separated. Default: none (the sample's staff for the sample).")
    private List<String> staff;

    @Mixin
    private StatisticsOptions statistics;

    @Mixin
    private AssemblyOptions assembly;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            converter = Converters.OutputFormatConverter.class,
            description = "Output format. Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;



    @Mixin
    private InputOptions input;


    @Mixin
    private FilterOptions filters;

    @Mixin
    private PeriodOptions periods;

    @Mixin
    private RejectOptions rows;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScoreOptions options = statistics.toScoreOptions(null);
        ConsistencyRules rules = checkOptions();
        boolean sample = files.isEmpty();
        List<JourneyDefinition> definitions = sample ? SampleJourneys.definitions()
                : Inputs.definitions(definitionFiles);
        SampleJourneys data = sample ? SampleJourneys.of(SampleJourneys.DEFAULT_SIZE) : null;
        if (sample) {
            Cx.info(spec, "no EVENTS given: analysing the bundled sample journeys (" + SampleJourneys.DEFAULT_SIZE
                    + " dine-in visits and deliveries, with responses and customers)");
        }
        List<String> inputs = new ArrayList<>(files);
        inputs.addAll(responseFiles);
        if (customers != null) {
            inputs.add(customers.toString());
        }
        definitionFiles.forEach(f -> inputs.add(f.toString()));
        OutputFiles outputs = Inputs.outputs(inputs, rows.rejects);
        Inputs reading = new Inputs(null, parent.stdin(), err, outputs, rows.rejects, Cx.quiet(spec));

        Map<String, ContactPreference> preferences = new HashMap<>();
        ReadSummary customerRows = ReadSummary.EMPTY;
        if (sample || customers != null) {
            CustomerReader customerReader = CustomerReader.create();
            customerRows = reading.read(customerReader,
                    sample ? List.of() : List.of(customers.toString()), SAMPLE_CUSTOMERS,
                    Inputs.text(sample ? data.customersJsonl() : ""), c -> preferences.put(c.id(), c.contact()));
        }
        JourneyAnalytics.Builder analytics = JourneyAnalytics.builder(definitions).contactPreferences(preferences::get)
                .consistencyUnits(by).period(periods.periodOr(Period.MONTH)).zone(periods.zone)
                .closedLoop(new ClosedLoopRules(Duration.ofHours(followUpHours),
                        staff != null ? staff : sample ? SampleJourneys.STAFF : List.of(), periods.zone));
        if (assembly.idleGap() != null) {
            analytics.idleGap(assembly.idleGap());
        }
        JourneyAnalytics pipeline = analytics.build();
        ReadSummary responseRows = ReadSummary.EMPTY;
        if (sample || !responseFiles.isEmpty()) {
            ResponseReader responseReader = input.responseReader(periods.zone, filters.filter(periods.zone), true, true);
            responseRows = reading.read(responseReader,
                    responseFiles, SAMPLE_RESPONSES, Inputs.text(sample ? data.responsesCsv() : ""),
                    pipeline::addResponse);
        }
        JourneyEventReader eventReader = input.eventReader();
        ReadSummary eventRows;
        // parsing on this thread, assembling and analysing on another, in order: the same results
        try (HandOff<JourneyEvent> events = HandOff.to(pipeline::addEvent, "cx-journeys")) {
            eventRows = reading.read(eventReader, files, SAMPLE_EVENTS, Inputs.text(sample ? data.eventsCsv() : ""),
                    events);
        }
        JourneyAnalysis analysis = pipeline.finish(options, rules);
        long unmatched = analysis.unmatched();
        reading.report();
        reading.finish();
        if (rows.stops(reading.summary(), "row", "no analytics printed", err)) {
            return Cx.EXIT_REJECTED;
        }
        if (unmatched > 0) {
            err.printf(Locale.ROOT, "cx: warning: %d %s no journey in the events (kept in the consistency "
                    + "charts only)%n", unmatched, unmatched == 1 ? "response has" : "responses have");
        }
        if (analysis.assembly().journeys() == 0) {
            err.println("cx: warning: no journeys to analyse");
        }
        err.flush();
        List<Map<String, Long>> unknown = new ArrayList<>();
        for (JourneySummary summary : analysis.summaries()) {
            unknown.add(summary.unknownTouchpoints());
        }
        JourneysPrinter.JourneysRun result = new JourneysPrinter.JourneysRun(definitions, analysis.summaries(), unknown,
                analysis.scores(), analysis.consistency(), analysis.closedLoop(), eventRows, analysis.assembly(),
                responseRows, analysis.joined(), unmatched, customerRows, reading.rejections(),
                reading.summary().warnings(), options);
        if (format == OutputFormat.JSON) {
            out.println(Json.MAPPER.writeValueAsString(JourneysPrinter.json(result, statistics.confidence())));
        } else {
            JourneysPrinter.table(out, result, statistics.confidence());
        }
        out.flush();
        return rows.exitCode(reading.summary(), "row", err);
    }

    /** Validates option values; returns the consistency rules. */
    private ConsistencyRules checkOptions() {
        if (format == OutputFormat.CSV) {
            throw new UsageException("--format csv is not available for journeys; use table or json");
        }
        if (alternations < 2) {
            throw new UsageException("--alternations must be 2 or more, got " + alternations);
        }
        if (followUpHours < 1) {
            throw new UsageException("--follow-up-hours must be 1 or more, got " + followUpHours);
        }
        assembly.idleGap(); // checked before anything is read
        by = Inputs.units(by);
        if (staff != null) {
            staff = staff.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        if (files.isEmpty() && (!definitionFiles.isEmpty() || !responseFiles.isEmpty() || customers != null)) {
            throw new UsageException("--definition, --responses and --customers need EVENTS; without EVENTS the "
                    + "bundled sample brings its own");
        }
        if (!files.isEmpty() && definitionFiles.isEmpty()) {
            throw new UsageException("--definition FILE is required with EVENTS (the samples are "
                    + String.join(" and ", JourneyDefinitions.SAMPLES) + ")");
        }
        return ConsistencyRules.defaults().withFamilyAlpha(statistics.toScoreOptions(null).alpha())
                .withAlternations(alternations);
    }
}
