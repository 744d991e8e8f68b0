package dev.cxkit.rules.scenario;

import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.plan.Offer;
import dev.cxkit.rules.plan.OfferKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An offer a scenario expects. The kind is always compared; every other field only when given
 * (non-null).
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the kind
 * @param amount the amount, or null (not checked)
 * @param requiresApproval whether a manager must approve it, or null (not checked)
 * @param requiresConsent whether the customer must consent, or null (not checked)
 * @param notes the guard notes, in any order, or null (not checked)
 * @param reason the reason, exactly, or null (not checked)
 * @param rule the rule that made the offer, or null (not checked)
 * @since 0.1.0
 */
public record ExpectedOffer(OfferKind kind, @Nullable Money amount, @Nullable Boolean requiresApproval,
        @Nullable Boolean requiresConsent, @Nullable List<String> notes, @Nullable String reason,
        @Nullable String rule) {

    /**
     * Validates the expectation.
     *
     * @throws NullPointerException if the kind is null
     */
    public ExpectedOffer {
        Objects.requireNonNull(kind, "kind");
        notes = notes == null ? null : List.copyOf(notes);
    }

    /**
     * Returns whether an actual offer matches every field given.
     *
     * @param offer the offer
     * @return true when it matches
     */
    public boolean matches(Offer offer) {
        return offer.kind() == kind
                && (amount == null || amount.equals(offer.amount()))
                && (requiresApproval == null || requiresApproval == offer.requiresApproval())
                && (requiresConsent == null || requiresConsent == offer.requiresConsent())
                && (notes == null || sameMultiset(notes, offer.notes()))
                && (reason == null || reason.equals(offer.reason()))
                && (rule == null || rule.equals(offer.rule()));
    }

    static boolean sameMultiset(List<String> a, List<String> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Map<String, Integer> counts = new HashMap<>();
        a.forEach(s -> counts.merge(s, 1, Integer::sum));
        for (String s : b) {
            if (counts.merge(s, -1, Integer::sum) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Returns the expectation as written, only the fields given. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        parts.add(kind + (amount == null ? "" : " " + amount));
        if (requiresApproval != null) {
            parts.add("requires_approval: " + requiresApproval);
        }
        if (requiresConsent != null) {
            parts.add("requires_consent: " + requiresConsent);
        }
        if (notes != null) {
            parts.add("notes: " + notes);
        }
        if (reason != null) {
            parts.add("reason: \"" + reason + "\"");
        }
        if (rule != null) {
            parts.add("rule: \"" + rule + "\"");
        }
        return String.join(", ", parts);
    }
}
