package dev.cxkit.rules.fact;

import java.io.Serializable;
import java.util.Objects;

/**
 * One item of an order that a failure touched.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the item, for example "sea bass"
 * @param price what the customer is charged for it, not negative
 * @param delivered whether the customer received it
 * @since 0.1.0
 */
public record AffectedItem(String name, Money price, boolean delivered) implements Serializable {

    /**
     * Validates the item.
     *
     * @throws NullPointerException if the name or price is null
     * @throws IllegalArgumentException if the name is blank or the price negative
     */
    public AffectedItem {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(price, "price");
        if (name.isBlank()) {
            throw new IllegalArgumentException("an affected item needs a name");
        }
        if (price.isNegative()) {
            throw new IllegalArgumentException("price of '" + name + "' is negative: " + price);
        }
    }
}
