/**
 * The formats of the CX health report, behind one interface,
 * {@link dev.cxkit.report.format.ReportFormat}: {@link dev.cxkit.report.format.HtmlFormat} (one
 * self-contained page with inline SVG charts), {@link dev.cxkit.report.format.JsonFormat} (the same
 * numbers, shape documented there) and {@link dev.cxkit.report.format.TextFormat} (the terminal
 * summary). They show the same numbers in the same order, read no input, clock or environment, and
 * so always give the same bytes for the same report.
 */
@NullMarked
package dev.cxkit.report.format;

import org.jspecify.annotations.NullMarked;
