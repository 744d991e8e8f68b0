package dev.cxkit.report.format;

import dev.cxkit.report.HealthReport;
import dev.cxkit.report.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * One way of writing a {@link HealthReport}: every format shows the same numbers in the same
 * order, and a new format is one class. The bundled ones are {@link #html()} (one self-contained
 * page with inline SVG charts), {@link #json()} (the same numbers for programs) and
 * {@link #text()} (the terminal summary), and {@link #csv()} (the tables, one CSV file each).
 *
 * <pre>{@code
 * ReportFormat.html().write(report, Path.of("out/report.html"));   // atomically
 * ReportFormat.text().write(report, System.out);
 * }</pre>
 *
 * <p>Implementations are stateless and thread-safe, and read no clock, locale or environment:
 * the same report always gives the same text.
 *
 * @since 0.1.0
 */
public interface ReportFormat {

    /**
     * Returns the format's name, as a {@code --format} value: {@code html}, {@code json}, {@code text}.
     *
     * @return the name
     */
    String name();

    /**
     * Returns the name of the file this format is written to in a report folder, for example
     * {@code report.html}.
     *
     * @return the file name
     */
    String fileName();

    /**
     * Renders the report.
     *
     * @param report the report
     * @return the whole text, ending with a newline
     */
    String render(HealthReport report);

    /**
     * Writes the report to a stream of characters.
     *
     * @param report the report
     * @param out where it goes; not flushed or closed
     * @throws IOException if {@code out} fails
     */
    default void write(HealthReport report, Appendable out) throws IOException {
        out.append(render(report));
    }

    /**
     * Writes the report to a file, atomically: to a temporary file in the same folder, then
     * renamed over the target, so that a reader sees the old file or the new one, never a torn
     * one, and a failed write leaves the old file as it was.
     *
     * @param report the report
     * @param file the file (UTF-8); replaced if it exists
     * @throws IOException if the file cannot be written
     */
    default void write(HealthReport report, Path file) throws IOException {
        AtomicFiles.write(file, render(report));
    }

    /**
     * The HTML page: self-contained, inline SVG charts with a table of the same numbers next to
     * each, no script, readable on a laptop and a phone.
     *
     * @return the format
     */
    static ReportFormat html() {
        return HtmlFormat.INSTANCE;
    }

    /**
     * The JSON document, numbers rounded as the page shows them ({@link JsonFormat} documents it).
     *
     * @return the format
     */
    static ReportFormat json() {
        return JsonFormat.INSTANCE;
    }

    /**
     * The terminal summary: aligned plain-text tables.
     *
     * @return the format
     */
    static ReportFormat text() {
        return TextFormat.INSTANCE;
    }

    /**
     * The tables as CSV files in a folder, for a spreadsheet ({@link CsvFormat} lists them).
     *
     * @return the format
     */
    static ReportFormat csv() {
        return CsvFormat.INSTANCE;
    }

    /**
     * Returns the bundled formats, in the order {@code text}, {@code json}, {@code html}, {@code csv}.
     *
     * @return the formats
     */
    static List<ReportFormat> bundled() {
        return List.of(text(), json(), html(), csv());
    }

    /**
     * Finds a bundled format by name, ignoring case.
     *
     * @param name {@code html}, {@code json} or {@code text}
     * @return the format
     * @throws IllegalArgumentException if no bundled format has that name
     */
    static ReportFormat named(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat f : bundled()) {
            if (f.name().equals(wanted)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + name + "' (expected text, json, html or csv)");
    }
}
