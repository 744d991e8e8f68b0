package dev.cxkit.cli.report;

import dev.cxkit.core.journey.loop.ControlChart.Share;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.stats.Interval;
import dev.cxkit.rules.plan.RecoveryPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything a CX health report shows, in the order the page, the JSON and the terminal summary
 * show it (issue 6): headline scores; scores by touchpoint and stage with the trend; the journey
 * funnel and promises; what failures cost; recovery plans and recovery effectiveness; consistency
 * findings and the closed loop; and where the numbers came from.
 *
 * <p>The model holds results, not raw data: filling it is the analytics' job, rendering it is
 * {@link ReportJson}'s, {@link ReportHtml}'s and {@link ReportText}'s. Every part that needs input
 * the user may not have given (journey events, incidents, comments) is a {@link Section}, which
 * is either present or absent with a sentence saying why; the writers print that sentence
 * instead of failing.
 *
 * <p>Immutable and thread-safe; every record checks its fields in its compact constructor and
 * copies its lists.
 *
 * @param title the report's title, for example {@code CX health report: Fork & Fire, March 2026}
 * @param provenance where the numbers came from and when the report was made
 * @param headline section 1: NPS, CSAT and CES now, and their change
 * @param scores section 2: scores by touchpoint and by stage, worst first, and the trend per period
 * @param journeys section 3: the journey funnel and durations against promises, one entry per
 *     journey definition, in the order given
 * @param failureImpact section 4: what failures cost, ranked
 * @param recoveryPlans section 5: plans for open incidents, from the policy
 * @param recoveryEffectiveness section 5: scores of journeys without failure, recovered, not recovered
 * @param consistency section 6: swings beyond noise and alternating patterns
 * @param closedLoop section 6: detractors to call back and staff to recognise
 */
