package dev.cxkit.rules.fact;

/**
 * The size of the carrier, where a regulation scales what is due by it: Canada's Air Passenger
 * Protection Regulations set different compensation for large and small carriers (s. 19), a large
 * carrier being one that carried at least two million passengers in each of the two preceding
 * years (s. 1).
 *
 * @since 0.1.0
 */
public enum CarrierSize {
    /** A large carrier. */
    LARGE,
    /** A small carrier. */
    SMALL
}
