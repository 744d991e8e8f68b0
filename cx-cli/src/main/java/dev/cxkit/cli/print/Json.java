package dev.cxkit.cli.print;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON writer of the commands' {@code --format json}, in a class of its own so that it is
 * built (a tenth of a second at start-up) only by a run that writes JSON. Thread-safe.
 */
public final class Json {

    /** Writes JSON with indentation. */
    public static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {
    }
}
