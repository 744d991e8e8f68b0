package dev.cxkit.rules.scenario;

import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.rules.fact.AffectedItem;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Disruption;
import dev.cxkit.rules.fact.FlightDisruption;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.fact.RecoveryContext;
import dev.cxkit.rules.fact.Severity;
import dev.cxkit.rules.plan.AwareStep;
import dev.cxkit.rules.plan.OfferKind;
import dev.cxkit.rules.plan.Owner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads scenario files (YAML, one scenario per file) into {@link Scenario}s, in the format the
 * {@linkplain dev.cxkit.rules.scenario package documentation} describes.
 *
 * <p>A file with problems is not half-read: every problem found in it is reported at once, each
 * naming the file and the field ({@code scenarios/wrong-item.yaml: given.incident.type:
 * 'WRONG_ITEMS' is not one of WRONG_ITEM, ...}). Unknown keys are problems too, so a typo never
 * passes silently.
 *
 * <p>Thread-safe: all methods are static and share no mutable state.
 */
public final class ScenarioLoader {

    /** The name of the directory, beside a policy's DRL files, that holds its scenarios. */
    public static final String SCENARIOS_DIR = "scenarios";
    /** The file in a class-path pack's {@code scenarios} directory that lists its scenario files. */
    public static final String INDEX = "index";

    private static final String PACKS = "/dev/cxkit/rules/packs/";

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final Set<String> TOP = keys("name", "given", "expect");
    private static final Set<String> GIVEN = keys("now", "incident", "customer", "context", "settings");
    /** The keys of a flight incident ({@code kind: FLIGHT}) only. */
    private static final Set<String> FLIGHT = keys("disruption", "distance_km", "intra_eu",
            "departure_delay_minutes", "arrival_delay_minutes", "notice_days", "reroute_departure_earlier_minutes",
            "rerouted", "overnight", "volunteered", "ticket_price");
    private static final Set<String> INCIDENT = union(FLIGHT, keys("id", "kind", "type", "severity", "channel",
            "factor", "journey_id", "customer_id", "location", "touchpoint", "occurred_at", "detected_at",
            "minutes_waited", "minutes_promised", "order_value", "currency", "items", "extraordinary_circumstances",
            "attributes"));
    /** The value of {@code given.incident.kind} that makes the incident a flight. */
    private static final String FLIGHT_KIND = "FLIGHT";
    private static final Set<String> ITEM = keys("name", "price", "delivered");
    private static final Set<String> CUSTOMER = keys("id", "tier", "lifetime_value", "contact", "recent_failures");
    private static final Set<String> CONTACT = keys("channel", "address_kind");
    private static final Set<String> CONTEXT = keys("budget_left_today", "similar_recent_incidents",
            "already_compensated");
    private static final Set<String> EXPECT = keys("offers", "steps", "escalations", "follow_ups", "systemic",
            "fired", "not_fired");
    private static final Set<String> OFFER = keys("kind", "amount", "requires_approval", "requires_consent", "notes",
            "reason", "rule");
    private static final Set<String> STEP = keys("step", "owner", "due", "instruction", "rule");
    private static final Set<String> ESCALATION = keys("to", "due", "reason", "rule");
    private static final Set<String> FOLLOW_UP = keys("channel", "address_kind", "due", "rule");

    private ScenarioLoader() {
    }

