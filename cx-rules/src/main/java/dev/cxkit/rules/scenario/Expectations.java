package dev.cxkit.rules.scenario;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a scenario expects of the plan, section by section. A section that is null was not written
 * in the file and is not checked; an empty list is checked (for example {@code offers: []} means
 * "no offers").
 *
 * <p>Immutable and thread-safe.
 *
 * @param offers the exact offers, in any order, or null
 * @param steps the AWARE steps that must be in the plan (others are not checked), or null
 * @param escalations the exact escalations, in any order, or null
 * @param followUps the exact follow-ups, in any order, or null
 * @param systemic whether the plan must (true) or must not (false) mark a systemic issue, or null
 * @param fired rules that must have fired, or null
 * @param notFired rules that must not have fired, or null
 * @param fails words the decision's failure must contain (the scenario expects it to fail), or null
 * @since 0.1.0
 */
public record Expectations(@Nullable List<ExpectedOffer> offers, @Nullable List<ExpectedStep> steps,
        @Nullable List<ExpectedEscalation> escalations, @Nullable List<ExpectedFollowUp> followUps,
        @Nullable Boolean systemic, @Nullable List<String> fired, @Nullable List<String> notFired,
        @Nullable String fails) {

    /** Copies the lists that are present. */
    public Expectations {
        offers = offers == null ? null : List.copyOf(offers);
        steps = steps == null ? null : List.copyOf(steps);
        escalations = escalations == null ? null : List.copyOf(escalations);
        followUps = followUps == null ? null : List.copyOf(followUps);
        fired = fired == null ? null : List.copyOf(fired);
        notFired = notFired == null ? null : List.copyOf(notFired);
    }

    /** Returns whether no section is given, so nothing would be checked. */
    public boolean isEmpty() {
        return offers == null && steps == null && escalations == null && followUps == null && systemic == null
                && fired == null && notFired == null && fails == null;
    }
}
