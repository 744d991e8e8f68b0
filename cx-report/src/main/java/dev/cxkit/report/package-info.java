/**
 * The CX health report: {@link dev.cxkit.report.HealthReport}, what it holds
 * ({@link dev.cxkit.report.Section}s, {@link dev.cxkit.report.Provenance}), and
 * {@link dev.cxkit.report.ReportBuilder}, which turns raw inputs (responses, journey events and
 * definitions, incidents, customers, a policy) into it as of a time. The sections are in
 * {@link dev.cxkit.report.section}, the formats in {@link dev.cxkit.report.format}.
 */
@NullMarked
package dev.cxkit.report;

import org.jspecify.annotations.NullMarked;
