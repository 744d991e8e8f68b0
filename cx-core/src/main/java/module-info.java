/**
 * cxkit core: survey metrics (NPS, CSAT, CES), mergeable accumulators and score tables, honest
 * statistics (intervals, comparisons, sample sizes) and response I/O. No Drools.
 *
 * <p>Exported API packages:
 * <ul>
 *   <li>{@code dev.cxkit.core.score}: metrics, accumulators, snapshots and scores;
 *   <li>{@code dev.cxkit.core.stats}: pure statistical functions;
 *   <li>{@code dev.cxkit.core.survey}: survey responses, grouping and periods.
 * </ul>
 */
module dev.cxkit.core {
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires tools.jackson.dataformat.csv;

    exports dev.cxkit.core.score;
    exports dev.cxkit.core.stats;
    exports dev.cxkit.core.survey;
}
