/**
 * The printers of the {@code cx} commands: they take results (scores, journey analytics) and
 * write tables or JSON, never reading a command's fields. The report's formats live in the
 * library ({@code dev.cxkit.report.format}).
 */
package dev.cxkit.cli.print;
