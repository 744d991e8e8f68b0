/**
 * The rendering layer of {@code cx report}: the {@link dev.cxkit.cli.report.ReportModel} of a CX
 * health report, and its three renderings, which show the same numbers in the same order:
 * {@link dev.cxkit.report.format.JsonFormat} ({@code report.json}, shape documented there),
 * {@link dev.cxkit.report.format.HtmlFormat} ({@code report.html}: one self-contained page with inline
 * SVG charts) and {@link dev.cxkit.report.format.TextFormat} (the terminal summary).
 *
 * <p>Filling the model from the analytics is the command's job; nothing here reads input, a
 * clock or the environment, so the same model always gives the same bytes.
 */
package dev.cxkit.cli.report;
