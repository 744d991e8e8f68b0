package dev.cxkit.core.io;

import java.util.Locale;
import java.util.Optional;

/**
 * The formats {@link ResponseReader} reads: CSV with a header row, or JSON Lines (one JSON object
 * per line).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum InputFormat {
    /** Comma-separated values, RFC 4180 quoting, with a header row naming the fields. */
    CSV("csv"),
    /** JSON Lines (also called NDJSON): one JSON object per line. */
    JSONL("jsonl");

    private final String id;

    InputFormat(String id) {
        this.id = id;
    }

    /** Returns the lower-case name used on the command line: {@code csv} or {@code jsonl}. */
    public String id() {
        return id;
    }

    /**
     * Returns the format a file name's extension names, case-insensitively: {@code .csv} is CSV,
     * {@code .jsonl} and {@code .ndjson} are JSON Lines.
     *
     * @param fileName a file name or path
     * @return the format, or empty when the extension is none of these
     */
    public static Optional<InputFormat> fromFileName(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of(CSV);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        return Optional.empty();
    }

    /**
     * Parses {@code csv}, {@code jsonl} or {@code ndjson}, case-insensitively.
     *
     * @param text the name
     * @return the format
     * @throws IllegalArgumentException if the name is none of these
     */
    public static InputFormat parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "csv":
                return CSV;
            case "jsonl":
            case "ndjson":
                return JSONL;
            default:
                throw new IllegalArgumentException("unknown input format '" + text + "' (expected csv or jsonl)");
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
