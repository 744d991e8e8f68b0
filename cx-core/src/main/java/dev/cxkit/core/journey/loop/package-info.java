/**
 * Consistency and the closed loop, from responses joined to journeys:
 * {@link dev.cxkit.core.journey.loop.ConsistencyAccumulator} charts each unit's promoters and
 * detractors over periods (p-charts with their control limits, and alternating runs), and
 * {@link dev.cxkit.core.journey.loop.ClosedLoopAccumulator} lists detractors to follow up
 * ({@link dev.cxkit.core.journey.loop.DetractorFollowUp}) and promoters who name staff
 * ({@link dev.cxkit.core.journey.loop.StaffMention}). Mergeable accumulators, immutable snapshots.
 */
@NullMarked
package dev.cxkit.core.journey.loop;

import org.jspecify.annotations.NullMarked;
