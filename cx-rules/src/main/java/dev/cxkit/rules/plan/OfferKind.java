package dev.cxkit.rules.plan;

/**
 * The kinds of remedy a policy can offer.
 *
 * @since 0.1.0
 */
public enum OfferKind {
    /** Make the item again, properly. */
    REMAKE(false),
    /** Replace the item. */
    REPLACE(false),
    /** Something extra at no charge, for example a dessert. */
    FREE_ITEM(false),
    /** A share of the order value off. */
    DISCOUNT(true),
    /** Remove a charge, for example for an item never delivered. */
    WAIVE_CHARGE(true),
    /** Money back. */
    REFUND(true),
    /** A voucher for a later visit; needs the customer's consent in place of money. */
    VOUCHER(true),
    /** Credit on the customer's account. */
    CREDIT(true),
    /** Cash compensation, for example under a regulation. */
    CASH_COMPENSATION(true),
    /** Meals and refreshments while waiting. */
    MEALS(false),
    /** Hotel accommodation. */
    HOTEL(false),
    /** The choice of a refund or re-routing. */
    REFUND_OPTION(false),
    /** A partial refund for a downgrade. */
    DOWNGRADE_REFUND(true),
    /** A seat on another flight to the destination (rebooking or re-routing), without money. */
    REBOOKING(false);

    private final boolean money;

    OfferKind(boolean money) {
        this.money = money;
    }

    /** Returns whether an offer of this kind carries an amount of money. */
    public boolean isMoney() {
        return money;
    }
}
