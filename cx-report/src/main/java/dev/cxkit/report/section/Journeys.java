package dev.cxkit.report.section;

import static dev.cxkit.report.internal.Checks.requireCount;
import static dev.cxkit.report.internal.Checks.requireText;
import static dev.cxkit.report.internal.Checks.requireUnique;

import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.core.stats.Interval;
import dev.cxkit.report.internal.Figures;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Section 3: the journey funnel and the promises.
 *
 * @param definition the journey definition's name
 * @param journeys the journeys analysed
 * @param funnel the stages in order
 * @param promises the promises in the definition's order
 * @since 0.1.0
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
}
