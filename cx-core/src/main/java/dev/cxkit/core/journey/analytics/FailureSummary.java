package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.journey.ServiceFailure;
import dev.cxkit.core.service.SatisfactionFactor;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service failures of a group of journeys: from FAILED events, broken promises and broken
 * contact rules, each tagged with its satisfaction factor.
 *
 * <p>Immutable and thread-safe.
 *
 * @param failures the number of failures
 * @param journeysWithFailure the number of journeys with at least one
 * @param cells the factor × touchpoint table: one cell per pair that occurred, by factor then
 *     touchpoint (unmodifiable)
 * @param byType the failures by type (failure type, promise id or contact rule id), sorted
 *     (unmodifiable)
 * @param bySource the failures by where they were found (unmodifiable)
 * @param byRecovery the failures by how they were recovered (unmodifiable)
 * @since 0.1.0
 */
public record FailureSummary(long failures, long journeysWithFailure, List<FailureCell> cells,
        Map<String, Long> byType, Map<ServiceFailure.Source, Long> bySource,
        Map<ServiceFailure.Recovery, Long> byRecovery) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if a count is negative or the cells do not add up to
     *     {@code failures}
     * @throws NullPointerException if a collection is null
     */
    public FailureSummary {
        if (failures < 0 || journeysWithFailure < 0 || journeysWithFailure > failures) {
            throw new IllegalArgumentException(journeysWithFailure + " journeys with " + failures + " failures");
        }
        cells = List.copyOf(cells);
        if (cells.stream().mapToLong(FailureCell::failures).sum() != failures) {
            throw new IllegalArgumentException("the cells do not add up to " + failures + " failures");
        }
        byType = Collections.unmodifiableMap(new TreeMap<>(byType));
        bySource = bySource.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(bySource));
        byRecovery = byRecovery.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(byRecovery));
    }

    /** Returns the failures by factor (factors without failures are absent). */
    public Map<SatisfactionFactor, Long> byFactor() {
        Map<SatisfactionFactor, Long> out = new EnumMap<>(SatisfactionFactor.class);
        for (FailureCell c : cells) {
            out.merge(c.factor(), c.failures(), Long::sum);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Returns the number of failures of a factor at a touchpoint.
     *
     * @param factor the factor
     * @param touchpoint the touchpoint id
     * @return the count, 0 when there were none
     */
    public long count(SatisfactionFactor factor, String touchpoint) {
        return cells.stream().filter(c -> c.factor() == factor && c.touchpoint().equals(touchpoint))
                .mapToLong(FailureCell::failures).sum();
    }
}
