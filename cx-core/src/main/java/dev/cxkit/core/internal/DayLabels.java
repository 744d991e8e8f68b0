package dev.cxkit.core.internal;

import dev.cxkit.core.survey.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * The local day of an instant in one zone, and the label of each day's period, kept in a small
 * direct-mapped cache by day: what every grouping by period does once per response, so that a
 * label is formatted once per day seen, not once per response, and a fixed offset never asks the
 * JDK for zone rules (a {@code ZoneOffset} makes new ones on every call).
 *
 * <p>Not thread-safe: one per reading thread.
 */
public final class DayLabels {

    private static final long SECONDS_PER_DAY = 86_400;
    private static final int SLOTS = 1024;

    private final Period period;
    private final ZoneRules rules;
    private final ZoneOffset fixedOffset;
    private final long[] days = new long[SLOTS];
    private final String[] labels = new String[SLOTS];

    /**
     * Creates an empty cache.
     *
     * @param period the period whose labels are asked for
     * @param zone the zone that decides an instant's day
     */
    public DayLabels(Period period, ZoneId zone) {
        this.period = period;
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
    }

    /** Returns the epoch day of an instant in this cache's zone. */
    public long day(Instant at) {
        int offset = fixedOffset != null ? fixedOffset.getTotalSeconds() : rules.getOffset(at).getTotalSeconds();
        return Math.floorDiv(at.getEpochSecond() + offset, SECONDS_PER_DAY);
    }

    /** Returns the label of the period that holds an epoch day, formatted once per day seen. */
    public String label(long day) {
        int slot = (int) (day & (SLOTS - 1));
        String label = labels[slot];
        if (label == null || days[slot] != day) {
            label = period.label(LocalDate.ofEpochDay(day));
            days[slot] = day;
            labels[slot] = label;
        }
        return label;
    }

    /**
     * Returns the epoch day of an instant in a zone, without zone rules for a fixed offset.
     *
     * @param at the instant
     * @param zone the zone
     * @return the day
     */
    public static long day(Instant at, ZoneId zone) {
        if (zone instanceof ZoneOffset) {
            return Math.floorDiv(at.getEpochSecond() + ((ZoneOffset) zone).getTotalSeconds(), SECONDS_PER_DAY);
        }
        return LocalDate.ofInstant(at, zone).toEpochDay();
    }
}
