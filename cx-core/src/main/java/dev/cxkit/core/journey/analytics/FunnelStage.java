package dev.cxkit.core.journey.analytics;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One stage of the journey funnel, over all journeys of a group.
 *
 * <ul>
 *   <li><b>Strict</b> (in order): a journey entered stage <i>i</i> in order when it reached stages
 *       0 to <i>i</i> and first reached each no earlier than the one before.
 *   <li><b>Eventual</b>: a journey counts when it reached stages 0 to <i>i</i> at all, in any order.
 *   <li><b>Fallout</b> at stage <i>i</i>: the journeys counted at stage <i>i − 1</i> (at stage 0:
 *       all journeys) that are not counted at stage <i>i</i>.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @param stage the stage's id
 * @param reached the journeys with an event in this stage
 * @param inOrder the journeys that entered it in order (strict funnel)
 * @param eventual the journeys that reached it and every stage before it (eventual funnel)
 * @param completed the journeys in which every expected touchpoint of the stage happened
 * @param stopped the journeys that did not complete and whose furthest stage reached is this one:
 *     where journeys stop
 * @param strictFallout journeys lost here in the strict funnel
 * @param eventualFallout journeys lost here in the eventual funnel
 * @since 0.1.0
 */
public record FunnelStage(String stage, long reached, long inOrder, long eventual, long completed, long stopped,
        long strictFallout, long eventualFallout) {

    /**
     * Validates the counts.
     *
     * @throws NullPointerException if {@code stage} is null
     * @throws IllegalArgumentException if a count is negative or the counts contradict each other
     *     ({@code inOrder ≤ eventual ≤ reached}, {@code completed ≤ reached})
     */
    public FunnelStage {
        Objects.requireNonNull(stage, "stage");
        if (reached < 0 || inOrder < 0 || eventual < 0 || completed < 0 || stopped < 0 || strictFallout < 0
                || eventualFallout < 0) {
            throw new IllegalArgumentException("stage " + stage + ": counts must not be negative");
        }
        if (inOrder > eventual || eventual > reached || completed > reached) {
            throw new IllegalArgumentException("stage " + stage + ": in order " + inOrder + " <= eventual " + eventual
                    + " <= reached " + reached + " and completed " + completed + " <= reached must hold");
        }
    }

    /** Returns the share of the journeys counted at the stage before that fell out here (strict), or empty. */
    public OptionalDouble strictFalloutRate() {
        return share(strictFallout, inOrder + strictFallout);
    }

    /** Returns the share of the journeys counted at the stage before that fell out here (eventual), or empty. */
    public OptionalDouble eventualFalloutRate() {
        return share(eventualFallout, eventual + eventualFallout);
    }

    private static OptionalDouble share(long part, long whole) {
        return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
    }
}
