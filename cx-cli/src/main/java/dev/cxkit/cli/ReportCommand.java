package dev.cxkit.cli;

import dev.cxkit.cli.ReportSections.Responses;
import dev.cxkit.cli.report.ReportHtml;
import dev.cxkit.cli.report.ReportJson;
import dev.cxkit.cli.report.ReportModel;
import dev.cxkit.cli.report.ReportModel.Input;
import dev.cxkit.cli.report.ReportModel.Provenance;
import dev.cxkit.cli.report.ReportModel.Rows;
import dev.cxkit.cli.report.ReportModel.Section;
import dev.cxkit.cli.report.ReportText;
import dev.cxkit.cli.sample.SampleIncidents;
import dev.cxkit.cli.sample.SampleJourneys;
import dev.cxkit.core.io.JourneyEventReader;
import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.io.ResponseReader;
import dev.cxkit.core.journey.loop.ClosedLoopRules;
import dev.cxkit.core.journey.loop.ConsistencyRules;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.survey.Period;
import dev.cxkit.core.survey.Response;
import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicySource;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.io.CustomerReader;
import dev.cxkit.rules.io.IncidentReader;
import dev.cxkit.rules.io.IncidentRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cx report}: one command from raw exports to a CX health report: headline scores and their
 * change, scores by touchpoint and stage, the journey funnel and promises, what failures cost,
 * recovery plans for open incidents and whether recovery works, consistency and the closed loop.
 * It runs the analytics of {@code cx score}, {@code cx journeys} ({@link JourneyPipeline}) and
 * {@code cx recover} ({@link Decisions}) on the inputs given, fills a {@link ReportModel}
 * ({@link ReportSections}), writes {@code report.html} and {@code report.json}, and prints the
 * terminal summary.
 */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"A CX health report from raw exports: a terminal summary, an HTML page with charts and "
            + "the JSON. Start here: with no arguments it reports on a bundled sample.",
            "The report answers, in order: 1. headline "
            + "NPS, CSAT and CES with intervals, n and the change from the period before (significant or not); 2. "
            + "scores by touchpoint and stage, worst first; 3. the journey funnel, durations against promises and "
            + "breaches; 4. what failures cost, ranked; 5. recovery plans for open incidents (AWARE steps, owners, "
            + "due times, offers, approvals) and whether recovery wins customers back; 6. consistency findings and "
            + "the closed loop (detractors to call back, staff to recognise).",
            "Each section needs some inputs; a section whose inputs are missing says so in a sentence. Inputs "
                + "are read as by cx score (responses), cx journeys (events, definitions, customers) and cx "
                + "recover (incidents, customers); bad rows are rejected with their file and line and the rest is "
                + "reported.",
            "report.html is one self-contained page (inline SVG charts, no script, works offline, reads on a laptop "
                + "and a phone); report.json holds the same numbers; both go to --out.",
            "With no inputs it reports on a bundled sample: a restaurant chain's " + SampleJourneys.DEFAULT_SIZE
                + " dine-in visits and deliveries over January to June 2026, as of the morning of 1 July, "
                + "with its open incidents decided by the restaurant policy (regenerate it at any size with cx "
                + "sample)."},
        footer = {"", "The headline compares the latest period that ended by --now with the period before it; "
            + "the other sections cover every row read.",
            "Rows: read = accepted + rejected (+ duplicates for events), per input, in the report's sources.",
            "Exit codes: 0 success (rejected rows are reported), 1 rows rejected with --strict (nothing written) or "
                + "a decision failed (the report is written), 2 usage error, unreadable input or a policy that does "
                + "not compile.",
            "", "Examples:", "  cx report", "  cx report --period week --out /tmp/cx --format json",
            "  cx report --responses responses.csv --events events.csv \\",
            "      --definition dine-in.yaml --incidents incidents.jsonl \\",
            "      --customers customers.jsonl --by location"})
final class ReportCommand implements Callable<Integer> {

    /** What goes to standard output. */
    enum Format {
        /** The terminal summary. */
        TEXT,
        /** report.json's text. */
        JSON,
        /** report.html's text. */
        HTML
    }

    static final String SAMPLE_INCIDENTS = "sample-incidents.jsonl";

    @ParentCommand
    private Cx parent;

    @Spec
    private CommandSpec spec;

    @Option(names = "--responses", paramLabel = "FILE",
            description = "Survey responses, CSV or JSON Lines, as for cx score (repeat for several; - reads "
                    + "standard input). Default: none; with no inputs at all, the bundled sample.")
    private List<String> responseFiles = new ArrayList<>();

