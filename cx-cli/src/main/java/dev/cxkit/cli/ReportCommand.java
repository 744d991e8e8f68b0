// Over 500 lines: most of it is the options of the report, each with the help text users read; the
// reading of each kind of input (in parts, by hand-off, file by file) is the rest.
package dev.cxkit.cli;

import dev.cxkit.cli.sample.SampleJourneys;
import dev.cxkit.report.internal.OutputFiles;
import dev.cxkit.core.io.HandOff;
import dev.cxkit.core.io.JourneyEventReader;
import dev.cxkit.core.io.ReadResult;
import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.io.RecordReader;
import dev.cxkit.core.io.ResponseReader;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.stats.MultipleTesting.Adjustment;
import dev.cxkit.core.survey.Period;
import dev.cxkit.core.survey.Response;
import dev.cxkit.report.HealthReport;
import dev.cxkit.report.Provenance.Rows;
import dev.cxkit.report.ReportBuilder;
import dev.cxkit.report.format.CsvFormat;
import dev.cxkit.report.format.ReportFormat;
import dev.cxkit.rules.engine.DecisionException;
import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicySource;
import dev.cxkit.rules.io.CustomerReader;
import dev.cxkit.rules.io.IncidentReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cx report}: one command from raw exports to a CX health report: headline scores and their
 * change, scores by group (location, touchpoint) and stage, the journey funnel and promises, what failures cost,
 * recovery plans for open incidents and whether recovery works, consistency and the closed loop.
 * A thin door over {@link ReportBuilder}: it reads the inputs (with rejected rows, progress and
 * {@code --rejects} as every command does), compiles the policy while they are read, builds the
 * report, writes {@code report.html} and {@code report.json} and prints one {@link ReportFormat}.
 */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"A CX health report from raw exports: a terminal summary, an HTML page with charts and "
            + "the JSON. Start here: with no arguments it reports on a bundled sample.",
            "The report answers, in order: 1. headline "
            + "NPS, CSAT and CES with intervals, n and the change from the period before (different, equivalent or "
            + "cannot tell); 2. "
            + "scores by each --by column and stage, each against the rest (worst first only where they differ) "
            + "with its latest change and a small trend; 3. the journey funnel, durations against promises and "
            + "breaches; 4. failures and the scores of their journeys, ranked, with the family's adjusted p-values; 5. recovery plans for open incidents (AWARE steps, owners, "
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
            "Rows: read = accepted + rejected + duplicates + filtered, per input, in the report's sources.",
            "Exit codes: 0 success (rejected rows are reported), 1 rows rejected with --strict (nothing written), "
                + "every row rejected or a decision failed (the report is written), 2 usage error, unreadable input or a policy that does "
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
        HTML,
        /** The tables as CSV files, listed. */
        CSV
    }

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
            description = "Open incidents, JSON Lines, as for cx recover (repeat for several), decided by --policy "
                    + "with the open failures of the events. Default: none.")
    private List<String> incidentFiles = new ArrayList<>();

    @Option(names = "--customers", paramLabel = "FILE",
            description = "Customers, JSON Lines, as for cx recover: their contact preferences for the contact "
                    + "rules of the journeys, and the customer of each incident. Default: none.")
    private Path customers;

    @Option(names = "--policy", paramLabel = "DIR|restaurant|eu261",
            description = "The policy that decides the incidents and the open journey failures: a directory of "
                    + ".drl files or a bundled pack. Default: restaurant.")
    private String policy;


    @Option(names = "--by", paramLabel = "COL", split = ",",
            description = "The columns scores are broken down by (each value against the rest, its latest change, a "
                    + "small trend) and whose consistency over the periods is checked: location, touchpoint, channel "
                    + "or another response column, comma-separated. Default: location,touchpoint.")
    private List<String> by = new ArrayList<>(List.of("location", "touchpoint"));

    @Mixin
    private AssemblyOptions assembly;

    @Mixin
    private ThreadsOption threads;

    /** The time the report is made as of, once the run has begun. */
    private Instant reportTime;

    @Option(names = "--open-window", paramLabel = "DURATION", defaultValue = "14d",
            converter = Converters.DurationConverter.class,
            description = "How far back from --now a journey failure that was never put right is still open: the "
                    + "open failures of the events are decided by --policy as incidents (an incident in --incidents "
                    + "wins for the journey and type it names); 0 decides none. Default: 14d.")
    private Duration openWindow;

    @Option(names = "--adjust", paramLabel = "holm|bh|none", defaultValue = "holm",
            converter = Converters.AdjustmentConverter.class,
            description = "How the p-values of the failure-impact ranking are adjusted, each column (with and "
                    + "without; held equal) tested as one family: holm (family-wise error rate), bh "
                    + "(Benjamini-Hochberg false discovery rate) or none. The family's error rate is --alpha. "
                    + "Default: ${DEFAULT-VALUE}.")
    private Adjustment adjustment;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "cx-out",
            description = "Where report.html and report.json are written (created if needed, the two files "
                    + "replaced). Default: ${DEFAULT-VALUE}.")
    private Path out;

    @Option(names = "--format", paramLabel = "text|json|html|csv", defaultValue = "text",
            description = "What goes to standard output: the terminal summary (text), report.json's text (json) or "
                    + "report.html's text (html); the two files are written either way. csv also writes the tables "
                    + "as CSV files, rounded as the page shows them, in a csv folder under --out, and lists them. "
                    + "Default: text.")
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


    @Mixin
    private StatisticsOptions statistics;



    /** The time of each step, for --verbose. */
    private final List<String> timings = new ArrayList<>();
    private long mark = System.nanoTime();

    @Option(names = "--title", paramLabel = "TEXT",
            description = "The report's title. Default: CX health report, the latest period.")
    private String title;

    @Mixin
    private InputOptions input;

    @Mixin
    private FilterOptions filters;

    @Mixin
    private PeriodOptions periods;

    @Mixin
    private RejectOptions rows;

    @Mixin
    private PolicyCacheOption policyCache = new PolicyCacheOption();

    @Override
    public Integer call() throws IOException {
        long started = mark;
        // the JSON writer takes a tenth of a second to build: built on a core idle while the
        // command starts up, instead of after the reading, when the report is written
        Thread warmUp = new Thread(ReportFormat::json, "cx-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        if (Cx.verbose(spec)) {
            // from the JVM's start to here: JVM start-up, class loading and parsing the command line
            timings.add(String.format(Locale.ROOT, "JVM start %.2f s", (System.currentTimeMillis()
                    - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3));
        }
        boolean sample = responseFiles.isEmpty() && eventFiles.isEmpty() && definitionFiles.isEmpty()
                && incidentFiles.isEmpty() && customers == null;
        checkOptions(sample);
        Instant asOf = now != null ? now : sample ? SampleJourneys.REPORTED_AT : Instant.now();
        reportTime = asOf;
        ReportBuilder builder = builder(sample, asOf);
        String policyName = policy == null ? Policies.DEFAULT : policy;
        boolean decide = sample || !incidentFiles.isEmpty() || (!eventFiles.isEmpty() && !openWindow.isZero());
        PolicySource policySource = decide ? Policies.load(policyName) : null;
        List<String> inputFiles = new ArrayList<>(responseFiles);
        inputFiles.addAll(eventFiles);
        inputFiles.addAll(incidentFiles);
        if (customers != null) {
            inputFiles.add(customers.toString());
        }
        definitionFiles.forEach(f -> inputFiles.add(f.toString()));
        OutputFiles outputs = Inputs.outputs(inputFiles, rows.rejects);
        prepareOut(outputs);
        // The policy compiles on another thread while the inputs are read: on two cores that hides most of it.
        CompletableFuture<Compiled> compiling = decide ? compileInBackground(policySource, policyCache, Cx.verbose(spec))
                : null;
        try {
            return report(sample, builder, compiling, started, outputs);
        } finally {
            if (compiling != null) {
                // closes the policy once the report is made, or one nobody used (an input could not be read)
                compiling.thenAccept(c -> {
                    if (c.policy() != null) {
                        c.policy().close();
                    }
                });
            }
        }
    }

    /** The builder with this run's settings. */
    private ReportBuilder builder(boolean sample, Instant asOf) throws IOException {
        List<String> names = staff != null ? staff : sample ? SampleJourneys.STAFF : List.of();
        try {
            return ReportBuilder.asOf(asOf).period(periods.periodOr(Period.MONTH)).zone(periods.zone).consistencyUnits(Inputs.units(by))
                    .scoreOptions(statistics.toScoreOptions(null)).staff(names)
                    .definitions(sample ? SampleJourneys.definitions() : Inputs.definitions(definitionFiles))
                    .openWindow(openWindow).idleGap(assembly.idleGap()).adjustment(adjustment)
                    .subject(sample ? "the sample restaurant chain" : null).title(title);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private int report(boolean sample, ReportBuilder builder, CompletableFuture<Compiled> compiling, long started,
            OutputFiles outputs) throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SampleJourneys data = null;
        if (sample) {
            Cx.info(spec, "no inputs given: reporting on the bundled sample (" + SampleJourneys.DEFAULT_SIZE
                    + " dine-in visits and deliveries of a restaurant chain, January to June 2026, as of "
                    + SampleJourneys.REPORTED_AT + ", its open failures decided by the "
                    + (policy == null ? Policies.DEFAULT : policy) + " policy)");
            data = SampleJourneys.of(SampleJourneys.DEFAULT_SIZE);
            time("sample generation");
        }
        Inputs reading = new Inputs(null, parent.stdin(), err, outputs, rows.rejects, Cx.quiet(spec));
        if (sample || customers != null) {
            readEach(reading, builder, "customers", CustomerReader.create(),
                    customers == null ? List.of() : List.of(customers.toString()), JourneysCommand.SAMPLE_CUSTOMERS,
                    Inputs.text(sample ? data.customersJsonl() : ""), builder::addCustomer);
        }
        if (!sample && !responseFiles.isEmpty() && eventFiles.isEmpty() && definitionFiles.isEmpty()) {
            // no journey for a response to wait for: each large file is read in parts, one builder
            // per part, merged in file order (as Spark's partitions are), with one thread's results
            ResponseReader reader = input.responseReader(periods.zone, filters.filter(periods.zone), true, true,
                    threads.threads());
            Collector<Response, ReportBuilder, ReportBuilder> partBuilders = Collector.of(() -> {
                try {
                    return builder(false, reportTime);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, ReportBuilder::addResponse, (earlier, later) -> {
                earlier.merge(later.finishToBytes());
                return earlier;
            });
            for (String file : responseFiles) {
                ReadResult<ReportBuilder> part = reading.collect(reader, List.of(file), partBuilders);
                builder.merge(part.value().finishToBytes());
                builder.addInput("responses", file.equals("-") ? Inputs.STDIN : file, Rows.of(part.summary()));
            }
        } else if (sample || !responseFiles.isEmpty()) {
            readEach(reading, builder, "responses",
                    input.responseReader(periods.zone, filters.filter(periods.zone), true, true), responseFiles,
                    JourneysCommand.SAMPLE_RESPONSES, Inputs.text(sample ? data.responsesCsv() : ""),
                    builder::addResponse);
        }
        if (sample || !eventFiles.isEmpty()) {
            List<String> definitionNames = new ArrayList<>();
            if (sample) {
                SampleJourneys.definitions().forEach(d -> definitionNames.add(d.name() + ".yaml"));
            } else {
                definitionFiles.forEach(f -> definitionNames.add(f.toString()));
            }
            definitionNames.forEach(name -> builder.addInput("definition", name, Rows.of(1, 0)));
            readEvents(reading, builder, sample ? data.eventsCsv() : "");
        }
        if (!incidentFiles.isEmpty() || (sample && policy != null && !policy.equals(Policies.DEFAULT))) {
            // another pack's sample (eu261) is cx recover's; the restaurant's open incidents come from the events
            RecoverCommand.Sample other = RecoverCommand.sampleFor(policy == null ? Policies.DEFAULT : policy);
            readEach(reading, builder, "incidents", IncidentReader.create(), incidentFiles, other.name(),
                    () -> RecoverCommand.class.getResourceAsStream(other.resource()), builder::addIncident);
        }
        reading.report();
        time("reading");
        if (rows.stops(reading.summary(), "row", "no report written", err)) {
            reading.finish(); // the rejected rows asked for, and nothing else: no --out folder
            return Cx.EXIT_REJECTED;
        }
        if (compiling != null) {
            Compiled compiled = joined(compiling);
            err.print(compiled.messages());
            err.flush();
            if (compiled.policy() == null) {
                return Cx.EXIT_USAGE;
            }
            timings.add(String.format(Locale.ROOT, "policy compile %.2f s (in parallel with reading)",
                    compiled.seconds()));
            mark = System.nanoTime();
            builder.policy(compiled.policy());
        }
        HealthReport report = builder.build();
        for (String warning : builder.warnings()) {
            err.println("cx: warning: " + warning);
        }
        for (DecisionException failure : builder.decisionFailures()) {
            err.println("cx: decision failed: " + failure.getMessage());
        }
        err.flush();
        time("analytics and decisions");
        ReportFormat shown = ReportFormat.named(format.name());
        Path json = out.resolve(ReportFormat.json().fileName());
        Path html = out.resolve(ReportFormat.html().fileName());
        Path csv = out.resolve(ReportFormat.csv().fileName());
        // every file of the set is written beside its target first, then all are put in place: a failure
        // leaves the previous report as it was
        try {
            outputs.write(json, ReportFormat.json().render(report));
            outputs.write(html, ReportFormat.html().render(report));
            if (shown == ReportFormat.csv()) {
                for (Map.Entry<String, String> table : ((CsvFormat) ReportFormat.csv()).tables(report).entrySet()) {
                    outputs.write(csv.resolve(table.getKey()), table.getValue());
                }
            }
            reading.closeRejects();
            outputs.commit();
        } catch (IOException e) {
            throw new UsageException("cannot write the report to " + out + ": " + Cx.message(e));
        }
        if (shown == ReportFormat.csv()) {
            for (String table : ((CsvFormat) ReportFormat.csv()).tables(report).keySet()) {
                stdout.println(csv.resolve(table));
            }
        } else {
            shown.write(report, stdout);
        }
        stdout.flush();
        time("rendering and writing");
        Cx.info(spec, "wrote " + html + " and " + json);
        if (Cx.verbose(spec)) {
            err.printf(Locale.ROOT, "cx: timing: %s; cx report %.2f s%n", String.join(", ", timings),
                    (System.nanoTime() - started) / 1e9);
            err.flush();
        }
        int rejectedAll = rows.exitCode(reading.summary(), "row", err);
        return builder.decisionFailures().isEmpty() ? rejectedAll : Cx.EXIT_REJECTED;
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
        if (!sample && policy != null && incidentFiles.isEmpty() && eventFiles.isEmpty()) {
            throw new UsageException("--policy decides --incidents and the open failures of --events; give one");
        }
        if (openWindow.isNegative()) {
            throw new UsageException("--open-window must be 0 or more, got " + openWindow);
        }
    }

    /**
     * Claims the report's files before any work is done, so a clash fails at once; the folder is
     * created only when the report is written (a run stopped by --strict creates nothing).
     */
    private void prepareOut(OutputFiles outputs) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException("--out " + out + " is a file, not a directory");
        }
        for (Path parent = out.toAbsolutePath().getParent(); parent != null; parent = parent.getParent()) {
            if (Files.exists(parent) && !Files.isDirectory(parent)) {
                throw new UsageException("cannot create --out " + out + ": " + parent + " is a file");
            }
        }
        try {
            outputs.claimInSet(out, ReportFormat.json().fileName(), "report.json");
            outputs.claimInSet(out, ReportFormat.html().fileName(), "report.html");
            if (format == Format.CSV) {
                for (String table : CsvFormat.TABLES) {
                    outputs.claimInSet(out, ReportFormat.csv().fileName() + "/" + table, "csv/" + table);
                }
            }
        } catch (OutputFiles.RefusedException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Reads each file of one kind on its own, so the report's sources count rows per file. */
    private static <T> void readEach(Inputs reading, ReportBuilder builder, String kind, RecordReader<T> reader,
            List<String> files, String sampleName, Supplier<InputStream> sample, Consumer<T> accepted)
            throws IOException {
        if (files.isEmpty()) {
            ReadSummary read = reading.read(reader, List.of(), sampleName, sample, accepted);
            builder.addInput(kind, sampleName, Rows.of(read));
        }
        for (String file : files) {
            ReadSummary read = reading.read(reader, List.of(file), sampleName, sample, accepted);
            builder.addInput(kind, file.equals("-") ? Inputs.STDIN : file, Rows.of(read));
        }
    }

    /** Reads the events file by file; a file's duplicates are the events the assembler dropped while reading it. */
    private void readEvents(Inputs reading, ReportBuilder builder, String sampleEvents) throws IOException {
        JourneyEventReader reader = input.eventReader();
        List<String> files = eventFiles.isEmpty() ? List.of(JourneysCommand.SAMPLE_EVENTS) : eventFiles;
        for (String file : files) {
            long duplicatesBefore = builder.duplicateEventsSoFar();
            ReadSummary read;
            // parsing on this thread, assembling and analysing on another, in order
            try (HandOff<JourneyEvent> events = HandOff.to(builder::addEvent, "cx-journeys")) {
                read = reading.read(reader, eventFiles.isEmpty() ? List.of() : List.of(file),
                        JourneysCommand.SAMPLE_EVENTS, Inputs.text(sampleEvents), events);
            }
            long duplicates = builder.duplicateEventsSoFar() - duplicatesBefore;
            builder.addInput("events", file.equals("-") ? Inputs.STDIN : file, Rows.ofEvents(read, duplicates));
        }
    }

    /** A policy compiled on another thread, with what compiling printed, held back for the main thread. */
    private record Compiled(Policy policy, String messages, double seconds) {
    }

    private static CompletableFuture<Compiled> compileInBackground(PolicySource source, PolicyCacheOption cache,
            boolean verbose) {
        return CompletableFuture.supplyAsync(() -> {
            long start = System.nanoTime();
            StringWriter messages = new StringWriter();
            PrintWriter to = new PrintWriter(messages, true);
            Policy compiled = Policies.compile(source, new DecisionOptions().toPolicyOptions(), cache.cache(verbose, to),
                    to);
            return new Compiled(compiled, messages.toString(), (System.nanoTime() - start) / 1e9);
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
