/**
 * Touchpoints and journeys: what a journey should look like, what happened, and how journeys
 * measure up.
 *
 * <ul>
 *   <li><b>Definition.</b> {@link dev.cxkit.core.journey.JourneyDefinition} (built in Java, or read
 *       from YAML or JSON by {@link dev.cxkit.core.journey.JourneyDefinitions}): ordered stages,
 *       their {@link dev.cxkit.core.journey.Touchpoint}s, {@link dev.cxkit.core.journey.Promise}s
 *       and {@link dev.cxkit.core.journey.ContactRule}s.
 *   <li><b>Events.</b> {@link dev.cxkit.core.journey.JourneyEvent}s, read by
 *       {@link dev.cxkit.core.io.JourneyEventReader}, are grouped into
 *       {@link dev.cxkit.core.journey.Journey}s by {@link dev.cxkit.core.journey.JourneyAssembler}
 *       (out-of-order and repeated events allowed; memory bounded by open journeys).
 *   <li><b>Outcome.</b> {@link dev.cxkit.core.journey.JourneyAnalyzer} turns each journey into a
 *       compact {@link dev.cxkit.core.journey.JourneyOutcome}: stages reached, promise checks,
 *       contact checks and {@link dev.cxkit.core.journey.ServiceFailure}s with their recovery. It
 *       carries the journey id, so survey responses can be joined to it.
 *   <li><b>Analytics.</b> {@link dev.cxkit.core.journey.analytics.JourneyAccumulator} records outcomes
 *       (mergeable, per group) and its {@link dev.cxkit.core.journey.analytics.JourneyAccumulator#snapshot()
 *       snapshot} is an immutable {@link dev.cxkit.core.journey.analytics.GroupedJourneySummary}: funnel, step and
 *       promise durations with percentiles, promise and contact-rule breaches, and service
 *       failures by factor and touchpoint.
 *   <li><b>Scores joined to journeys.</b> Survey responses join journeys by journey id:
 *       {@link dev.cxkit.core.journey.analytics.JourneyScoreAccumulator} gives the score per stage and
 *       touchpoint reached, what each failure costs ({@link dev.cxkit.core.journey.analytics.FailureImpact})
 *       and whether recovery wins customers back ({@link dev.cxkit.core.journey.analytics.RecoveryEffect});
 *       {@link dev.cxkit.core.journey.loop.ConsistencyAccumulator} charts each unit's promoters and
 *       detractors over periods (p-charts and alternating runs); and
 *       {@link dev.cxkit.core.journey.loop.ClosedLoopAccumulator} lists detractors to follow up and
 *       promoters praising staff. All are mergeable accumulators with immutable snapshots.
 * </ul>
 */
package dev.cxkit.core.journey;
