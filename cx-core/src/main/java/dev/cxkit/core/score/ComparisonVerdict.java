package dev.cxkit.core.score;

import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.stats.Interval;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a comparison of two scores lets one say, and no more: the two differ, they are
 * equivalent within a margin, or they cannot be told apart. "Not significant" never becomes
 * "the same": equivalence needs its own evidence.
 *
 * <ul>
 *   <li>{@link Outcome#DIFFERENT}: the two-sided test at level α rejects "no difference" and the
 *       (1 − α) interval of the difference excludes 0 (for NPS and CSAT the test pools the two
 *       samples and the interval does not, so near the boundary they can disagree: then there is
 *       no claim of a difference).
 *   <li>{@link Outcome#EQUIVALENT}: the (1 − 2α) interval lies inside (−margin, +margin): both
 *       one-sided tests of the TOST procedure reject at level α (Schuirmann 1987, "A comparison of
 *       the two one-sided tests procedure and the power approach for assessing the equivalence of
 *       average bioavailability", J. Pharmacokinetics and Biopharmaceutics 15(6); Lakens 2017,
 *       "Equivalence tests", Social Psychological and Personality Science 8(4)). A difference can
 *       be both significant and within the margin; it is then reported as different, with the
 *       effect shown, since that is the stronger statement about the data.
 *   <li>{@link Outcome#CANNOT_TELL}: neither, or either side is low-sample, or the difference is
 *       undefined (an empty side, a CES side without variance).
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param outcome what can be said
 * @param alpha the error rate of each test, 1 − the confidence level
 * @param margin the equivalence margin, in the metric's unit
 * @param difference the difference a − b with its (1 − α) interval and p-value; empty when undefined
 * @param equivalenceInterval the (1 − 2α) interval of the difference that the TOST compares with
 *     the margin; empty when undefined
 * @param reason why the outcome is {@link Outcome#CANNOT_TELL} when that is not the evidence
 *     ({@code low sample}, {@code undefined}); empty otherwise
 * @since 0.1.0
 */
public record ComparisonVerdict(Outcome outcome, double alpha, double margin, Optional<Comparison> difference,
        Optional<Interval> equivalenceInterval, Optional<String> reason) {

    /** The three things a comparison may let one say. */
    public enum Outcome {
        /** The scores differ: the interval of the difference excludes 0. */
        DIFFERENT,
        /** The scores are equivalent within the margin (TOST). */
        EQUIVALENT,
        /** The data cannot tell: neither a difference nor equivalence is shown. */
        CANNOT_TELL;

        /**
         * Returns the JSON and CLI name: {@code different}, {@code equivalent}, {@code cannot_tell}.
         *
         * @return the id
         */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if alpha is not in (0, 0.5) or the margin is not positive
     */
    public ComparisonVerdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(difference, "difference");
        Objects.requireNonNull(equivalenceInterval, "equivalenceInterval");
        Objects.requireNonNull(reason, "reason");
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("alpha must be in (0, 0.5): " + alpha);
        }
        if (!(margin > 0) || !Double.isFinite(margin)) {
            throw new IllegalArgumentException("margin must be positive and finite: " + margin);
        }
    }

    /**
     * Decides the verdict.
     *
     * @param difference the comparison at the (1 − α) confidence level, or empty when undefined
     * @param equivalence the same comparison at the (1 − 2α) level, or empty when undefined
     * @param alpha the error rate of each test, in (0, 0.5)
     * @param margin the equivalence margin, in the metric's unit
     * @param lowSample whether either side is low-sample (then no verdict but "cannot tell")
     * @return the verdict
     */
    public static ComparisonVerdict of(Optional<Comparison> difference, Optional<Comparison> equivalence,
            double alpha, double margin, boolean lowSample) {
        Optional<Interval> tost = equivalence.map(Comparison::interval);
        if (difference.isEmpty() || equivalence.isEmpty()) {
            return new ComparisonVerdict(Outcome.CANNOT_TELL, alpha, margin, difference, tost, Optional.of("undefined"));
        }
        if (lowSample) {
            return new ComparisonVerdict(Outcome.CANNOT_TELL, alpha, margin, difference, tost,
                    Optional.of("low sample"));
        }
        Comparison d = difference.get();
        boolean excludesZero = d.interval().lower() > 0 || d.interval().upper() < 0;
        if (excludesZero && d.significant() && d.standardError() > 0) {
            return new ComparisonVerdict(Outcome.DIFFERENT, alpha, margin, difference, tost, Optional.empty());
        }
        Interval e = tost.get();
        if (e.lower() > -margin && e.upper() < margin && d.standardError() > 0) {
            return new ComparisonVerdict(Outcome.EQUIVALENT, alpha, margin, difference, tost, Optional.empty());
        }
        return new ComparisonVerdict(Outcome.CANNOT_TELL, alpha, margin, difference, tost,
                d.standardError() > 0 ? Optional.empty() : Optional.of("no variance"));
    }
}
