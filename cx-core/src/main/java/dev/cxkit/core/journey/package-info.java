/**
 * The journey model: what a journey should look like and what happened.
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
 * </ul>
 *
 * <p>What journeys add up to is in {@link dev.cxkit.core.journey.analytics} (its entry point is
 * {@link dev.cxkit.core.journey.analytics.JourneyAnalytics}); consistency over periods and the
 * closed loop are in {@link dev.cxkit.core.journey.loop}.
 */
@NullMarked
package dev.cxkit.core.journey;

import org.jspecify.annotations.NullMarked;
