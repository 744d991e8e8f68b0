package dev.cxkit.core.journey;

import java.util.Objects;

/** Checks of ids and names shared by the journey model. Not instantiable. */
final class Names {

    private Names() {
    }

    /**
     * Throws unless {@code value} is non-null ({@link NullPointerException}) and not blank
     * ({@link JourneyDefinitionException}).
     *
     * @return the value
     */
    static String check(String what, String value) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw JourneyDefinitionException.at(null, what + " must not be blank");
        }
        return value;
    }
}
