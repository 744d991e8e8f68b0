package dev.cxkit.core.journey.analytics;

import java.util.Objects;

/**
 * A kind of service failure as failure impact groups them: its type at its touchpoint.
 * Immutable and thread-safe.
 *
 * @param type the failure type (an event's {@code failure_type}, a promise's or a contact rule's id)
 * @param touchpoint the touchpoint where it happened
 * @since 0.1.0
 */
public record FailureKind(String type, String touchpoint) {

    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public FailureKind {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(touchpoint, "touchpoint");
    }
}
