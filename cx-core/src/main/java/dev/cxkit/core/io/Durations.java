package dev.cxkit.core.io;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads and writes the durations people type: the limits of journey definitions and the
 * durations of a policy's settings. A whole number and a unit ({@code 20 min}, {@code 20m},
 * {@code 90 s}, {@code 2 h}, {@code 1 d}), or ISO-8601 ({@code PT20M}). One parser, so a
 * duration reads the same wherever it is written.
 *
 * <p>Stateless and thread-safe; not instantiable.
 *
 * @since 0.1.0
 */
public final class Durations {

    private Durations() {
    }

    /**
     * Parses a limit.
     *
     * @param text the text
     * @return the duration, possibly negative (the caller says why that is wrong)
     * @throws IllegalArgumentException with a message a person can act on
     */
    public static Duration parse(String text) {
        String t = text.strip();
        if (t.length() > 1 && (t.charAt(0) == 'P' || t.charAt(0) == 'p' || t.startsWith("-P") || t.startsWith("-p"))) {
            try {
                return Duration.parse(t);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(bad(text));
            }
        }
        int i = 0;
        if (i < t.length() && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
            i++;
        }
        int digits = i;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == digits || i - digits > 9) {
            throw new IllegalArgumentException(bad(text));
        }
        long amount = Long.parseLong(t.substring(0, i));
        String unit = t.substring(i).strip().toLowerCase(Locale.ROOT);
        switch (unit) {
            case "s":
            case "sec":
            case "second":
            case "seconds":
                return Duration.ofSeconds(amount);
            case "m":
            case "min":
            case "minute":
            case "minutes":
                return Duration.ofMinutes(amount);
            case "h":
            case "hour":
            case "hours":
                return Duration.ofHours(amount);
            case "d":
            case "day":
            case "days":
                return Duration.ofDays(amount);
            case "":
                throw new IllegalArgumentException("'" + text + "' has no unit (write for example 20 min, 90 s, 2 h)");
            default:
                throw new IllegalArgumentException(bad(text));
        }
    }

    private static String bad(String text) {
        return "'" + text + "' is not a duration (write a whole number and a unit: 20 min, 90 s, 2 h, 1 d; or PT20M)";
    }

    /** Formats a duration compactly: {@code 20m}, {@code 1h30m}, {@code 45s}, {@code 0s}. */
    public static String format(Duration d) {
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        StringBuilder sb = new StringBuilder();
        long days = d.toDays();
        int hours = d.toHoursPart();
        int minutes = d.toMinutesPart();
        int seconds = d.toSecondsPart();
        int millis = d.toMillisPart();
        if (days > 0) {
            sb.append(days).append('d');
        }
        if (hours > 0) {
            sb.append(hours).append('h');
        }
        if (minutes > 0) {
            sb.append(minutes).append('m');
        }
        if (seconds > 0 || millis > 0 || sb.length() == 0) {
            sb.append(seconds);
            if (millis > 0) {
                sb.append('.').append(String.format(Locale.ROOT, "%03d", millis));
            }
            sb.append('s');
        }
        return sb.toString();
    }
}
