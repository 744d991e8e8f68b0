package dev.cxkit.core.journey;

import dev.cxkit.core.io.DocumentFields;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.SatisfactionFactor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads journey definitions from YAML or JSON files, and the samples that ship with cxkit.
 *
 * <h2>Format</h2>
 * One definition per file; keys are snake_case, enum values case-insensitive, and every key not
 * listed here is an error (so a typo never passes silently):
 * <pre>{@code
 * name: dine-in                       # required
 * stages:                             # required, in order; each stage lists its touchpoints
 *   - id: order
 *     touchpoints:
 *       - id: order                   # required; not 'failure' or 'recovery'
 *         name: Order taken           # optional, for people
 *         channel: in_person          # required: in_person, phone, web, app, sms, email, chat, delivery, other
 *         expected: true              # optional, default true
 *   - id: served
 *     touchpoints:
 *       - {id: served, channel: in_person}
 * promises:                           # optional
 *   - id: served-in-20
 *     from: order                     # a touchpoint, or 'failure'
 *     to: served                      # a touchpoint, or 'recovery'
 *     limit: 20 min                   # a whole number and s, min, h or d; or ISO-8601 (PT20M)
 *     direction: at_most              # optional, at_most (default) or at_least
 *     factor: timeliness              # product, people, timeliness or resolution
 * contact_rules:                      # optional
 *   - id: chosen-channel
 *     touchpoints: [notify]
 *     factor: people                  # optional, default people
 * }</pre>
 * See {@link Promise} for what the directions mean. A file whose name ends in {@code .json} is
 * read as JSON; any other as YAML (which also reads most JSON).
 *
 * <h2>Errors</h2>
 * A file with problems is refused as a whole with a {@link JourneyDefinitionException} that lists
 * every problem found, each with the file, the line and the path, for example
 * {@code dine-in.yaml line 24 (promises[1].limit): promise 'notice': the limit -30m is negative}.
 * Problems include malformed YAML or JSON, unknown or repeated keys, missing required keys, values
 * of the wrong kind, an unknown stage, channel or factor, a stage listed twice (the order would
 * loop), a negative or unreadable limit, and a promise or contact rule naming an unknown
 * touchpoint.
 *
 * <p>Thread-safe: all methods are static and share no mutable state.
 *
 * @since 0.1.0
 */
public final class JourneyDefinitions {

    /** The names of the sample definitions shipped with cxkit: {@code dine-in} and {@code delivery}. */
    public static final List<String> SAMPLES = List.of("dine-in", "delivery");

    private static final String SAMPLE_DIR = "/dev/cxkit/core/journey/";

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
    private static final YAMLFactory YAML = YAMLFactory.builder().build();

    private static final Set<String> TOP = keys("name", "stages", "promises", "contact_rules");
    private static final Set<String> STAGE = keys("id", "touchpoints");
    private static final Set<String> TOUCHPOINT = keys("id", "name", "channel", "expected");
    private static final Set<String> PROMISE = keys("id", "from", "to", "limit", "direction", "factor");
    private static final Set<String> CONTACT_RULE = keys("id", "touchpoints", "factor");

    private JourneyDefinitions() {
    }

    private static Set<String> keys(String... names) {
        return new TreeSet<>(Arrays.asList(names));
    }

    /**
     * Reads a definition file: JSON when its name ends in {@code .json}, else YAML.
     *
     * @param file the file, UTF-8
     * @return the definition
     * @throws JourneyDefinitionException if the file is not a valid definition (every problem is
     *     listed, each with the file, line and path)
     * @throws IOException if the file cannot be read
     */
    public static JourneyDefinition load(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return parse(file.toString(), text);
    }

    /**
     * Parses a definition from text: JSON when {@code source} ends in {@code .json}, else YAML.
     *
     * @param source the file's name, for messages and to choose the format
     * @param text the text
     * @return the definition
     * @throws JourneyDefinitionException if the text is not a valid definition
     */
    public static JourneyDefinition parse(String source, String text) {
        boolean json = source.toLowerCase(Locale.ROOT).endsWith(".json");
        return parse(source, text, json ? JSON : YAML);
    }

    /**
     * Reads one of the {@linkplain #SAMPLES sample definitions}: a restaurant dine-in visit
     * (order → served → bill → follow-up, "served ≤ 20 min after the order") or a delivery ("notify
     * ≥ 30 min before arrival, on the customer's chosen channel"). Both recover failures within 30
     * minutes.
     *
     * @param name {@code dine-in} or {@code delivery}
     * @return the definition
     * @throws IllegalArgumentException if there is no such sample
     */
    public static JourneyDefinition sample(String name) {
        if (!SAMPLES.contains(name)) {
            throw new IllegalArgumentException("no sample journey '" + name + "' (samples: " + String.join(", ", SAMPLES)
                    + ")");
        }
        return parse(name + ".yaml", sampleText(name));
    }

