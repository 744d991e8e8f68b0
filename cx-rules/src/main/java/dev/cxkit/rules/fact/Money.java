package dev.cxkit.rules.fact;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency, at the currency's scale (EUR 12.50, JPY 1200). Amounts are
 * {@link BigDecimal}s, never floating point; arithmetic that has to round (percentages) rounds
 * half-even, as banks do.
 *
 * <p>Immutable and thread-safe.
 *
 * @param amount the amount, at the currency's default number of fraction digits
 * @param currency the currency
 * @since 0.1.0
 */
public record Money(BigDecimal amount, Currency currency) implements Serializable, Comparable<Money> {

    /**
     * Validates and scales the amount.
     *
     * @throws NullPointerException if a field is null
     * @throws ArithmeticException if the amount has more fraction digits than the currency allows
     */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /**
     * Parses an amount in a currency, for example {@code Money.of("12.50", "EUR")}.
     *
     * @param amount a decimal number
     * @param currencyCode an ISO 4217 code
     * @return the money
     * @throws IllegalArgumentException if the code is unknown, the number malformed or too precise
     */
    public static Money of(String amount, String currencyCode) {
        try {
            return new Money(new BigDecimal(amount.trim()), Currency.getInstance(currencyCode.trim()));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + amount + "' is not an amount of " + currencyCode, e);
        }
    }

    /**
     * An amount in a currency.
     *
     * @param amount the amount
     * @param currency the currency
     * @return the money
     */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    /**
     * Zero in a currency.
     *
     * @param currency the currency
     * @return zero
     */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Returns whether the amount is zero. */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /** Returns whether the amount is below zero. */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /**
     * Returns this plus {@code other}.
     *
     * @throws IllegalArgumentException if the currencies differ
     */
    public Money plus(Money other) {
        return new Money(amount.add(same(other).amount), currency);
    }

    /**
     * Returns this minus {@code other}.
     *
     * @throws IllegalArgumentException if the currencies differ
     */
    public Money minus(Money other) {
        return new Money(amount.subtract(same(other).amount), currency);
    }

    /**
     * Returns {@code percent} % of this amount, rounded half-even to the currency's scale.
     *
     * @param percent the percentage, for example 15 for 15 %
     * @return the share
     */
    public Money percent(BigDecimal percent) {
        BigDecimal share = amount.multiply(percent).divide(BigDecimal.valueOf(100), amount.scale(), RoundingMode.HALF_EVEN);
        return new Money(share, currency);
    }

    /** Returns the smaller of this and {@code other}. */
    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    /** Returns the larger of this and {@code other}. */
    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    /**
     * Returns whether this is more than {@code other}.
     *
     * @throws IllegalArgumentException if the currencies differ
     */
    public boolean greaterThan(Money other) {
        return compareTo(other) > 0;
    }

    /**
     * Compares amounts of the same currency.
     *
     * @throws IllegalArgumentException if the currencies differ
     */
    @Override
    public int compareTo(Money other) {
        return amount.compareTo(same(other).amount);
    }

    private Money same(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + this + " with " + other + ": currencies differ");
        }
        return other;
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
