/**
 * Live scores as Micrometer gauges: {@link dev.cxkit.micrometer.ScoreGauges} binds a
 * {@link dev.cxkit.core.score.ConcurrentScoreTable} to a registry, one set of gauges (value, lower
 * and upper bound, n, low-sample flag) per group, refreshed once per step from cumulative, interval
 * or rolling-window snapshots, with a bounded number of groups.
 */
@NullMarked
package dev.cxkit.micrometer;

import org.jspecify.annotations.NullMarked;
