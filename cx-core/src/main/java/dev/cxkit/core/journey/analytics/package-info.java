/**
 * Journey analytics: what journeys add up to. {@link dev.cxkit.core.journey.analytics.JourneyAnalytics}
 * is the one entry point: it joins responses to journeys, routes each journey to its definition and
 * feeds the accumulators, and gives a {@link dev.cxkit.core.journey.analytics.JourneyAnalysis}.
 *
 * <ul>
 *   <li>{@link dev.cxkit.core.journey.analytics.JourneyAccumulator} records outcomes (mergeable, per
 *       group); its snapshot is a {@link dev.cxkit.core.journey.analytics.GroupedJourneySummary}:
 *       funnel, step and promise durations with percentiles, promise and contact-rule breaches, and
 *       service failures by factor and touchpoint.
 *   <li>{@link dev.cxkit.core.journey.analytics.JourneyScoreAccumulator} joins survey responses: the
 *       score per stage and touchpoint reached, what each failure costs
 *       ({@link dev.cxkit.core.journey.analytics.FailureImpact}) and whether recovery wins customers
 *       back ({@link dev.cxkit.core.journey.analytics.RecoveryEffect}).
 * </ul>
 * All accumulators are mergeable, with immutable snapshots.
 */
@NullMarked
package dev.cxkit.core.journey.analytics;

import org.jspecify.annotations.NullMarked;
