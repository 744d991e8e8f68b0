package dev.cxkit.cli;

import dev.cxkit.core.survey.ResponseFilter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --where}, {@code --from} and {@code --to}, declared once for every command that reads
 * responses: which responses a question is about. Rows left out are counted as filtered, not
 * rejected.
 */
final class FilterOptions {

    @Option(names = "--where", paramLabel = "COLUMN=VALUE[,VALUE...]",
            description = "Keep responses whose COLUMN is one of the values (COLUMN!=VALUE: none of them). "
                    + "Repeatable; all must hold. COLUMN is a field (location, touchpoint, metric) or any column. "
                    + "Default: every response.")
    private List<String> where = new ArrayList<>();

    @Option(names = "--from", paramLabel = "DATE", description = "Keep responses submitted on or after this day "
            + "(YYYY-MM-DD, in --zone). Rows whose time cannot be read are then rejected. Default: no limit.")
    private String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Keep responses submitted on or before this day. Default: no limit.")
    private String to;

    /**
     * Returns the filter, or null when none is given.
     *
     * @param zone the zone that decides a response's day
     * @throws UsageException if a condition or date cannot be read
     */
    ResponseFilter filter(ZoneId zone) {
        ResponseFilter filter = ResponseFilter.all();
        try {
            for (String condition : where) {
                filter = filter.where(condition);
            }
            if (from != null || to != null) {
                filter = filter.between(date("--from", from), date("--to", to), zone);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException((e.getMessage().startsWith("'") ? "--where " : "") + e.getMessage());
        }
        return filter.keepsAll() ? null : filter;
    }

    private static LocalDate date(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " " + text + " is not a date like 2026-03-01");
        }
    }
}
