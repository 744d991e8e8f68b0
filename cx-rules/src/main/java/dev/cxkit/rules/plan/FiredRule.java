package dev.cxkit.rules.plan;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a plan's audit trail: a rule that fired and what it added or changed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the rule's name
 * @param effects what it did, one line each, for example "offer WAIVE_CHARGE EUR 18.50"
 * @since 0.1.0
 */
public record FiredRule(String name, List<String> effects) {

    /**
     * Validates the entry.
     *
     * @throws NullPointerException if a field is null
     */
    public FiredRule {
        Objects.requireNonNull(name, "name");
        // kept as given when it is the plan's render-on-read list (immutable); copied otherwise
        effects = effects instanceof PlanDraft.RenderedOnRead ? effects : List.copyOf(effects);
    }
}
