package dev.cxkit.cli;

import dev.cxkit.core.survey.Period;
import java.time.ZoneId;
import picocli.CommandLine.Option;

/**
 * {@code --period} and {@code --zone}, declared once for every command that groups by calendar
 * period: which period, and the time zone that decides a timestamp's day.
 */
final class PeriodOptions {

    @Option(names = "--period", paramLabel = "day|week|month|quarter", converter = Converters.PeriodConverter.class,
            description = "The calendar period of submitted_at that scores are grouped by (the headline, the trend "
                    + "and the consistency charts of cx report and cx journeys). Default: month for cx report and "
                    + "cx journeys; none for cx score.")
    private Period period;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC", converter = Converters.ZoneConverter.class,
            description = "Time zone that decides the day, and so the period, of a timestamp. "
                    + "Default: ${DEFAULT-VALUE}.")
    ZoneId zone;

    /**
     * Returns the period given, or a command's default.
     *
     * @param fallback the command's default, or null for none
     * @return the period, or null
     */
    Period periodOr(Period fallback) {
        return period != null ? period : fallback;
    }
}
