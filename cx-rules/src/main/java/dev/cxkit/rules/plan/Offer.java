package dev.cxkit.rules.plan;

import dev.cxkit.rules.fact.Money;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A remedy offered to the customer.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the kind of remedy
 * @param amount the money, for kinds that carry money; null otherwise
 * @param reason why, in words the customer and staff understand
 * @param requiresApproval whether a manager must approve it before it is given
 * @param requiresConsent whether the customer must agree to it in place of money (vouchers)
 * @param notes what the guard rules said about it, for example "above the frontline limit"
 * @param rule the rule that offered it
 * @since 0.1.0
 */
public record Offer(OfferKind kind, @Nullable Money amount, String reason, boolean requiresApproval,
        boolean requiresConsent, List<String> notes, String rule) {

    /**
     * Validates the offer.
     *
     * @throws NullPointerException if the kind, reason or rule is null
     * @throws IllegalArgumentException if a money kind has no amount, or the amount is negative
     */
    public Offer {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(rule, "rule");
        if (kind.isMoney() && amount == null) {
            throw new IllegalArgumentException(kind + " needs an amount (" + rule + ")");
        }
        if (amount != null && amount.isNegative()) {
            throw new IllegalArgumentException(kind + " amount is negative: " + amount + " (" + rule + ")");
        }
        notes = List.copyOf(notes == null ? List.of() : notes);
    }
}
