/**
 * Reading survey responses from CSV and JSON Lines exports: {@link dev.cxkit.core.io.ResponseReader}
 * streams rows into {@link dev.cxkit.core.survey.Response} objects and reports every row it cannot
 * accept as a {@link dev.cxkit.core.io.Rejection} with its line, reason and original text.
 */
package dev.cxkit.core.io;