    /**
     * Returns the text of a sample definition file, for example to copy and edit it.
     *
     * @param name {@code dine-in} or {@code delivery}
     * @return the YAML text
     * @throws IllegalArgumentException if there is no such sample
     */
    public static String sampleText(String name) {
        String resource = SAMPLE_DIR + name + ".yaml";
        try (InputStream in = JourneyDefinitions.class.getResourceAsStream(resource)) {
            if (in == null || !SAMPLES.contains(name)) {
                throw new IllegalArgumentException("no sample journey '" + name + "' (samples: "
                        + String.join(", ", SAMPLES) + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    private static JourneyDefinition parse(String source, String text, TokenStreamFactory factory) {
        DocumentFields root;
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), text)) {
            root = DocumentFields.read(p, DocumentFields.Style.WITH_LINE);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            String message = dev.cxkit.core.io.JsonMessages.plain(e.getOriginalMessage());
            throw new JourneyDefinitionException(List.of(new DefinitionProblem(source, line, "", "not valid "
                    + (factory == JSON ? "JSON" : "YAML") + ": " + message.lines().findFirst().orElse(message))));
        }
        JourneyDefinition definition = definition(root);
        if (!root.problems().isEmpty()) {
            throw new JourneyDefinitionException(root.problems().stream()
                    .map(p -> new DefinitionProblem(source, p.line(), p.path(), p.message())).toList());
        }
        return definition;
    }

    // ---- the walk: every problem goes to the document's fields, with its line and path ----------

    private static JourneyDefinition definition(DocumentFields root) {
        if (root.node().isMissingNode() || root.node().isNull()) {
            root.problem("the file is empty; a definition needs a name and stages");
            return null;
        }
        if (!root.requireObject()) {
            return null;
        }
        root.onlyKnown(TOP);
        String name = root.requiredText("name");
        if (name == null) {
            return null;
        }
        JourneyDefinition.Builder builder = JourneyDefinition.builder(name);
        // touchpoints are added after every stage, so that a touchpoint may name any stage
        List<Runnable> touchpoints = new ArrayList<>();
        for (DocumentFields stage : root.objects("stages", true)) {
            stage(builder, stage, touchpoints);
        }
        touchpoints.forEach(Runnable::run);
        for (DocumentFields promise : root.objects("promises", false)) {
            promise(builder, promise);
        }
        for (DocumentFields rule : root.objects("contact_rules", false)) {
            contactRule(builder, rule);
        }
        if (!root.problems().isEmpty()) {
            return null;
        }
        try {
            return builder.build();
        } catch (JourneyDefinitionException e) {
            report(e, root, null);
            return null;
        }
    }

    private static void stage(JourneyDefinition.Builder builder, DocumentFields stage, List<Runnable> later) {
        stage.onlyKnown(STAGE);
        String id = stage.requiredText("id");
        if (id != null) {
            attempt(stage, "id", () -> builder.stage(id));
        }
        for (DocumentFields t : stage.objects("touchpoints", true)) {
            t.onlyKnown(TOUCHPOINT);
            String tpId = t.requiredText("id");
            String tpName = t.text("name");
            Channel channel = t.requiredEnum("channel", Channel.class);
            boolean expected = t.bool("expected", true);
            if (tpId != null && channel != null && id != null) {
                later.add(() -> attempt(t, "id",
                        () -> builder.touchpoint(new Touchpoint(tpId, tpName, channel, id, expected))));
            }
        }
    }

    private static void promise(JourneyDefinition.Builder builder, DocumentFields promise) {
        promise.onlyKnown(PROMISE);
        String id = promise.requiredText("id");
        String from = promise.requiredText("from");
        String to = promise.requiredText("to");
        Duration limit = promise.require("limit") ? promise.duration("limit") : null;
        if (limit != null && limit.isNegative()) {
            promise.problem("limit", "the limit " + promise.text("limit") + " is negative; a limit is zero or more "
                    + "(use direction: at_least for a notice before an event)");
            limit = null;
        }
        Promise.Direction direction = promise.enumValue("direction", Promise.Direction.class,
                Promise.Direction.AT_MOST);
        SatisfactionFactor factor = promise.requiredEnum("factor", SatisfactionFactor.class);
        if (id == null || from == null || to == null || limit == null || factor == null) {
            return;
        }
        Duration checked = limit;
        attempt(promise, null, () -> builder.promise(
                new Promise(id, EventRef.parse(from), EventRef.parse(to), direction, checked, factor)));
    }

    private static void contactRule(JourneyDefinition.Builder builder, DocumentFields rule) {
        rule.onlyKnown(CONTACT_RULE);
        String id = rule.requiredText("id");
        int before = rule.problems().size();
        List<String> touchpoints = rule.texts("touchpoints", true);
        boolean touchpointsRead = rule.problems().size() == before;
        SatisfactionFactor factor = rule.enumValue("factor", SatisfactionFactor.class, SatisfactionFactor.PEOPLE);
        if (id == null || !touchpointsRead) {
            return;
        }
        attempt(rule, null, () -> builder.contactRule(new ContactRule(id, new LinkedHashSet<>(touchpoints), factor)));
    }

    /** Runs a builder step; a problem it finds is placed at the field it names, else at the object. */
    private static void attempt(DocumentFields fields, String defaultField, Runnable step) {
        try {
            step.run();
        } catch (JourneyDefinitionException e) {
            report(e, fields, defaultField);
        }
    }

    private static void report(JourneyDefinitionException e, DocumentFields fields, String defaultField) {
        String field = e.field() != null ? e.field() : defaultField;
        for (DefinitionProblem p : e.problems()) {
            if (field != null && fields.node().has(field)) {
                fields.problem(field, p.message());
            } else {
                fields.problem(p.message());
            }
        }
    }
}
