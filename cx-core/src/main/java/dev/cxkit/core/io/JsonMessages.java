package dev.cxkit.core.io;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Jackson's parse errors in words a user can act on: without the names of Jackson's features and
 * limits ({@code enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow},
 * {@code from `StreamReadConstraints.getMaxNestingDepth()`}), which name settings of the parser
 * inside cx, not of the user's file. Not instantiable.
 *
 * @since 0.1.0
 */
public final class JsonMessages {

    /** {@code : enable `Feature.X` to allow}, {@code , from `Constraints.x()`}, and the like. */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\s*[:;,]?\\s*(?:enable|disable|from)?\\s*`[A-Za-z0-9_.()]+`(?:\\s+to allow)?");

    private JsonMessages() {
    }

    /**
     * Returns a parse error's message without parser internals.
     *
     * @param message Jackson's original message, or null
     * @return the message in plain words
     */
    public static String plain(@Nullable String message) {
        if (message == null) {
            return "malformed";
        }
        String plain = INTERNALS.matcher(message).replaceAll("").trim();
        if (plain.contains("Non-standard token")) {
            plain = plain + " (JSON has no NaN or Infinity: write a number or leave the field out)";
        }
        if (plain.contains("nesting depth")) {
            plain = plain + " (a row is one flat object of fields)";
        }
        return plain;
    }
}