    private static Set<String> keys(String... names) {
        return Set.copyOf(Arrays.asList(names));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    /**
     * Parses one scenario from YAML text.
     *
     * @param source the file's name, for messages (for example {@code scenarios/wrong-item.yaml})
     * @param yaml the text
     * @return the scenario, or every problem found
     */
    public static ScenarioFile parse(String source, String yaml) {
        JsonNode root;
        try {
            root = MAPPER.readTree(yaml);
        } catch (JacksonException e) {
            String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
            return new ScenarioFile(source, null, List.of(new ScenarioProblem(source, null,
                    where + "not valid YAML: " + e.getOriginalMessage())));
        }
        Parser parser = new Parser(source);
        Scenario scenario = parser.scenario(root);
        return parser.problems.isEmpty() ? new ScenarioFile(source, scenario, List.of())
                : new ScenarioFile(source, null, parser.problems);
    }

    /**
     * Reads one scenario file.
     *
     * @param file the file
     * @return the scenario, or every problem found (an unreadable file is a problem too)
     */
    public static ScenarioFile load(Path file) {
        String source = file.toString();
        try {
            return parse(source, Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException e) {
            return new ScenarioFile(source, null, List.of(new ScenarioProblem(source, null, "cannot read: " + e)));
        }
    }

    /**
     * Reads every scenario file ({@code *.yaml}, {@code *.yml}) in a directory, not in its
     * subdirectories, in name order.
     *
     * @param dir the directory
     * @return one entry per file, loaded or with its problems
     * @throws IOException if the directory cannot be listed
     */
    public static List<ScenarioFile> loadDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a directory");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(ScenarioLoader::isScenarioFile).sorted().toList();
        }
        List<ScenarioFile> out = new ArrayList<>();
        for (Path file : files) {
            out.add(load(file));
        }
        return out;
    }

    /**
     * Returns whether a path names a scenario file: a regular file ending in {@code .yaml} or
     * {@code .yml}.
     *
     * @param path the path
     * @return true for a scenario file
     */
    public static boolean isScenarioFile(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(path);
    }

    /**
     * Reads the scenarios shipped with a policy pack on the class path: the files listed in
     * {@code /dev/cxkit/rules/packs/PACK/scenarios/index}, one name per line ({@code #} starts a
     * comment).
     *
     * @param pack the pack, for example {@code restaurant}
     * @return one entry per file, loaded or with its problems
     * @throws IllegalArgumentException if the pack has no scenario index
     */
    public static List<ScenarioFile> loadPack(String pack) {
        String base = PACKS + pack + "/" + SCENARIOS_DIR + "/";
        String index = resource(base + INDEX);
        if (index == null) {
            throw new IllegalArgumentException("policy pack '" + pack + "' has no scenarios (looked for " + base + INDEX
                    + ")");
        }
        List<ScenarioFile> out = new ArrayList<>();
        for (String line : index.split("\\R")) {
            String file = line.strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            String source = pack + "/" + SCENARIOS_DIR + "/" + file;
            String text = resource(base + file);
            out.add(text == null
                    ? new ScenarioFile(source, null, List.of(new ScenarioProblem(source, null,
                            "listed in the scenario index but missing")))
                    : parse(source, text));
        }
        return out;
    }

