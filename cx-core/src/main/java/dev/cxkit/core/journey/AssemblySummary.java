package dev.cxkit.core.journey;

/**
 * What a {@link JourneyAssembler} did with the events it was given: every event is assembled into
 * a journey, dropped as a duplicate, or handed on as late, so {@code events == assembled +
 * duplicates + late} always holds. Summaries of several assemblers (partitions) {@linkplain
 * #plus(AssemblySummary) add up}.
 *
 * <p>With a reader in front, {@code ReadSummary.accepted() == events}, so the rows of an input
 * satisfy read = rejected + assembled + duplicates + late.
 *
 * <p>Immutable and thread-safe.
 *
 * @param events the events given to the assembler
 * @param assembled the events in the journeys it handed on
 * @param duplicates the events dropped because their journey already had an event with that id
 * @param late the events that came after their journey had closed (or so long after the newest
 *     event that a journey of theirs would have closed), handed to the late-event consumer
 * @param journeys the journeys handed on
 * @since 0.1.0
 */
public record AssemblySummary(long events, long assembled, long duplicates, long late, long journeys) {

    /** The summary of assembling nothing. */
    public static final AssemblySummary EMPTY = new AssemblySummary(0, 0, 0, 0, 0);

    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException if a count is negative, {@code events != assembled +
     *     duplicates + late}, or there are more journeys than assembled events
     */
    public AssemblySummary {
        if (events < 0 || assembled < 0 || duplicates < 0 || late < 0 || journeys < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + events + ", " + assembled + ", "
                    + duplicates + ", " + late + ", " + journeys);
        }
        if (events != assembled + duplicates + late) {
            throw new IllegalArgumentException("events " + events + " != assembled " + assembled + " + duplicates "
                    + duplicates + " + late " + late);
        }
        if (journeys > assembled) {
            throw new IllegalArgumentException(journeys + " journeys from only " + assembled + " events");
        }
    }

    /**
     * Returns the sum of this summary and another.
     *
     * @param other another summary
     * @return the combined summary
     * @throws ArithmeticException if a count overflows
     */
    public AssemblySummary plus(AssemblySummary other) {
        return new AssemblySummary(Math.addExact(events, other.events), Math.addExact(assembled, other.assembled),
                Math.addExact(duplicates, other.duplicates), Math.addExact(late, other.late),
                Math.addExact(journeys, other.journeys));
    }
}
