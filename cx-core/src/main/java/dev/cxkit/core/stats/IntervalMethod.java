package dev.cxkit.core.stats;

import java.util.Locale;

/**
 * How a confidence interval (or the interval of a difference) is computed. Each metric accepts
 * a subset: NPS takes {@link #WALD}, {@link #ADJUSTED_WALD} and {@link #SCORE}; CSAT takes
 * {@link #WILSON} and {@link #WALD} (and {@link #NEWCOMBE} and {@link #WALD} for a difference); CES
 * takes {@link #T}. {@link #LINEARIZED} is every metric's when responses are clustered.
 *
 * @since 0.1.0
 */
public enum IntervalMethod {
    /** The Wald (normal approximation) interval: estimate ± z·SE. */
    WALD("wald"),
    /**
     * The adjusted-Wald interval for NPS (Rocks 2016): 3 pseudo-observations (0.75 detractors,
     * 1.5 passives, 0.75 promoters) are added before the Wald interval is taken.
     */
    ADJUSTED_WALD("adjusted-wald"),
    /** The iterative score interval for NPS (Tango 1998, as applied to NPS by Rocks 2016). */
    SCORE("score"),
    /** The Wilson score interval for a proportion (Wilson 1927). */
    WILSON("wilson"),
    /** The Student t interval for a mean. */
    T("t"),
    /**
     * Newcombe's hybrid score interval for a difference of two proportions (Newcombe 1998,
     * "Interval estimation for the difference between independent proportions: comparison of
     * eleven methods", Statistics in Medicine 17:873–890, method 10), built from the two Wilson
     * intervals.
     */
    NEWCOMBE("newcombe"),
    /**
     * The design-based interval of a weighted (and possibly clustered) mean: estimate ± z·SE with
     * the Taylor-linearised standard error ({@link LinearizedMean}). Not chosen by name: a scorer
     * given clusters gives it to every score.
     */
    LINEARIZED("linearized");

    private final String id;

    IntervalMethod(String id) {
        this.id = id;
    }

    /** Returns the name used on the command line and in JSON, for example {@code adjusted-wald}. */
    public String id() {
        return id;
    }

    /**
     * Parses a method by its {@linkplain #id() id}, case-insensitively; underscores are accepted
     * for hyphens.
     *
     * @param text the id, for example {@code "adjusted-wald"}
     * @return the method
     * @throws IllegalArgumentException if no method has that id
     */
    public static IntervalMethod parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (IntervalMethod method : values()) {
            if (method.id.equals(wanted)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown interval method '" + text
                + "' (expected wald, adjusted-wald, score, wilson, newcombe or t)");
    }

    @Override
    public String toString() {
        return id;
    }
}
