package dev.cxkit.micrometer;

import dev.cxkit.core.score.ConcurrentScoreTable;
import dev.cxkit.core.score.GroupKey;
import dev.cxkit.core.score.RatingDistribution;
import dev.cxkit.core.score.RollingWindow;
import dev.cxkit.core.score.Score;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.stats.Interval;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Publishes the scores of a {@link ConcurrentScoreTable} as Micrometer gauges: per group, the
 * score's value, the bounds of its interval, n and the low-sample flag, tagged with the metric and
 * the group's values.
 *
 * <pre>{@code
 * ConcurrentScoreTable live = ConcurrentScoreTable.bounded(Metric.NPS, 200, "touchpoint");
 * ScoreGauges gauges = ScoreGauges.builder(live).interval().build();
 * gauges.bindTo(registry);
 * gauges.start(scheduler, Duration.ofMinutes(1));   // or call refresh() on your own schedule
 * // request threads: live.record(live.group(touchpoint), rating);
 * }</pre>
 *
 * <p><b>Meters</b> (with the default name {@code cx.score}): {@code cx.score.value},
 * {@code cx.score.lower}, {@code cx.score.upper} (the interval of {@link ScoreOptions}),
 * {@code cx.score.n} and {@code cx.score.low.sample} (1 when below the low-sample threshold, else
 * 0), each tagged {@code metric=nps|csat|ces} plus one tag per dimension (a missing value is
 * {@code none}); and {@code cx.score.groups.overflowed}, the lookups a bounded table sent to its
 * overflow group. A value or bound that does not exist (no responses in the interval, or one CES
 * response) is NaN, as Micrometer reports a gauge without a value.
 *
 * <p><b>Refresh</b>: the gauges show the scores of the last {@link #refresh()}, which takes one
 * snapshot of the chosen {@linkplain Builder source}: cumulative since the start, the last
 * interval (the table's {@linkplain ConcurrentScoreTable#intervalSnapshot() interval snapshot}:
 * this object must be its only interval reader), or a {@linkplain RollingWindow rolling window}
 * of the last N intervals. Refresh once per step of the registry, from one thread; a publish that
 * reads the gauges while a refresh runs may see some groups before it and some after.
 *
 * <p><b>Bounded</b>: at most {@link Builder#maxGroups(int)} groups (default 100) get their own
 * gauges, in the table's registration order; the rest, and a bounded table's own overflow group,
 * are merged into one group whose every dimension tag is {@value ConcurrentScoreTable#OVERFLOW}.
 * So the meters stay bounded whatever keys reach the table; to bound the table's memory too, make
 * it with {@link ConcurrentScoreTable#bounded}.
 *
 * <p>Thread-safe.
 *
 * @since 0.1.0
 */
public final class ScoreGauges implements MeterBinder, AutoCloseable {

    /** Where each refresh takes its ratings from. */
    private enum Source { CUMULATIVE, INTERVAL, WINDOW }

    /** The scores of one published group, replaced whole by each refresh. */
    private static final class Row {
        final Tags tags;
        volatile Score score;

        Row(Tags tags, Score score) {
            this.tags = tags;
            this.score = score;
        }
    }

    private final ConcurrentScoreTable table;
    private final String name;
    private final Tags commonTags;
    private final ScoreOptions options;
    private final int maxGroups;
    private final Supplier<Map<GroupKey, RatingDistribution>> source;
    private final Map<List<String>, Row> rows = new LinkedHashMap<>();
    private final List<MeterRegistry> registries = new ArrayList<>();
    private final List<Meter> meters = new ArrayList<>();
    private ScheduledFuture<?> schedule;

    private ScoreGauges(Builder b) {
        this.table = b.table;
        this.name = b.name;
        this.commonTags = b.tags.and("metric", table.metric().id());
        this.options = b.options;
        this.maxGroups = b.maxGroups;
        switch (b.source) {
            case INTERVAL -> this.source = table::intervalSnapshot;
            case WINDOW -> {
                RollingWindow window = RollingWindow.of(table, b.windowIntervals);
                this.source = window::roll;
            }
            default -> this.source = table::snapshot;
        }
    }

    /**
     * Starts a builder.
     *
     * @param table the live table whose groups become gauges
     * @return a builder: cumulative snapshots, name {@code cx.score}, at most 100 groups, default options
     */
    public static Builder builder(ConcurrentScoreTable table) {
        return new Builder(Objects.requireNonNull(table, "table"));
    }

    /**
     * Registers the gauges of every group published so far with a registry; groups that appear
     * later are registered by the refresh that first sees them.
     *
     * @param registry the registry
     */
    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        if (registries.contains(registry)) {
            return;
        }
        registries.add(registry);
        meters.add(Gauge.builder(name + ".groups.overflowed", table, t -> t.overflowed())
                .description("group lookups a bounded table sent to its overflow group")
                .tags(commonTags).strongReference(true).register(registry));
        rows.values().forEach(row -> register(registry, row));
    }

    /**
     * Takes one snapshot of the source and updates every gauge; registers gauges for new groups.
     * Call once per step (or use {@link #start}).
     *
     * @return the number of groups published
     */
    public synchronized int refresh() {
        Map<GroupKey, RatingDistribution> snapshot = source.get();
        Map<List<String>, RatingDistribution> published = new LinkedHashMap<>();
        List<String> other = Collections.nCopies(table.dimensions().size(), ConcurrentScoreTable.OVERFLOW);
        int own = 0;
        for (Map.Entry<GroupKey, RatingDistribution> e : snapshot.entrySet()) {
            List<String> values = e.getKey().values();
            boolean overflow = values.equals(other) || own >= maxGroups;
            if (!overflow) {
                own++;
            }
            published.merge(overflow ? other : values, e.getValue(), RatingDistribution::plus);
        }
        published.forEach((values, ratings) -> {
            Score score = Score.of(ratings, options);
            Row row = rows.get(values);
            if (row == null) {
                row = new Row(tags(values), score);
                rows.put(values, row);
                for (MeterRegistry registry : registries) {
                    register(registry, row);
                }
            } else {
                row.score = score;
            }
        });
        return published.size();
    }

    private Tags tags(List<String> values) {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            tags.add(Tag.of(table.dimensions().get(i), values.get(i) == null ? "none" : values.get(i)));
        }
        return commonTags.and(tags);
    }

    private void register(MeterRegistry registry, Row row) {
        gauge(registry, row, "value", "the score: NPS points, CSAT percent or CES mean", null,
                s -> s.value().orElse(Double.NaN));
        gauge(registry, row, "lower", "the lower bound of the score's interval", null,
                s -> s.interval().map(Interval::lower).orElse(Double.NaN));
        gauge(registry, row, "upper", "the upper bound of the score's interval", null,
                s -> s.interval().map(Interval::upper).orElse(Double.NaN));
        gauge(registry, row, "n", "the number of responses", "responses", s -> s.n());
        gauge(registry, row, "low.sample", "1 when n is below the low-sample threshold", null,
                s -> s.lowSample() ? 1 : 0);
    }

    private void gauge(MeterRegistry registry, Row row, String suffix, String description, String unit,
            ToDoubleFunction<Score> read) {
        meters.add(Gauge.builder(name + "." + suffix, row, r -> read.applyAsDouble(r.score)).description(description)
                .baseUnit(unit).tags(row.tags).strongReference(true).register(registry));
    }

    /**
     * Refreshes every {@code step} on a scheduler until {@link #close()}.
     *
     * @param scheduler the host's scheduler
     * @param step the time between refreshes, the registry's step for interval gauges
     * @return this
     * @throws IllegalStateException if already started
     */
    public synchronized ScoreGauges start(ScheduledExecutorService scheduler, Duration step) {
        if (schedule != null) {
            throw new IllegalStateException("already started");
        }
        long nanos = step.toNanos();
        schedule = scheduler.scheduleAtFixedRate(this::refresh, nanos, nanos, TimeUnit.NANOSECONDS);
        return this;
    }

    /** Stops the schedule, if any, and removes every gauge from every registry bound. */
    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
        for (Meter meter : meters) {
            for (MeterRegistry registry : registries) {
                registry.remove(meter);
            }
        }
        meters.clear();
        registries.clear();
    }

    /** Options of {@link ScoreGauges}; each setter checks its argument at once. Not thread-safe. */
    public static final class Builder {
        private final ConcurrentScoreTable table;
        private String name = "cx.score";
        private Tags tags = Tags.empty();
        private ScoreOptions options = ScoreOptions.defaults();
        private int maxGroups = 100;
        private Source source = Source.CUMULATIVE;
        private int windowIntervals;

        private Builder(ConcurrentScoreTable table) {
            this.table = table;
        }

        /**
         * Sets the meter name prefix.
         *
         * @param name for example {@code checkout.nps}; gauges are {@code name.value} and so on
         * @return this
         * @throws IllegalArgumentException if blank
         */
        public Builder name(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a meter name must not be blank");
            }
            this.name = name;
            return this;
        }

        /**
         * Adds tags to every gauge.
         *
         * @param tags for example {@code Tags.of("app", "checkout")}
         * @return this
         */
        public Builder tags(Iterable<Tag> tags) {
            this.tags = this.tags.and(tags);
            return this;
        }

        /**
         * Sets the interval method, confidence and low-sample threshold of the scores.
         *
         * @param options the options
         * @return this
         */
        public Builder options(ScoreOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets how many groups get their own gauges; the rest are merged into the overflow group.
         *
         * @param maxGroups at least 1
         * @return this
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxGroups(int maxGroups) {
            if (maxGroups < 1) {
                throw new IllegalArgumentException("maxGroups must be at least 1: " + maxGroups);
            }
            this.maxGroups = maxGroups;
            return this;
        }

        /**
         * Each refresh publishes everything recorded since the start (the default).
         *
         * @return this
         */
        public Builder cumulative() {
            this.source = Source.CUMULATIVE;
            return this;
        }

        /**
         * Each refresh publishes what was recorded since the previous refresh: the table's interval
         * snapshots, which this object then owns.
         *
         * @return this
         */
        public Builder interval() {
            this.source = Source.INTERVAL;
            return this;
        }

        /**
         * Each refresh publishes the last {@code intervals} intervals, merged (a {@link RollingWindow}).
         *
         * @param intervals N, at least 1
         * @return this
         * @throws IllegalArgumentException if below 1
         */
        public Builder window(int intervals) {
            if (intervals < 1) {
                throw new IllegalArgumentException("a window needs at least 1 interval: " + intervals);
            }
            this.source = Source.WINDOW;
            this.windowIntervals = intervals;
            return this;
        }

        /** Returns the gauges, bound to no registry yet. */
        public ScoreGauges build() {
            return new ScoreGauges(this);
        }
    }
}
