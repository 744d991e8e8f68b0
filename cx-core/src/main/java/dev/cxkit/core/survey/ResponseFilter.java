package dev.cxkit.core.survey;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Which responses a question is about: conditions on columns ({@code location=Leeds,York},
 * {@code channel!=web}) and a date range, all of which must hold. A reader counts the rows a filter
 * leaves out as filtered, not rejected.
 *
 * <p>A column is a field's snake_case name ({@code location}, {@code touchpoint}, {@code channel},
 * {@code customer_id}, {@code metric}, ...) or any other column of the input, matched exactly and
 * then case-insensitively. Values are compared exactly after trimming. A response without the
 * column has the value "" (so {@code location!=Leeds} keeps it, {@code location=Leeds} does not).
 * The date range is inclusive and judged on the response's day in the filter's zone; a response
 * without a date fails it.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ResponseFilter implements Predicate<Response> {

    private static final ResponseFilter ALL = new ResponseFilter(List.of(), null, null, java.time.ZoneOffset.UTC);

    private final List<Condition> conditions;
    private final LocalDate from;
    private final LocalDate to;
    private final ZoneId zone;

    private record Condition(String column, Set<String> values, boolean negated) {
        boolean test(Response r) {
            String value = value(r, column);
            return values.contains(value == null ? "" : value.trim()) != negated;
        }

        @Override
        public String toString() {
            return column + (negated ? "!=" : "=") + String.join(",", values);
        }
    }

    private ResponseFilter(List<Condition> conditions, LocalDate from, LocalDate to, ZoneId zone) {
        this.conditions = List.copyOf(conditions);
        this.from = from;
        this.to = to;
        this.zone = zone;
    }

    /**
     * Returns the filter that keeps every response.
     *
     * @return the filter
     */
    public static ResponseFilter all() {
        return ALL;
    }

    /**
     * Adds a condition written as {@code COLUMN=VALUE[,VALUE...]} or {@code COLUMN!=VALUE[,VALUE...]}.
     *
     * @param condition the condition
     * @return a filter with the condition added
     * @throws IllegalArgumentException if the text has no {@code =}, no column or no value
     */
    public ResponseFilter where(String condition) {
        Objects.requireNonNull(condition, "condition");
        int eq = condition.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("'" + condition + "' is not COLUMN=VALUE[,VALUE...] or COLUMN!=VALUE");
        }
        boolean negated = condition.charAt(eq - 1) == '!';
        String column = condition.substring(0, negated ? eq - 1 : eq).trim();
        Set<String> values = new LinkedHashSet<>();
        for (String v : condition.substring(eq + 1).split(",")) {
            if (!v.isBlank()) {
                values.add(v.trim());
            }
        }
        if (column.isEmpty() || values.isEmpty()) {
            throw new IllegalArgumentException("'" + condition + "' names no column or no value");
        }
        List<Condition> all = new ArrayList<>(conditions);
        all.add(new Condition(column, Set.copyOf(values), negated));
        return new ResponseFilter(all, from, to, zone);
    }

    /**
     * Keeps responses of days from {@code first} to {@code last}, both included, in a zone.
     *
     * @param first the first day, or null for no lower bound
     * @param last the last day, or null for no upper bound
     * @param dayZone the zone that decides an instant's day
     * @return a filter with the range set
     * @throws IllegalArgumentException if {@code last} is before {@code first}
     */
    public ResponseFilter between(@Nullable LocalDate first, @Nullable LocalDate last, ZoneId dayZone) {
        Objects.requireNonNull(dayZone, "dayZone");
        if (first != null && last != null && last.isBefore(first)) {
            throw new IllegalArgumentException("the last day " + last + " is before the first " + first);
        }
        return new ResponseFilter(conditions, first, last, dayZone);
    }

    /** Returns whether the filter needs a response's date: a row whose time cannot be read is then rejected. */
    public boolean needsTime() {
        return from != null || to != null;
    }

    /** Returns whether the filter keeps everything. */
    public boolean keepsAll() {
        return conditions.isEmpty() && !needsTime();
    }

    @Override
    public boolean test(Response r) {
        for (Condition c : conditions) {
            if (!c.test(r)) {
                return false;
            }
        }
        if (needsTime()) {
            LocalDate day = r.localDate(zone);
            if (day == null || (from != null && day.isBefore(from)) || (to != null && day.isAfter(to))) {
                return false;
            }
        }
        return true;
    }

    private static String value(Response r, String column) {
        String v = r.field(column);
        if (v != null || r.attributes().containsKey(column)) {
            return v;
        }
        String lower = column.toLowerCase(Locale.ROOT);
        if (!lower.equals(column)) {
            v = r.field(lower);
            if (v != null) {
                return v;
            }
        }
        for (Map.Entry<String, String> e : r.attributes().entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Says what the filter keeps, for a report's scope line: {@code location=Leeds, from 2026-03-01}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        conditions.forEach(c -> parts.add(c.toString()));
        if (from != null) {
            parts.add("from " + from);
        }
        if (to != null) {
            parts.add("to " + to);
        }
        return parts.isEmpty() ? "all responses" : String.join(", ", parts);
    }
}
