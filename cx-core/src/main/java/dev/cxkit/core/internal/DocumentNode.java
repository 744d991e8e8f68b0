package dev.cxkit.core.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * A YAML or JSON document as a small tree that remembers the line of every value, read from
 * Jackson's token stream: the same code for both formats. Only what definition files need: maps
 * with text keys, lists and scalars (kept as text).
 *
 * <p>Not thread-safe while being read; not changed afterwards.
 */
public final class DocumentNode {

    /** What a node is. */
    public enum Kind {
        MAP, LIST, SCALAR, NULL
    }

    public final Kind kind;
    public final int line;
    /** The text of a scalar, else null. */
    public final String text;
    /** The entries of a map in document order, else null. */
    public final Map<String, DocumentNode> map;
    /** The lines of the keys of a map. */
    public final Map<String, Integer> keyLines;
    /** The elements of a list, else null. */
    public final List<DocumentNode> list;

    private DocumentNode(Kind kind, int line, String text) {
        this.kind = kind;
        this.line = line;
        this.text = text;
        this.map = kind == Kind.MAP ? new LinkedHashMap<>() : null;
        this.keyLines = kind == Kind.MAP ? new LinkedHashMap<>() : null;
        this.list = kind == Kind.LIST ? new ArrayList<>() : null;
    }

    /** Something a document says about itself while it is read (a key given twice). */
    public interface Problems {
        void add(int line, String path, String message);
    }

    /**
     * Reads the value the parser is positioned before; null for an empty document.
     *
     * @throws tools.jackson.core.JacksonException if the text is not well-formed
     */
    public static DocumentNode read(JsonParser p, Problems problems) {
        JsonToken t = p.nextToken();
        return t == null ? null : value(p, t, "", problems);
    }

    private static DocumentNode value(JsonParser p, JsonToken t, String path, Problems problems) {
        int line = line(p);
        switch (t) {
            case START_OBJECT: {
                DocumentNode node = new DocumentNode(Kind.MAP, line, null);
                while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
                    String key = p.currentName();
                    int keyLine = line(p);
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    DocumentNode child = value(p, p.nextToken(), childPath, problems);
                    if (node.map.containsKey(key)) {
                        problems.add(keyLine, childPath, "key '" + key + "' is given twice (first on line "
                                + node.keyLines.get(key) + ")");
                        continue;
                    }
                    node.map.put(key, child);
                    node.keyLines.put(key, keyLine);
                }
                return node;
            }
            case START_ARRAY: {
                DocumentNode node = new DocumentNode(Kind.LIST, line, null);
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    node.list.add(value(p, t, path + "[" + node.list.size() + "]", problems));
                }
                return node;
            }
            case VALUE_NULL:
                return new DocumentNode(Kind.NULL, line, null);
            default:
                return new DocumentNode(Kind.SCALAR, line, p.getString());
        }
    }

    private static int line(JsonParser p) {
        TokenStreamLocation where = p.currentTokenLocation();
        return where == null ? 0 : Math.max(0, where.getLineNr());
    }

    /** Names the kind for messages. */
    public String describe() {
        switch (kind) {
            case MAP:
                return "a mapping";
            case LIST:
                return "a list";
            case NULL:
                return "nothing";
            default:
                return "'" + text + "'";
        }
    }
}
