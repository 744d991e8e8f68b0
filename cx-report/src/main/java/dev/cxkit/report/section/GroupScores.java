package dev.cxkit.report.section;

import static dev.cxkit.report.internal.Checks.requireText;

import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.score.ScoreComparison;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.stats.MultipleTesting.Adjustment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * One metric's scores by the values of one column (a location, a touchpoint): each group over all
 * responses against the rest of the groups, each group's latest period against the one before, and
 * each group's trend, for small multiples.
 *
 * <p>Two families of tests, each adjusted for multiplicity across the groups: every group against
 * the rest (is this store different from the others?) and every group's latest period against the
 * previous one (did this store change?). A group whose score is low-sample has no test in either
 * family. The rows are ranked worst first only when the groups can be told apart (some group
 * differs from the rest after adjustment); otherwise they are in name order, and
 * {@link #toldApart()} is false: the page then says the groups cannot be told apart, not that they
 * are the same.
 *
 * <p>Immutable and thread-safe.
 *
 * @param column the column the groups are values of, for example {@code location}
 * @param metric the metric of every score
 * @param current the label of the latest period, or null when responses have no dates
 * @param previous the label of the period before it, or null
 * @param rows the groups, ranked as described above
 * @param adjustment how each family's p-values are adjusted
 * @param alpha each family's error rate
 * @param toldApart whether some group differs from the rest after adjustment
 * @since 0.1.0
 */
public record GroupScores(String column, Metric metric, @Nullable String current, @Nullable String previous,
        List<GroupRow> rows, Adjustment adjustment, double alpha, boolean toldApart) {

    /**
     * Checks and copies the fields.
     *
     * @throws NullPointerException if a field is null (except the period labels)
     * @throws IllegalArgumentException if the column is blank or a row's metric differs
     */
    public GroupScores {
        requireText(column, "column");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(adjustment, "adjustment");
        rows = List.copyOf(rows);
        for (GroupRow r : rows) {
            if (!r.all().metric().equals(metric)) {
                throw new IllegalArgumentException("group " + r.name() + " is scored on " + r.all().metric().id()
                        + ", not " + metric.id());
            }
        }
    }

    /**
     * Adjusts both families' p-values, decides whether the groups can be told apart and ranks the rows.
     *
     * @param column the column
     * @param metric the metric
     * @param current the latest period's label, or null
     * @param previous the previous period's label, or null
     * @param rows the rows, without adjusted p-values, in any order
     * @param adjustment the multiplicity adjustment of each family
     * @param alpha each family's error rate
     * @return the group scores
     */
    public static GroupScores of(String column, Metric metric, @Nullable String current, @Nullable String previous,
            List<GroupRow> rows, Adjustment adjustment, double alpha) {
        List<GroupRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(GroupRow::name));
        double[] rest = adjustment.adjust(sorted.stream().flatMap(r -> r.vsRest().stream())
                .mapToDouble(Comparison::pValue).toArray());
        double[] change = adjustment.adjust(sorted.stream().flatMap(r -> r.change().stream())
                .mapToDouble(Comparison::pValue).toArray());
        List<GroupRow> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        boolean apart = false;
        for (GroupRow r : sorted) {
            OptionalDouble p = r.vsRest().isPresent() ? OptionalDouble.of(rest[i++]) : OptionalDouble.empty();
            OptionalDouble q = r.change().isPresent() ? OptionalDouble.of(change[j++]) : OptionalDouble.empty();
            apart |= p.isPresent() && p.getAsDouble() < alpha;
            out.add(new GroupRow(r.name(), r.all(), r.vsRest(), p, r.latest(), r.before(), r.change(), q,
                    r.trend()));
        }
        if (apart) {
            out.sort(Comparator.<GroupRow>comparingDouble(r -> r.all().value().orElse(Double.POSITIVE_INFINITY))
                    .thenComparing(GroupRow::name));
        }
        return new GroupScores(column, metric, current, previous, out, adjustment, alpha, apart);
    }

    /**
     * Scores and tests the groups of one column: each group over all its responses against the
     * other groups together, and its {@code current} period against its {@code previous} one.
     * A comparison with a low-sample or undefined side has no test.
     *
     * @param column the column
     * @param metric the metric
     * @param totals each group's ratings over all responses (dated or not)
     * @param periods each group's ratings per period label (groups without dated responses may be missing)
     * @param current the latest period's label, or null when no response has a date
     * @param previous the previous period's label, or null
     * @param options intervals, confidence, the low-sample threshold and alpha
     * @param adjustment the multiplicity adjustment of each family
     * @return the group scores
     */
    public static GroupScores compute(String column, Metric metric, Map<String, RatingDistribution> totals,
            Map<String, ? extends SortedMap<String, RatingDistribution>> periods, @Nullable String current,
            @Nullable String previous, ScoreOptions options, Adjustment adjustment) {
        RatingDistribution empty = RatingDistribution.empty(metric);
        // the rest of group i is the groups before it plus those after it: sums from both ends, exact with weights
        List<RatingDistribution> each = new ArrayList<>(totals.values());
        RatingDistribution[] after = new RatingDistribution[each.size() + 1];
        after[each.size()] = empty;
        for (int i = each.size() - 1; i >= 0; i--) {
            after[i] = each.get(i).plus(after[i + 1]);
        }
        RatingDistribution before = empty;
        List<GroupRow> rows = new ArrayList<>();
        int index = 0;
        for (Map.Entry<String, RatingDistribution> e : totals.entrySet()) {
            RatingDistribution mine = e.getValue();
            RatingDistribution rest = before.plus(after[index + 1]);
            before = before.plus(mine);
            index++;
            Optional<Comparison> vsRest = totals.size() < 2 ? Optional.empty()
                    : tested(ScoreComparison.of(mine, rest, options));
            SortedMap<String, RatingDistribution> mineByPeriod = periods.containsKey(e.getKey())
                    ? periods.get(e.getKey()) : new TreeMap<>();
            List<Scores.PeriodScore> trend = new ArrayList<>();
            mineByPeriod.forEach((label, ratings) -> trend.add(new Scores.PeriodScore(label, Score.of(ratings, options))));
            RatingDistribution now = current == null ? empty : mineByPeriod.getOrDefault(current, empty);
            RatingDistribution then = previous == null ? null : mineByPeriod.get(previous);
            Optional<Comparison> change = then == null ? Optional.empty()
                    : tested(ScoreComparison.of(now, then, options));
            rows.add(new GroupRow(e.getKey(), Score.of(mine, options), vsRest, OptionalDouble.empty(),
                    Score.of(now, options), Optional.ofNullable(then).map(b -> Score.of(b, options)), change,
                    OptionalDouble.empty(), trend));
        }
        return of(column, metric, current, previous, rows, adjustment, options.alpha());
    }

    /** The comparison's difference when it may be tested: not when a side is low-sample or it is undefined. */
    private static Optional<Comparison> tested(ScoreComparison comparison) {
        return comparison.verdict().reason().isPresent() ? Optional.empty() : comparison.difference();
    }

    /**
     * Returns whether a row's score differs from the rest of the groups after adjustment.
     *
     * @param row a row of this table
     * @return true when its adjusted p-value is below alpha
     */
    public boolean differsFromRest(GroupRow row) {
        return row.vsRestAdjustedP().isPresent() && row.vsRestAdjustedP().getAsDouble() < alpha;
    }

    /**
     * Returns whether a row's latest period differs from its previous one after adjustment.
     *
     * @param row a row of this table
     * @return true when its adjusted p-value is below alpha
     */
    public boolean changed(GroupRow row) {
        return row.changeAdjustedP().isPresent() && row.changeAdjustedP().getAsDouble() < alpha;
    }

    /**
     * Describes the family of the against-the-rest tests:
     * {@code 4 locations, each against the rest, Holm-adjusted at 0.05}.
     *
     * @return the sentence
     */
    public String family() {
        long n = rows.stream().filter(r -> r.vsRest().isPresent()).count();
        return n + " " + column + " values, each against the rest, " + adjusted();
    }

    /**
     * Describes the family of the change tests: {@code 4 location values, 2026-03 against 2026-02, Holm-adjusted at 0.05}.
     *
     * @return the sentence
     */
    public String changeFamily() {
        long n = rows.stream().filter(r -> r.change().isPresent()).count();
        return n + " " + column + " values, " + current + " against " + previous + ", " + adjusted();
    }

    private String adjusted() {
        return adjustment.describe(alpha);
    }

    /**
     * Says what the table lets one conclude, in a sentence: which groups differ from the rest, or
     * that the groups cannot be told apart.
     *
     * @return the sentence
     */
    public String verdict() {
        List<String> below = new ArrayList<>();
        List<String> above = new ArrayList<>();
        for (GroupRow r : rows) {
            if (differsFromRest(r)) {
                (r.vsRest().get().difference() < 0 ? below : above).add(r.name());
            }
        }
        if (below.isEmpty() && above.isEmpty()) {
            long tested = rows.stream().filter(r -> r.vsRest().isPresent()).count();
            return tested < 2 ? "Too few " + column + " values have enough responses to compare."
                    : "The " + tested + " " + column + " values cannot be told apart on " + metric.kind().name()
                            + " (" + family() + "); ranked by name, not worst first.";
        }
        List<String> parts = new ArrayList<>();
        if (!below.isEmpty()) {
            parts.add(String.join(", ", below) + " below the rest");
        }
        if (!above.isEmpty()) {
            parts.add(String.join(", ", above) + " above the rest");
        }
        return String.join("; ", parts) + " (" + family() + "); ranked worst first.";
    }

    /**
     * One group.
     *
     * @param name the column's value
     * @param all the group's score over every response
     * @param vsRest the group against the other groups together (its score minus theirs); empty
     *     when either side is low-sample or undefined
     * @param vsRestAdjustedP the adjusted p-value of {@code vsRest}, or empty
     * @param latest the group's score in the latest period (empty score when it has none there)
     * @param before the group's score in the period before, or empty when there is no such period
     * @param change the latest period against the previous one; empty when either is low-sample or undefined
     * @param changeAdjustedP the adjusted p-value of {@code change}, or empty
     * @param trend the group's score per period, oldest first
     */
    public record GroupRow(String name, Score all, Optional<Comparison> vsRest, OptionalDouble vsRestAdjustedP,
            Score latest, Optional<Score> before, Optional<Comparison> change, OptionalDouble changeAdjustedP,
            List<Scores.PeriodScore> trend) {

        /**
         * Checks and copies the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if the name is blank
         */
        public GroupRow {
            requireText(name, "name");
            Objects.requireNonNull(all, "all");
            Objects.requireNonNull(vsRest, "vsRest");
            Objects.requireNonNull(vsRestAdjustedP, "vsRestAdjustedP");
            Objects.requireNonNull(latest, "latest");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(changeAdjustedP, "changeAdjustedP");
            trend = List.copyOf(trend);
        }
    }
}