    @Option(names = "--events", paramLabel = "FILE",
            description = "Journey events, CSV or JSON Lines, as for cx journeys (repeat for several). Needs "
                    + "--definition. Default: none.")
    private List<String> eventFiles = new ArrayList<>();

    @Option(names = "--definition", paramLabel = "FILE",
            description = "A journey definition, YAML or JSON (repeat for several: each journey goes to the one "
                    + "that knows most of its touchpoints). Default: none.")
    private List<Path> definitionFiles = new ArrayList<>();

    @Option(names = "--incidents", paramLabel = "FILE",
            description = "Open incidents, JSON Lines, as for cx recover (repeat for several), decided by --policy. "
                    + "Default: none.")
    private List<String> incidentFiles = new ArrayList<>();

    @Option(names = "--customers", paramLabel = "FILE",
            description = "Customers, JSON Lines, as for cx recover: their contact preferences for the contact "
                    + "rules of the journeys, and the customer of each incident. Default: none.")
    private Path customers;

    @Option(names = "--policy", paramLabel = "DIR|restaurant|eu261",
            description = "The policy that decides the incidents: a directory of .drl files or a bundled pack. "
                    + "Default: restaurant.")
    private String policy;

    @Option(names = "--period", paramLabel = "week|month|quarter", defaultValue = "month",
            converter = Converters.PeriodConverter.class,
            description = "The period of the headline, the trend and the consistency charts (day also works). "
                    + "Default: ${DEFAULT-VALUE}.")
    private Period period;

