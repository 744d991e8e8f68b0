package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.journey.JourneyOutcome;
import dev.cxkit.core.survey.Period;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How journey analytics are grouped: by the journey's location, by the calendar period in which the
 * journey started (in a time zone), by both, or not at all. Touchpoints need no grouping: every
 * table inside a group is already per stage, step, promise or touchpoint.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class JourneyGrouping implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The name of the location dimension. */
    public static final String LOCATION = "location";
    /** The name of the period dimension. */
    public static final String PERIOD = "period";

    private static final JourneyGrouping NONE = new JourneyGrouping(false, null, ZoneId.of("UTC"));

    private final boolean byLocation;
    private final Period period;
    private final ZoneId zone;

    private JourneyGrouping(boolean byLocation, Period period, ZoneId zone) {
        this.byLocation = byLocation;
        this.period = period;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Returns the grouping with one group for all journeys. */
    public static JourneyGrouping none() {
        return NONE;
    }

    /** Returns the grouping by location. */
    public static JourneyGrouping byLocation() {
        return new JourneyGrouping(true, null, ZoneId.of("UTC"));
    }

    /**
     * Groups by the period in which journeys started, and optionally by location first.
     *
     * @param byLocation whether to group by location too
     * @param period the calendar period
     * @param zone the time zone that decides the day a journey started on
     * @return the grouping
     * @throws NullPointerException if the period or zone is null
     */
    public static JourneyGrouping byPeriod(boolean byLocation, Period period, ZoneId zone) {
        return new JourneyGrouping(byLocation, Objects.requireNonNull(period, "period"), zone);
    }

    /** Returns the dimension names: {@code location} and/or {@code period}, in that order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(2);
        if (byLocation) {
            names.add(LOCATION);
        }
        if (period != null) {
            names.add(PERIOD);
        }
        return List.copyOf(names);
    }

    /**
     * Returns a journey's key, one value per {@linkplain #names() name}.
     *
     * @param outcome the journey
     * @return the values; a location may be null
     */
    public List<@Nullable String> keyOf(JourneyOutcome outcome) {
        List<@Nullable String> key = new ArrayList<>(2);
        if (byLocation) {
            key.add(outcome.location());
        }
        if (period != null) {
            key.add(period.label(LocalDate.ofInstant(outcome.startedAt(), zone)));
        }
        return key;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof JourneyGrouping g && g.byLocation == byLocation && g.period == period && g.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(byLocation, period, zone);
    }

    /** Everything that decides a key, for the byte form: names, period and zone. */
    String describe() {
        return toString() + (period == null ? "" : " per " + period.id());
    }

    @Override
    public String toString() {
        return names().isEmpty() ? "(none)" : String.join(",", names()) + (period == null ? "" : " in " + zone);
    }
}
