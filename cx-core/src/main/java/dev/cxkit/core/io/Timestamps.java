package dev.cxkit.core.io;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

/**
 * Parses timestamp fields such as {@code submitted_at}: an ISO-8601 instant
 * ({@code 2026-03-01T10:15:30Z}), a date-time with an offset ({@code 2026-03-01T11:15:30+01:00}, optionally with a zone id in brackets), or a
 * plain date ({@code 2026-03-01}). A space may stand for the {@code T}. The common shapes are
 * parsed without allocating beyond the result, with the last date cached; anything else goes
 * through {@link DateTimeFormatter#ISO_DATE_TIME}.
 *
 * <p>Not thread-safe (results and cache are fields).
 */
final class Timestamps {

    /** The instant of the last successful parse, or null. */
    Instant instant;
    /** The date of the last successful parse of a plain date, or null. */
    LocalDate date;

    /** The zone of times without an offset, or null to reject them. */
    private ZoneId zone;
    /** A caller's pattern ({@code --time-format}), or null to recognise ISO-8601 and the platforms' shapes. */
    private DateTimeFormatter pattern;
    private String patternText;

    private int cachedYear = Integer.MIN_VALUE;
    private int cachedMonth;
    private int cachedDay;
    private LocalDate cachedDate;

    /**
     * Sets the zone in which a time without an offset is read.
     *
     * @param value the zone, or null to reject such times (the default)
     */
    void zone(ZoneId value) {
        this.zone = value;
    }

    /** Returns the zone of times without an offset, or null. */
    ZoneId zone() {
        return zone;
    }

    /**
     * Sets a {@link DateTimeFormatter} pattern that every value must match (English month and day
     * names, case-insensitive); ISO-8601 values are still read by the fast path.
     *
     * @param value the pattern, or null to recognise the usual shapes
     * @throws IllegalArgumentException if the pattern is not valid
     */
    void pattern(String value) {
        this.patternText = value;
        this.pattern = value == null ? null : formatter(value);
    }