    private static String resource(String path) {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Edit distance, for "did you mean" on unknown keys. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** One file's parse: walks the YAML tree, collecting every problem with its path. */
    private static final class Parser {
        private final String source;
        private final List<ScenarioProblem> problems = new ArrayList<>();
        private Currency currency;
        private Instant detectedAt;

        Parser(String source) {
            this.source = source;
        }

        void problem(String field, String message) {
            problems.add(new ScenarioProblem(source, field, message));
        }

        Scenario scenario(JsonNode root) {
            if (root == null || root.isMissingNode() || root.isNull()) {
                problem(null, "empty file: a scenario needs name, given and expect");
                return null;
            }
            Obj top = object(root, "", TOP);
            if (top == null) {
                return null;
            }
            String name = top.text("name", true);
            Obj given = top.object("given", GIVEN, true);
            Obj incidentNode = given == null ? null : given.object("incident", INCIDENT, true);
            Obj customerNode = given == null ? null : given.object("customer", CUSTOMER, true);
            Obj contextNode = given == null ? null : given.object("context", CONTEXT, false);
            Instant now = given == null ? null : given.instant("now", false);
            Incident incident = incidentNode == null ? null : incident(incidentNode, now);
            Customer customer = customerNode == null ? null : customer(customerNode);
            RecoveryContext context = null;
            Instant decisionTime = now != null ? now : detectedAt;
            if (decisionTime != null) {
                context = context(contextNode, decisionTime);
            }
            Map<String, String> settings = given == null ? Map.of() : settings(given);
            Obj expectNode = top.object("expect", EXPECT, true);
            Expectations expect = expectNode == null ? null : expectations(expectNode);
            if (!problems.isEmpty()) {
                return null;
            }
            return new Scenario(source, name, incident, customer, context, settings, expect);
        }

        Incident incident(Obj o, Instant now) {
            String id = o.text("id", true);
            currency = o.currency("currency");
            boolean isFlight = isFlight(o);
            FlightDisruption flight = isFlight ? flight(o) : null;
            IncidentType type = o.enumValue("type", IncidentType.class, !isFlight);
            if (flight != null) {
                IncidentType flightType = flight.disruption().incidentType();
                if (type != null && type != flightType) {
                    problem(o.path("type"), type + " contradicts disruption " + flight.disruption() + " (a "
                            + flightType + "); leave type out of a flight");
                }
                type = flightType;
            }
            Severity severity = o.enumValue("severity", Severity.class, false);
            Channel channel = o.enumValue("channel", Channel.class, false);
            SatisfactionFactor factor = o.enumValue("factor", SatisfactionFactor.class, false);
            Instant occurred = o.instant("occurred_at", false);
            Instant detected = o.instant("detected_at", false);
            detectedAt = detected != null ? detected : occurred != null ? occurred : now;
            if (detectedAt == null && !o.has("detected_at")) {
                problem(o.path("detected_at"), "is required (or give occurred_at or given.now)");
            }
            Integer waited = o.integer("minutes_waited", 0);
            Integer promised = o.integer("minutes_promised", 0);
            Money orderValue = o.money("order_value", false);
            Boolean extraordinary = o.bool("extraordinary_circumstances", false);
            Incident.Builder builder = id == null || type == null ? null : Incident.builder(id, type);
            List<Obj> items = o.objects("items", ITEM);
            for (Obj item : items) {
                String name = item.text("name", true);
                Money price = item.money("price", true);
                Boolean delivered = item.bool("delivered", true);
                if (name != null && price != null && delivered != null && builder != null) {
                    try {
                        builder.item(new AffectedItem(name, price, delivered));
                    } catch (IllegalArgumentException e) {
                        problem(item.path, e.getMessage());
                    }
                }
            }
            Map<String, String> attributes = o.stringMap("attributes");
            if (builder == null || detectedAt == null || waited == null || promised == null || extraordinary == null) {
                return null;
            }
            builder.journeyId(o.text("journey_id", false)).customerId(o.text("customer_id", false))
                    .location(o.text("location", false)).touchpoint(o.text("touchpoint", false))
                    .occurredAt(occurred).detectedAt(detectedAt).wait(waited, promised).orderValue(orderValue)
                    .extraordinaryCircumstances(extraordinary).factor(factor).flight(flight);
            if (severity != null) {
                builder.severity(severity);
            }
            if (channel != null) {
                builder.channel(channel);
            }
            attributes.forEach(builder::attribute);
            try {
                return builder.build();
            } catch (IllegalArgumentException | NullPointerException e) {
                problem(o.path, e.getMessage());
                return null;
            }
        }

        /**
         * Whether the incident is a flight ({@code kind: FLIGHT}); reports another kind, and flight
         * keys on an incident that is not a flight.
         */
        boolean isFlight(Obj o) {
            String kind = o.text("kind", false);
            if (kind != null && !kind.strip().equalsIgnoreCase(FLIGHT_KIND)) {
                problem(o.path("kind"), "'" + kind + "' is not " + FLIGHT_KIND + " (leave kind out for any other "
                        + "incident)");
                return false;
            }
            if (kind == null) {
                FLIGHT.stream().filter(o::has).sorted().forEach(key -> problem(o.path(key),
                        "is a flight key: add kind: " + FLIGHT_KIND + " (or leave it out)"));
            }
            return kind != null;
        }

        /**
         * The flight of a {@code kind: FLIGHT} incident, or null when a key is missing, unreadable
         * or contradicts another (every such problem is reported with its path).
         */
        FlightDisruption flight(Obj o) {
            Disruption disruption = o.enumValue("disruption", Disruption.class, true);
            FlightDisruption.Builder builder = FlightDisruption.builder(disruption)
                    .distanceKm(o.integer("distance_km", null))
                    .intraEu(o.boolOrNull("intra_eu"))
                    .departureDelayMinutes(o.integer("departure_delay_minutes", null))
                    .arrivalDelayMinutes(o.integer("arrival_delay_minutes", null))
                    .noticeDays(o.integer("notice_days", null))
                    .rerouteDepartureEarlierMinutes(o.integer("reroute_departure_earlier_minutes", null))
                    .rerouted(Boolean.TRUE.equals(o.boolOrNull("rerouted")))
                    .overnight(Boolean.TRUE.equals(o.boolOrNull("overnight")))
                    .volunteered(Boolean.TRUE.equals(o.boolOrNull("volunteered")))
                    .ticketPrice(o.money("ticket_price", false));
            List<FlightDisruption.Problem> flightProblems = builder.problems();
            for (FlightDisruption.Problem p : flightProblems) {
                // a key that is there but could not be read was reported as such, not as missing
                if (!(p.missing() && o.has(p.field()))) {
                    problem(o.path(p.field()), p.message());
                }
            }
            return disruption == null || !flightProblems.isEmpty() ? null : builder.build();
        }

        Customer customer(Obj o) {
            String id = o.text("id", true);
            String tier = o.text("tier", false);
            Money lifetime = o.money("lifetime_value", false);
            Integer recent = o.integer("recent_failures", 0);
            Obj contact = o.object("contact", CONTACT, true);
            ContactPreference preference = null;
            if (contact != null) {
                Channel channel = contact.enumValue("channel", Channel.class, true);
                AddressKind kind = contact.enumValue("address_kind", AddressKind.class, true);
                preference = channel == null || kind == null ? null : new ContactPreference(channel, kind);
            }
            if (id == null || preference == null || recent == null) {
                return null;
            }
            try {
                return new Customer(id, tier, lifetime, preference, recent);
            } catch (IllegalArgumentException e) {
                problem(o.path, e.getMessage());
                return null;
            }
        }

        RecoveryContext context(Obj o, Instant now) {
            if (o == null) {
                return RecoveryContext.at(now);
            }
            Money budget = o.money("budget_left_today", false);
            Integer similar = o.integer("similar_recent_incidents", 1);
            Boolean compensated = o.bool("already_compensated", false);
            if (similar == null || compensated == null) {
                return null;
            }
            try {
                return new RecoveryContext(now, budget, similar, compensated);
            } catch (IllegalArgumentException e) {
                problem(o.path, e.getMessage());
                return null;
            }
        }

        Map<String, String> settings(Obj given) {
            JsonNode node = given.node.get("settings");
            String path = given.path("settings");
            Map<String, String> out = new LinkedHashMap<>();
            if (node == null || node.isNull()) {
                return out;
            }
            if (!node.isObject()) {
                problem(path, "must be a map of setting name to value");
                return out;
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                JsonNode value = e.getValue();
                if (value.isObject() || value.isArray() || value.isNull()) {
                    problem(path + "." + e.getKey(), "must be a single value");
                } else {
                    out.put(e.getKey(), scalar(value));
                }
            }
            return out;
        }

        Expectations expectations(Obj o) {
            List<ExpectedOffer> offers = null;
            if (o.has("offers")) {
                offers = new ArrayList<>();
                for (Obj offer : o.objects("offers", OFFER)) {
                    OfferKind kind = offer.enumValue("kind", OfferKind.class, true);
                    Money amount = offer.money("amount", false);
                    Boolean approval = offer.boolOrNull("requires_approval");
                    Boolean consent = offer.boolOrNull("requires_consent");
                    List<String> notes = offer.has("notes") ? offer.strings("notes") : null;
                    String reason = offer.text("reason", false);
                    String rule = offer.text("rule", false);
                    if (kind != null) {
                        if (amount != null && !kind.isMoney()) {
                            problem(offer.path("amount"), kind + " offers carry no money");
                        }
                        offers.add(new ExpectedOffer(kind, amount, approval, consent, notes, reason, rule));
                    }
                }
            }
            List<ExpectedStep> steps = null;
            if (o.has("steps")) {
                steps = new ArrayList<>();
                Set<AwareStep> seen = EnumSet.noneOf(AwareStep.class);
                for (Obj step : o.objects("steps", STEP)) {
                    AwareStep which = step.enumValue("step", AwareStep.class, true);
                    Owner owner = step.enumValue("owner", Owner.class, false);
                    Instant due = step.due("due");
                    String instruction = step.text("instruction", false);
                    String rule = step.text("rule", false);
                    if (which != null) {
                        if (!seen.add(which)) {
                            problem(step.path("step"), which + " is listed twice (a plan has each step once)");
                        }
                        steps.add(new ExpectedStep(which, owner, due, instruction, rule));
                    }
                }
            }
            List<ExpectedEscalation> escalations = null;
            if (o.has("escalations")) {
                escalations = new ArrayList<>();
                for (Obj e : o.objects("escalations", ESCALATION)) {
                    Owner to = e.enumValue("to", Owner.class, true);
                    Instant due = e.due("due");
                    String reason = e.text("reason", false);
                    String rule = e.text("rule", false);
                    if (to != null) {
                        escalations.add(new ExpectedEscalation(to, due, reason, rule));
                    }
                }
            }
            List<ExpectedFollowUp> followUps = null;
            if (o.has("follow_ups")) {
                followUps = new ArrayList<>();
                for (Obj f : o.objects("follow_ups", FOLLOW_UP)) {
                    Channel channel = f.enumValue("channel", Channel.class, true);
                    AddressKind kind = f.enumValue("address_kind", AddressKind.class, false);
                    Instant due = f.due("due");
                    String rule = f.text("rule", false);
                    if (channel != null) {
                        followUps.add(new ExpectedFollowUp(channel, kind, due, rule));
                    }
                }
            }
            Boolean systemic = o.boolOrNull("systemic");
            List<String> fired = o.has("fired") ? o.strings("fired") : null;
            List<String> notFired = o.has("not_fired") ? o.strings("not_fired") : null;
            if (fired != null && notFired != null) {
                for (String name : fired) {
                    if (notFired.contains(name)) {
                        problem(o.path("not_fired"), "\"" + name + "\" is also in fired");
                    }
                }
            }
            Expectations out = new Expectations(offers, steps, escalations, followUps, systemic, fired, notFired);
            if (out.isEmpty()) {
                problem(o.path, "expects nothing: give at least one of " + sorted(EXPECT));
            }
            return out;
        }

        Obj object(JsonNode node, String path, Set<String> allowed) {
            if (!node.isObject()) {
                problem(path.isEmpty() ? null : path, path.isEmpty() ? "a scenario file must be a map with name, "
                        + "given and expect" : "must be a map with keys " + sorted(allowed));
                return null;
            }
            for (String key : node.propertyNames()) {
                if (!allowed.contains(key)) {
                    String field = path.isEmpty() ? key : path + "." + key;
                    String suggestion = allowed.stream().filter(k -> distance(k, key) <= 2)
                            .min((a, b) -> Integer.compare(distance(a, key), distance(b, key))).orElse(null);
                    problem(field, "unknown key" + (suggestion != null ? " (did you mean " + suggestion + "?)"
                            : "; known keys: " + sorted(allowed)));
                }
            }
            return new Obj(node, path);
        }

        static String sorted(Set<String> keys) {
            return keys.stream().sorted().collect(Collectors.joining(", "));
        }

        static String scalar(JsonNode node) {
            if (node.isBigDecimal()) {
                return node.decimalValue().toPlainString();
            }
            return node.asString();
        }

        /** An object node and its path, with typed, problem-reporting accessors. */
        private final class Obj {
            final JsonNode node;
            final String path;

            Obj(JsonNode node, String path) {
                this.node = node;
                this.path = path;
            }

            String path(String key) {
                return path.isEmpty() ? key : path + "." + key;
            }

            boolean has(String key) {
                JsonNode v = node.get(key);
                return v != null && !v.isNull();
            }

            /** The value, or null when absent (reported when required). */
            JsonNode value(String key, boolean required) {
                JsonNode v = node.get(key);
                if (v == null || v.isNull()) {
                    if (required) {
                        problem(path(key), "is required");
                    }
                    return null;
                }
                return v;
            }

            JsonNode scalarValue(String key, boolean required) {
                JsonNode v = value(key, required);
                if (v != null && (v.isObject() || v.isArray())) {
                    problem(path(key), "must be a single value, not a " + (v.isObject() ? "map" : "list"));
                    return null;
                }
                return v;
            }

            String text(String key, boolean required) {
                JsonNode v = scalarValue(key, required);
                if (v == null) {
                    return null;
                }
                String s = scalar(v);
                if (s.isBlank()) {
                    problem(path(key), "must not be blank");
                    return null;
                }
                return s;
            }

            <E extends Enum<E>> E enumValue(String key, Class<E> type, boolean required) {
                String s = text(key, required);
                if (s == null) {
                    return null;
                }
                for (E e : type.getEnumConstants()) {
                    if (e.name().equalsIgnoreCase(s.strip())) {
                        return e;
                    }
                }
                problem(path(key), "'" + s + "' is not one of " + Arrays.stream(type.getEnumConstants())
                        .map(Enum::name).collect(Collectors.joining(", ")));
                return null;
            }

            /** A whole number, or {@code absent} when not given; null (reported) when not a whole number. */
            Integer integer(String key, Integer absent) {
                JsonNode v = scalarValue(key, false);
                if (v == null) {
                    return absent;
                }
                if (v.isIntegralNumber() && v.canConvertToInt()) {
                    return v.intValue();
                }
                problem(path(key), "'" + scalar(v) + "' is not a whole number");
                return null;
            }

            /** A boolean, or null when not given (or not a boolean, which is reported). */
            Boolean boolOrNull(String key) {
                JsonNode v = scalarValue(key, false);
                if (v == null) {
                    return null;
                }
                if (v.isBoolean()) {
                    return v.booleanValue();
                }
                problem(path(key), "'" + scalar(v) + "' is not true or false");
                return null;
            }

            /** A boolean: false when absent and not required. */
            Boolean bool(String key, boolean required) {
                if (!has(key)) {
                    value(key, required);
                    return required ? null : Boolean.FALSE;
                }
                return boolOrNull(key);
            }

            Currency currency(String key) {
                String s = text(key, false);
                if (s == null) {
                    return null;
                }
                try {
                    return Currency.getInstance(s.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problem(path(key), "'" + s + "' is not an ISO 4217 currency code (for example EUR)");
                    return null;
                }
            }

            /** An amount: "18.50" in given.incident.currency, or "EUR 18.50". */
            Money money(String key, boolean required) {
                JsonNode v = scalarValue(key, required);
                if (v == null) {
                    return null;
                }
                String s = scalar(v).strip();
                String[] parts = s.split("\\s+");
                Currency in = currency;
                String number = s;
                if (parts.length == 2) {
                    try {
                        in = Currency.getInstance(parts[0].toUpperCase(Locale.ROOT));
                        number = parts[1];
                    } catch (IllegalArgumentException e) {
                        problem(path(key), "'" + s + "': '" + parts[0] + "' is not an ISO 4217 currency code");
                        return null;
                    }
                }
                BigDecimal amount;
                try {
                    amount = new BigDecimal(number);
                } catch (NumberFormatException e) {
                    problem(path(key), "'" + s + "' is not an amount (write it like \"18.50\" or \"EUR 18.50\")");
                    return null;
                }
                if (in == null) {
                    problem(path(key), "'" + s + "' has no currency: write \"EUR " + number
                            + "\" or set given.incident.currency");
                    return null;
                }
                try {
                    return Money.of(amount, in);
                } catch (ArithmeticException e) {
                    problem(path(key), "'" + s + "' has more decimals than " + in + " allows");
                    return null;
                }
            }

            Instant instant(String key, boolean required) {
                String s = text(key, required);
                return s == null ? null : parseInstant(key, s);
            }

            private Instant parseInstant(String key, String s) {
                try {
                    return OffsetDateTime.parse(s.strip()).toInstant();
                } catch (DateTimeParseException e) {
                    problem(path(key), "'" + s + "' is not a time like 2025-06-14T19:30:00Z");
                    return null;
                }
            }

            /** A due time: an instant, or an ISO-8601 duration (PT2M) after given.incident.detected_at. */
            Instant due(String key) {
                String s = text(key, false);
                if (s == null) {
                    return null;
                }
                String t = s.strip();
                if (t.startsWith("P") || t.startsWith("p")) {
                    try {
                        Duration d = Duration.parse(t);
                        if (detectedAt == null) {
                            return null; // the missing detection time is reported already
                        }
                        return detectedAt.plus(d);
                    } catch (DateTimeParseException e) {
                        problem(path(key), "'" + s + "' is not a duration like PT2M or P3D");
                        return null;
                    }
                }
                return parseInstant(key, t);
            }

            Obj object(String key, Set<String> allowed, boolean required) {
                JsonNode v = value(key, required);
                return v == null ? null : ScenarioLoader.Parser.this.object(v, path(key), allowed);
            }

            List<Obj> objects(String key, Set<String> allowed) {
                List<Obj> out = new ArrayList<>();
                JsonNode v = value(key, false);
                if (v == null) {
                    return out;
                }
                if (!v.isArray()) {
                    problem(path(key), "must be a list");
                    return out;
                }
                for (int i = 0; i < v.size(); i++) {
                    Obj o = ScenarioLoader.Parser.this.object(v.get(i), path(key) + "[" + i + "]", allowed);
                    if (o != null) {
                        out.add(o);
                    }
                }
                return out;
            }

            List<String> strings(String key) {
                List<String> out = new ArrayList<>();
                JsonNode v = value(key, false);
                if (v == null) {
                    return out;
                }
                if (!v.isArray()) {
                    problem(path(key), "must be a list");
                    return out;
                }
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < v.size(); i++) {
                    JsonNode item = v.get(i);
                    if (item.isObject() || item.isArray() || item.isNull()) {
                        problem(path(key) + "[" + i + "]", "must be text");
                    } else if (!seen.add(scalar(item)) && !key.equals("notes")) {
                        problem(path(key) + "[" + i + "]", "\"" + scalar(item) + "\" is listed twice");
                    } else {
                        out.add(scalar(item));
                    }
                }
                return out;
            }

            Map<String, String> stringMap(String key) {
                Map<String, String> out = new LinkedHashMap<>();
                JsonNode v = value(key, false);
                if (v == null) {
                    return out;
                }
                if (!v.isObject()) {
                    problem(path(key), "must be a map");
                    return out;
                }
                for (Map.Entry<String, JsonNode> e : v.properties()) {
                    if (e.getValue().isObject() || e.getValue().isArray() || e.getValue().isNull()) {
                        problem(path(key) + "." + e.getKey(), "must be a single value");
                    } else {
                        out.put(e.getKey(), scalar(e.getValue()));
                    }
                }
                return out;
            }
        }
    }
}
