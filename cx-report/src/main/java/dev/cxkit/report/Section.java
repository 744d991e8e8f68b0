package dev.cxkit.report;

import java.util.Objects;
import java.util.Optional;

/**
 * A part of the report that is either there, or absent with a sentence that says why (for
 * example "No journey events were given (--events), so there is no funnel.").
 *
 * @param <T> what the section holds
 * @param content the content, or empty when the section is absent
 * @param absentNote why the section is absent; empty when it is present
 * @since 0.1.0
 */
public record Section<T>(Optional<T> content, String absentNote) {

    /**
     * Checks that exactly one of content and note is given.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if both or neither are given
     */
    public Section {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(absentNote, "absentNote");
        if (content.isPresent() == !absentNote.isBlank()) {
            throw new IllegalArgumentException(content.isPresent()
                    ? "a present section has no absent note: " + absentNote
                    : "an absent section needs a sentence saying why");
        }
    }

    /**
     * A present section.
     *
     * @param <T> what the section holds
     * @param content the content
     * @return the section
     */
    public static <T> Section<T> of(T content) {
        return new Section<>(Optional.of(content), "");
    }

    /**
     * An absent section.
     *
     * @param <T> what the section would hold
     * @param why a sentence for the reader, for example "No incidents were given (--incidents)."
     * @return the section
     */
    public static <T> Section<T> absent(String why) {
        return new Section<>(Optional.empty(), why);
    }

    /** Returns whether the section has content. */
    public boolean isPresent() {
        return content.isPresent();
    }
}
