package dev.cxkit.core.service;

/**
 * The four things customers need to be satisfied; every service failure is tagged with the one it
 * broke.
 *
 * @since 0.1.0
 */
public enum SatisfactionFactor {
    /** A perfect product: the right item, made right. */
    PRODUCT,
    /** Delivered by a caring, friendly person. */
    PEOPLE,
    /** In a timely fashion, as promised. */
    TIMELINESS,
    /** Backed by an effective problem-resolution process. */
    RESOLUTION
}