    /**
     * Returns the formatter of a time-format pattern: English names, case-insensitive, strict
     * dates (no 31 February).
     *
     * @throws IllegalArgumentException if the pattern is not valid
     */
    static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.SMART);
    }

    /**
     * Parses {@code chars[offset, offset + length)}, trimmed and non-empty.
     *
     * @param name the field's name, for messages ({@code submitted_at})
     * @return null on success (then {@link #instant} or {@link #date} is set), else the reason
     */
    String parse(String name, char[] a, int off, int len) {
        String problem = parseAny(name, a, off, len);
        if (problem == null && !inRange()) {
            problem = name + " '" + new String(a, off, len) + "' is outside the years 0001 to 9999";
            instant = null;
            date = null;
        }
        return problem;
    }

    /** The earliest and latest instants read: years 0001 to 9999 in UTC, so durations and periods stay finite. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private boolean inRange() {
        if (instant != null) {
            return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
        }
        return date == null || (date.getYear() >= 1 && date.getYear() <= 9999);
    }

    private String parseAny(String name, char[] a, int off, int len) {
        instant = null;
        date = null;
        if (len >= 10 && isDateShape(a, off)) {
            int y = digits(a, off, 4);
            int m = digits(a, off + 5, 2);
            int d = digits(a, off + 8, 2);
            if (len == 10) {
                LocalDate day = date(y, m, d);
                if (day == null) {
                    return name + " '" + new String(a, off, len) + "' is not a valid date";
                }
                date = day;
                return null;
            }
            if (len >= 20 && (a[off + 10] == 'T' || a[off + 10] == ' ') && isDigit(a[off + 11]) && isDigit(a[off + 12])
                    && a[off + 13] == ':' && isDigit(a[off + 14]) && isDigit(a[off + 15]) && a[off + 16] == ':'
                    && isDigit(a[off + 17]) && isDigit(a[off + 18])) {
                String fast = fastInstant(name, a, off, len, y, m, d);
                if (fast != FALLBACK) {
                    return fast;
                }
            }
        }
        return fallback(name, new String(a, off, len));
    }

    /** Returned by the fast path when the text has another shape: a distinct instance, compared by identity. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String FALLBACK = new String("fallback");

    private String fastInstant(String name, char[] a, int off, int len, int y, int m, int d) {
        int h = digits(a, off + 11, 2);
        int mi = digits(a, off + 14, 2);
        int s = digits(a, off + 17, 2);
        int p = off + 19;
        int end = off + len;
        int nanos = 0;
        if (a[p] == '.') {
            p++;
            int count = 0;
            while (p < end && isDigit(a[p]) && count < 9) {
                nanos = nanos * 10 + (a[p] - '0');
                count++;
                p++;
            }
            if (count == 0 || (p < end && isDigit(a[p]))) {
                return FALLBACK;
            }
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (p == end - 1 && a[p] == 'Z') {
            offsetSeconds = 0;
        } else if (p == end - 6 && (a[p] == '+' || a[p] == '-') && isDigit(a[p + 1]) && isDigit(a[p + 2])
                && a[p + 3] == ':' && isDigit(a[p + 4]) && isDigit(a[p + 5])) {
            int oh = digits(a, p + 1, 2);
            int om = digits(a, p + 4, 2);
            if (oh > 18 || om > 59) {
                return FALLBACK;
            }
            offsetSeconds = (oh * 3600 + om * 60) * (a[p] == '-' ? -1 : 1);
        } else {
            return FALLBACK;
        }
        if (h > 23 || mi > 59 || s > 59) {
            return FALLBACK;
        }
        if (!isValidDate(y, m, d)) {
            return name + " '" + new String(a, off, len) + "' is not a valid date";
        }
        long epochSecond = epochDay(y, m, d) * 86_400L + h * 3600L + mi * 60L + s - offsetSeconds;
        instant = Instant.ofEpochSecond(epochSecond, nanos);
        return null;
    }

    private String fallback(String name, String text) {
        if (pattern != null) {
            return byPattern(name, text);
        }
        String iso = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + 'T' + text.substring(11)
                : text;
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(iso);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS) || parsed.query(TemporalQueries.zone()) != null) {
                instant = Instant.from(parsed);
                return null;
            }
            if (zone == null) {
                return name + " '" + text + "' has no time zone (add Z for UTC or an offset like +01:00)";
            }
            instant = LocalDateTime.from(parsed).atZone(zone).toInstant();
            return null;
        } catch (DateTimeException e) {
            // not an ISO date-time; try a date, then the platforms' shapes
        }
        try {
            date = LocalDate.parse(iso);
            return null;
        } catch (DateTimeException e) {
            // not an ISO date
        }
        return PlatformTimes.parse(this, name, text);
    }

    /** Parses with the pattern of {@link #pattern(String)}: an instant, a local date-time in the zone, or a date. */
    private String byPattern(String name, String text) {
        TemporalAccessor parsed;
        try {
            parsed = pattern.parse(text);
        } catch (DateTimeException e) {
            return name + " '" + text + "' does not match the time format '" + patternText + "'";
        }
        try {
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS) || parsed.query(TemporalQueries.zone()) != null) {
                ZoneId own = parsed.query(TemporalQueries.zone());
                LocalDate day = parsed.query(TemporalQueries.localDate());
                LocalTime time = parsed.query(TemporalQueries.localTime());
                instant = LocalDateTime.of(day, time == null ? LocalTime.MIDNIGHT : time).atZone(own).toInstant();
                return null;
            }
            LocalDate day = parsed.query(TemporalQueries.localDate());
            LocalTime time = parsed.query(TemporalQueries.localTime());
            if (day == null) {
                return name + " '" + text + "': the time format '" + patternText + "' gives no date";
            }
            if (time == null) {
                date = day;
                return null;
            }
            return local(name, text, LocalDateTime.of(day, time));
        } catch (DateTimeException e) {
            return name + " '" + text + "' is not a valid time (" + e.getMessage() + ")";
        }
    }

    /** Sets the result to a local date-time read in the zone, or returns why it cannot be. */
    String local(String name, String text, LocalDateTime local) {
        if (zone == null) {
            return name + " '" + text + "' has no time zone (add Z for UTC or an offset like +01:00)";
        }
        instant = local.atZone(zone).toInstant();
        return null;
    }

    /** Returns whether y-m-d is a date of the proleptic Gregorian calendar (as {@link LocalDate}). */
    static boolean isValidDate(int y, int m, int d) {
        if (m < 1 || m > 12 || d < 1) {
            return false;
        }
        int length;
        if (m == 2) {
            boolean leap = (y % 4 == 0) && (y % 100 != 0 || y % 400 == 0);
            length = leap ? 29 : 28;
        } else {
            length = m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31;
        }
        return d <= length;
    }

    /**
     * Returns the days since 1970-01-01 of a valid date, without allocating: Howard Hinnant's
     * {@code days_from_civil} ("chrono-Compatible Low-Level Date Algorithms", 2013).
     */
    static long epochDay(int y, int m, int d) {
        int year = m <= 2 ? y - 1 : y;
        int era = Math.floorDiv(year, 400);
        int yearOfEra = year - era * 400;
        int monthFromMarch = (m + 9) % 12;
        int dayOfYear = (153 * monthFromMarch + 2) / 5 + d - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }

    private LocalDate date(int y, int m, int d) {
        if (y == cachedYear && m == cachedMonth && d == cachedDay) {
            return cachedDate;
        }
        LocalDate day;
        try {
            day = LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
        cachedYear = y;
        cachedMonth = m;
        cachedDay = d;
        cachedDate = day;
        return day;
    }

    private static boolean isDateShape(char[] a, int off) {
        return isDigit(a[off]) && isDigit(a[off + 1]) && isDigit(a[off + 2]) && isDigit(a[off + 3]) && a[off + 4] == '-'
                && isDigit(a[off + 5]) && isDigit(a[off + 6]) && a[off + 7] == '-' && isDigit(a[off + 8])
                && isDigit(a[off + 9]);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digits(char[] a, int off, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = v * 10 + (a[off + i] - '0');
        }
        return v;
    }
}
