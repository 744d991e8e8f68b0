package dev.cxkit.core.score;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The last N intervals of a {@link ConcurrentScoreTable}, merged: "the last hour" as 60 one-minute
 * intervals, moving a minute at a time, while request threads keep recording.
 *
 * <pre>{@code
 * RollingWindow lastHour = RollingWindow.of(live, 60);
 * // once a minute, on one reporting thread:
 * Map<GroupKey, RatingDistribution> hour = lastHour.roll();
 * }</pre>
 *
 * <p>Each {@link #roll()} takes the table's {@linkplain ConcurrentScoreTable#intervalSnapshot()
 * interval snapshot}, so every record is in exactly one interval and in the window for exactly N
 * rolls. The table must have no other interval reader (its intervals would be split between
 * them); {@link ConcurrentScoreTable#snapshot()} may still be read by anyone.
 *
 * <p>Memory: N interval snapshots, each one distribution per group (for NPS about 200 bytes per
 * group and interval).
 *
 * <p>Thread-safe: rolls and reads are serialized; writers of the table are never blocked.
 *
 * @since 0.1.0
 */
public final class RollingWindow {

    private final ConcurrentScoreTable source;
    private final int intervals;
    private final Deque<Map<GroupKey, RatingDistribution>> window;

    private RollingWindow(ConcurrentScoreTable source, int intervals) {
        this.source = Objects.requireNonNull(source, "source");
        if (intervals < 1) {
            throw new IllegalArgumentException("a window needs at least 1 interval: " + intervals);
        }
        this.intervals = intervals;
        this.window = new ArrayDeque<>(intervals);
    }

    /**
     * A window over the last {@code intervals} interval snapshots of a table.
     *
     * @param source the table; this window becomes its only interval reader
     * @param intervals N, at least 1
     * @return an empty window
     * @throws IllegalArgumentException if N is below 1
     */
    public static RollingWindow of(ConcurrentScoreTable source, int intervals) {
        return new RollingWindow(source, intervals);
    }

    /** Returns N, the number of intervals the window holds when full. */
    public int intervals() {
        return intervals;
    }

    /**
     * Ends the current interval (an interval snapshot of the table), drops the oldest interval
     * when the window is full, and returns the window.
     *
     * @return the ratings of the last N intervals by group, in registration order
     */
    public synchronized Map<GroupKey, RatingDistribution> roll() {
        if (window.size() == intervals) {
            window.removeFirst();
        }
        window.addLast(source.intervalSnapshot());
        return merged();
    }

    /**
     * Returns the window as of the last {@link #roll()}, without ending an interval.
     *
     * @return the ratings of the intervals held, by group; empty before the first roll
     */
    public synchronized Map<GroupKey, RatingDistribution> snapshot() {
        return merged();
    }

    private Map<GroupKey, RatingDistribution> merged() {
        Map<GroupKey, RatingDistribution> out = new LinkedHashMap<>();
        // each interval lists every group registered by then, in registration order: an older
        // interval's keys are a prefix of a newer one's, so the merged map keeps that order
        for (Map<GroupKey, RatingDistribution> interval : window) {
            interval.forEach((key, ratings) -> out.merge(key, ratings, RatingDistribution::plus));
        }
        return Collections.unmodifiableMap(out);
    }
}
