/**
 * Helpers the report's model and formats share; not API: the numbers as the page shows them
 * (Figures), the report's sentences (Verdicts), argument checks and atomic file writes.
 */
package dev.cxkit.report.internal;
