/**
 * cxkit core: survey metrics (NPS, CSAT, CES), mergeable accumulators and score tables, honest
 * statistics (intervals, comparisons, sample sizes) and response I/O. No Drools.
 *
 * <p>Exported API packages:
 * <ul>
 *   <li>{@code dev.cxkit.core.score}: metrics, accumulators, snapshots and scores;
 *   <li>{@code dev.cxkit.core.stats}: pure statistical functions;
 *   <li>{@code dev.cxkit.core.survey}: survey responses, grouping and periods;
 *   <li>{@code dev.cxkit.core.io}: streaming CSV and JSON Lines readers with rejected-row reporting;
 *   <li>{@code dev.cxkit.core.service}: channels and satisfaction factors.
 * </ul>
 */
module dev.cxkit.core {
    requires tools.jackson.core;

    exports dev.cxkit.core.score;
    exports dev.cxkit.core.stats;
    exports dev.cxkit.core.survey;
    exports dev.cxkit.core.io;
    exports dev.cxkit.core.service;
}
