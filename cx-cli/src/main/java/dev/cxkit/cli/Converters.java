package dev.cxkit.cli;

import dev.cxkit.core.io.InputFormat;
import dev.cxkit.core.score.Metric;
import dev.cxkit.core.stats.IntervalMethod;
import dev.cxkit.core.stats.MultipleTesting.Adjustment;
import dev.cxkit.core.survey.Period;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Command-line value converters; their messages become {@code cx: Invalid value for option ...}. */
final class Converters {

    private Converters() {
    }

    /** {@code nps}, {@code csat} or {@code ces}. */
    static final class MetricConverter implements ITypeConverter<Metric> {
        @Override
        public Metric convert(String value) {
            try {
                return Metric.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code day}, {@code week}, {@code month} or {@code quarter}. */
    static final class PeriodConverter implements ITypeConverter<Period> {
        @Override
        public Period convert(String value) {
            try {
                return Period.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** An interval method id such as {@code adjusted-wald}. */
    static final class IntervalConverter implements ITypeConverter<IntervalMethod> {
        @Override
        public IntervalMethod convert(String value) {
            try {
                return IntervalMethod.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code csv} or {@code jsonl}. */
    static final class InputFormatConverter implements ITypeConverter<InputFormat> {
        @Override
        public InputFormat convert(String value) {
            try {
                return InputFormat.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A time zone id such as {@code UTC} or {@code Europe/London}. */
    static final class ZoneConverter implements ITypeConverter<ZoneId> {
        @Override
        public ZoneId convert(String value) {
            try {
                return ZoneId.of(value.trim());
            } catch (DateTimeException e) {
                throw new TypeConversionException("unknown time zone '" + value + "' (use an id like UTC, "
                        + "Europe/London or +01:00)");
            }
        }
    }

    /** The output formats. */
    enum OutputFormat {
        /** Aligned columns for people. */
        TABLE,
        /** One JSON object. */
        JSON,
        /** One CSV row per result. */
        CSV
    }

    /** {@code table}, {@code json} or {@code csv}. */
    static final class OutputFormatConverter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("unknown format '" + value + "' (expected table, json or csv)");
            }
        }
    }

    /**
     * Reads {@code 500ms}, {@code 5s}, {@code 2m}, {@code 6h}, {@code 14d} or an ISO-8601 duration
     * ({@code PT5S}, {@code P14D}); a bare {@code 0} is zero.
     */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

        @Override
        public Duration convert(String value) {
            String text = value.strip().toLowerCase(Locale.ROOT);
            Matcher m = SHORT.matcher(text);
            try {
                if (m.matches()) {
                    long n = Long.parseLong(m.group(1));
                    if (m.group(2) == null) {
                        if (n != 0) {
                            throw new IllegalArgumentException("a unit is needed");
                        }
                        return Duration.ZERO;
                    }
                    return switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    };
                }
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + value
                        + "' is not a duration (try 500ms, 5s, 1m, 6h, 14d or PT5S)");
            }
        }
    }

    /** Parses {@code --adjust}: {@code holm}, {@code bh} or {@code none}. */
    static final class AdjustmentConverter implements ITypeConverter<Adjustment> {
        @Override
        public Adjustment convert(String value) {
            return Adjustment.parse(value);
        }
    }

    /** Parses {@code --now}: an ISO-8601 instant or a date-time with an offset. */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return OffsetDateTime.parse(value.trim()).toInstant();
            } catch (DateTimeException e) {
                throw new TypeConversionException("'" + value + "' is not an ISO-8601 time with a zone, like "
                        + "2026-03-01T12:00:00Z or 2026-03-01T13:00:00+01:00");
            }
        }
    }
}
