package dev.cxkit.core.service;

import java.util.Objects;

/**
 * How the customer asked to be contacted: follow-ups use it, and contacting them another way
 * breaks the contact rule.
 *
 * <p>Immutable and thread-safe.
 *
 * @param channel the channel, for example {@link Channel#SMS}
 * @param addressKind which address on that channel, for example {@link AddressKind#MOBILE}
 * @since 0.1.0
 */
public record ContactPreference(Channel channel, AddressKind addressKind) {

    /**
     * Validates the preference.
     *
     * @throws NullPointerException if a field is null
     */
    public ContactPreference {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(addressKind, "addressKind");
    }
}
