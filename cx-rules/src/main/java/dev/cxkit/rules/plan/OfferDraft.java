package dev.cxkit.rules.plan;

import dev.cxkit.rules.fact.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An offer while a decision runs: a fact that guard rules can match and adjust (flag for
 * approval, ask for consent, cap). It becomes an immutable {@link Offer} in the plan.
 *
 * <p>Created by {@link PlanDraft#offer}. Not thread-safe: it lives inside one decision.
 *
 * @since 0.1.0
 */
public final class OfferDraft {

    private final OfferKind kind;
    private Money amount;
    private final String reason;
    private final String rule;
    private final boolean capExempt;
    private boolean requiresApproval;
    private boolean requiresConsent;
    private final List<String> notes = new ArrayList<>();
    private final PlanDraft plan;

    OfferDraft(PlanDraft plan, OfferKind kind, Money amount, String reason, String rule, boolean capExempt) {
        this.plan = plan;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.amount = amount;
        this.reason = Objects.requireNonNull(reason, "reason");
        this.rule = rule;
        this.capExempt = capExempt;
        if (kind.isMoney() && amount == null) {
            throw new IllegalArgumentException(kind + " needs an amount");
        }
    }

    /** Returns the kind. */
    public OfferKind getKind() {
        return kind;
    }

    /** Returns the amount, or null for kinds without money. */
    public @Nullable Money getAmount() {
        return amount;
    }

    /** Returns whether this offer carries money. */
    public boolean isMoney() {
        return amount != null;
    }

    /** Returns the reason. */
    public String getReason() {
        return reason;
    }

    /** Returns the rule that made the offer. */
    public String getRule() {
        return rule;
    }

    /**
     * Returns whether the offer is outside every cap and budget: a customer is never charged for
     * what they never received.
     */
    public boolean isCapExempt() {
        return capExempt;
    }

    /** Returns whether a manager must approve the offer. */
    public boolean isRequiresApproval() {
        return requiresApproval;
    }

    /** Returns whether the customer must consent to the offer. */
    public boolean isRequiresConsent() {
        return requiresConsent;
    }

    /** Returns what guard rules noted about the offer. */
    public List<String> getNotes() {
        return List.copyOf(notes);
    }

    /**
     * Flags the offer for a manager's approval. The offer stays in the plan.
     *
     * @param why the note, for example "above the frontline limit of EUR 20.00"
     */
    public void requireApproval(String why) {
        requiresApproval = true;
        note(why);
    }

    /**
     * Marks that the customer must agree to the offer in place of money.
     *
     * @param why the note
     */
    public void requireConsent(String why) {
        requiresConsent = true;
        note(why);
    }

    /**
     * Lowers the amount to {@code cap} if it is above it.
     *
     * @param cap the largest amount allowed
     * @param why the note
     */
    public void capAt(Money cap, String why) {
        if (amount != null && amount.greaterThan(cap)) {
            note(why + ": " + amount + " capped to " + cap);
            amount = cap;
        }
    }

    private void note(String why) {
        notes.add(why);
        Money now = amount;
        plan.recordEffect(() -> kind + " " + (now == null ? "" : now + " ") + "- " + why);
    }

    Offer toOffer() {
        return new Offer(kind, amount, reason, requiresApproval, requiresConsent, notes, rule);
    }

    @Override
    public String toString() {
        return kind + (amount == null ? "" : " " + amount) + " (" + reason + ")";
    }
}
