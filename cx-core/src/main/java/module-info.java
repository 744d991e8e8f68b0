/**
 * cxkit core: survey metrics (NPS, CSAT, CES), mergeable accumulators and score tables, honest
 * statistics (intervals, comparisons, sample sizes), journeys and journey analytics, and response
 * and journey-event I/O. No Drools.
 *
 * <p>Exported API packages:
 * <ul>
 *   <li>{@code dev.cxkit.core.score}: metrics, accumulators, snapshots and scores;
 *   <li>{@code dev.cxkit.core.stats}: pure statistical functions;
 *   <li>{@code dev.cxkit.core.survey}: survey responses, grouping and periods;
 *   <li>{@code dev.cxkit.core.io}: streaming CSV and JSON Lines readers of responses and journey
 *       events, with rejected-row reporting, and the typed field reader of YAML and JSON documents;
 *   <li>{@code dev.cxkit.core.service}: channels, contact preferences and satisfaction factors;
 *   <li>{@code dev.cxkit.core.journey}: journey definitions (Java, YAML or JSON), journey events,
 *       journey assembly, per-journey outcomes and mergeable journey analytics.
 * </ul>
 */
module dev.cxkit.core {
    // transitive: DocumentFields (dev.cxkit.core.io) takes Jackson's JsonParser and JsonNode
    requires transitive tools.jackson.core;
    requires transitive tools.jackson.databind;
    requires tools.jackson.dataformat.yaml;
    // optional: .xlsx inputs are read only when fastexcel-reader is there (XlsxText says so otherwise)
    requires static org.dhatim.fastexcel.reader;
    // JSpecify nullness annotations (@NullMarked, @Nullable): annotations only, so optional at run
    // time; transitive, so modules compiled against this one see them too
    requires static transitive org.jspecify;
    // HdrHistogram is not required: it is compiled against from the class path and shaded into
    // this jar, relocated to the non-exported package dev.cxkit.core.internal.hdrhistogram
    // (cx-core/pom.xml, docs/decisions/0009).

    exports dev.cxkit.core.score;
    exports dev.cxkit.core.stats;
    exports dev.cxkit.core.survey;
    exports dev.cxkit.core.io;
    exports dev.cxkit.core.service;
    exports dev.cxkit.core.journey;
    exports dev.cxkit.core.journey.analytics;
    exports dev.cxkit.core.journey.loop;
}
