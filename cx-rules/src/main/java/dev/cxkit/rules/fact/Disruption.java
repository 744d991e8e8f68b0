package dev.cxkit.rules.fact;

/**
 * What happened to a flight, in the terms of Regulation (EC) No 261/2004, with the
 * {@link IncidentType} a flight incident of this kind has (see
 * {@code docs/decisions/0006-flight-disruptions-as-incidents.md} for why).
 *
 * @since 0.1.0
 */
public enum Disruption {
    /** The flight left and arrived late (Art. 6; compensation from 3 hours late under Sturgeon). */
    DELAY(IncidentType.LONG_WAIT),
    /** The flight did not operate (Art. 5). */
    CANCELLATION(IncidentType.ITEM_NOT_DELIVERED),
    /** The passenger was refused boarding on a flight that operated (Art. 4). */
    DENIED_BOARDING(IncidentType.ITEM_NOT_DELIVERED),
    /** The passenger flew in a lower class than booked (Art. 10). */
    DOWNGRADE(IncidentType.QUALITY);

    private final IncidentType incidentType;

    Disruption(IncidentType incidentType) {
        this.incidentType = incidentType;
    }

    /**
     * Returns the incident type of a flight incident with this disruption: a delay is a
     * {@link IncidentType#LONG_WAIT}, a cancellation or denied boarding a seat that was paid for
     * and not given ({@link IncidentType#ITEM_NOT_DELIVERED}), a downgrade a lower
     * {@link IncidentType#QUALITY} of what was bought.
     *
     * @return the incident type
     */
    public IncidentType incidentType() {
        return incidentType;
    }
}
