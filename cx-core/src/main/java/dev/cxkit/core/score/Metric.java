package dev.cxkit.core.score;

import dev.cxkit.core.stats.IntervalMethod;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A survey metric and its rating scale: what a rating means and how a score is computed.
 *
 * <ul>
 *   <li>{@link #NPS}: ratings 0–10; detractors 0–6, passives 7–8, promoters 9–10. The score is
 *       %promoters − %detractors, in points from −100 to 100.
 *   <li>{@link #CSAT}: ratings 1–5; the score is the top-2-box share (4–5) in percent.
 *       {@link #csat(int, int, int)} sets another scale and top-box.
 *   <li>{@link #CES}: CES 2.0, agreement 1–7 with "made it easy to handle my issue"; the score is
 *       the mean rating. The share that agrees (5–7) is reported too.
 *       {@link #ces(int, int, int)} sets another scale.
 * </ul>
 *
 * <p>Immutable and thread-safe. Two metrics are equal when kind, scale and threshold are equal.
 *
 * @since 0.1.0
 */
public final class Metric {

    /** The three kinds of metric, which decide how a score and its interval are computed. */
    public enum Kind {
        /** Net Promoter Score: share of promoters minus share of detractors. */
        NPS,
        /** Customer satisfaction: share of ratings in the top box. */
        CSAT,
        /** Customer Effort Score: mean rating. */
        CES
    }

    /** The largest number of points a scale may have; ratings are stored as bytes. */
    public static final int MAX_SCALE_POINTS = 101;

    /** Net Promoter Score on 0–10: promoters 9–10, detractors 0–6. */
    public static final Metric NPS = new Metric(Kind.NPS, 0, 10, 9, 6);

    /** CSAT on 1–5 with top-2-box 4–5. */
    public static final Metric CSAT = new Metric(Kind.CSAT, 1, 5, 4, 3);

    /** CES 2.0 on 1–7; agree is 5–7. */
    public static final Metric CES = new Metric(Kind.CES, 1, 7, 5, 4);

    private final Kind kind;
    private final int min;
    private final int max;
    private final int positiveFrom;
    private final int hash;
    private final int negativeUpTo;

    private Metric(Kind kind, int min, int max, int positiveFrom, int negativeUpTo) {
        if (min < 0 || max <= min || max - min + 1 > MAX_SCALE_POINTS || max > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("scale must satisfy 0 <= min < max <= 127 with at most "
                    + MAX_SCALE_POINTS + " points: " + min + ".." + max);
        }
        if (positiveFrom <= min || positiveFrom > max) {
            throw new IllegalArgumentException("threshold " + positiveFrom + " must be in " + (min + 1) + ".." + max);
        }
        this.kind = kind;
        this.min = min;
        this.max = max;
        this.positiveFrom = positiveFrom;
        this.negativeUpTo = negativeUpTo;
        this.hash = Objects.hash(kind, min, max, positiveFrom, negativeUpTo);
    }

    /**
     * A CSAT metric on another scale, for example 1–7 with top box 6–7.
     *
     * @param min the lowest rating (0 or more)
     * @param max the highest rating (at most 127, at most 101 points)
     * @param topBoxFrom the lowest rating that counts as satisfied
     * @return the metric
     * @throws IllegalArgumentException if the scale or threshold is invalid
     */
    public static Metric csat(int min, int max, int topBoxFrom) {
        return new Metric(Kind.CSAT, min, max, topBoxFrom, topBoxFrom - 1);
    }

    /**
     * A CES metric on another scale, for example 1–5 with agree 4–5.
     *
     * @param min the lowest rating (0 or more)
     * @param max the highest rating
     * @param agreeFrom the lowest rating that counts as agreeing
     * @return the metric
     * @throws IllegalArgumentException if the scale or threshold is invalid
     */
    public static Metric ces(int min, int max, int agreeFrom) {
        return new Metric(Kind.CES, min, max, agreeFrom, agreeFrom - 1);
    }

    /**
     * Parses {@code nps}, {@code csat} or {@code ces}, case-insensitively, into the standard metric.
     *
     * @param text the name
     * @return the metric with its standard scale
     * @throws IllegalArgumentException if the name is none of these
     */
    public static Metric parse(String text) {
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "nps":
                return NPS;
            case "csat":
                return CSAT;
            case "ces":
                return CES;
            default:
                throw new IllegalArgumentException("unknown metric '" + text + "' (expected nps, csat or ces)");
        }
    }

    /** Returns the kind of metric. */
    public Kind kind() {
        return kind;
    }

    /** Returns the lowest rating on the scale. */
    public int min() {
        return min;
    }

    /** Returns the highest rating on the scale. */
    public int max() {
        return max;
    }

    /** Returns the number of points on the scale, {@code max - min + 1}. */
    public int points() {
        return max - min + 1;
    }

    /** Returns the lowest "positive" rating: promoter (NPS), top box (CSAT) or agree (CES). */
    public int positiveFrom() {
        return positiveFrom;
    }

    /**
     * Returns the highest "negative" rating: for NPS the highest detractor rating (6); for CSAT
     * and CES the rating just below the positive threshold.
     */
    public int negativeUpTo() {
        return negativeUpTo;
    }

    /** Returns whether {@code rating} lies on this scale. */
    public boolean isValidRating(int rating) {
        return rating >= min && rating <= max;
    }

    /** Returns the lower-case name: {@code nps}, {@code csat} or {@code ces}. */
    public String id() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** Returns the smallest and largest possible score value: ±100, 0..100 or the scale. */
    public double lowestValue() {
        switch (kind) {
            case NPS:
                return -100;
            case CSAT:
                return 0;
            default:
                return min;
        }
    }

    /**
     * Returns one rating's contribution to the score: the score is the (weighted) mean of its
     * ratings' contributions. NPS: +100 for a promoter, −100 for a detractor, 0 for a passive;
     * CSAT: 100 for a top-box rating, else 0; CES: the rating itself.
     *
     * @param rating a valid rating of this metric
     * @return the contribution, between {@link #lowestValue()} and {@link #highestValue()}
     * @throws IllegalArgumentException if the rating is not valid for this metric
     */
    public double contribution(int rating) {
        if (!isValidRating(rating)) {
            throw new IllegalArgumentException("rating " + rating + " is not on the " + this + " scale");
        }
        switch (kind) {
            case NPS:
                return rating >= positiveFrom ? 100 : rating <= negativeUpTo ? -100 : 0;
            case CSAT:
                return rating >= positiveFrom ? 100 : 0;
            default:
                return rating;
        }
    }

    /** Returns the largest possible score value. */
    public double highestValue() {
        return kind == Kind.CES ? max : 100;
    }

    /** Returns the unit of the score value: {@code points}, {@code percent} or {@code mean}. */
    public String unit() {
        switch (kind) {
            case NPS:
                return "points";
            case CSAT:
                return "percent";
            default:
                return "mean";
        }
    }

    /** Returns the default interval method: adjusted-Wald (NPS), Wilson (CSAT), t (CES). */
    public IntervalMethod defaultInterval() {
        switch (kind) {
            case NPS:
                return IntervalMethod.ADJUSTED_WALD;
            case CSAT:
                return IntervalMethod.WILSON;
            default:
                return IntervalMethod.T;
        }
    }

    /** Returns the interval methods this metric accepts. */
    public Set<IntervalMethod> intervalMethods() {
        switch (kind) {
            case NPS:
                return EnumSet.of(IntervalMethod.WALD, IntervalMethod.ADJUSTED_WALD, IntervalMethod.SCORE);
            case CSAT:
                return EnumSet.of(IntervalMethod.WILSON, IntervalMethod.WALD);
            default:
                return EnumSet.of(IntervalMethod.T);
        }
    }

    /** Returns the interval methods the comparison of two samples accepts for this metric. */
    public Set<IntervalMethod> comparisonMethods() {
        switch (kind) {
            case NPS:
                return EnumSet.of(IntervalMethod.ADJUSTED_WALD, IntervalMethod.WALD);
            case CSAT:
                return EnumSet.of(IntervalMethod.NEWCOMBE, IntervalMethod.WALD);
            default:
                return EnumSet.of(IntervalMethod.T);
        }
    }

    /**
     * Returns {@code method} if this metric accepts it, or the default when it is null.
     *
     * @throws IllegalArgumentException if the metric does not accept the method
     */
    IntervalMethod checkInterval(IntervalMethod method, Set<IntervalMethod> accepted, IntervalMethod fallback) {
        if (method == null) {
            return fallback;
        }
        if (!accepted.contains(method)) {
            throw new IllegalArgumentException("interval method " + method.id() + " does not apply to " + id()
                    + " (use one of " + accepted + ")");
        }
        return method;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o == this || o instanceof Metric m && m.kind == kind && m.min == min && m.max == max
                && m.positiveFrom == positiveFrom && m.negativeUpTo == negativeUpTo;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return this == NPS || this == CSAT || this == CES || equals(NPS) || equals(CSAT) || equals(CES)
                ? id()
                : id() + "(" + min + ".." + max + ", positive from " + positiveFrom + ")";
    }
}
