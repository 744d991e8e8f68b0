// Over 500 lines on purpose: half of it is the Javadoc of the builder's public settings and inputs,
// which users read; the work is in ReportSections, RecoveryPlanning and the core analytics.
package dev.cxkit.report;

import dev.cxkit.core.io.JourneyEventReader;
import dev.cxkit.core.io.HandOff;
import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.io.RecordReader;
import dev.cxkit.core.io.Rejection;
import dev.cxkit.core.io.ResponseReader;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.journey.analytics.JourneyAnalysis;
import dev.cxkit.core.journey.analytics.JourneyAnalytics;
import dev.cxkit.core.journey.loop.ClosedLoopRules;
import dev.cxkit.core.journey.loop.ConsistencyRules;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.stats.MultipleTesting.Adjustment;
import dev.cxkit.core.survey.Period;
import dev.cxkit.core.survey.Response;
import dev.cxkit.report.Provenance.Input;
import dev.cxkit.report.Provenance.Rows;
import dev.cxkit.report.section.ClosedLoop;
import dev.cxkit.report.section.Consistency;
import dev.cxkit.report.section.FailureImpactRanking;
import dev.cxkit.report.section.Headline;
import dev.cxkit.report.section.Journeys;
import dev.cxkit.report.section.RecoveryEffectiveness;
import dev.cxkit.report.section.RecoveryPlans;
import dev.cxkit.report.section.Scores;
import dev.cxkit.rules.bridge.FailureIncidents;
import dev.cxkit.rules.bridge.OpenFailures;
import dev.cxkit.rules.engine.DecisionException;
import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.io.CustomerReader;
import dev.cxkit.rules.io.IncidentReader;
import dev.cxkit.rules.io.IncidentRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link HealthReport} from raw inputs, as of a time: survey responses, journey events
 * with their definitions, open incidents, customers and a recovery policy. Each section is
 * filled when its inputs were given and says why not otherwise: the headline, the scores and
 * consistency need responses; journeys, failure impact and the closed loop need events and a
 * definition (and responses joined by {@code journey_id}); recovery plans need a policy and
 * incidents or the open failures of the events.
 *
 * <pre>{@code
 * ReportBuilder builder = ReportBuilder.asOf(Instant.parse("2026-07-01T08:00:00Z"))
 *         .definitions(List.of(JourneyDefinitions.load(Path.of("dine-in.yaml"))))
 *         .policy(Policy.compile(PolicySource.classpath("restaurant")));
 * builder.readResponses(Path.of("responses.csv"));
 * builder.readEvents(Path.of("events.csv"));
 * HealthReport report = builder.build();
 * ReportFormat.html().write(report, Path.of("report.html"));
 * }</pre>
 *
 * <p>Settings that shape what is counted ({@link #period}, {@link #zone}, {@link #consistencyUnits},
 * {@link #scoreOptions}, {@link #staff}, {@link #definitions}, {@link #openWindow}, {@link #idleGap}) come before the
 * first record; the policy, the customers and the subject may come any time before
 * {@link #build}. Records come through the {@code add...} methods, in any order, or through the
 * {@code read...} methods, which read a whole file with the library's readers and count its rows in
 * the report's provenance (a caller that reads on its own names each input with {@link #addInput}).
 * Memory holds the scores' histograms, the responses waiting for their journey, the journeys of
 * the events (only the open ones with an {@link #idleGap} and time-ordered events) and the
 * incidents, not the responses themselves.
 *
 * <p>Not thread-safe: one builder per report, used once.
 *
 * @since 0.1.0
 */
public final class ReportBuilder {

    /** How many rejected rows the {@code read...} methods keep for {@link #rejections()}. */
    public static final int KEPT_REJECTIONS = 1000;

    private final Instant asOf;
    private Period period = Period.MONTH;
    private ZoneId zone = ZoneOffset.UTC;
    private List<String> units = List.of("location", "touchpoint");
    private ScoreOptions options = ScoreOptions.defaults();
    private List<String> staff = List.of();
    private List<JourneyDefinition> definitions = List.of();
    private Duration openWindow = OpenFailures.DEFAULT_OPEN_WINDOW;
    private @Nullable Duration idleGap;
    private Adjustment adjustment = Adjustment.HOLM;
    private FailureIncidents bridge = FailureIncidents.defaults();
    private String subject;
    private String title;
    private Policy policy;
    private String customersSource;

    private boolean started;
    private boolean built;
    private ReportSections.Responses responses;
    private JourneyAnalytics analytics;
    private OpenFailures openFailures;
    private final Set<String> given = new HashSet<>();
    private final List<Input> inputs = new ArrayList<>();
    private final Map<String, Customer> customers = new HashMap<>();
    private final List<IncidentRecord> incidents = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<DecisionException> failures = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private ReportBuilder(Instant asOf) {
        this.asOf = Objects.requireNonNull(asOf, "asOf");
    }

    /**
     * Starts a report as of a time: periods that end after it are not complete yet, call-backs due
     * before it are overdue, and open failures are those of the {@link #openWindow} before it.
     *
     * @param asOf the time the report is made as of
     * @return a builder with the defaults: months in UTC, consistency by location and touchpoint,
     *     the default score options, no staff names, no definitions, a 14-day open window
     */
    public static ReportBuilder asOf(Instant asOf) {
        return new ReportBuilder(asOf);
    }

    // ---- settings ---------------------------------------------------------------------------------

    private void unstarted(String setting) {
        if (started) {
            throw new IllegalStateException(setting + " must be set before the first record is added");
        }
    }

    /**
     * Sets the period of the headline, the trend and the consistency charts.
     *
     * @param value the period
     * @return this builder
     * @throws IllegalStateException after the first record
     */
    public ReportBuilder period(Period value) {
        unstarted("the period");
        this.period = Objects.requireNonNull(value, "period");
        return this;
    }

    /**
     * Sets the time zone that decides a timestamp's day, and so its period.
     *
     * @param value the zone
     * @return this builder
     * @throws IllegalStateException after the first record
     */
    public ReportBuilder zone(ZoneId value) {
        unstarted("the zone");
        this.zone = Objects.requireNonNull(value, "zone");
        return this;
    }

    /**
     * Sets the units whose consistency over the periods is checked: response fields such as
     * {@code location}, {@code touchpoint} or {@code channel}.
     *
     * @param value the field names
     * @return this builder
     * @throws IllegalArgumentException if a name is empty, {@code period} or {@code metric}, or repeated
     * @throws IllegalStateException after the first record
     */
    public ReportBuilder consistencyUnits(List<String> value) {
        unstarted("the consistency units");
        this.units = JourneyAnalytics.units(value);
        return this;
    }

    /**
     * Sets the intervals, confidence and low-sample threshold of every score. The error rate
     * {@link ScoreOptions#alpha()} (1 − confidence) is also every family's: the failure-impact
     * ranking's and the consistency findings' false-alarm budget.
     *
     * @param value the options
     * @return this builder
     * @throws IllegalStateException after the first record
     */
    public ReportBuilder scoreOptions(ScoreOptions value) {
        unstarted("the score options");
        this.options = Objects.requireNonNull(value, "scoreOptions");
        return this;
    }

    /**
     * Sets the staff names to find in promoters' comments (whole words, any case).
     *
     * @param value the names; blank ones are left out
     * @return this builder
     * @throws IllegalStateException after the first record
     */
    public ReportBuilder staff(List<String> value) {
        unstarted("the staff names");
        this.staff = value.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        return this;
    }

    /**
     * Sets the journey definitions the events are measured against; each journey goes to the one
     * that knows most of its touchpoints.
     *
     * @param value the definitions, with distinct names
     * @return this builder
     * @throws IllegalArgumentException if two definitions share a name
     * @throws IllegalStateException after the first record
     */
    public ReportBuilder definitions(List<JourneyDefinition> value) {
        unstarted("the definitions");
        List<JourneyDefinition> copy = List.copyOf(value);
        Set<String> names = new HashSet<>();
        for (JourneyDefinition d : copy) {
            if (!names.add(d.name())) {
                throw new IllegalArgumentException("two definitions are named '" + d.name() + "'");
            }
        }
        this.definitions = copy;
        return this;
    }

    /**
     * Reads the journey definitions from files (YAML or JSON) and names each in the report's
     * provenance, as {@code cx report --definition} does.
     *
     * @param files the definitions' files, in the order that breaks routing ties
     * @return this builder
     * @throws IOException if a file cannot be read
     * @throws dev.cxkit.core.journey.JourneyDefinitionException if a definition is invalid (every
     *     problem with its line)
     * @throws IllegalArgumentException if two definitions share a name
     * @throws IllegalStateException after the first record
     */
    public ReportBuilder readDefinitions(List<Path> files) throws IOException {
        unstarted("the definitions");
        List<JourneyDefinition> read = new ArrayList<>();
        for (Path file : files) {
            read.add(JourneyDefinitions.load(file));
        }
        definitions(read);
        for (Path file : files) {
            addInput("definition", file.toString(), Rows.of(1, 0));
        }
        return this;
    }

    /**
     * Sets how the p-values of a family of tests (the failure-impact ranking) are adjusted:
     * {@link Adjustment#HOLM} (family-wise error rate, the default), Benjamini–Hochberg (false
     * discovery rate) or none. The family's error rate is 1 − the confidence level.
     *
     * @param value the adjustment
     * @return this builder
     */
    public ReportBuilder adjustment(Adjustment value) {
        this.adjustment = Objects.requireNonNull(value, "adjustment");
        return this;
    }

    /**
     * Sets how far back from the report's time a journey failure that was never put right is
     * still open, and so decided by the policy (14 days by default; zero decides none).
     *
     * @param value the window, zero or more
     * @return this builder
     * @throws IllegalArgumentException if the window is negative
     * @throws IllegalStateException after the first record
     */
    public ReportBuilder openWindow(Duration value) {
        unstarted("the open window");
        if (value.isNegative()) {
            throw new IllegalArgumentException("the open window must not be negative: " + value);
        }
        this.openWindow = value;
        return this;
    }

    /**
     * Closes a journey once events more than {@code value} newer than its last one have been added
     * (see {@link JourneyAnalytics.Builder#idleGap}), so that with events in time order memory
     * holds only the journeys still open; a later event of a closed journey counts as late. By
     * default every journey stays open until {@link #build}, which is exact for events in any
     * order.
     *
     * @param value the gap, positive, or null for none
     * @return this builder
     * @throws IllegalArgumentException if the gap is zero or negative
     * @throws IllegalStateException after the first record
     * @since 0.1.0
     */
    public ReportBuilder idleGap(@Nullable Duration value) {
        unstarted("the idle gap");
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("the idle gap must be positive: " + value);
        }
        this.idleGap = value;
        return this;
    }

    /**
     * Sets how open journey failures become incidents (by default {@link FailureIncidents#defaults()}).
     *
     * @param value the bridge
     * @return this builder
     * @throws IllegalStateException after the first record
     */
    public ReportBuilder failureIncidents(FailureIncidents value) {
        unstarted("the failure incidents");
        this.bridge = Objects.requireNonNull(value, "failureIncidents");
        return this;
    }

    /**
     * Sets what the report is about, for its title: {@code CX health report: <subject>, 2026-06}.
     *
     * @param value the subject, or null for none
     * @return this builder
     */
    public ReportBuilder subject(@Nullable String value) {
        this.subject = value == null || value.isBlank() ? null : value.strip();
        return this;
    }

    /**
     * Sets the whole title, instead of {@code CX health report: <subject>, <period>}.
     *
     * @param value the title, or null for the default
     * @return this builder
     */
    public ReportBuilder title(@Nullable String value) {
        this.title = value == null || value.isBlank() ? null : value.strip();
        return this;
    }

    /**
     * Sets the policy that decides the incidents and the open journey failures.
     *
     * @param value the compiled policy, or null for none (then there are no recovery plans)
     * @return this builder
     */
    public ReportBuilder policy(@Nullable Policy value) {
        this.policy = value;
        return this;
    }

    // ---- records ----------------------------------------------------------------------------------

    private void start() {
        if (built) {
            throw new IllegalStateException("the report is built; start a new builder");
        }
        if (started) {
            return;
        }
        started = true;
        responses = new ReportSections.Responses(period, zone, units);
        {
            JourneyAnalytics.Builder b = JourneyAnalytics.builder(definitions)
                    .contactPreferences(id -> {
                        Customer c = customers.get(id);
                        return c == null ? null : c.contact();
                    })
                    .consistencyUnits(units).period(period).zone(zone)
                    .closedLoop(new ClosedLoopRules(ClosedLoopRules.DEFAULT_FOLLOW_UP, staff, zone));
            if (idleGap != null) {
                b.idleGap(idleGap);
            }
            if (!openWindow.isZero() && !definitions.isEmpty()) {
                openFailures = new OpenFailures(bridge, asOf, openWindow);
                b.listener(openFailures);
            }
            analytics = b.build();
        }
    }

    /**
     * Adds a survey response.
     *
     * @param response the response
     * @throws IllegalStateException after {@link #build}
     */
    public void addResponse(Response response) {
        start();
        given.add("responses");
        responses.accept(response);
        analytics.addResponse(response);
    }

    /**
     * Adds a journey event.
     *
     * @param event the event
     * @throws IllegalStateException if no definitions were set, or after {@link #build}
     */
    public void addEvent(JourneyEvent event) {
        start();
        if (definitions.isEmpty()) {
            throw new IllegalStateException("journey events need definitions: set them first");
        }
        given.add("events");
        analytics.addEvent(event);
    }

    /**
     * Returns the duplicate journey events dropped so far, so that a caller that reads several
     * event files can count each file's duplicates.
     *
     * @return the duplicates so far
     */
    public long duplicateEventsSoFar() {
        return analytics == null ? 0 : analytics.duplicatesSoFar();
    }

    /**
     * Adds an open incident, decided at its detection time; it wins over an open journey failure
     * of the same journey and incident type.
     *
     * @param incident the incident as read, with its customer and context hints
     * @throws IllegalStateException after {@link #build}
     */
    public void addIncident(IncidentRecord incident) {
        start();
        given.add("incidents");
        incidents.add(Objects.requireNonNull(incident, "incident"));
    }

    /**
     * Adds a customer: their contact preference for the contact rules, and the customer of their
     * incidents.
     *
     * @param customer the customer
     * @throws IllegalStateException after {@link #build}
     */
    public void addCustomer(Customer customer) {
        if (built) {
            throw new IllegalStateException("the report is built; start a new builder");
        }
        given.add("customers");
        customers.put(customer.id(), customer);
    }

    /**
     * Names an input in the report's provenance, with its row counts. The {@code read...}
     * methods do this themselves.
     *
     * @param kind what it holds: {@code responses}, {@code events}, {@code definition},
     *     {@code incidents} or {@code customers}; a kind named here counts as given, even with no rows
     * @param name the input's name as the user gave it
     * @param rows its rows
     */
    public void addInput(String kind, String name, Rows rows) {
        inputs.add(new Input(kind, name, rows));
        given.add(kind);
        if (kind.equals("customers") && customersSource == null) {
            customersSource = name;
        }
    }

    // ---- reading ----------------------------------------------------------------------------------

    /**
     * Reads survey responses (CSV or JSON Lines, by the file's extension or first character).
     *
     * @param file the file
     * @return the counts
     * @throws IOException if the file cannot be read
     */
    public ReadSummary readResponses(Path file) throws IOException {
        return readResponses(file, ResponseReader.create());
    }

    /**
     * Reads survey responses with a reader of one's own: a survey platform's export through its
     * {@link dev.cxkit.core.io.ColumnMapping}, an encoding, a filter.
     *
     * @param file the file (CSV, JSON Lines, .xlsx, gzip)
     * @param reader the reader
     * @return the counts
     * @throws IOException if the file cannot be read
     */
    public ReadSummary readResponses(Path file, ResponseReader reader) throws IOException {
        return read("responses", reader, file, this::addResponse);
    }

    /**
     * Reads journey events (CSV or JSON Lines); needs {@link #definitions} first. Duplicates (a
     * repeated event id in a journey) are counted in the provenance.
     *
     * @param file the file
     * @return the counts
     * @throws IOException if the file cannot be read
     * @throws IllegalStateException if no definitions were set
     */
    public ReadSummary readEvents(Path file) throws IOException {
        if (definitions.isEmpty()) {
            throw new IllegalStateException("journey events need definitions: set them first");
        }
        start();
        long before = duplicateEventsSoFar();
        ReadSummary read;
        // parsing on this thread, assembling and analysing on another, in order: the same results
        try (HandOff<JourneyEvent> events = HandOff.to(this::addEvent, "cx-journeys")) {
            read = readOnly(JourneyEventReader.create(), file, events);
        }
        long duplicates = duplicateEventsSoFar() - before;
        given.add("events");
        addInput("events", file.toString(), Rows.ofEvents(read, duplicates));
        return read;
    }

    /**
     * Reads open incidents (JSON Lines, as {@code cx recover} reads them).
     *
     * @param file the file
     * @return the counts
     * @throws IOException if the file cannot be read
     */
    public ReadSummary readIncidents(Path file) throws IOException {
        return read("incidents", IncidentReader.create(), file, this::addIncident);
    }

    /**
     * Reads customers (JSON Lines, as {@code cx recover} reads them).
     *
     * @param file the file
     * @return the counts
     * @throws IOException if the file cannot be read
     */
    public ReadSummary readCustomers(Path file) throws IOException {
        return read("customers", CustomerReader.create(), file, this::addCustomer);
    }

    private <T> ReadSummary read(String kind, RecordReader<T> reader, Path file, Consumer<T> accepted)
            throws IOException {
        ReadSummary read = readOnly(reader, file, accepted);
        addInput(kind, file.toString(), Rows.of(read));
        return read;
    }

    private <T> ReadSummary readOnly(RecordReader<T> reader, Path file, Consumer<T> accepted) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return reader.read(in, file.toString(), accepted, r -> {
                if (rejections.size() < KEPT_REJECTIONS) {
                    rejections.add(r);
                }
            });
        }
    }

    /**
     * Returns the first {@value #KEPT_REJECTIONS} rows the {@code read...} methods rejected.
     *
     * @return the rejections, in the order read
     */
    public List<Rejection> rejections() {
        return List.copyOf(rejections);
    }

    // ---- partial states, for builders in several JVMs ---------------------------------------------

    /**
     * Closes every journey and returns this builder's state as bytes, for another builder of the
     * same settings to {@link #merge(byte[])}: the way a report over data spread across JVMs (Spark
     * partitions, each with the events of whole journeys and their responses) is built from one
     * builder per part. Holds the inputs given, the responses' scores, the journey analytics and
     * the open journey failures; not the incidents, customers, policy or provenance, which stay
     * with the builder that builds. This builder is finished afterwards.
     *
     * @return the bytes, a transfer within one cxkit version (not a stored format)
     * @throws IllegalStateException if the builder is built or finished
     * @since 0.1.0
     */
    public byte[] finishToBytes() {
        start();
        built = true;
        return ReportPartial.write(given, responses, analytics.finishToBytes(),
                openFailures == null ? null : openFailures.toBytes());
    }

    /**
     * Adds the state of a builder of the same settings (as of the same time, same definitions,
     * period, zone, consistency units, staff and open window), written by {@link #finishToBytes()};
     * its journeys must be disjoint from this builder's.
     *
     * @param partial the bytes
     * @throws IllegalArgumentException if the bytes are not a partial of a builder of these settings
     * @throws IllegalStateException if the builder is built
     * @since 0.1.0
     */
    public void merge(byte[] partial) {
        start();
        ReportPartial.Parts parts = ReportPartial.read(partial);
        given.addAll(parts.given());
        ReportPartial.readPart(parts.responses(), responses::merge);
        analytics.merge(parts.analytics());
        if ((parts.openFailures() == null) != (openFailures == null)) {
            throw new IllegalArgumentException("the partial " + (openFailures == null ? "has" : "has no")
                    + " open failures and this builder " + (openFailures == null ? "none" : "some"));
        }
        if (openFailures != null) {
            openFailures.merge(parts.openFailures());
        }
    }

    // ---- building ---------------------------------------------------------------------------------

    /**
     * Builds the report: closes every journey, decides the incidents and the open journey
     * failures, and fills every section. A decision that fails is left out of the plans and kept
     * in {@link #decisionFailures()}; the others go on.
     *
     * @return the report
     * @throws IllegalStateException if called twice
     */
    public HealthReport build() {
        start();
        built = true;
        // one error rate for the whole report: the consistency findings' budget is the scores' alpha
        JourneyAnalysis analysis = analytics.finish(options,
                consistencyRules(ConsistencyRules.defaults().withFamilyAlpha(options.alpha()), units.size()));
        boolean withResponses = given.contains("responses");
        boolean withEvents = !definitions.isEmpty() && given.contains("events");
        if (withEvents && withResponses && analysis.unmatched() > 0) {
            warnings.add(analysis.unmatched() + (analysis.unmatched() == 1 ? " response has" : " responses have")
                    + " no journey in the events (kept in the headline, scores and consistency only)");
        }
        String noResponses = withResponses ? "No responses were read" : "No responses were given (--responses)";
        String noEvents = "No journey events were given (--events)";
        boolean anyResponses = responses.count() > 0;
        Section<Headline> headline = anyResponses ? ReportSections.headline(responses, asOf, options)
                : Section.absent(noResponses + ", so there are no scores.");
        Section<Scores> scores = anyResponses ? ReportSections.scores(responses, asOf, options, adjustment)
                : Section.absent(noResponses + ", so there are no scores by group.");
        Section<List<Journeys>> journeys = withEvents ? ReportSections.journeys(analysis, options.confidence())
                : Section.absent(noEvents + ", so there is no funnel and no promise check.");
        Optional<Metric> metric = withEvents ? analysis.journeyMetric() : Optional.empty();
        String unjoined = !withEvents ? noEvents : !anyResponses ? noResponses
                : "No response has the journey_id of a journey in the events";
        Section<FailureImpactRanking> impact = metric.map(m -> Section.of(ReportSections.failureImpact(analysis, m, adjustment,
                options.alpha())))
                .orElse(Section.absent(unjoined + ", so failures cannot be tied to scores."));
        Section<RecoveryEffectiveness> effectiveness = metric.map(m -> Section.of(
                ReportSections.recoveryEffectiveness(analysis, m, options)))
                .orElse(Section.absent(unjoined + ", so recovery cannot be measured."));
        Section<Consistency> consistency = anyResponses
                ? Section.of(ReportSections.consistency(analysis.consistency()))
                : Section.absent(noResponses + ", so consistency cannot be checked.");
        // without events, the call-backs are the detractors whose responses name their customer
        Section<ClosedLoop> loop = anyResponses
                ? Section.of(ReportSections.closedLoop(analysis.closedLoop(), responses, asOf))
                : Section.absent(noResponses + ", so there is no closed loop: it lists the detractors to call back.");
        Section<RecoveryPlans> plans = plans(withEvents);
        String title = this.title != null ? this.title : "CX health report" + (subject != null ? ": " + subject : "")
                + headline.content().map(h -> ", " + h.scores().get(0).period()).orElse("");
        return new HealthReport(title, new Provenance(asOf, inputs), headline, scores, journeys, impact, plans,
                effectiveness, consistency, loop);
    }

    private Section<RecoveryPlans> plans(boolean withEvents) {
        boolean withIncidents = given.contains("incidents");
        boolean fromFailures = withEvents && openFailures != null;
        if (!withIncidents && !fromFailures) {
            return Section.absent("No incidents were given (--incidents), so there are no recovery plans.");
        }
        if (policy == null) {
            return Section.absent("No policy was given (--policy), so the incidents were not decided.");
        }
        RecoveryPlanning.Planned planned = RecoveryPlanning.decide(policy, incidents,
                fromFailures ? openFailures : null, customers, given.contains("customers") ? customersSource : null);
        failures.addAll(planned.failures());
        warnings.addAll(planned.warnings());
        return Section.of(planned.plans());
    }

    /**
     * Splits a report's false-alarm budget over its consistency dimensions (location, touchpoint,
     * ...), so that the whole report, not each dimension, keeps it.
     *
     * @param rules the rules, with the report's budget
     * @param dimensions the number of consistency dimensions
     * @return the rules for each dimension
     */
    static ConsistencyRules consistencyRules(ConsistencyRules rules, int dimensions) {
        return rules.withFamilyAlpha(rules.familyAlpha() / Math.max(1, dimensions));
    }

    /**
     * Returns the decisions that failed while building: each names its incident and rule.
     *
     * @return the failures, in the incidents' order; empty before {@link #build}
     */
    public List<DecisionException> decisionFailures() {
        return List.copyOf(failures);
    }

    /**
     * Returns what a person should know about the build: responses without a journey in the
     * events, incidents whose customer is unknown.
     *
     * @return the warnings, in the order found; empty before {@link #build}
     */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
