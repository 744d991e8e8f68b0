/**
 * The sections of the CX health report, one file each, in the order the report shows them:
 * {@link dev.cxkit.report.section.Headline}, {@link dev.cxkit.report.section.Scores},
 * {@link dev.cxkit.report.section.Journeys}, {@link dev.cxkit.report.section.FailureImpactRanking},
 * {@link dev.cxkit.report.section.RecoveryPlans}, {@link dev.cxkit.report.section.RecoveryEffectiveness},
 * {@link dev.cxkit.report.section.Consistency} and {@link dev.cxkit.report.section.ClosedLoop}.
 * Immutable records that check their fields; they hold results, never raw data.
 */
@NullMarked
package dev.cxkit.report.section;

import org.jspecify.annotations.NullMarked;
