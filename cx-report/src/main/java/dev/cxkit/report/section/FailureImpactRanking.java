package dev.cxkit.report.section;

import static dev.cxkit.report.internal.Checks.requireCount;
import static dev.cxkit.report.internal.Checks.requireMetric;
import static dev.cxkit.report.internal.Checks.requireMetrics;
import static dev.cxkit.report.internal.Checks.requireShare;
import static dev.cxkit.report.internal.Checks.requireText;

import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.stats.MultipleTesting.Adjustment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Section 4: failures and scores, one row per failure type and touchpoint: the score of journeys
 * with the failure against journeys without it (a marginal association), and the difference with
 * the other failures held equal. Neither is a cause.
 *
 * <p><b>Order.</b> Rows with a held-equal difference come first, the lowest (most harmful) first,
 * because a marginal difference also carries the cost of the failures a failure comes with; then
 * the rows whose held-equal difference could not be estimated, by the detractors they account
 * for.
 *
 * <p><b>Families.</b> The marginal differences are one family (every row with a difference) and
 * the held-equal differences another (every row with one); each family's p-values are adjusted
 * with {@link #adjustment} at {@link #alpha}.
 *
 * @param metric the metric the scores with and without the failure are of
 * @param ranking the rows, in the order above
 * @param adjustment how the rows' p-values were adjusted for being tested together
 * @param alpha the error rate the adjusted p-values are compared with
 * @since 0.1.0
 */
public record FailureImpactRanking(Metric metric, List<ImpactRow> ranking, Adjustment adjustment, double alpha) {

    /**
     * Checks the rows' metric.
     *
     * @throws IllegalArgumentException if a row's scores are of another metric
     */
    public FailureImpactRanking {
        ranking = List.copyOf(ranking);
        Objects.requireNonNull(adjustment, "adjustment");
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1): " + alpha);
        }
        requireMetrics(ranking, metric, ImpactRow::label, ImpactRow::with);
        requireMetrics(ranking, metric, ImpactRow::label, ImpactRow::without);
    }

    /**
     * Ranks rows and adjusts each family's p-values: the order and the families are those of the
     * class description. The rows' own adjusted p-values are ignored: each is recomputed from its
     * difference's raw p-value.
     *
     * @param metric the metric of the rows' scores
     * @param rows the rows, in any order; ties keep this order
     * @param adjustment how each family's p-values are adjusted
     * @param alpha each family's error rate
     * @return the ranking
     */
    public static FailureImpactRanking of(Metric metric, List<ImpactRow> rows, Adjustment adjustment, double alpha) {
        List<ImpactRow> ranked = new ArrayList<>(rows);
        ranked.sort(Comparator.comparingDouble(
                (ImpactRow r) -> r.heldEqual().map(Comparison::difference).orElse(Double.POSITIVE_INFINITY)));
        double[] marginal = adjustment.adjust(ranked.stream().flatMap(r -> r.difference().stream())
                .mapToDouble(Comparison::pValue).toArray());
        double[] heldEqual = adjustment.adjust(ranked.stream().flatMap(r -> r.heldEqual().stream())
                .mapToDouble(Comparison::pValue).toArray());
        List<ImpactRow> out = new ArrayList<>();
        int m = 0;
        int h = 0;
        for (ImpactRow r : ranked) {
            OptionalDouble p = r.difference().isPresent() ? OptionalDouble.of(marginal[m++]) : OptionalDouble.empty();
            OptionalDouble q = r.heldEqual().isPresent() ? OptionalDouble.of(heldEqual[h++]) : OptionalDouble.empty();
            out.add(new ImpactRow(r.failureType(), r.touchpoint(), r.factor(), r.journeys(), r.with(), r.without(),
                    r.difference(), r.detractorShare(), p, r.heldEqual(), q));
        }
        return new FailureImpactRanking(metric, out, adjustment, alpha);
    }

    /**
     * Returns how many tests the family holds: the rows with a difference.
     *
     * @return the family's size
     */
    public long tests() {
        return ranking.stream().filter(r -> r.difference().isPresent()).count();
    }

    /**
     * Returns how many tests the held-equal family holds: the rows with a held-equal difference.
     *
     * @return the family's size
     */
    public long heldEqualTests() {
        return ranking.stream().filter(r -> r.heldEqual().isPresent()).count();
    }

    /**
     * Describes the family of the marginal differences for people:
     * {@code 11 failures × 1 metric (NPS), Holm-adjusted at 0.05}.
     *
     * @return the sentence
     */
    public String family() {
        return family(tests());
    }

    /**
     * Describes the family of the held-equal differences for people, as {@link #family()} does.
     *
     * @return the sentence
     */
    public String heldEqualFamily() {
        return family(heldEqualTests());
    }

    private String family(long n) {
        return n + (n == 1 ? " failure" : " failures") + " × 1 metric (" + metric.kind().name() + "), "
                + adjustment.describe(alpha);
    }

    /**
     * The cost of one failure type at one touchpoint: the score of journeys with it against
     * journeys without it.
     *
     * @param failureType the failure type, for example {@code late-meal}
     * @param touchpoint the touchpoint where it happened
     * @param factor the satisfaction factor it broke
     * @param journeys the journeys with this failure
     * @param with the score of journeys with the failure
     * @param without the score of journeys without it
     * @param difference with minus without, with interval and p-value; empty when either side has
     *     too few responses
     * @param detractorShare the share of all detractors whose journey had this failure, in [0, 1]
     * @param adjustedP the p-value adjusted for the family of the ranking; empty without a difference
     * @param heldEqual the failure's difference with the other failures held equal (a linear model
     *     with robust errors, {@code FailureEffectAccumulator}); empty when it could not be estimated
     * @param heldEqualAdjustedP the held-equal p-value adjusted for its family; empty without a
     *     held-equal difference
     */
    public record ImpactRow(String failureType, String touchpoint, SatisfactionFactor factor, long journeys,
            Score with, Score without, Optional<Comparison> difference, double detractorShare,
            OptionalDouble adjustedP, Optional<Comparison> heldEqual, OptionalDouble heldEqualAdjustedP) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if a name is blank, the count is negative, the metrics
         *     differ or the share is outside [0, 1]
         */
        public ImpactRow {
            requireText(failureType, "failureType");
            requireText(touchpoint, "touchpoint");
            Objects.requireNonNull(factor, "factor");
            requireCount(journeys, "journeys");
            Objects.requireNonNull(with, "with");
            Objects.requireNonNull(without, "without");
            Objects.requireNonNull(difference, "difference");
            requireMetric(without, with.metric(), failureType + " at " + touchpoint);
            requireShare(detractorShare, "detractorShare");
            Objects.requireNonNull(adjustedP, "adjustedP");
            Objects.requireNonNull(heldEqual, "heldEqual");
            Objects.requireNonNull(heldEqualAdjustedP, "heldEqualAdjustedP");
            if (adjustedP.isPresent() != difference.isPresent()
                    || heldEqualAdjustedP.isPresent() != heldEqual.isPresent()) {
                throw new IllegalArgumentException(label() + ": an adjusted p-value needs its difference, and a "
                        + "difference its adjusted p-value");
            }
        }

        /**
         * Creates a row whose p-values are not adjusted yet: {@link FailureImpactRanking#of}
         * adjusts them.
         *
         * @param failureType the failure type
         * @param touchpoint the touchpoint where it happened
         * @param factor the satisfaction factor it broke
         * @param journeys the journeys with this failure
         * @param with the score of journeys with the failure
         * @param without the score of journeys without it
         * @param difference with minus without; empty when either side has too few responses
         * @param detractorShare the share of all detractors whose journey had this failure
         * @param heldEqual the difference with the other failures held equal; empty when not estimated
         */
        public ImpactRow(String failureType, String touchpoint, SatisfactionFactor factor, long journeys,
                Score with, Score without, Optional<Comparison> difference, double detractorShare,
                Optional<Comparison> heldEqual) {
            this(failureType, touchpoint, factor, journeys, with, without, difference, detractorShare,
                    rawP(difference), heldEqual, rawP(heldEqual));
        }

        private static OptionalDouble rawP(Optional<Comparison> c) {
            return c.map(x -> OptionalDouble.of(x.pValue())).orElse(OptionalDouble.empty());
        }

        /**
         * Returns whether the difference is significant after the family's adjustment, and neither
         * side is low-sample (a low-sample row never claims significance).
         *
         * @param alpha the family's error rate
         * @return true when significant
         */
        public boolean significant(double alpha) {
            return significant(adjustedP, alpha);
        }

        /**
         * Returns whether the held-equal difference is significant after its family's adjustment,
         * and neither side is low-sample.
         *
         * @param alpha the family's error rate
         * @return true when significant
         */
        public boolean heldEqualSignificant(double alpha) {
            return significant(heldEqualAdjustedP, alpha);
        }

        private boolean significant(OptionalDouble p, double alpha) {
            return p.isPresent() && p.getAsDouble() < alpha && !with.lowSample() && !without.lowSample();
        }

        /** Returns {@code failureType at touchpoint}. */
        public String label() {
            return failureType + " at " + touchpoint;
        }
    }
}
