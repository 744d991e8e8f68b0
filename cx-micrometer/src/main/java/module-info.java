/**
 * cxkit's Micrometer binding: live NPS, CSAT and CES per group of a
 * {@link dev.cxkit.core.score.ConcurrentScoreTable} as gauges of a
 * {@link io.micrometer.core.instrument.MeterRegistry}. Micrometer itself is the host's: this
 * module declares it {@code provided}.
 */
module dev.cxkit.micrometer {
    requires transitive dev.cxkit.core;
    requires transitive micrometer.core;
    // JSpecify nullness annotations: annotations only, optional at run time
    requires static transitive org.jspecify;

    exports dev.cxkit.micrometer;
}