public record ReportModel(String title, Provenance provenance, Section<Headline> headline, Section<Scores> scores,
        Section<List<Journeys>> journeys, Section<FailureImpact> failureImpact, Section<RecoveryPlans> recoveryPlans,
        Section<RecoveryEffectiveness> recoveryEffectiveness, Section<Consistency> consistency,
        Section<ClosedLoop> closedLoop) {

    /**
     * Checks that nothing is missing.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the title is blank, or the journeys section is present
     *     but empty or names a definition twice
     */
    public ReportModel {
        requireText(title, "title");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(journeys, "journeys");
        if (journeys.isPresent()) {
            List<Journeys> definitions = List.copyOf(journeys.content().get());
            requireNonEmpty(definitions, "journey definitions");
            requireUnique(definitions, Journeys::definition, "journey definition");
            journeys = Section.of(definitions);
        }
        Objects.requireNonNull(failureImpact, "failureImpact");
        Objects.requireNonNull(recoveryPlans, "recoveryPlans");
        Objects.requireNonNull(recoveryEffectiveness, "recoveryEffectiveness");
        Objects.requireNonNull(consistency, "consistency");
        Objects.requireNonNull(closedLoop, "closedLoop");
    }

    // ---- sections and provenance ------------------------------------------------------------------

    /**
     * A part of the report that is either there, or absent with a sentence that says why (for
     * example "No journey events were given (--events), so there is no funnel.").
     *
     * @param <T> what the section holds
     * @param content the content, or empty when the section is absent
     * @param absentNote why the section is absent; empty when it is present
     */
    public record Section<T>(Optional<T> content, String absentNote) {

        /**
         * Checks that exactly one of content and note is given.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if both or neither are given
         */
        public Section {
            Objects.requireNonNull(content, "content");
            Objects.requireNonNull(absentNote, "absentNote");
            if (content.isPresent() == !absentNote.isBlank()) {
                throw new IllegalArgumentException(content.isPresent()
                        ? "a present section has no absent note: " + absentNote
                        : "an absent section needs a sentence saying why");
            }
        }

        /**
         * A present section.
         *
         * @param <T> what the section holds
         * @param content the content
         * @return the section
         */
        public static <T> Section<T> of(T content) {
            return new Section<>(Optional.of(content), "");
        }

        /**
         * An absent section.
         *
         * @param <T> what the section would hold
         * @param why a sentence for the reader, for example "No incidents were given (--incidents)."
         * @return the section
         */
        public static <T> Section<T> absent(String why) {
            return new Section<>(Optional.empty(), why);
        }

        /** Returns whether the section has content. */
        public boolean isPresent() {
            return content.isPresent();
        }
    }

    /**
     * Where the numbers came from.
     *
     * @param generatedAt when the report was made: passed in by the caller, never read from a clock
     *     here, so the same inputs give the same report
     * @param inputs each file read, in the order read
     */
    public record Provenance(Instant generatedAt, List<Input> inputs) {

        /**
         * Copies the inputs.
         *
         * @throws NullPointerException if a field or an input is null
         */
        public Provenance {
            Objects.requireNonNull(generatedAt, "generatedAt");
            inputs = List.copyOf(inputs);
        }

        /** Returns the rows of all inputs added up. */
        public Rows total() {
            Rows sum = new Rows(0, 0, 0, 0);
            for (Input input : inputs) {
                sum = sum.plus(input.rows());
            }
            return sum;
        }
    }

    /**
     * One file read for the report.
     *
     * @param kind what it holds: {@code responses}, {@code events}, {@code definition},
     *     {@code incidents}, {@code customers}, {@code policy}, ...
     * @param name the file's name as the user gave it, or the bundled sample's name
     * @param rows the rows read from it
     */
    public record Input(String kind, String name, Rows rows) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if kind or name is blank
         */
        public Input {
            requireText(kind, "kind");
            requireText(name, "name");
            Objects.requireNonNull(rows, "rows");
        }
    }

    /**
     * Row counts of an input: read = accepted + rejected + duplicates, always.
     *
     * @param read the rows read
     * @param accepted the rows used
     * @param rejected the rows refused, with their reasons reported elsewhere
     * @param duplicates the rows dropped as repeats (journey events with a known event id); 0 for
     *     other inputs
     */
    public record Rows(long read, long accepted, long rejected, long duplicates) {

        /**
         * Checks that the counts add up.
         *
         * @throws IllegalArgumentException if a count is negative or they do not add up
         */
        public Rows {
            if (accepted < 0 || rejected < 0 || duplicates < 0 || read != accepted + rejected + duplicates) {
                throw new IllegalArgumentException("rows must satisfy read = accepted + rejected + duplicates, all >= 0: "
                        + read + " read, " + accepted + " accepted, " + rejected + " rejected, " + duplicates
                        + " duplicates");
            }
        }

        /**
         * Counts of an input without duplicates.
         *
         * @param accepted the rows used
         * @param rejected the rows refused
         * @return the counts, read = accepted + rejected
         */
        public static Rows of(long accepted, long rejected) {
            return new Rows(accepted + rejected, accepted, rejected, 0);
        }

        Rows plus(Rows o) {
            return new Rows(read + o.read, accepted + o.accepted, rejected + o.rejected, duplicates + o.duplicates);
        }
    }

    // ---- 1. headline ------------------------------------------------------------------------------

    /**
     * Section 1: one entry per metric that has responses, in the order NPS, CSAT, CES.
     *
     * @param scores the headline scores, at most one per metric kind
     */
    public record Headline(List<HeadlineScore> scores) {

        /**
         * Orders the scores by metric and checks there is one per metric kind.
         *
         * @throws IllegalArgumentException if a metric kind appears twice or there is none
         */
        public Headline {
            scores = sortedCopy(scores, Comparator.comparing(h -> h.score().metric().kind()));
            requireNonEmpty(scores, "headline scores");
            requireUnique(scores, h -> h.score().metric().kind(), "headline metric");
        }
    }

    /**
     * A metric's score in the reported period and its change from the period before.
     *
     * @param period the period the score covers, for example {@code 2026-03} or {@code all responses}
     * @param score the score, with n, interval and low-sample flag
     * @param change the change from the previous period, or empty when there is none
     */
    public record HeadlineScore(String period, Score score, Optional<Change> change) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if the period is blank or the change is of another metric
         */
        public HeadlineScore {
            requireText(period, "period");
            Objects.requireNonNull(score, "score");
            Objects.requireNonNull(change, "change");
            change.ifPresent(c -> requireMetric(c.previous(), score.metric(), "previous period's score"));
        }
    }

    /**
     * The change of a score from the previous period: this period minus the previous one.
     *
     * @param previousPeriod the previous period, for example {@code 2026-02}
     * @param previous the previous period's score
     * @param difference the difference with its interval, p-value and significance; empty when
     *     either period has too few responses to compare
     */
    public record Change(String previousPeriod, Score previous, Optional<Comparison> difference) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if the period is blank
         */
        public Change {
            requireText(previousPeriod, "previousPeriod");
            Objects.requireNonNull(previous, "previous");
            Objects.requireNonNull(difference, "difference");
        }
    }

    // ---- 2. scores by touchpoint and stage, trend ---------------------------------------------------

    /**
     * Section 2: scores by touchpoint and by stage (one ranking per metric), and the trend of each
     * metric per period.
     *
     * @param byTouchpoint one ranking per metric, in the order NPS, CSAT, CES
     * @param byStage one ranking per metric, in the order NPS, CSAT, CES
     * @param trends one trend per metric, in the order NPS, CSAT, CES
     */
    public record Scores(List<Ranking> byTouchpoint, List<Ranking> byStage, List<Trend> trends) {

        /**
         * Orders each list by metric and checks there is at most one entry per metric.
         *
         * @throws IllegalArgumentException if a metric kind appears twice in a list
         */
        public Scores {
            byTouchpoint = sortedCopy(byTouchpoint, Comparator.comparing(r -> r.metric().kind()));
            byStage = sortedCopy(byStage, Comparator.comparing(r -> r.metric().kind()));
            trends = sortedCopy(trends, Comparator.comparing(t -> t.metric().kind()));
            requireUnique(byTouchpoint, r -> r.metric().kind(), "touchpoint ranking metric");
            requireUnique(byStage, r -> r.metric().kind(), "stage ranking metric");
            requireUnique(trends, t -> t.metric().kind(), "trend metric");
        }
    }

    /**
     * The scores of one metric by touchpoint (or stage), worst first: lowest value first, cells
     * without responses last, ties by name. Low-sample cells keep their place and are marked by
     * their score's flag.
     *
     * @param metric the metric of every score
     * @param rows the scores, sorted worst first by the constructor
     */
    public record Ranking(Metric metric, List<NamedScore> rows) {

        /**
         * Sorts the rows worst first and checks their metric and names.
         *
         * @throws IllegalArgumentException if a score is of another metric or a name repeats
         */
        public Ranking {
            rows = sortedCopy(rows, WORST_FIRST);
            requireMetrics(rows, metric, NamedScore::name, NamedScore::score);
            requireUnique(rows, NamedScore::name, "name");
        }

        private static final Comparator<NamedScore> WORST_FIRST = Comparator
                .<NamedScore>comparingDouble(r -> r.score().value().orElse(Double.POSITIVE_INFINITY))
                .thenComparing(NamedScore::name);
    }

    /**
     * A score with the name of what it belongs to.
     *
     * @param name a touchpoint, stage or group name, from the user's data
     * @param score the score
     */
    public record NamedScore(String name, Score score) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if the name is blank
         */
        public NamedScore {
            requireText(name, "name");
            Objects.requireNonNull(score, "score");
        }
    }

    /**
     * A metric's score per period, oldest first, for the trend chart.
     *
     * @param metric the metric of every point
     * @param points the periods in time order, as given; a period without responses has an empty score
     */
    public record Trend(Metric metric, List<PeriodScore> points) {

        /**
         * Checks the points.
         *
         * @throws IllegalArgumentException if a point is of another metric or a period repeats
         */
        public Trend {
            points = List.copyOf(points);
            requireMetrics(points, metric, PeriodScore::period, PeriodScore::score);
            requireUnique(points, PeriodScore::period, "period");
        }
    }

    /**
     * A score in a period.
     *
     * @param period the period's label, for example {@code 2026-03}, {@code 2026-W09}, {@code 2026-Q1}
     * @param score the score
     */
    public record PeriodScore(String period, Score score) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if the period is blank
         */
        public PeriodScore {
            requireText(period, "period");
            Objects.requireNonNull(score, "score");
        }
    }

    // ---- 3. journeys -----------------------------------------------------------------------------

    /**
     * Section 3: the journey funnel and the promises.
     *
     * @param definition the journey definition's name
     * @param journeys the journeys analysed
     * @param funnel the stages in order
     * @param promises the promises in the definition's order
     */
    public record Journeys(String definition, long journeys, List<FunnelStep> funnel, List<PromiseResult> promises) {

        /**
         * Checks the fields.
         *
         * @throws IllegalArgumentException if the name is blank, a count is negative, a stage
         *     repeats, or a stage holds more journeys than there are
         */
        public Journeys {
            requireText(definition, "definition");
            requireCount(journeys, "journeys");
            funnel = List.copyOf(funnel);
            promises = List.copyOf(promises);
            requireUnique(funnel, FunnelStep::stage, "stage");
            requireUnique(promises, PromiseResult::id, "promise");
            for (FunnelStep step : funnel) {
                if (step.reached() > journeys) {
                    throw new IllegalArgumentException("stage " + step.stage() + ": " + step.reached()
                            + " reached of " + journeys + " journeys");
                }
            }
        }
    }

    /**
     * One stage of the funnel (the strict, in-order funnel of the journey analytics).
     *
     * @param stage the stage's name
     * @param entered the journeys that entered the stage in order (from every stage before it)
     * @param reached the journeys with any event in the stage, in order or not
     * @param completed the journeys in which every expected touchpoint of the stage happened
     * @param fallout the journeys counted at the stage before (at the first stage: all journeys)
     *     that did not enter this one
     */
    public record FunnelStep(String stage, long entered, long reached, long completed, long fallout) {

        /**
         * Checks the counts.
         *
         * @throws IllegalArgumentException if a count is negative, or entered or completed exceeds reached
         */
        public FunnelStep {
            requireText(stage, "stage");
            requireCount(entered, "entered");
            requireCount(reached, "reached");
            requireCount(completed, "completed");
            requireCount(fallout, "fallout");
            if (entered > reached || completed > reached) {
                throw new IllegalArgumentException("stage " + stage + ": entered " + entered + " and completed "
                        + completed + " must not exceed reached " + reached);
            }
        }

        /** Returns the share of the journeys at the stage before that fell out here, or empty if none were. */
        public OptionalDouble falloutRate() {
            long before = entered + fallout;
            return before == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) fallout / before);
        }
    }

    /** Whether a promise's limit is a maximum (a deadline) or a minimum (a notice period). */
    public enum LimitKind {
        /** The time must be at most the limit: "served ≤ 20m after ordered". */
        AT_MOST("≤", "after"),
        /** The time must be at least the limit: "notice ≥ 30m before arrival". */
        AT_LEAST("≥", "before");

        private final String symbol;
        private final String word;

        LimitKind(String symbol, String word) {
            this.symbol = symbol;
            this.word = word;
        }

        /** Returns {@code ≤} or {@code ≥}. */
        public String symbol() {
            return symbol;
        }

        /** Returns the JSON name: {@code at-most} or {@code at-least}. */
        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A promise and how well it was kept.
     *
     * @param id the promise's id, for example {@code served-in-20}
     * @param from the event the time runs from (a touchpoint, or {@code failure})
     * @param to the event the time runs to (a touchpoint, or {@code recovery})
     * @param kind whether the limit is a maximum or a minimum
     * @param limit the limit, zero or more
     * @param factor the satisfaction factor a breach breaks
     * @param durations the measured times' percentiles, or empty when no time was measured
     * @param checks the journeys (or failures) the promise applied to
     * @param breaches the checks that broke it, including a missing event
     * @param breachInterval the interval of the breach rate as a share in [0, 1], or empty when
     *     there were no checks
     */
    public record PromiseResult(String id, String from, String to, LimitKind kind, Duration limit,
            SatisfactionFactor factor, Optional<Percentiles> durations, long checks, long breaches,
            Optional<Interval> breachInterval) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if a name is blank, the limit is negative, breaches
         *     exceed checks, or the interval is outside [0, 1] or there without checks
         */
        public PromiseResult {
            requireText(id, "id");
            requireText(from, "from");
            requireText(to, "to");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(factor, "factor");
            Objects.requireNonNull(durations, "durations");
            Objects.requireNonNull(breachInterval, "breachInterval");
            if (limit.isNegative()) {
                throw new IllegalArgumentException("promise " + id + ": negative limit " + limit);
            }
            requireCount(checks, "checks");
            if (breaches < 0 || breaches > checks) {
                throw new IllegalArgumentException("promise " + id + ": " + breaches + " breaches in " + checks
                        + " checks");
            }
            if (breachInterval.isPresent() != (checks > 0)) {
                throw new IllegalArgumentException("promise " + id + ": a breach interval needs checks, and checks"
                        + " need one");
            }
            breachInterval.ifPresent(i -> {
                if (i.lower() < 0 || i.upper() > 1) {
                    throw new IllegalArgumentException("promise " + id + ": the breach interval is a share in [0, 1],"
                            + " not percent: " + i);
                }
            });
        }

        /** Returns the share of checks that broke the promise, or empty without checks. */
        public OptionalDouble breachRate() {
            return checks == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) breaches / checks);
        }

        /**
         * Returns the promise in words, for example {@code served ≤ 20m after ordered} or
         * {@code notice ≥ 30m before arrival}.
         */
        public String description() {
            return kind == LimitKind.AT_MOST
                    ? to + " " + kind.symbol + " " + Figures.duration(limit) + " " + kind.word + " " + from
                    : from + " " + kind.symbol + " " + Figures.duration(limit) + " " + kind.word + " " + to;
        }
    }

    /**
     * Duration percentiles, nearest rank.
     *
     * @param p50 the median
     * @param p90 the 90th percentile
     * @param p99 the 99th percentile
     */
    public record Percentiles(Duration p50, Duration p90, Duration p99) {

        /**
         * Checks the order.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException unless p50 ≤ p90 ≤ p99
         */
        public Percentiles {
            Objects.requireNonNull(p50, "p50");
            Objects.requireNonNull(p90, "p90");
            Objects.requireNonNull(p99, "p99");
            if (p50.compareTo(p90) > 0 || p90.compareTo(p99) > 0) {
                throw new IllegalArgumentException("percentiles must satisfy p50 <= p90 <= p99: " + p50 + ", " + p90
                        + ", " + p99);
            }
        }
    }

    // ---- 4. failure impact -------------------------------------------------------------------------

    /**
     * Section 4: what failures cost, one row per failure type and touchpoint, in the rank order
     * the analysis gives (most costly first).
     *
     * @param metric the metric the scores with and without the failure are of
     * @param ranking the rows, most costly first
     */
    public record FailureImpact(Metric metric, List<ImpactRow> ranking) {

        /**
         * Checks the rows' metric.
         *
         * @throws IllegalArgumentException if a row's scores are of another metric
         */
        public FailureImpact {
            ranking = List.copyOf(ranking);
            requireMetrics(ranking, metric, ImpactRow::label, ImpactRow::with);
            requireMetrics(ranking, metric, ImpactRow::label, ImpactRow::without);
        }
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
     */
    public record ImpactRow(String failureType, String touchpoint, SatisfactionFactor factor, long journeys,
            Score with, Score without, Optional<Comparison> difference, double detractorShare) {

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
        }

        /** Returns {@code failureType at touchpoint}. */
        public String label() {
            return failureType + " at " + touchpoint;
        }
    }

    // ---- 5. recovery -------------------------------------------------------------------------------

    /**
     * Section 5: the recovery plans the policy decided for the open incidents.
     *
     * @param policy the policy's name, for example {@code restaurant} or a directory
     * @param plans one per open incident, in the order decided
     */
    public record RecoveryPlans(String policy, List<IncidentPlan> plans) {

        /**
         * Checks the fields.
         *
         * @throws IllegalArgumentException if the policy is blank or an incident repeats
         */
        public RecoveryPlans {
            requireText(policy, "policy");
            plans = List.copyOf(plans);
            requireUnique(plans, p -> p.plan().incidentId(), "incident");
        }

        /** Returns how many offers need a manager's approval. */
        public long approvalsNeeded() {
            return plans.stream().flatMap(p -> p.plan().offers().stream()).filter(o -> o.requiresApproval()).count();
        }
    }

    /**
     * An open incident and its plan.
     *
     * @param summary what happened, for people, for example {@code late meal, Leith, table 12}; may be empty
     * @param plan the plan decided for it
     */
    public record IncidentPlan(String summary, RecoveryPlan plan) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         */
        public IncidentPlan {
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(plan, "plan");
        }
    }

    /**
     * Section 5: does recovery win customers back? The score of journeys without a failure, with
     * every failure recovered in time, and with a failure not recovered.
     *
     * @param metric the metric of the three scores
     * @param noFailure journeys without a service failure
     * @param recovered journeys whose failures were all recovered in time
     * @param notRecovered journeys with a failure not recovered, or recovered late
     * @param recoveredVsNotRecovered recovered minus not recovered; empty when either is too small
     * @param recoveredVsNoFailure recovered minus no failure (the recovery paradox when
     *     significantly positive); empty when either is too small
     */
    public record RecoveryEffectiveness(Metric metric, Score noFailure, Score recovered, Score notRecovered,
            Optional<Comparison> recoveredVsNotRecovered, Optional<Comparison> recoveredVsNoFailure) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if a score is of another metric
         */
        public RecoveryEffectiveness {
            Objects.requireNonNull(metric, "metric");
            requireMetric(noFailure, metric, "no failure");
            requireMetric(recovered, metric, "recovered");
            requireMetric(notRecovered, metric, "not recovered");
            Objects.requireNonNull(recoveredVsNotRecovered, "recoveredVsNotRecovered");
            Objects.requireNonNull(recoveredVsNoFailure, "recoveredVsNoFailure");
        }

        /**
         * Returns the verdict in two sentences: whether recovery beats no recovery, and whether
         * the recovery paradox holds, with the numbers the page shows.
         */
        public String verdict() {
            return Verdicts.recovery(this);
        }
    }

    // ---- 6. consistency and closed loop ---------------------------------------------------------------

    /**
     * Section 6: consistency findings.
     *
     * @param findings the findings, in the order found; empty when the scores are consistent
     */
    public record Consistency(List<Finding> findings) {

        /**
         * Copies the findings.
         *
         * @throws NullPointerException if a finding is null
         */
        public Consistency {
            findings = List.copyOf(findings);
        }
    }

    /**
     * A consistency finding: a swing beyond noise or an alternating pattern in the share of
     * positive ratings (NPS promoters) or of negative ratings (NPS detractors) of a unit, the
     * shares a p-chart follows.
     */
    public sealed interface Finding permits Swing, Alternation {

        /** Returns where it was found: a touchpoint or location, from the user's data. */
        String where();

        /** Returns the metric. */
        Metric metric();

        /** Returns which share of the ratings moved. */
        Share share();

        /** Returns the finding in a sentence, with the numbers the page shows. */
        String sentence();
    }

    /**
     * A period whose share of positive (or negative) ratings lies outside the control limits that
     * sampling noise explains.
     *
     * @param where the touchpoint or location
     * @param metric the metric
     * @param share which share: positive (promoters) or negative (detractors)
     * @param period the period
     * @param value the period's share, in [0, 1]
     * @param controlLimits the range sampling noise explains around the long-run share, in [0, 1]
     */
    public record Swing(String where, Metric metric, Share share, String period, double value,
            Interval controlLimits) implements Finding {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if a name is blank, the share or the limits lie outside
         *     [0, 1], or the share lies within the limits
         */
        public Swing {
            requireText(where, "where");
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(share, "share");
            requireText(period, "period");
            requireShare(value, where + " " + period + " share");
            Objects.requireNonNull(controlLimits, "controlLimits");
            requireShare(controlLimits.lower(), where + " " + period + " lower control limit");
            requireShare(controlLimits.upper(), where + " " + period + " upper control limit");
            if (controlLimits.contains(value)) {
                throw new IllegalArgumentException(where + " " + period + ": a swing lies outside its control limits");
            }
        }

        @Override
        public String sentence() {
            return Verdicts.swing(this);
        }
    }

    /**
     * Consecutive periods whose share of positive (or negative) ratings goes up and down in turn,
     * each move beyond noise: gaming or instability, not improvement.
     *
     * @param where the touchpoint or location
     * @param metric the metric
     * @param share which share: positive (promoters) or negative (detractors)
     * @param run the periods in time order, at least four
     */
    public record Alternation(String where, Metric metric, Share share, List<PeriodShare> run) implements Finding {

        /** The fewest periods that make a pattern. */
        public static final int MIN_PERIODS = 4;

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if the name is blank, or the run is shorter than four or
         *     repeats a period
         */
        public Alternation {
            requireText(where, "where");
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(share, "share");
            run = List.copyOf(run);
            if (run.size() < MIN_PERIODS) {
                throw new IllegalArgumentException(where + ": an alternating pattern needs at least " + MIN_PERIODS
                        + " periods, got " + run.size());
            }
            requireUnique(run, PeriodShare::period, "period");
        }

        @Override
        public String sentence() {
            return Verdicts.alternation(this);
        }
    }

    /**
     * A share of ratings in a period.
     *
     * @param period the period's label
     * @param value the share, in [0, 1]
     */
    public record PeriodShare(String period, double value) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if the period is null
         * @throws IllegalArgumentException if the period is blank or the share is outside [0, 1]
         */
        public PeriodShare {
            requireText(period, "period");
            requireShare(value, period + " share");
        }
    }

    /**
     * Section 6: the closed loop.
     *
     * @param callBacks detractors to call back, sorted by due time (then customer) by the constructor
     * @param recognitions staff whom promoters praised, most mentions first (then by name)
     */
    public record ClosedLoop(List<CallBack> callBacks, List<Recognition> recognitions) {

        /**
         * Sorts the lists.
         *
         * @throws NullPointerException if an entry is null
         */
        public ClosedLoop {
            callBacks = sortedCopy(callBacks, Comparator.comparing(CallBack::due).thenComparing(CallBack::customerId));
            recognitions = sortedCopy(recognitions, Comparator.comparingLong(Recognition::mentions).reversed()
                    .thenComparing(Recognition::staff));
        }
    }

    /**
     * A detractor to call back.
     *
     * @param customerId the customer
     * @param touchpoint the touchpoint the response was about
     * @param metric the metric of the rating
     * @param rating the rating, on the metric's scale
     * @param due when the call is due (from the follow-up SLA)
     * @param comment the customer's comment; may be empty
     */
    public record CallBack(String customerId, String touchpoint, Metric metric, int rating, Instant due,
            String comment) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if a name is blank or the rating is off the scale
         */
        public CallBack {
            requireText(customerId, "customerId");
            requireText(touchpoint, "touchpoint");
            Objects.requireNonNull(metric, "metric");
            if (!metric.isValidRating(rating)) {
                throw new IllegalArgumentException(customerId + ": rating " + rating + " is off the " + metric.id()
                        + " scale");
            }
            Objects.requireNonNull(due, "due");
            Objects.requireNonNull(comment, "comment");
        }

        /**
         * Returns whether the call is overdue at a time, for example the report's generation time.
         *
         * @param time the time to judge at
         * @return true when the call was due before {@code time}
         */
        public boolean overdueAt(Instant time) {
            return due.isBefore(time);
        }
    }

    /**
     * A staff member promoters praised by name.
     *
     * @param staff the name, from the configured list
     * @param mentions how many promoter comments named them, at least one
     * @param quote one such comment; may be empty
     */
    public record Recognition(String staff, long mentions, String quote) {

        /**
         * Checks the fields.
         *
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if the name is blank or there are no mentions
         */
        public Recognition {
            requireText(staff, "staff");
            if (mentions < 1) {
                throw new IllegalArgumentException(staff + ": at least one mention, got " + mentions);
            }
            Objects.requireNonNull(quote, "quote");
        }
    }

    // ---- checks -------------------------------------------------------------------------------------

    private static void requireText(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    private static void requireCount(long value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + value);
        }
    }

    private static void requireShare(double value, String what) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be a share in [0, 1]: " + value);
        }
    }

    private static void requireMetric(Score score, Metric metric, String what) {
        Objects.requireNonNull(score, what);
        Objects.requireNonNull(metric, "metric");
        if (!score.metric().equals(metric)) {
            throw new IllegalArgumentException(what + ": a " + score.metric() + " score where " + metric
                    + " is expected");
        }
    }

    /** Checks that {@code score} of every item is a score of {@code metric}; {@code name} names the item. */
    private static <T> void requireMetrics(List<T> items, Metric metric, Function<T, String> name,
            Function<T, Score> score) {
        Objects.requireNonNull(metric, "metric");
        for (T item : items) {
            requireMetric(score.apply(item), metric, name.apply(item));
        }
    }

    private static void requireNonEmpty(List<?> list, String what) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no " + what + ": make the section absent instead");
        }
    }

    private static <T, K> void requireUnique(List<T> list, Function<T, K> key, String what) {
        Set<K> seen = new HashSet<>();
        for (T item : list) {
            if (!seen.add(key.apply(item))) {
                throw new IllegalArgumentException(what + " " + key.apply(item) + " appears twice");
            }
        }
    }

    private static <T> List<T> sortedCopy(List<T> list, Comparator<? super T> order) {
        List<T> copy = new ArrayList<>(list.size());
        for (T item : list) {
            copy.add(Objects.requireNonNull(item, "an entry is null"));
        }
        copy.sort(order);
        return List.copyOf(copy);
    }
}
