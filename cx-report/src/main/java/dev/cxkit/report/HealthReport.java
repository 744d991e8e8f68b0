package dev.cxkit.report;

import static dev.cxkit.report.internal.Checks.requireNonEmpty;
import static dev.cxkit.report.internal.Checks.requireText;
import static dev.cxkit.report.internal.Checks.requireUnique;

import dev.cxkit.report.section.ClosedLoop;
import dev.cxkit.report.section.Consistency;
import dev.cxkit.report.section.FailureImpactRanking;
import dev.cxkit.report.section.Headline;
import dev.cxkit.report.section.Journeys;
import dev.cxkit.report.section.RecoveryEffectiveness;
import dev.cxkit.report.section.RecoveryPlans;
import dev.cxkit.report.section.Scores;
import java.util.List;
import java.util.Objects;

/**
 * Everything a CX health report shows, in the order the page, the JSON and the terminal summary
 * show it: headline scores; scores by location, touchpoint (any --by column) and stage, with the trend; the journey
 * funnel and promises; what failures cost; recovery plans and recovery effectiveness; consistency
 * findings and the closed loop; and where the numbers came from.
 *
 * <p>The model holds results, not raw data: filling it is {@link ReportBuilder}'s job, rendering it is
 * a {@link dev.cxkit.report.format.ReportFormat}'s. Every part that needs input
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
 * @since 0.1.0
 */
public record HealthReport(String title, Provenance provenance, Section<Headline> headline, Section<Scores> scores,
        Section<List<Journeys>> journeys, Section<FailureImpactRanking> failureImpact, Section<RecoveryPlans> recoveryPlans,
        Section<RecoveryEffectiveness> recoveryEffectiveness, Section<Consistency> consistency,
        Section<ClosedLoop> closedLoop) {

    /**
     * Checks that nothing is missing.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the title is blank, or the journeys section is present
     *     but empty or names a definition twice
     */
    public HealthReport {
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
}

