package dev.cxkit.core.service;

/**
 * Where the customer meets the business, or how the business contacts the customer.
 *
 * @since 0.1.0
 */
public enum Channel {
    /** Face to face, at a location. */
    IN_PERSON,
    /** A phone call. */
    PHONE,
    /** A web site. */
    WEB,
    /** A mobile app. */
    APP,
    /** A text message. */
    SMS,
    /** An email. */
    EMAIL,
    /** A chat. */
    CHAT,
    /** A delivery to the customer's door. */
    DELIVERY,
    /** Anything else. */
    OTHER;

    /** Returns whether the customer is face to face with staff, so recovery starts at once. */
    public boolean isInPerson() {
        return this == IN_PERSON;
    }
}
