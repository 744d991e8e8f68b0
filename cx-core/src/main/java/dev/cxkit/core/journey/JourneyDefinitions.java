package dev.cxkit.core.journey;

import dev.cxkit.core.internal.DocumentNode;
import dev.cxkit.core.internal.Durations;
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
import java.util.stream.Collectors;
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
        Loader loader = new Loader(source);
        DocumentNode root;
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), text)) {
            root = DocumentNode.read(p, loader::problem);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
            String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            loader.problem(line, "", "not valid " + (factory == JSON ? "JSON" : "YAML") + ": "
                    + message.lines().findFirst().orElse(message));
            throw new JourneyDefinitionException(loader.problems);
        }
        JourneyDefinition definition = loader.definition(root);
        if (!loader.problems.isEmpty()) {
            throw new JourneyDefinitionException(loader.problems);
        }
        return definition;
    }

    /** Walks a document, collecting problems with their places, and builds the definition. */
    private static final class Loader {
        private final String source;
        private final List<DefinitionProblem> problems = new ArrayList<>();

        Loader(String source) {
            this.source = source;
        }

        void problem(int line, String path, String message) {
            problems.add(new DefinitionProblem(source, line, path, message));
        }

        JourneyDefinition definition(DocumentNode root) {
            if (root == null || root.kind == DocumentNode.Kind.NULL) {
                problem(0, "", "the file is empty; a definition needs a name and stages");
                return null;
            }
            if (!isMap(root, "")) {
                return null;
            }
            onlyKnown(root, "", TOP);
            String name = requiredText(root, "", "name");
            if (name == null) {
                return null;
            }
            JourneyDefinition.Builder builder = JourneyDefinition.builder(name);
            List<DocumentNode> stages = list(root, "", "stages", true);
            List<Runnable> touchpoints = new ArrayList<>();
            for (int i = 0; i < stages.size(); i++) {
                stage(builder, stages.get(i), "stages[" + i + "]", touchpoints);
            }
            touchpoints.forEach(Runnable::run);
            List<DocumentNode> promises = list(root, "", "promises", false);
            for (int i = 0; i < promises.size(); i++) {
                promise(builder, promises.get(i), "promises[" + i + "]");
            }
            List<DocumentNode> rules = list(root, "", "contact_rules", false);
            for (int i = 0; i < rules.size(); i++) {
                contactRule(builder, rules.get(i), "contact_rules[" + i + "]");
            }
            if (!problems.isEmpty()) {
                return null;
            }
            try {
                return builder.build();
            } catch (JourneyDefinitionException e) {
                report(e, root, "");
                return null;
            }
        }

        private void stage(JourneyDefinition.Builder builder, DocumentNode node, String path, List<Runnable> later) {
            if (!isMap(node, path)) {
                return;
            }
            onlyKnown(node, path, STAGE);
            String id = requiredText(node, path, "id");
            if (id != null) {
                attempt(node, path, "id", () -> builder.stage(id));
            }
            List<DocumentNode> touchpoints = list(node, path, "touchpoints", true);
            for (int i = 0; i < touchpoints.size(); i++) {
                DocumentNode t = touchpoints.get(i);
                String tpPath = path + ".touchpoints[" + i + "]";
                if (!isMap(t, tpPath)) {
                    continue;
                }
                onlyKnown(t, tpPath, TOUCHPOINT);
                String tpId = requiredText(t, tpPath, "id");
                String tpName = text(t, tpPath, "name");
                Channel channel = enumValue(t, tpPath, "channel", Channel.class, null, true);
                Boolean expected = bool(t, tpPath, "expected", true);
                if (tpId != null && channel != null && expected != null && id != null) {
                    later.add(() -> attempt(t, tpPath, "id",
                            () -> builder.touchpoint(new Touchpoint(tpId, tpName, channel, id, expected))));
                }
            }
        }

        private void promise(JourneyDefinition.Builder builder, DocumentNode node, String path) {
            if (!isMap(node, path)) {
                return;
            }
            onlyKnown(node, path, PROMISE);
            String id = requiredText(node, path, "id");
            String from = requiredText(node, path, "from");
            String to = requiredText(node, path, "to");
            Duration limit = duration(node, path, "limit");
            Promise.Direction direction = enumValue(node, path, "direction", Promise.Direction.class,
                    Promise.Direction.AT_MOST, false);
            SatisfactionFactor factor = enumValue(node, path, "factor", SatisfactionFactor.class, null, true);
            if (id == null || from == null || to == null || limit == null || direction == null || factor == null) {
                return;
            }
            attempt(node, path, null, () -> builder.promise(
                    new Promise(id, EventRef.parse(from), EventRef.parse(to), direction, limit, factor)));
        }

        private void contactRule(JourneyDefinition.Builder builder, DocumentNode node, String path) {
            if (!isMap(node, path)) {
                return;
            }
            onlyKnown(node, path, CONTACT_RULE);
            String id = requiredText(node, path, "id");
            List<DocumentNode> items = list(node, path, "touchpoints", true);
            Set<String> touchpoints = new LinkedHashSet<>();
            for (int i = 0; i < items.size(); i++) {
                DocumentNode item = items.get(i);
                if (item.kind != DocumentNode.Kind.SCALAR || item.text.isBlank()) {
                    problem(item.line, path + ".touchpoints[" + i + "]", "a touchpoint id, not " + item.describe());
                } else {
                    touchpoints.add(item.text.strip());
                }
            }
            SatisfactionFactor factor = enumValue(node, path, "factor", SatisfactionFactor.class,
                    SatisfactionFactor.PEOPLE, false);
            if (id == null || factor == null || touchpoints.size() != items.size()) {
                return;
            }
            attempt(node, path, null, () -> builder.contactRule(new ContactRule(id, touchpoints, factor)));
        }

        /** Runs a builder step; a problem it finds is placed at the field it names. */
        private void attempt(DocumentNode node, String path, String defaultField, Runnable step) {
            try {
                step.run();
            } catch (JourneyDefinitionException e) {
                report(e, node, path, defaultField);
            }
        }

        private void report(JourneyDefinitionException e, DocumentNode node, String path) {
            report(e, node, path, null);
        }

        private void report(JourneyDefinitionException e, DocumentNode node, String path, String defaultField) {
            String field = e.field() != null ? e.field() : defaultField;
            int line = node.line;
            String where = path;
            if (field != null && node.map != null && node.map.containsKey(field)) {
                line = node.map.get(field).line;
                where = path.isEmpty() ? field : path + "." + field;
            }
            for (DefinitionProblem p : e.problems()) {
                problem(line, where, p.message());
            }
        }

        // ---- typed access ------------------------------------------------------------------------

        private boolean isMap(DocumentNode node, String path) {
            if (node.kind == DocumentNode.Kind.MAP) {
                return true;
            }
            problem(node.line, path, "expected a mapping (key: value), not " + node.describe());
            return false;
        }

        private void onlyKnown(DocumentNode node, String path, Set<String> known) {
            for (String key : node.map.keySet()) {
                if (!known.contains(key)) {
                    problem(node.keyLines.get(key), path.isEmpty() ? key : path + "." + key, "unknown key '" + key
                            + "' (known here: " + String.join(", ", known) + ")");
                }
            }
        }

        private static String at(String path, String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        private String text(DocumentNode node, String path, String key) {
            DocumentNode value = node.map.get(key);
            if (value == null || value.kind == DocumentNode.Kind.NULL) {
                return null;
            }
            if (value.kind != DocumentNode.Kind.SCALAR) {
                problem(value.line, at(path, key), "expected text, not " + value.describe());
                return null;
            }
            return value.text.isBlank() ? null : value.text.strip();
        }

        private String requiredText(DocumentNode node, String path, String key) {
            String text = text(node, path, key);
            DocumentNode value = node.map.get(key);
            if (text == null && (value == null || value.kind != DocumentNode.Kind.LIST && value.kind != DocumentNode.Kind.MAP)) {
                problem(value == null ? node.line : value.line, at(path, key), key + " is missing");
            }
            return text;
        }

        private List<DocumentNode> list(DocumentNode node, String path, String key, boolean required) {
            DocumentNode value = node.map.get(key);
            if (value == null || value.kind == DocumentNode.Kind.NULL) {
                if (required) {
                    problem(value == null ? node.line : value.line, at(path, key), key + " is missing");
                }
                return List.of();
            }
            if (value.kind != DocumentNode.Kind.LIST) {
                problem(value.line, at(path, key), "expected a list, not " + value.describe());
                return List.of();
            }
            if (required && value.list.isEmpty()) {
                problem(value.line, at(path, key), key + " is empty");
            }
            return value.list;
        }

        private <E extends Enum<E>> E enumValue(DocumentNode node, String path, String key, Class<E> type,
                E defaultValue, boolean required) {
            String text = text(node, path, key);
            if (text == null) {
                if (required && !node.map.containsKey(key)) {
                    problem(node.line, at(path, key), key + " is missing (one of " + names(type) + ")");
                } else if (required) {
                    problem(node.map.get(key).line, at(path, key), key + " is empty (one of " + names(type) + ")");
                }
                return required ? null : defaultValue;
            }
            String constant = text.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(constant)) {
                    return e;
                }
            }
            problem(node.map.get(key).line, at(path, key), key + " '" + text + "' is not one of " + names(type));
            return null;
        }

        private static <E extends Enum<E>> String names(Class<E> type) {
            return Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        }

        private Boolean bool(DocumentNode node, String path, String key, boolean defaultValue) {
            String text = text(node, path, key);
            if (text == null) {
                return defaultValue;
            }
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.valueOf(text.toLowerCase(Locale.ROOT));
            }
            problem(node.map.get(key).line, at(path, key), key + " '" + text + "' is not true or false");
            return null;
        }

        private Duration duration(DocumentNode node, String path, String key) {
            String text = requiredText(node, path, key);
            if (text == null) {
                return null;
            }
            int line = node.map.get(key).line;
            Duration d;
            try {
                d = Durations.parse(text);
            } catch (IllegalArgumentException e) {
                problem(line, at(path, key), e.getMessage());
                return null;
            }
            if (d.isNegative()) {
                problem(line, at(path, key), "the limit " + text + " is negative; a limit is zero or more (use "
                        + "direction: at_least for a notice before an event)");
                return null;
            }
            return d;
        }
    }
}
