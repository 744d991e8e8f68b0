package dev.cxkit.core.service;

/**
 * Which of the customer's addresses a contact should use.
 *
 * @since 0.1.0
 */
public enum AddressKind {
    /** The mobile phone number. */
    MOBILE,
    /** The home phone number or address. */
    HOME,
    /** The work phone number or address. */
    WORK,
    /** The email address. */
    EMAIL,
    /** Anything else the customer gave. */
    OTHER
}
