package dev.cxkit.report.internal;

import dev.cxkit.core.score.Metric;
import dev.cxkit.core.stats.Interval;
import dev.cxkit.rules.fact.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The one place where report numbers are rounded and written, so that {@code report.json}, the
 * page and the terminal summary show the same values: each method returns a {@link Figure}
 * whose {@link Figure#number() number} goes into the JSON and whose {@link Figure#text() text}
 * goes onto the page and the terminal. The text is the number's digits, with at most a sign in
 * front and a unit after it, so a reader (or a test) can get the JSON value back from the page.
 *
 * <p>Score formats follow {@code cx score}: NPS {@code 31.2}, CSAT {@code 87.5%}, CES {@code 5.21};
 * rounding is half-up on the shortest decimal form of the double, as {@code String.format} does,
 * and never prints {@code -0.0}. Stateless.
 */
public final class Figures {

    /** p-values below this are shown as {@code < 0.0001}; the JSON keeps their rounded value. */
    public static final BigDecimal SMALLEST_SHOWN_P = new BigDecimal("0.0001");

    private Figures() {
    }

    /**
     * A rounded number and how people see it.
     *
     * @param number the rounded value, written to JSON as a number with exactly these digits
     * @param text the value for people: the same digits, perhaps with a sign and a unit
     */
    public record Figure(BigDecimal number, String text) {

        @Override
        public String toString() {
            return text;
        }
    }

    /** Decimals a score of this metric is shown with: one for NPS and CSAT, two for CES. */
    public static int decimals(Metric metric) {
        return metric.kind() == Metric.Kind.CES ? 2 : 1;
    }

    /** A score value: {@code 31.2} (NPS), {@code 87.5%} (CSAT), {@code 5.21} (CES). */
    public static Figure score(Metric metric, double value) {
        BigDecimal number = round(value, decimals(metric));
        return new Figure(number, number.toPlainString() + (metric.kind() == Metric.Kind.CSAT ? "%" : ""));
    }

    /** An interval limit, a difference's limit or a control limit: the score's digits, no unit. */
    public static Figure limit(Metric metric, double value) {
        BigDecimal number = round(value, decimals(metric));
        return new Figure(number, number.toPlainString());
    }

    /** An interval in a score's unit: {@code [24.1, 38.0]}. */
    public static String range(Metric metric, Interval interval) {
        return "[" + limit(metric, interval.lower()).text() + ", " + limit(metric, interval.upper()).text() + "]";
    }

    /** A difference with its sign: {@code +3.1}, {@code -12.0}, {@code 0.0}; no unit. */
    public static Figure difference(Metric metric, double value) {
        BigDecimal number = round(value, decimals(metric));
        return new Figure(number, (number.signum() > 0 ? "+" : "") + number.toPlainString());
    }

    /** The unit of a difference in words: {@code points}, {@code percentage points}, or empty for CES. */
    public static String differenceUnit(Metric metric) {
        switch (metric.kind()) {
            case NPS:
                return "points";
            case CSAT:
                return "percentage points";
            default:
                return "";
        }
    }

    /** A share in [0, 1] as a percentage with one decimal: {@code 12.5%}; the JSON holds {@code 12.5}. */
    public static Figure percent(double share) {
        BigDecimal number = round(100 * share, 1);
        return new Figure(number, number.toPlainString() + "%");
    }

    /** A share that may be undefined (no checks, no journeys before) as a percentage, or empty. */
    public static Optional<Figure> percent(OptionalDouble share) {
        return share.isPresent() ? Optional.of(percent(share.getAsDouble())) : Optional.empty();
    }

    /** An interval of a share in [0, 1], in percent: {@code [8.1, 17.9]}. */
    public static String percentRange(Interval interval) {
        return "[" + round(100 * interval.lower(), 1).toPlainString() + ", "
                + round(100 * interval.upper(), 1).toPlainString() + "]";
    }

    /**
     * A p-value to two significant digits: {@code 0.23}, {@code 0.0041}; below 0.0001 the text is
     * {@code < 0.0001} while the number keeps its two digits.
     */
    public static Figure pValue(double p) {
        BigDecimal number = BigDecimal.valueOf(p).round(new MathContext(2, RoundingMode.HALF_UP));
        if (number.signum() == 0) {
            number = BigDecimal.ZERO;
        }
        String text = number.compareTo(SMALLEST_SHOWN_P) < 0 ? "< " + SMALLEST_SHOWN_P.toPlainString()
                : number.toPlainString();
        return new Figure(number, text);
    }

    /** A confidence level: {@code 95%}, {@code 99.5%}. */
    public static String confidence(double level) {
        return BigDecimal.valueOf(level).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    /** An effective sample size (Kish) with one decimal: {@code 95.3}. */
    public static Figure effectiveN(double n) {
        BigDecimal number = round(n, 1);
        return new Figure(number, number.toPlainString());
    }

    /** A count, as plain digits so that it equals the JSON's. */
    public static String count(long n) {
        return Long.toString(n);
    }

    /** A duration rounded to whole seconds (half up), the precision every report duration has. */
    public static Duration seconds(Duration duration) {
        Duration whole = duration.truncatedTo(ChronoUnit.SECONDS);
        Duration rest = duration.minus(whole);
        return rest.abs().compareTo(Duration.ofMillis(500)) >= 0
                ? whole.plusSeconds(duration.isNegative() ? -1 : 1) : whole;
    }

    /** A duration for JSON, ISO-8601 in whole seconds: {@code PT12M30S}. */
    public static String isoDuration(Duration duration) {
        return seconds(duration).toString();
    }

    /** A duration for people, in whole seconds: {@code 12m30s}, {@code 1h05m}, {@code 2d3h}, {@code -4m}. */
    public static String duration(Duration duration) {
        Duration d = seconds(duration);
        if (d.isNegative()) {
            return "-" + duration(d.negated());
        }
        long days = d.toDays();
        int hours = d.toHoursPart();
        int minutes = d.toMinutesPart();
        int secs = d.toSecondsPart();
        if (days > 0) {
            return days + "d" + (hours > 0 ? hours + "h" : "");
        }
        if (hours > 0) {
            return hours + "h" + (minutes > 0 ? String.format(java.util.Locale.ROOT, "%02dm", minutes) : "");
        }
        if (minutes > 0) {
            return minutes + "m" + (secs > 0 ? String.format(java.util.Locale.ROOT, "%02ds", secs) : "");
        }
        return secs + "s";
    }

    /** A time, ISO-8601 in UTC to the second, in JSON and on the page alike: {@code 2026-03-01T12:30:00Z}. */
    public static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** An amount at its currency's scale for JSON: {@code "18.50"}. */
    public static String amount(Money money) {
        return money.amount().toPlainString();
    }

    /** An amount with its currency for people: {@code EUR 18.50}. */
    public static String money(Money money) {
        return money.currency().getCurrencyCode() + " " + amount(money);
    }

    private static BigDecimal round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot show " + value);
        }
        // BigDecimal.valueOf goes through the shortest decimal form, as String.format does
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }
}
