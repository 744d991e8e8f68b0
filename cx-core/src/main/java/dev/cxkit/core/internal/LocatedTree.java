package dev.cxkit.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A YAML or JSON document read from Jackson's token stream into an ordinary Jackson tree, with the
 * line of every object, array, key and element beside it: the same code for both formats. A plain
 * {@code ObjectMapper.readTree} forgets where values stood, and its duplicate-key check stops at the
 * first; this reader keeps the first value of a repeated key and reports every repetition.
 *
 * <p>Lines are kept by node identity, and only for containers (a Jackson factory may share scalar
 * instances such as {@code true}); a scalar's line is the line of its key or element.
 *
 * <p>Not thread-safe while being read; not changed afterwards, so it may then be read from any
 * thread.
 */
public final class LocatedTree {

    /** Receives a key that an object gives twice. */
    public interface Duplicates {
        /**
         * Called once per repetition.
         *
         * @param path the repeated key's path, for example {@code promises[1].limit}
         * @param line the line of the repetition
         * @param key the key
         * @param firstLine the line where the key was first given
         */
        void found(String path, int line, String key, int firstLine);
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<JsonNode, Integer> containerLines = new IdentityHashMap<>();
    private final Map<JsonNode, Map<String, Integer>> keyLines = new IdentityHashMap<>();
    private final Map<JsonNode, List<Integer>> elementLines = new IdentityHashMap<>();
    private JsonNode root = MissingNode.getInstance();
    private int rootLine;

    private LocatedTree() {
    }

    /**
     * Reads the value the parser is positioned before.
     *
     * @param parser the parser (JSON or YAML); read, not closed
     * @param duplicates receives every key given twice in one object
     * @return the tree; its root is a missing node for an empty document
     * @throws tools.jackson.core.JacksonException if the text is not well-formed
     */
    public static LocatedTree read(JsonParser parser, Duplicates duplicates) {
        LocatedTree tree = new LocatedTree();
        JsonToken t = parser.nextToken();
        if (t != null) {
            tree.rootLine = line(parser);
            tree.root = tree.value(parser, t, "", duplicates);
        }
        return tree;
    }

    /** @return the root value, a missing node for an empty document */
    public JsonNode root() {
        return root;
    }

    /** @return the line of the root value, 0 for an empty document */
    public int rootLine() {
        return rootLine;
    }

    /**
     * @param container an object or array of this tree
     * @return the line where it starts, or 0 if it is not a container of this tree
     */
    public int line(JsonNode container) {
        return containerLines.getOrDefault(container, 0);
    }

    /**
     * @param object an object of this tree
     * @param key one of its keys
     * @return the line of the key, or 0 if unknown
     */
    public int keyLine(JsonNode object, String key) {
        Map<String, Integer> lines = keyLines.get(object);
        return lines == null ? 0 : lines.getOrDefault(key, 0);
    }

    /**
     * @param array an array of this tree
     * @param index an index in it
     * @return the line of the element, or 0 if unknown
     */
    public int elementLine(JsonNode array, int index) {
        List<Integer> lines = elementLines.get(array);
        return lines == null || index < 0 || index >= lines.size() ? 0 : lines.get(index);
    }

    private JsonNode value(JsonParser p, JsonToken t, String path, Duplicates duplicates) {
        int line = line(p);
        switch (t) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                Map<String, Integer> lines = new HashMap<>();
                containerLines.put(object, line);
                keyLines.put(object, lines);
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    JsonNode child = value(p, p.nextToken(), childPath, duplicates);
                    if (lines.containsKey(key)) {
                        duplicates.found(childPath, keyLine, key, lines.get(key));
                        continue; // the first value stands
                    }
                    object.set(key, child);
                    lines.put(key, keyLine);
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                List<Integer> lines = new ArrayList<>();
                containerLines.put(array, line);
                elementLines.put(array, lines);
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    lines.add(line(p));
                    array.add(value(p, next, path + "[" + array.size() + "]", duplicates));
                }
                return array;
            }
            case VALUE_NULL:
                return NODES.nullNode();
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return NODES.numberNode(p.getIntValue());
                    case LONG:
                        return NODES.numberNode(p.getLongValue());
                    default:
                        return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                try {
                    return NODES.numberNode(p.getDecimalValue());
                } catch (NumberFormatException e) {
                    return NODES.stringNode(p.getString()); // YAML .nan and .inf have no decimal value
                }
            default:
                return NODES.stringNode(p.getString());
        }
    }

    private static int line(JsonParser p) {
        TokenStreamLocation where = p.currentTokenLocation();
        return where == null ? 0 : Math.max(0, where.getLineNr());
    }
}
