package dev.cxkit.core.journey.loop;

import dev.cxkit.core.internal.ByteForm;
import dev.cxkit.core.internal.Ratings;
import dev.cxkit.core.internal.DayLabels;
import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.journey.analytics.JourneyGrouping;
import dev.cxkit.core.score.ByteFormatException;
import dev.cxkit.core.score.GroupKey;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import dev.cxkit.core.score.ScoreTable;
import dev.cxkit.core.stats.ControlCharts;
import dev.cxkit.core.stats.Distributions;
import dev.cxkit.core.survey.Period;
import dev.cxkit.core.survey.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Is a score consistent, or does it move more than sampling noise explains? Records responses per
 * unit (a touchpoint, a location, or any response field) and calendar period, and charts the share
 * of positive ratings (promoters) and of negative ratings (detractors) of each unit over the
 * periods.
 *
 * <ul>
 *   <li><b>Limits.</b> A p-chart per unit and share (Montgomery, <i>Introduction to Statistical
 *       Quality Control</i>, §7.2, see {@link ControlCharts}): centre line p̄ = Σx<sub>i</sub> /
 *       Σn<sub>i</sub> over the unit's periods, limits p̄ ± k·√(p̄(1 − p̄)/n<sub>i</sub>) with
 *       k = {@link ConsistencyRules#sigmas()} (3), clipped to [0, 1]. A period outside is flagged
 *       {@link ControlChart.Signal#ABOVE} or {@link ControlChart.Signal#BELOW}.
 *   <li><b>Alternation.</b> A score that swings good, bad, good, bad is gaming or instability, not
 *       improvement. This is Nelson's rule 4 ("fourteen points in a row alternating up and down",
 *       L. S. Nelson, "The Shewhart control chart: tests for special causes", <i>Journal of
 *       Quality Technology</i> 16(4), 1984, after the Western Electric <i>Statistical Quality
 *       Control Handbook</i>, 1956), adapted to the few periods a score has: a run of at least
 *       {@link ConsistencyRules#alternations()} (4) consecutive moves between periods that
 *       alternate in sign, each larger than {@link ConsistencyRules#swingSigmas()} (2) standard
 *       deviations of the difference of two periods at p̄, √(p̄(1 − p̄)(1/n<sub>i</sub> +
 *       1/n<sub>i−1</sub>)). Requiring each swing to be more than noise is what lets a short run
 *       mean something; Nelson's 14 points need no such check because chance alternation that long
 *       is rare.
 *   <li><b>Overdispersion.</b> When a chart has at least {@link ConsistencyRules#laneyMinPoints()} (6) periods judged
 *       and its shares vary more than binomial sampling explains (Laney's σ<sub>z</sub> &gt; 1,
 *       {@link ControlCharts#laneySigmaZ}), its limits are widened by σ<sub>z</sub> (Laney's p′
 *       chart) and judged on the normal scale, not the exact binomial tail: a unit whose share
 *       always moves a lot is not flagged for moving a lot. The factor is
 *       {@link ControlChart#dispersion()}. A single large swing also raises σ<sub>z</sub>, so on
 *       short charts p′ can hide it: the price of not flagging ordinary variation. Alternating
 *       runs stay judged on binomial noise: alternation is what inflates the moving ranges
 *       σ<sub>z</sub> is estimated from, so widening for it would hide the pattern.
 * </ul>
 *
 * <p>Periods are the ones with responses, in calendar order; an empty period is skipped, not a
 * zero. A response's period is its submission date in the zone, else its journey's start; a
 * response with neither is counted as {@linkplain ConsistencyReport#undated() undated}. A
 * response's unit is its own field of that name, else (for {@code location}) its journey's
 * location. Weighted responses enter with their weighted shares and effective n (Kish). Memory is
 * proportional to units × periods × metrics.
 *
 * <p><b>Not thread-safe.</b> Use one accumulator per thread and {@linkplain #merge merge} them.
 *
 * @since 0.1.0
 */
public final class ConsistencyAccumulator {

    private final String dimension;
    private final Period period;
    private final ZoneId zone;
    private final Map<Metric, ScoreTable> tables = new TreeMap<>(Ratings.METRIC_ORDER);
    /** Group ids by metric, unit and period label: saves building a key list per response. */
    private final Map<Metric, Map<String, Map<String, Integer>>> ids = new HashMap<>();
    /** The days of responses in the zone, and their periods' labels. */
    private final DayLabels days;
    /** Reads the unit's value from a response. */
    private final java.util.function.Function<Response, String> unitOf;
    private long undated;

    private ConsistencyAccumulator(String dimension, Period period, ZoneId zone) {
        this.dimension = Objects.requireNonNull(dimension, "dimension");
        this.period = Objects.requireNonNull(period, "period");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.unitOf = Response.accessor(dimension);
        this.days = new DayLabels(period, zone);
        if (dimension.isBlank() || dimension.equals(dev.cxkit.core.survey.Grouping.PERIOD)) {
            throw new IllegalArgumentException("the unit dimension must be a field other than 'period': '"
                    + dimension + "'");
        }
    }

    /**
     * Creates an empty accumulator.
     *
     * @param dimension the unit: {@code touchpoint}, {@code location}, or another response field or
     *     attribute
     * @param period the calendar period
     * @param zone the time zone that decides the day of a timestamp
     * @return the accumulator
     * @throws IllegalArgumentException if the dimension is blank or {@code period}
     * @throws NullPointerException if an argument is null
     */
    public static ConsistencyAccumulator create(String dimension, Period period, ZoneId zone) {
        return new ConsistencyAccumulator(dimension, period, zone);
    }

    /**
     * Records a response.
     *
     * @param response the response
     * @param journey its journey, or null when it has none (then it needs its own date)
     * @throws IllegalArgumentException if the response is about another journey
     * @throws NullPointerException if the response is null
     */
    public void record(Response response, @Nullable JourneyOutcome journey) {
        Objects.requireNonNull(response, "response");
        if (journey != null) {
            Ratings.checkJoined(response, journey);
        }
        // once per response of every report: the day as a number, its label from a small cache,
        // the unit through an accessor made once, look-ups without capturing lambdas
        long day;
        if (response.submittedOn() != null || response.submittedAt() != null) {
            day = epochDay(response.submittedOn(), response.submittedAt());
        } else if (journey != null) {
            day = epochDay(null, journey.startedAt());
        } else {
            undated++;
            return;
        }
        String field = unitOf.apply(response);
        String unit = field == null && journey != null && dimension.equals(JourneyGrouping.LOCATION)
                ? journey.location() : field;
        ScoreTable table = tables.get(response.metric());
        if (table == null) {
            table = ScoreTable.create(response.metric(), dimension, JourneyGrouping.PERIOD);
            tables.put(response.metric(), table);
        }
        String label = days.label(day);
        Map<String, Map<String, Integer>> byUnit = ids.get(response.metric());
        if (byUnit == null) {
            byUnit = new HashMap<>();
            ids.put(response.metric(), byUnit);
        }
        Map<String, Integer> byLabel = byUnit.get(unit);
        if (byLabel == null) {
            byLabel = new HashMap<>();
            byUnit.put(unit, byLabel);
        }
        Integer known = byLabel.get(label);
        int group;
        if (known != null) {
            group = known;
        } else {
            group = table.group(Arrays.asList(unit, label));
            byLabel.put(label, group);
        }
        if (response.weight() == 1) {
            table.record(group, response.score());
        } else {
            table.record(group, response.score(), response.weight());
        }
    }

    /** Returns the day, in this accumulator's zone, of a date or else an instant. */
    private long epochDay(@Nullable LocalDate on, java.time.@Nullable Instant at) {
        return on != null ? on.toEpochDay() : days.day(at);
    }

    /**
     * Adds another accumulator's responses to this one; {@code other} is not changed.
     *
     * @param other an accumulator of the same dimension, period and zone
     * @throws IllegalArgumentException if they differ
     */
    public void merge(ConsistencyAccumulator other) {
        if (!other.dimension.equals(dimension) || other.period != period || !other.zone.equals(zone)) {
            throw new IllegalArgumentException("cannot merge consistency by " + other.dimension + " per "
                    + other.period.id() + " in " + other.zone + " into " + dimension + " per " + period.id() + " in "
                    + zone);
        }
        undated += other.undated;
        other.tables.forEach((metric, t) -> tables.computeIfAbsent(metric, m -> ScoreTable.create(m, dimension,
                JourneyGrouping.PERIOD)).merge(t));
    }

    /**
     * Returns the byte form of this accumulator ({@code docs/format.md}, kind 5): its unit
     * dimension, period and zone, the undated count, and one score table per metric.
     *
     * @return the bytes, which {@link #fromBytes(byte[])} reads back
     * @since 0.1.0
     */
    public byte[] toBytes() {
        ByteForm.Writer out = ByteForm.Writer.start(ByteForm.CONSISTENCY, 1024);
        out.string(dimension).string(period.id()).string(zone.getId()).varLong(undated).varLong(tables.size());
        tables.values().forEach(t -> out.blob(t.toBytes()));
        return out.finish();
    }

    /**
     * Reads an accumulator from its byte form; the dimension, period and zone come from the bytes.
     *
     * @param bytes bytes written by {@link #toBytes()}
     * @return an accumulator that merges and charts as the one written
     * @throws ByteFormatException if the bytes are not a valid consistency accumulator
     * @since 0.1.0
     */
    public static ConsistencyAccumulator fromBytes(byte[] bytes) {
        ByteForm.Reader in = ByteForm.Reader.open(bytes, ByteForm.CONSISTENCY);
        ConsistencyAccumulator accumulator;
        try {
            accumulator = create(in.string(), Period.parse(in.string()), ZoneId.of(in.string()));
        } catch (RuntimeException e) {
            throw in.error("not a unit, period and zone: " + e.getMessage());
        }
        accumulator.undated = in.varLong();
        int metrics = in.count("metrics", 1);
        for (int i = 0; i < metrics; i++) {
            ScoreTable table = ScoreTable.fromBytes(in.blob());
            if (!table.dimensions().equals(List.of(accumulator.dimension, JourneyGrouping.PERIOD))
                    || accumulator.tables.putIfAbsent(table.metric(), table) != null) {
                throw in.error("a table by " + table.dimensions() + " of " + table.metric()
                        + " does not belong here (or its metric appears twice)");
            }
        }
        in.end();
        return accumulator;
    }

    /**
     * Charts what was recorded.
     *
     * @param rules the limits and the alternating-run rule
     * @return an immutable report
     * @throws NullPointerException if the rules are null
     */
    public ConsistencyReport snapshot(ConsistencyRules rules) {
        Objects.requireNonNull(rules, "rules");
        record Drawn(Metric metric, String unit, ControlChart.Share share, Map<String, RatingDistribution> periods) {
        }
        List<Drawn> drawn = new ArrayList<>();
        Comparator<String> values = Comparator.nullsLast(Comparator.naturalOrder());
        tables.forEach((metric, table) -> {
            // unit -> period -> ratings, sorted (period labels sort in calendar order).
            Map<String, Map<String, RatingDistribution>> byUnit = new TreeMap<>(values);
            for (Map.Entry<GroupKey, RatingDistribution> e : table.snapshot().entrySet()) {
                byUnit.computeIfAbsent(e.getKey().values().get(0), k -> new TreeMap<>())
                        .put(e.getKey().values().get(1), e.getValue());
            }
            byUnit.forEach((unit, periods) -> {
                for (ControlChart.Share share : ControlChart.Share.values()) {
                    // CSAT's and CES's two shares are complements: the second chart would repeat the first
                    if (share == ControlChart.Share.POSITIVE || metric.kind() == Metric.Kind.NPS) {
                        drawn.add(new Drawn(metric, unit, share, periods));
                    }
                }
            });
        });
        int judged = 0;
        for (Drawn d : drawn) {
            for (RatingDistribution r : d.periods().values()) {
                judged += r.effectiveN() >= rules.minPointN() ? 1 : 0;
            }
        }
        // the family's budget: half for the points, split over every point judged, each tested on both
        // sides; half for the alternating runs, split over every place a run could start
        double tail = rules.familyAlpha() > 0 && judged > 0 ? rules.familyAlpha() / 2 / (2.0 * judged) : 0;
        long starts = 0;
        for (Drawn d : drawn) {
            starts += Math.max(0, d.periods().size() - rules.alternations());
        }
        double swingSigmas = rules.swingSigmas();
        if (rules.familyAlpha() > 0 && starts > 0) {
            // a run of k alternating swings holds floor(k/2) + ... disjoint differences, at least two for
            // k >= 3, each beyond the threshold with probability q, independently: P(run) <= q^2
            double q = Math.sqrt(rules.familyAlpha() / 2 / starts);
            swingSigmas = Math.max(swingSigmas, -Distributions.normalQuantile(q / 2));
        }
        ConsistencyRules applied = new ConsistencyRules(rules.sigmas(), swingSigmas, rules.alternations(),
                rules.familyAlpha(), rules.minPointN(), rules.laneyMinPoints());
        List<ControlChart> charts = new ArrayList<>();
        for (Drawn d : drawn) {
            charts.add(chart(d.metric(), d.unit(), d.share(), d.periods(), applied, tail));
        }
        return new ConsistencyReport(dimension, period, rules, undated, charts, judged);
    }

    /** One chart with each point against the fixed limits of {@code rules}; package-private for tests. */
    static ControlChart chart(Metric metric, String unit, ControlChart.Share share,
            Map<String, RatingDistribution> periods, ConsistencyRules rules) {
        return chart(metric, unit, share, periods, rules, 0);
    }

    /**
     * One chart. With a tail probability, a point is flagged when its exact binomial tail (or, for
     * weighted shares and overdispersed charts, the normal one) is below it, and its limits are the
     * matching ones (for whole counts, the exact binomial limits: what is flagged lies outside them);
     * without one, against the fixed {@code sigmas} limits. Periods below {@code minPointN} are
     * never flagged.
     */
    static ControlChart chart(Metric metric, String unit, ControlChart.Share share,
            Map<String, RatingDistribution> periods, ConsistencyRules rules, double tail) {
        int m = periods.size();
        String[] labels = periods.keySet().toArray(new String[0]);
        double[] n = new double[m];
        double[] p = new double[m];
        double[] x = new double[m];
        int i = 0;
        for (RatingDistribution ratings : periods.values()) {
            n[i] = ratings.effectiveN();
            p[i] = share == ControlChart.Share.POSITIVE ? ratings.positiveShare() : ratings.negativeShare();
            x[i] = Math.min(n[i], p[i] * n[i]);
            i++;
        }
        double centre = ControlCharts.centre(x, n);
        double dispersion = dispersion(x, n, centre, rules);
        double sigmas = (tail > 0 ? Math.max(rules.sigmas(), -Distributions.normalQuantile(tail)) : rules.sigmas())
                * dispersion;
        List<ControlChart.Point> points = new ArrayList<>();
        for (int k = 0; k < m; k++) {
            double lower = ControlCharts.lowerLimit(centre, n[k], sigmas);
            double upper = ControlCharts.upperLimit(centre, n[k], sigmas);
            long whole = Math.round(n[k]);
            long successes = Math.round(x[k]);
            if (tail > 0 && dispersion == 1 && whole == n[k] && whole > 0 && Math.abs(successes - x[k]) < 1e-9) {
                // whole counts: the exact binomial limits, so that the limits drawn are the test's
                long[] counts = exactLimits(whole, centre, tail, lower, upper);
                lower = counts[0] / (double) whole;
                upper = counts[1] / (double) whole;
            }
            ControlChart.Signal signal = n[k] < rules.minPointN() ? ControlChart.Signal.WITHIN
                    : p[k] > upper ? ControlChart.Signal.ABOVE
                    : p[k] < lower ? ControlChart.Signal.BELOW : ControlChart.Signal.WITHIN;
            points.add(new ControlChart.Point(labels[k], n[k], p[k], lower, upper, signal));
        }
        // the runs stay on the binomial noise: alternation inflates the moving ranges σz comes from,
        // so widening their threshold by it would hide the very pattern they look for
        return new ControlChart(metric, unit, share, centre, dispersion, points, runs(labels, n, p, centre, rules));
    }

    /**
     * The exact binomial limits of n responses at the centre p̄ for a one-sided tail probability:
     * the fewest successes j with P(X ≤ j) ≥ tail and the most k with P(X ≥ k) ≥ tail, so that a
     * count is flagged exactly when it lies outside [j, k]. The search starts from the normal
     * limits and moves a few steps.
     *
     * @return {j, k}
     */
    static long[] exactLimits(long n, double centre, double tail, double lower, double upper) {
        long k = Math.min(n, Math.max(0, Math.round(upper * n)));
        while (k < n && ControlCharts.binomialUpperTail(k + 1, n, centre) >= tail) {
            k++;
        }
        while (k > 0 && ControlCharts.binomialUpperTail(k, n, centre) < tail) {
            k--;
        }
        long j = Math.min(n, Math.max(0, Math.round(lower * n)));
        while (j > 0 && ControlCharts.binomialLowerTail(j - 1, n, centre) >= tail) {
            j--;
        }
        while (j < n && ControlCharts.binomialLowerTail(j, n, centre) < tail) {
            j++;
        }
        return new long[] {Math.min(j, k), k};
    }

    /**
     * Laney's σ<sub>z</sub> over the periods judged, when there are at least
     * {@link ConsistencyRules#laneyMinPoints()} (6) of them and it exceeds 1 (overdispersion); else 1, the binomial
     * p-chart. Never below 1: narrower limits than sampling noise alone would spend more than the
     * false-alarm budget.
     */
    private static double dispersion(double[] x, double[] n, double centre, ConsistencyRules rules) {
        int judged = 0;
        for (double size : n) {
            judged += size >= rules.minPointN() && size > 0 ? 1 : 0;
        }
        if (rules.laneyMinPoints() == 0 || judged < rules.laneyMinPoints()) {
            return 1;
        }
        double[] xs = new double[judged];
        double[] ns = new double[judged];
        int j = 0;
        for (int k = 0; k < n.length; k++) {
            if (n[k] >= rules.minPointN() && n[k] > 0) {
                xs[j] = x[k];
                ns[j++] = n[k];
            }
        }
        double sigmaZ = ControlCharts.laneySigmaZ(xs, ns, centre);
        return sigmaZ > 1 ? sigmaZ : 1;
    }

    /** The maximal runs of at least {@code rules.alternations()} alternating swings beyond noise. */
    static List<ControlChart.AlternatingRun> runs(String[] labels, double[] n, double[] p, double centre,
            ConsistencyRules rules) {
        List<ControlChart.AlternatingRun> runs = new ArrayList<>();
        int start = -1; // index of the period where the current run starts
        int swings = 0;
        int lastSign = 0;
        for (int k = 1; k <= p.length; k++) {
            int sign = 0;
            if (k < p.length) {
                double move = p[k] - p[k - 1];
                double noise = rules.swingSigmas() * ControlCharts.differenceSigma(centre, n[k], n[k - 1]);
                sign = Math.abs(move) > noise ? (move > 0 ? 1 : -1) : 0;
            }
            if (sign != 0 && swings > 0 && sign == -lastSign) {
                swings++;
            } else {
                if (swings >= rules.alternations()) {
                    runs.add(new ControlChart.AlternatingRun(labels[start], labels[start + swings], swings));
                }
                swings = sign == 0 ? 0 : 1;
                start = k - 1;
            }
            lastSign = sign;
        }
        return runs;
    }
}
