package dev.cxkit.rules.fact;

/**
 * Why a flight was disrupted, in the three categories passenger-rights regulations decide on:
 * Canada's Air Passenger Protection Regulations (SOR/2019-150, ss. 10–12) name all three; the EU's
 * Regulation (EC) No 261/2004 exempts compensation only for extraordinary circumstances (Art.
 * 5(3)), which is {@link #OUTSIDE_CONTROL}: an incident with this cause has
 * {@link Incident#extraordinaryCircumstances()} true, so packs written for either read it.
 *
 * @since 0.1.0
 */
public enum CauseCategory {
    /** Within the carrier's control, and not required for safety: the carrier compensates. */
    WITHIN_CONTROL,
    /** Within the carrier's control but required for safety (a mechanical fault found in a check). */
    REQUIRED_FOR_SAFETY,
    /** Outside the carrier's control: weather, air traffic control, security (extraordinary circumstances). */
    OUTSIDE_CONTROL
}
