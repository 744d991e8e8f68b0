package dev.cxkit.core.io;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time shapes survey platforms write, beyond ISO-8601: what {@link Timestamps} tries last.
 * <ul>
 *   <li>year first: {@code 2026/03/04 5:12:33 PM GMT+1} (Google Forms), {@code 2026-03-04 17:12:33 -0800};
 *   <li>year last with slashes or dashes: {@code 03/04/2026 05:12:33 PM} (SurveyMonkey). With AM/PM
 *       the month comes first, as in the United States; with a 24-hour clock or no time the order
 *       is known only when one of the two numbers is over 12, otherwise the value is ambiguous and
 *       the message says to give the format;
 *   <li>dots: {@code 04.03.2026 17:12} (day first, as in Germany);
 *   <li>a month name: {@code 04-Mar-2026 17:12:33} (Medallia-style), {@code 4 March 2026};
 *   <li>Unix seconds: {@code 1772644353} (ten digits).
 * </ul>
 * A two-digit year is in 2000–2099. A time without an offset is read in the zone of the
 * {@link Timestamps}; {@code GMT}, {@code UTC} and {@code Z} mean UTC. Not instantiable.
 */
final class PlatformTimes {

    private static final Pattern SHAPE = Pattern.compile(
            "(\\d{1,4})([/.\\- ])(\\d{1,2}|\\p{L}{3,9})\\2(\\d{2,4})"
                    + "(?:[ T,]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*([AaPp]\\.?[Mm]\\.?)?)?"
                    + "\\s*(?:(?:GMT|UTC)?\\s*([+-])(\\d{1,2})(?::?(\\d{2}))?|(GMT|UTC|Z))?");

    private static final Pattern UNIX_SECONDS = Pattern.compile("\\d{10}");

    private PlatformTimes() {
    }

    /**
     * Parses {@code text} into {@code into}'s result fields.
     *
     * @return null on success, else the reason
     */
    static String parse(Timestamps into, String name, String text) {
        if (UNIX_SECONDS.matcher(text).matches()) {
            into.instant = Instant.ofEpochSecond(Long.parseLong(text));
            return null;
        }
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            return unknown(name, text);
        }
        String first = m.group(1);
        char separator = m.group(2).charAt(0);
        String middle = m.group(3);
        String last = m.group(4);
        boolean twelveHour = m.group(9) != null;
        int year;
        int month;
        int day;
        Month named = Character.isLetter(middle.charAt(0)) ? month(middle) : null;
        if (Character.isLetter(middle.charAt(0)) && named == null) {
            return unknown(name, text);
        }
        if (first.length() == 4) {
            if (named != null || last.length() > 2) {
                return unknown(name, text);
            }
            year = Integer.parseInt(first);
            month = Integer.parseInt(middle);
            day = Integer.parseInt(last);
        } else {
            if (first.length() > 2 || last.length() == 3) {
                return unknown(name, text);
            }
            year = Integer.parseInt(last) + (last.length() == 2 ? 2000 : 0);
            int a = Integer.parseInt(first);
            if (named != null) {
                day = a;
                month = named.getValue();
            } else {
                int b = Integer.parseInt(middle);
                if (a == 0 || b == 0) {
                    return name + " '" + text + "' is not a valid date"; // no day or month 0 (found by fuzzing)
                }
                if (separator == '.' || (a > 12 && b <= 12)) {
                    day = a;
                    month = b;
                } else if (twelveHour || (b > 12 && a <= 12)) {
                    month = a;
                    day = b;
                } else if (a <= 12 && b <= 12 && a != b) {
                    return name + " '" + text + "' could be " + a + " " + monthName(b) + " or " + b + " "
                            + monthName(a) + ": give the time format (--time-format dd/MM/yyyy or MM/dd/yyyy, "
                            + "with the time part if there is one, for example 'dd/MM/yyyy HH:mm')";
                } else {
                    day = a;
                    month = b; // the same number twice, or both over 12 (then not a date, said below)
                }
            }
        }
        if (!Timestamps.isValidDate(year, month, day)) {
            return name + " '" + text + "' is not a valid date";
        }
        LocalDate date = LocalDate.of(year, month, day);
        if (m.group(5) == null) {
            if (m.group(10) != null || m.group(13) != null) {
                return unknown(name, text);
            }
            into.date = date;
            return null;
        }
        int hour = Integer.parseInt(m.group(5));
        int minute = Integer.parseInt(m.group(6));
        int second = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
        int nanos = m.group(8) == null ? 0 : Integer.parseInt((m.group(8) + "00000000").substring(0, 9));
        if (twelveHour) {
            if (hour < 1 || hour > 12) {
                return name + " '" + text + "' has hour " + hour + " with AM/PM";
            }
            boolean pm = Character.toLowerCase(m.group(9).charAt(0)) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        LocalDateTime local;
        try {
            local = LocalDateTime.of(date, java.time.LocalTime.of(hour, minute, second, nanos));
        } catch (DateTimeException e) {
            return name + " '" + text + "' is not a valid time of day";
        }
        if (m.group(13) != null) {
            into.instant = local.toInstant(ZoneOffset.UTC);
            return null;
        }
        if (m.group(10) != null) {
            int hours = Integer.parseInt(m.group(11));
            int minutes = m.group(12) == null ? 0 : Integer.parseInt(m.group(12));
            if (m.group(12) == null && m.group(11).length() > 2) {
                return unknown(name, text);
            }
            int sign = m.group(10).equals("-") ? -1 : 1;
            try {
                into.instant = local.toInstant(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
            } catch (DateTimeException e) {
                return name + " '" + text + "' has an offset outside -18:00..+18:00";
            }
            return null;
        }
        return into.local(name, text, local);
    }

    private static Month month(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (Month month : Month.values()) {
            String full = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (full.equals(t) || (t.length() == 3 && full.startsWith(t)) || (t.equals("sept") && month == Month.SEPTEMBER)) {
                return month;
            }
        }
        return null;
    }

    private static String monthName(int month) {
        return Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String unknown(String name, String text) {
        return name + " '" + text + "' is not a time this reader knows (ISO-8601 like 2026-03-01T10:15:30Z, "
                + "2026-03-01 10:15:30, 03/01/2026 10:15 AM, 01-Mar-2026 10:15); give its format with "
                + "--time-format, for example 'dd/MM/yyyy HH:mm'";
    }
}
