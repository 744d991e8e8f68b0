package dev.cxkit.rules.io;

import dev.cxkit.core.io.DocumentFields;
import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.io.Rejection;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Splits UTF-8 JSON Lines into objects: skips blank lines and a byte order mark, and rejects lines
 * that are too long, not UTF-8, malformed JSON, repeat a key, or are not an object. What is left is
 * handed to a {@link LineHandler}, which accepts the object or gives a reason to reject it.
 *
 * <p>Thread-safe; all methods are static.
 */
final class JsonLines {

    /** The longest line read, in bytes; longer lines are rejected. */
    static final int MAX_LINE_BYTES = 1 << 20;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** Turns one JSON object into a value. */
    interface LineHandler {
        /**
         * Handles one object.
         *
         * @param object the object
         * @param line its 1-based line number
         * @return null if the object was accepted, else why it is rejected
         */
        String handle(ObjectNode object, long line);
    }

    private JsonLines() {
    }

    static ReadSummary read(InputStream in, String source, LineHandler handler, Consumer<? super Rejection> rejected)
            throws IOException {
        BufferedInputStream input = new BufferedInputStream(in, 1 << 16);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        long lineNumber = 0;
        long accepted = 0;
        long rejectedCount = 0;
        boolean first = true;
        while (true) {
            buffer.reset();
            boolean tooLong = false;
            int c;
            boolean any = false;
            while ((c = input.read()) != -1) {
                any = true;
                if (c == '\n') {
                    break;
                }
                if (c == '\r') {
                    input.mark(1);
                    if (input.read() != '\n') {
                        input.reset();
                    }
                    break;
                }
                if (buffer.size() < MAX_LINE_BYTES) {
                    buffer.write(c);
                } else {
                    tooLong = true;
                }
            }
            if (!any) {
                break;
            }
            lineNumber++;
            byte[] bytes = buffer.toByteArray();
            int offset = 0;
            if (first && bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                    && (bytes[2] & 0xFF) == 0xBF) {
                offset = 3;
            }
            first = false;
            String raw;
            String reason = null;
            try {
                raw = decoder.reset().decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
            } catch (CharacterCodingException e) {
                raw = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
                reason = "the line is not valid UTF-8 (save the file as UTF-8)";
            }
            if (raw.isBlank() && reason == null && !tooLong) {
                continue;
            }
            if (tooLong) {
                reason = "the line is longer than " + MAX_LINE_BYTES + " bytes";
            }
            if (reason == null) {
                reason = parseAndHandle(raw, lineNumber, handler);
            }
            if (reason == null) {
                accepted++;
            } else {
                rejectedCount++;
                rejected.accept(new Rejection(source, lineNumber, reason, raw, null));
            }
        }
        List<String> warnings = new ArrayList<>();
        if (accepted + rejectedCount == 0) {
            warnings.add(source + " is empty: no rows");
        }
        return new ReadSummary(accepted + rejectedCount, accepted, rejectedCount, warnings);
    }

    private static String parseAndHandle(String raw, long line, LineHandler handler) {
        JsonNode node;
        try {
            node = MAPPER.readTree(raw);
        } catch (JacksonException e) {
            return malformed(e);
        }
        if (node == null || node.isMissingNode()) {
            return "the line holds no JSON value";
        }
        if (!node.isObject()) {
            return "expected a JSON object ({...}), got " + DocumentFields.describe(node);
        }
        return handler.handle((ObjectNode) node, line);
    }

    private static String malformed(JacksonException e) {
        String message = dev.cxkit.core.io.JsonMessages.plain(e.getOriginalMessage());
        if (message.startsWith("Duplicate Object property")) {
            int open = message.indexOf('"');
            int close = message.indexOf('"', open + 1);
            if (open >= 0 && close > open) {
                return "key '" + message.substring(open + 1, close) + "' appears twice";
            }
        }
        message = message.lines().findFirst().orElse(message);
        TokenStreamLocation where = e.getLocation();
        String column = where != null && where.getColumnNr() > 0 ? " (column " + where.getColumnNr() + ")" : "";
        return "malformed JSON: " + message + column;
    }
}
