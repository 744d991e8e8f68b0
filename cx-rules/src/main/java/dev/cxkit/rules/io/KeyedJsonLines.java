package dev.cxkit.rules.io;

import dev.cxkit.core.io.DocumentFields;
import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.io.Rejection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads JSON Lines of values that carry an id, rejecting an id read before (in any input, naming
 * where it was first): the part the incident and customer readers share.
 *
 * <p>Not thread-safe: it remembers the ids it has read.
 *
 * @param <T> the value of one line
 */
final class KeyedJsonLines<T> {

    /** Turns one line's fields into a value. */
    interface Parser<T> {
        /**
         * Parses one line.
         *
         * @param fields the line's fields (problems are collected there, worded as sentences)
         * @param source the input's name
         * @param line the 1-based line number
         * @return the value, or null when {@code fields} has problems
         * @throws IllegalArgumentException with the reason, when the value cannot be built
         */
        T parse(DocumentFields fields, String source, long line);
    }

    private final Map<String, String> seen = new HashMap<>();
    private final String idName;
    private final Parser<T> parser;
    private final Function<T, String> idOf;

    KeyedJsonLines(String idName, Parser<T> parser, Function<T, String> idOf) {
        this.idName = idName;
        this.parser = parser;
        this.idOf = idOf;
    }

    ReadSummary read(Path file, Consumer<? super T> accepted, Consumer<? super Rejection> rejected)
            throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), accepted, rejected);
        }
    }

    ReadSummary read(InputStream in, String source, Consumer<? super T> accepted, Consumer<? super Rejection> rejected)
            throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(accepted, "accepted");
        Objects.requireNonNull(rejected, "rejected");
        return JsonLines.read(in, source, (object, line) -> {
            DocumentFields fields = DocumentFields.of(object, DocumentFields.Style.SENTENCE);
            T value;
            try {
                value = parser.parse(fields, source, line);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
            if (value == null) {
                return fields.problems().stream().map(DocumentFields.FieldProblem::message)
                        .collect(Collectors.joining("; "));
            }
            String id = idOf.apply(value);
            String first = seen.putIfAbsent(id, source + " line " + line);
            if (first != null) {
                return idName + " '" + id + "' was already read at " + first;
            }
            accepted.accept(value);
            return null;
        }, rejected);
    }
}
