package dev.cxkit.core.survey;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * A calendar period that responses are grouped by. Labels sort in time order as text:
 * {@code 2026-11-22} (day), {@code 2026-W47} (ISO-8601 week, in its week-based year),
 * {@code 2026-11} (month), {@code 2026-Q4} (quarter).
 *
 * <p>Which day an instant falls on depends on the time zone, so callers pass one; see
 * {@link Response#localDate(java.time.ZoneId)}.
 *
 * @since 0.1.0
 */
public enum Period {
    /** A calendar day. */
    DAY,
    /** An ISO-8601 week: Monday to Sunday, numbered within the week-based year. */
    WEEK,
    /** A calendar month. */
    MONTH,
    /** A calendar quarter. */
    QUARTER;

    /**
     * Returns the label of the period that contains {@code date}.
     *
     * @param date the date
     * @return the label, for example {@code 2026-W47}
     */
    public String label(LocalDate date) {
        switch (this) {
            case DAY:
                return date.toString();
            case WEEK:
                return date.get(IsoFields.WEEK_BASED_YEAR) + "-W" + twoDigits(date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH:
                return date.getYear() + "-" + twoDigits(date.getMonthValue());
            default:
                return date.getYear() + "-Q" + date.get(IsoFields.QUARTER_OF_YEAR);
        }
    }

    /**
     * Returns the first day of the period that contains {@code date}.
     *
     * @param date the date
     * @return the first day: the date itself, its week's Monday, its month's or its quarter's first day
     */
    public LocalDate start(LocalDate date) {
        switch (this) {
            case DAY:
                return date;
            case WEEK:
                return date.with(DayOfWeek.MONDAY);
            case MONTH:
                return date.withDayOfMonth(1);
            default:
                return date.withDayOfMonth(1).withMonth((date.getMonthValue() - 1) / 3 * 3 + 1);
        }
    }

    /**
     * Returns the first day of the next period: the day this period ends (exclusive).
     *
     * @param date any day of a period
     * @return the first day of the period after the one that contains {@code date}
     */
    public LocalDate next(LocalDate date) {
        LocalDate start = start(date);
        switch (this) {
            case DAY:
                return start.plusDays(1);
            case WEEK:
                return start.plusWeeks(1);
            case MONTH:
                return start.plusMonths(1);
            default:
                return start.plusMonths(3);
        }
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    /**
     * Parses {@code day}, {@code week}, {@code month} or {@code quarter}, case-insensitively.
     *
     * @param text the name
     * @return the period
     * @throws IllegalArgumentException if the name is none of these
     */
    public static Period parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown period '" + text + "' (expected day, week, month or quarter)", e);
        }
    }

    /** Returns the lower-case name. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
