package dev.cxkit.rules.scenario;

import dev.cxkit.core.io.DocumentFields;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.core.service.Channel;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.fact.RecoveryContext;
import dev.cxkit.rules.io.IncidentFields;
import dev.cxkit.rules.plan.AwareStep;
import dev.cxkit.rules.plan.OfferKind;
import dev.cxkit.rules.plan.Owner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
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
 *
 * @since 0.1.0
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
    private static final Set<String> EXPECT = keys("offers", "steps", "escalations", "follow_ups", "systemic",
            "fired", "not_fired", "fails");
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

    /**
     * Parses one scenario from YAML text.
     *
     * @param source the file's name, for messages (for example {@code scenarios/wrong-item.yaml})
     * @param yaml the text
     * @return the scenario, or every problem found
     */
    public static ScenarioFile parse(String source, String yaml) {
        return parse(source, yaml, null);
    }

    /**
     * Parses one scenario from YAML text, reading amounts written without a currency in the
     * policy's (unless the scenario's incident names its own {@code currency}).
     *
     * @param source the file's name, for messages
     * @param yaml the text
     * @param policyCurrency the policy's currency, or null for none
     * @return the scenario, or every problem found
     */
    public static ScenarioFile parse(String source, String yaml, java.util.@Nullable Currency policyCurrency) {
        JsonNode root;
        try {
            root = MAPPER.readTree(yaml);
        } catch (JacksonException e) {
            String where = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? ""
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
            return new ScenarioFile(source, null, List.of(new ScenarioProblem(source, null,
                    where + "not valid YAML: " + dev.cxkit.core.io.JsonMessages.plain(e.getOriginalMessage()))));
        }
        DocumentFields top = DocumentFields.of(root, DocumentFields.Style.AFTER_PATH);
        Scenario scenario = scenario(source, top, policyCurrency);
        if (top.problems().isEmpty()) {
            return new ScenarioFile(source, scenario, List.of());
        }
        return new ScenarioFile(source, null, top.problems().stream()
                .map(p -> new ScenarioProblem(source, p.path().isEmpty() ? null : p.path(), p.message())).toList());
    }

    /**
     * Reads one scenario file.
     *
     * @param file the file
     * @return the scenario, or every problem found (an unreadable file is a problem too)
     */
    public static ScenarioFile load(Path file) {
        return load(file, null);
    }

    /**
     * Reads one scenario file, amounts without a currency in the policy's.
     *
     * @param file the file
     * @param policyCurrency the policy's currency, or null for none
     * @return the scenario, or every problem found
     */
    public static ScenarioFile load(Path file, java.util.@Nullable Currency policyCurrency) {
        String source = file.toString();
        try {
            return parse(source, Files.readString(file, StandardCharsets.UTF_8), policyCurrency);
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
        return loadDirectory(dir, null);
    }

    /**
     * Reads every scenario file in a directory, amounts without a currency in the policy's.
     *
     * @param dir the directory
     * @param policyCurrency the policy's currency, or null for none
     * @return one entry per file, loaded or with its problems
     * @throws IOException if the directory cannot be listed
     */
    public static List<ScenarioFile> loadDirectory(Path dir, java.util.@Nullable Currency policyCurrency)
            throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a directory");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(ScenarioLoader::isScenarioFile).sorted().toList();
        }
        List<ScenarioFile> out = new ArrayList<>();
        for (Path file : files) {
            out.add(load(file, policyCurrency));
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
        return loadPack(pack, null);
    }

    /**
     * Reads the scenarios shipped with a policy pack, amounts without a currency in the pack's.
     *
     * @param pack the pack
     * @param policyCurrency the pack's currency, or null for none
     * @return one entry per file, loaded or with its problems
     * @throws IllegalArgumentException if the pack has no scenario index
     */
    public static List<ScenarioFile> loadPack(String pack, java.util.@Nullable Currency policyCurrency) {
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
                    : parse(source, text, policyCurrency));
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

    // ---- the walk: every problem goes to the file's fields, with its path ------------------------

    private static Scenario scenario(String source, DocumentFields top, java.util.Currency policyCurrency) {
        if (top.node().isMissingNode() || top.node().isNull()) {
            top.problem("empty file: a scenario needs name, given and expect");
            return null;
        }
        if (!top.node().isObject()) {
            top.problem("a scenario file must be a map with name, given and expect");
            return null;
        }
        top.onlyKnown(TOP);
        String name = top.requiredText("name");
        DocumentFields given = top.object("given", true);
        IncidentFields facts = IncidentFields.forScenario(policyCurrency);
        Incident incident = null;
        Customer customer = null;
        RecoveryContext context = null;
        Map<String, String> settings = Map.of();
        if (given != null) {
            given.onlyKnown(GIVEN);
            Instant now = given.instant("now");
            DocumentFields incidentFields = given.object("incident", true);
            DocumentFields customerFields = given.object("customer", true);
            DocumentFields contextFields = given.object("context", false);
            incident = incidentFields == null ? null : facts.incident(incidentFields, now);
            customer = customerFields == null ? null : facts.customer(customerFields);
            // the decision time; when there is none, a problem says so already
            Instant decisionTime = now != null ? now : facts.detectedAt();
            if (decisionTime != null) {
                context = contextFields == null ? RecoveryContext.at(decisionTime)
                        : facts.context(contextFields, decisionTime);
            }
            settings = given.strings("settings");
        }
        DocumentFields expectFields = top.object("expect", true);
        Expectations expect = expectFields == null ? null : expectations(expectFields, facts);
        if (!top.problems().isEmpty()) {
            return null;
        }
        return new Scenario(source, name, incident, customer, context, settings, expect);
    }

    private static Expectations expectations(DocumentFields o, IncidentFields facts) {
        o.onlyKnown(EXPECT);
        Instant detectedAt = facts.detectedAt();
        List<ExpectedOffer> offers = section(o, "offers", OFFER, offer -> {
            OfferKind kind = offer.requiredEnum("kind", OfferKind.class);
            Money amount = facts.money(offer, "amount");
            Boolean approval = offer.bool("requires_approval");
            Boolean consent = offer.bool("requires_consent");
            List<String> notes = offer.has("notes") ? offer.texts("notes", false) : null;
            String reason = offer.text("reason");
            String rule = offer.text("rule");
            if (kind == null) {
                return null;
            }
            if (amount != null && !kind.isMoney()) {
                offer.problem("amount", kind + " offers carry no money");
            }
            return new ExpectedOffer(kind, amount, approval, consent, notes, reason, rule);
        });
        Set<AwareStep> seen = EnumSet.noneOf(AwareStep.class);
        List<ExpectedStep> steps = section(o, "steps", STEP, step -> {
            AwareStep which = step.requiredEnum("step", AwareStep.class);
            Owner owner = step.enumValue("owner", Owner.class, null);
            Instant due = due(step, detectedAt);
            String instruction = step.text("instruction");
            String rule = step.text("rule");
            if (which == null) {
                return null;
            }
            if (!seen.add(which)) {
                step.problem("step", which + " is listed twice (a plan has each step once)");
            }
            return new ExpectedStep(which, owner, due, instruction, rule);
        });
        List<ExpectedEscalation> escalations = section(o, "escalations", ESCALATION, e -> {
            Owner to = e.requiredEnum("to", Owner.class);
            Instant due = due(e, detectedAt);
            String reason = e.text("reason");
            String rule = e.text("rule");
            return to == null ? null : new ExpectedEscalation(to, due, reason, rule);
        });
        List<ExpectedFollowUp> followUps = section(o, "follow_ups", FOLLOW_UP, f -> {
            Channel channel = f.requiredEnum("channel", Channel.class);
            AddressKind kind = f.enumValue("address_kind", AddressKind.class, null);
            Instant due = due(f, detectedAt);
            String rule = f.text("rule");
            return channel == null ? null : new ExpectedFollowUp(channel, kind, due, rule);
        });
        Boolean systemic = o.bool("systemic");
        List<String> fired = o.has("fired") ? ruleNames(o, "fired") : null;
        List<String> notFired = o.has("not_fired") ? ruleNames(o, "not_fired") : null;
        if (fired != null && notFired != null) {
            for (String name : fired) {
                if (notFired.contains(name)) {
                    o.problem("not_fired", "\"" + name + "\" is also in fired");
                }
            }
        }
        String fails = o.text("fails");
        if (fails != null && fails.isBlank()) {
            o.problem("fails", "give the words the failure must contain");
        }
        Expectations out = new Expectations(offers, steps, escalations, followUps, systemic, fired, notFired, fails);
        if (fails != null && (offers != null || steps != null || escalations != null || followUps != null
                || systemic != null || fired != null || notFired != null)) {
            o.problem("fails", "a decision that fails has no plan: expect either fails or the plan's sections");
        }
        if (out.isEmpty()) {
            o.problem("expects nothing: give at least one of " + String.join(", ", new TreeSet<>(EXPECT)));
        }
        return out;
    }

    /**
     * A section of {@code expect}: null when left out (not checked), else its entries, each read by
     * {@code entry} after its keys are checked; an entry that {@code entry} cannot make (null) is
     * left out, its problem reported.
     */
    private static <T> List<T> section(DocumentFields expect, String key, Set<String> keys,
            Function<DocumentFields, T> entry) {
        if (!expect.has(key)) {
            return null;
        }
        List<T> out = new ArrayList<>();
        for (DocumentFields fields : expect.objects(key, false)) {
            fields.onlyKnown(keys);
            T value = entry.apply(fields);
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    /** Rule names, each once. */
    private static List<String> ruleNames(DocumentFields o, String key) {
        List<String> names = o.texts(key, false);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (out.contains(names.get(i))) {
                o.problem(key + "[" + i + "]", "\"" + names.get(i) + "\" is listed twice");
            } else {
                out.add(names.get(i));
            }
        }
        return out;
    }

    /**
     * A due time: an instant, or an ISO-8601 duration ({@code PT2M}) after the incident's detection
     * time; null when the detection time is unknown (a problem says so already).
     */
    private static Instant due(DocumentFields fields, Instant detectedAt) {
        return fields.parsed("due", "a time", text -> {
            if (text.startsWith("P") || text.startsWith("p")) {
                try {
                    Duration after = Duration.parse(text);
                    return detectedAt == null ? null : detectedAt.plus(after);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a duration like PT2M or P3D");
                }
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not a time like 2025-06-14T19:30:00Z");
            }
        });
    }
}