    @Option(names = "--by", paramLabel = "COL", split = ",",
            description = "The units whose consistency over the periods is checked: location, touchpoint, channel "
                    + "or another response column, comma-separated. Default: location,touchpoint.")
    private List<String> by = new ArrayList<>(List.of("location", "touchpoint"));

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "cx-report",
            description = "Where report.html and report.json are written (created if needed, the two files "
                    + "replaced). Default: ${DEFAULT-VALUE}.")
    private Path out;

    @Option(names = "--format", paramLabel = "text|json|html", defaultValue = "text",
            description = "What goes to standard output: the terminal summary (text), report.json's text (json) or "
                    + "report.html's text (html); the two files are written either way. Default: text.")
    private Format format;

    @Option(names = "--now", paramLabel = "TIME", converter = Converters.InstantConverter.class,
            description = "The time the report is made as of (ISO-8601): periods that end after it are not complete "
                    + "yet, call-backs due before it are overdue. Incidents are decided at their detected_at, as "
                    + "cx recover does. Default: the current time; for the bundled sample 2026-07-01T08:00:00Z.")
    private Instant now;

    @Option(names = "--staff", paramLabel = "NAME", split = ",",
            description = "Staff names to find in promoters' comments (whole words, any case), comma-separated. "
                    + "Default: none (the sample's staff for the sample).")
    private List<String> staff;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC", converter = Converters.ZoneConverter.class,
            description = "Time zone that decides the day, and so the period, of a timestamp. "
                    + "Default: ${DEFAULT-VALUE}.")
    private ZoneId zone;

    @Mixin
    private StatisticsOptions statistics;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Write rejected rows verbatim to FILE (each input's rows under its header). "
                    + "Default: none.")
    private Path rejects;

    @Option(names = "--strict",
            description = "Exit with code 1 and write no report if any row is rejected. Default: off.")
    private boolean strict;

    /** The time of each step, for --verbose. */
    private final List<String> timings = new ArrayList<>();
    private long mark = System.nanoTime();

    @Override
    public Integer call() throws IOException {
        long started = mark;
        if (Cx.verbose(spec)) {
            // from the JVM's start to here: JVM start-up, class loading and parsing the command line
            timings.add(String.format(Locale.ROOT, "JVM start %.2f s", (System.currentTimeMillis()
                    - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3));
        }
        ScoreOptions options = statistics.toScoreOptions(null);
        by = JourneyPipeline.units(by);
        boolean sample = responseFiles.isEmpty() && eventFiles.isEmpty() && definitionFiles.isEmpty()
                && incidentFiles.isEmpty() && customers == null;
        checkOptions(sample);
        Instant asOf = now != null ? now : sample ? SampleJourneys.REPORTED_AT : Instant.now();
        String policyName = policy == null ? Policies.DEFAULT : policy;
        boolean decide = sample || !incidentFiles.isEmpty();
        PolicySource policySource = decide ? Policies.load(policyName) : null;
        List<String> inputFiles = new ArrayList<>(responseFiles);
        inputFiles.addAll(eventFiles);
        inputFiles.addAll(incidentFiles);
        if (customers != null) {
            inputFiles.add(customers.toString());
        }
        Inputs.check(inputFiles, rejects);
        prepareOut();
        // The policy compiles on another thread while the inputs are read: on two cores that hides most of it.
        CompletableFuture<Compiled> compiling = decide ? compileInBackground(policySource) : null;
        try {
            return report(sample, asOf, policyName, compiling, options, started);
        } finally {
            if (compiling != null) {
                // closes a policy nobody used (an input could not be read, or rows were rejected with --strict)
                compiling.thenAccept(c -> {
                    if (c.policy() != null) {
                        c.policy().close();
                    }
                });
            }
        }
    }

    private int report(boolean sample, Instant asOf, String policyName, CompletableFuture<Compiled> compiling,
            ScoreOptions options, long started) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean decide = compiling != null;

        SampleJourneys data = null;
        if (sample) {
            Cx.info(spec, "no inputs given: reporting on the bundled sample (" + SampleJourneys.DEFAULT_SIZE
                    + " dine-in visits and deliveries of a restaurant chain, January to June 2026, as of "
                    + SampleJourneys.REPORTED_AT + ", open incidents decided by the " + policyName + " policy)");
            data = SampleJourneys.of(SampleJourneys.DEFAULT_SIZE);
            time("sample generation");
        }
        List<JourneyDefinition> definitions = sample ? JourneyPipeline.samples()
                : JourneyPipeline.load(definitionFiles);
        Inputs reading = new Inputs(null, parent.stdin(), err, rejects, Cx.quiet(spec));
        List<Input> sources = new ArrayList<>();

        Map<String, Customer> customersById = new HashMap<>();
        if (sample || customers != null) {
            CustomerReader reader = CustomerReader.create();
            readEach(reading, sources, "customers", reader::read,
                    customers == null ? List.of() : List.of(customers.toString()), JourneysCommand.SAMPLE_CUSTOMERS,
                    Inputs.text(sample ? data.customersJsonl() : ""), (Customer c) -> customersById.put(c.id(), c));
        }
        staff = staff != null ? staff.stream().map(String::trim).filter(s -> !s.isEmpty()).toList()
                : sample ? SampleJourneys.STAFF : List.of();
        JourneyPipeline pipeline = new JourneyPipeline(definitions, id -> {
            Customer c = customersById.get(id);
            return c == null ? null : c.contact();
        }, by, period, zone, new ClosedLoopRules(ClosedLoopRules.DEFAULT_FOLLOW_UP, staff, zone), null);
        Responses responses = new Responses(period, zone);
        boolean withResponses = sample || !responseFiles.isEmpty();
        if (withResponses) {
            ResponseReader reader = ResponseReader.builder().build();
            readEach(reading, sources, "responses", reader::read, responseFiles, JourneysCommand.SAMPLE_RESPONSES,
                    Inputs.text(sample ? data.responsesCsv() : ""), (Response r) -> {
                        responses.accept(r);
                        pipeline.addResponse(r);
                    });
        }
        boolean withEvents = sample || !eventFiles.isEmpty();
        if (withEvents) {
            for (int i = 0; i < definitions.size(); i++) {
                sources.add(new Input("definition", sample ? definitions.get(i).name() + ".yaml"
                        : definitionFiles.get(i).toString(), Rows.of(1, 0)));
            }
            readEvents(reading, sources, pipeline, sample ? data.eventsCsv() : "");
        }
        List<IncidentRecord> incidents = new ArrayList<>();
        if (decide) {
            IncidentReader reader = IncidentReader.create();
            // the sample's incidents come from its journeys; another pack's (eu261) are cx recover's sample
            RecoverCommand.Sample other = RecoverCommand.sampleFor(policyName);
            boolean ownSample = other == RecoverCommand.INCIDENTS_SAMPLE;
            readEach(reading, sources, "incidents", reader::read, incidentFiles,
                    ownSample ? SAMPLE_INCIDENTS : other.name(),
                    ownSample ? Inputs.text(sample ? SampleIncidents.jsonl(data) : "")
                            : () -> RecoverCommand.class.getResourceAsStream(other.resource()),
                    (IncidentRecord r) -> incidents.add(r));
        }
        reading.report();
        time("reading");
        long rejected = reading.summary().rejected();
        if (strict && rejected > 0) {
            err.printf(Locale.ROOT, "cx: %d %s rejected and --strict is on: no report written%n", rejected,
                    rejected == 1 ? "row" : "rows");
            err.flush();
            return Cx.EXIT_REJECTED;
        }

        JourneyPipeline.Analysis analysis = pipeline.finish(options, ConsistencyRules.defaults());
        if (withEvents && withResponses && analysis.unmatched() > 0) {
            err.printf(Locale.ROOT, "cx: warning: %d %s no journey in the events (kept in the headline, scores and "
                    + "consistency only)%n", analysis.unmatched(), analysis.unmatched() == 1 ? "response has"
                    : "responses have");
        }
        time("journey analytics");
        Section<ReportModel.RecoveryPlans> plans = Section.absent("No incidents were given (--incidents), so there "
                + "are no recovery plans.");
        boolean failed = false;
        if (decide) {
            Compiled compiled = joined(compiling);
            err.print(compiled.messages());
            err.flush();
            if (compiled.policy() == null) {
                return Cx.EXIT_USAGE;
            }
            timings.add(String.format(Locale.ROOT, "policy compile %.2f s (in parallel with reading)",
                    compiled.seconds()));
            mark = System.nanoTime();
            Decisions.Decided decided = Decisions.decide(compiled.policy(), incidents, customersById,
                    customers == null ? null : customers.toString(), null, err);
            failed = !decided.failed().isEmpty();
            Map<String, Incident> byId = new HashMap<>();
            incidents.forEach(r -> byId.put(r.incident().id(), r.incident()));
            plans = Section.of(ReportSections.recoveryPlans(compiled.name(), decided.plans(), byId));
            time("decisions");
        }
        ReportModel model = model(sample, asOf, sources, responses, withResponses, analysis, withEvents, plans,
                options);
        Path json = out.resolve("report.json");
        Path html = out.resolve("report.html");
        String page = ReportHtml.render(model);
        try {
            ReportJson.write(model, json);
            Files.writeString(html, page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot write the report to " + out + ": " + Cx.message(e));
        }
        switch (format) {
            case JSON:
                stdout.print(ReportJson.toJson(model));
                break;
            case HTML:
                stdout.print(page);
                break;
            default:
                stdout.print(ReportText.render(model));
                break;
        }
        stdout.flush();
        time("rendering and writing");
        Cx.info(spec, "wrote " + html + " and " + json);
        if (Cx.verbose(spec)) {
            err.printf(Locale.ROOT, "cx: timing: %s; cx report %.2f s%n", String.join(", ", timings),
                    (System.nanoTime() - started) / 1e9);
            err.flush();
        }
        return failed ? Cx.EXIT_REJECTED : 0;
    }

    /** Validates option combinations. */
    private void checkOptions(boolean sample) {
        if (!eventFiles.isEmpty() && definitionFiles.isEmpty()) {
            throw new UsageException("--events needs --definition FILE (the samples are "
                    + String.join(" and ", JourneyDefinitions.SAMPLES) + "; cx sample writes them)");
        }
        if (eventFiles.isEmpty() && !definitionFiles.isEmpty()) {
            throw new UsageException("--definition needs --events FILE");
        }
        if (customers != null && eventFiles.isEmpty() && incidentFiles.isEmpty()) {
            throw new UsageException("--customers is used with --events (contact rules) or --incidents (recovery "
                    + "plans)");
        }
        if (!sample && policy != null && incidentFiles.isEmpty()) {
            throw new UsageException("--policy decides --incidents; give --incidents FILE");
        }
    }

    /** Creates the output directory before any work is done, so a typo fails at once. */
    private void prepareOut() {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is a file, not a directory");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UsageException("cannot create --out " + out + ": " + Cx.message(e));
        }
    }

    /** Reads each file of one kind on its own, so the report's sources count rows per file. */
    private static <T> void readEach(Inputs reading, List<Input> sources, String kind, Inputs.StreamReader<T> reader,
            List<String> files, String sampleName, Supplier<InputStream> sample, Consumer<T> accepted)
            throws IOException {
        if (files.isEmpty()) {
            ReadSummary read = reading.read(reader, List.of(), sampleName, sample, accepted);
            sources.add(new Input(kind, sampleName, Rows.of(read.accepted(), read.rejected())));
        }
        for (String file : files) {
            ReadSummary read = reading.read(reader, List.of(file), sampleName, sample, accepted);
            sources.add(new Input(kind, file.equals("-") ? Inputs.STDIN : file,
                    Rows.of(read.accepted(), read.rejected())));
        }
    }

    /** Reads the events file by file; a file's duplicates are the events the assembler dropped while reading it. */
    private void readEvents(Inputs reading, List<Input> sources, JourneyPipeline pipeline, String sampleEvents)
            throws IOException {
        JourneyEventReader reader = JourneyEventReader.create();
        List<String> files = eventFiles.isEmpty() ? List.of(JourneysCommand.SAMPLE_EVENTS) : eventFiles;
        for (String file : files) {
            long duplicatesBefore = pipeline.duplicatesSoFar();
            ReadSummary read = reading.read(reader::read, eventFiles.isEmpty() ? List.of() : List.of(file),
                    JourneysCommand.SAMPLE_EVENTS, Inputs.text(sampleEvents), pipeline::addEvent);
            long duplicates = pipeline.duplicatesSoFar() - duplicatesBefore;
            sources.add(new Input("events", file.equals("-") ? Inputs.STDIN : file, new Rows(read.read(),
                    read.accepted() - duplicates, read.rejected(), duplicates)));
        }
    }

    /** Fills the report from what was computed; a section whose inputs are missing says why. */
    private ReportModel model(boolean sample, Instant asOf, List<Input> sources, Responses responses,
            boolean withResponses, JourneyPipeline.Analysis analysis, boolean withEvents,
            Section<ReportModel.RecoveryPlans> plans, ScoreOptions options) {
        String noResponses = withResponses ? "No responses were read" : "No responses were given (--responses)";
        String noEvents = "No journey events were given (--events)";
        boolean anyResponses = responses.count() > 0;
        Section<ReportModel.Headline> headline = anyResponses ? ReportSections.headline(responses, asOf, options)
                : Section.absent(noResponses + ", so there are no scores.");
        Section<ReportModel.Scores> scores = anyResponses ? ReportSections.scores(responses, options)
                : Section.absent(noResponses + ", so there are no scores by touchpoint or stage.");
        Section<List<ReportModel.Journeys>> journeys = withEvents
                ? ReportSections.journeys(analysis, statistics.confidence)
                : Section.absent(noEvents + ", so there is no funnel and no promise check.");
        Optional<Metric> metric = withEvents ? ReportSections.journeyMetric(analysis) : Optional.empty();
        String unjoined = !withEvents ? noEvents : !anyResponses ? noResponses
                : "No response has the journey_id of a journey in the events";
        Section<ReportModel.FailureImpact> impact = metric.map(m -> Section.of(ReportSections.failureImpact(analysis,
                m))).orElse(Section.absent(unjoined + ", so failures cannot be tied to scores."));
        Section<ReportModel.RecoveryEffectiveness> effectiveness = metric.map(m -> Section.of(
                ReportSections.recoveryEffectiveness(analysis, m, options)))
                .orElse(Section.absent(unjoined + ", so recovery cannot be measured."));
        Section<ReportModel.Consistency> consistency = anyResponses
                ? Section.of(ReportSections.consistency(analysis.consistency()))
                : Section.absent(noResponses + ", so consistency cannot be checked.");
        Section<ReportModel.ClosedLoop> loop = anyResponses && withEvents
                ? Section.of(ReportSections.closedLoop(analysis.closedLoop(), responses, asOf))
                : Section.absent((withEvents ? noResponses : noEvents) + ", so there is no closed loop: it lists the "
                        + "detractors of journeys to call back.");
        String title = "CX health report" + (sample ? ": the sample restaurant chain" : "")
                + headline.content().map(h -> ", " + h.scores().get(0).period()).orElse("");
        return new ReportModel(title, new Provenance(asOf, sources), headline, scores, journeys, impact, plans,
                effectiveness, consistency, loop);
    }

    /** A policy compiled on another thread, with what compiling printed, held back for the main thread. */
    private record Compiled(Policy policy, String name, String messages, double seconds) {
    }

    private static CompletableFuture<Compiled> compileInBackground(PolicySource source) {
        return CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            StringWriter messages = new StringWriter();
            Policy compiled = Policies.compile(source, new DecisionOptions().toPolicyOptions(),
                    new PrintWriter(messages, true));
            return new Compiled(compiled, source.name(), messages.toString(), (System.nanoTime() - start) / 1e9);
        });
    }

    /** Waits for the compile; what it threw is thrown here as it was (an out-of-memory error stays one). */
    private static Compiled joined(CompletableFuture<Compiled> compiling) {
        try {
            return compiling.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    private void time(String step) {
        long t = System.nanoTime();
        timings.add(String.format(Locale.ROOT, "%s %.2f s", step, (t - mark) / 1e9));
        mark = t;
    }
}
