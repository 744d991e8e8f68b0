package dev.cxkit.core.survey;

import dev.cxkit.core.internal.DayLabels;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How responses are grouped: by zero or more fields ({@code touchpoint}, {@code location},
 * {@code channel}, {@code customer_id}, {@code journey_id}, or any attribute such as
 * {@code stage}) and optionally by a calendar {@link Period} of the submission time in a time
 * zone (UTC by default). The period dimension is named {@code period} and comes last.
 *
 * <p>A response without a value for a dimension falls into the group whose value is null for it.
 *
 * <p>Immutable and thread-safe. Scorers keep their own {@link KeyBuffer}, which caches period
 * labels by day.
 *
 * @since 0.1.0
 */
public final class Grouping {

    /** The name of the period dimension. */
    public static final String PERIOD = "period";

    private static final Grouping NONE = new Grouping(List.of(), null, ZoneOffset.UTC);

    private final List<String> fields;
    private final Period period;
    private final ZoneId zone;
    private final List<String> names;
    private final List<Function<Response, String>> accessors;

    private Grouping(List<String> fields, Period period, ZoneId zone) {
        this.fields = List.copyOf(fields);
        this.period = period;
        this.zone = Objects.requireNonNull(zone, "zone");
        List<String> all = new ArrayList<>(this.fields);
        if (period != null) {
            if (all.contains(PERIOD)) {
                throw new IllegalArgumentException("a field named 'period' clashes with the period dimension");
            }
            all.add(PERIOD);
        }
        if (all.stream().distinct().count() != all.size()) {
            throw new IllegalArgumentException("grouping fields repeat: " + fields);
        }
        this.names = List.copyOf(all);
        List<Function<Response, String>> readers = new ArrayList<>();
        for (String field : this.fields) {
            readers.add(Response.accessor(field));
        }
        this.accessors = List.copyOf(readers);
    }

    /** Returns the grouping with no dimensions: one group for everything. */
    public static Grouping none() {
        return NONE;
    }

    /**
     * Groups by fields.
     *
     * @param fields field or attribute names
     * @return the grouping
     * @throws IllegalArgumentException if a name repeats
     */
    public static Grouping by(List<String> fields) {
        return new Grouping(fields, null, ZoneOffset.UTC);
    }

    /**
     * Groups by fields and the period of submission.
     *
     * @param fields field or attribute names (may be empty)
     * @param period the calendar period
     * @param zone the time zone that decides which day an instant falls on
     * @return the grouping
     * @throws IllegalArgumentException if a name repeats or a field is named {@code period}
     */
    public static Grouping by(List<String> fields, Period period, ZoneId zone) {
        return new Grouping(fields, Objects.requireNonNull(period, "period"), zone);
    }

    /** Returns the dimension names, the period last. */
    public List<String> names() {
        return names;
    }

    /** Returns the period, or null when not grouped by period. */
    public @Nullable Period period() {
        return period;
    }

    /** Returns the time zone of the period. */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Returns the key values of a response, one per {@linkplain #names() name}.
     *
     * @param response the response
     * @return the values (elements may be null)
     */
    public List<@Nullable String> keyOf(Response response) {
        KeyBuffer buffer = newBuffer();
        keyInto(response, buffer);
        return new ArrayList<>(buffer.values);
    }

    /** Returns a reusable buffer for {@link #keyInto}. */
    KeyBuffer newBuffer() {
        return new KeyBuffer(names.size(), period == null ? null : new DayLabels(period, zone));
    }

    /** Fills {@code buffer} with the key of {@code response} without allocating in the common case. */
    void keyInto(Response response, KeyBuffer buffer) {
        for (int i = 0; i < accessors.size(); i++) {
            buffer.values.set(i, accessors.get(i).apply(response));
        }
        if (period != null) {
            buffer.values.set(fields.size(), periodLabel(response, buffer));
        }
    }

    private String periodLabel(Response response, KeyBuffer buffer) {
        Instant at = response.submittedAt();
        if (at == null) {
            LocalDate on = response.submittedOn();
            return on == null ? null : buffer.labels.label(on.toEpochDay());
        }
        return buffer.labels.label(buffer.labels.day(at));
    }

    /**
     * A mutable, single-thread key buffer with a cache of period labels by local day, so that
     * out-of-order timestamps do not format a label per response.
     */
    static final class KeyBuffer {
        final List<String> values;
        final DayLabels labels;

        KeyBuffer(int size, DayLabels labels) {
            values = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                values.add(null);
            }
            this.labels = labels;
        }
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof Grouping g && g.fields.equals(fields) && g.period == period && g.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fields, period, zone);
    }

    @Override
    public String toString() {
        return names.isEmpty() ? "(none)" : String.join(",", names) + (period == null ? "" : " in " + zone);
    }
}
