package dev.cxkit.rules.packs;

import static dev.cxkit.rules.packs.Restaurant.DETECTED;
import static dev.cxkit.rules.packs.Restaurant.decide;
import static dev.cxkit.rules.packs.Restaurant.eur;
import static dev.cxkit.rules.packs.Restaurant.firstTime;
import static dev.cxkit.rules.packs.Restaurant.incident;
import static dev.cxkit.rules.packs.Restaurant.item;
import static dev.cxkit.rules.packs.Restaurant.only;
import static dev.cxkit.rules.packs.Restaurant.ordinaryDay;
import static dev.cxkit.rules.packs.Restaurant.packWith;
import static dev.cxkit.rules.packs.Restaurant.repeat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cxkit.core.service.Channel;
import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.fact.RecoveryContext;
import dev.cxkit.rules.fact.Severity;
import dev.cxkit.rules.plan.Offer;
import dev.cxkit.rules.plan.OfferKind;
import dev.cxkit.rules.plan.RecoveryPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** guards.drl: caps, frontline authority, location budget, one comp per failure, consent. */
class GuardsTest {

    @Test
    void aDiscountAboveTheFrontlineLimitNeedsAManager() {
        // A location that raised the wait discount cap to EUR 40.00: 20 % of EUR 150.00 = EUR 30.00 > EUR 20.00.
        RecoveryPlan plan = packWith(Map.of("wait.large.discountCap", "40.00")).decide(
                incident("guard-1", IncidentType.LONG_WAIT).wait(50, 20).orderValue(eur("150.00")).build(),
                firstTime(), ordinaryDay());

        Offer discount = only(plan, OfferKind.DISCOUNT);
        assertThat(discount.amount()).isEqualTo(eur("30.00"));
        assertThat(discount.requiresApproval()).isTrue();
        assertThat(discount.notes()).containsExactly("above the frontline limit of EUR 20.00: a manager approves it");
        assertThat(plan.firedRuleNames()).contains("Authority: a comp above the frontline limit needs a manager");
    }

    @Test
    void aDiscountAtTheDefaultCapStaysWithinFrontlineAuthority() {
        RecoveryPlan plan = decide(incident("guard-2", IncidentType.LONG_WAIT).wait(50, 20).orderValue(eur("150.00")).build());

        Offer discount = only(plan, OfferKind.DISCOUNT);
        assertThat(discount.amount()).isEqualTo(eur("15.00"));
        assertThat(discount.requiresApproval()).isFalse();
        assertThat(discount.notes()).isEmpty();
    }

    @Test
    void aLargeWaiverIsSignedOffByAManagerButNeverReduced() {
        RecoveryPlan plan = decide(incident("guard-3", IncidentType.ITEM_NOT_DELIVERED)
                .orderValue(eur("30.00")).item(item("bottle of Barolo", "45.00", false)).build());

        Offer waiver = only(plan, OfferKind.WAIVE_CHARGE);
        assertThat(waiver.amount()).isEqualTo(eur("45.00"));
        assertThat(waiver.requiresApproval()).isTrue();
        assertThat(waiver.notes()).containsExactly("above the frontline limit of EUR 20.00: a manager signs the waiver off; "
                + "the customer is not charged for it either way");
        assertThat(plan.firedRuleNames())
                .contains("Authority: a waived charge above the frontline limit is signed off by a manager")
                .doesNotContain("Cap: a case's comps never exceed the order value");
    }

    @Test
    void aVoucherAlwaysNeedsTheCustomersConsent() {
        RecoveryPlan plan = decide(incident("guard-4", IncidentType.LONG_WAIT).wait(70, 30).build());

        Offer voucher = only(plan, OfferKind.VOUCHER);
        assertThat(voucher.requiresConsent()).isTrue();
        assertThat(voucher.requiresApproval()).isFalse();
        assertThat(voucher.notes()).containsExactly("a voucher only if the customer agrees to take it in place of money");
        assertThat(plan.firedRuleNames()).containsOnlyOnce("Vouchers need the customer's consent");
    }

    @Test
    void anAlreadyCompensatedIncidentHoldsNewCompsForACheckButStillRemakesAndWaives() {
        RecoveryContext compensated = new RecoveryContext(DETECTED, eur("150.00"), 1, true);
        RecoveryPlan plan = decide(incident("guard-5", IncidentType.WRONG_ITEM).severity(Severity.MAJOR)
                .item(item("fries", "4.50", false)).build(), firstTime(), compensated);

        assertThat(plan.offers()).extracting(Offer::kind, Offer::requiresApproval, Offer::notes).containsExactlyInAnyOrder(
                tuple(OfferKind.REMAKE, false, List.of()),
                tuple(OfferKind.FREE_ITEM, true, List.of("already compensated: check before giving anything")),
                tuple(OfferKind.WAIVE_CHARGE, false, List.of()));
        assertThat(plan.firedRuleNames()).containsOnlyOnce("Already compensated: hold new comps for a check");
    }

    @Test
    void anAlreadyCompensatedCreditIsHeldForACheck() {
        RecoveryContext compensated = new RecoveryContext(DETECTED, null, 1, true);
        RecoveryPlan plan = decide(incident("guard-6", IncidentType.MISSED_APPOINTMENT).channel(Channel.PHONE).build(),
                firstTime(), compensated);

        Offer credit = only(plan, OfferKind.CREDIT);
        assertThat(credit.amount()).isEqualTo(eur("10.00"));
        assertThat(credit.requiresApproval()).isTrue();
        assertThat(credit.notes()).containsExactly("already compensated: check before giving anything");
    }

    @Test
    void whenTheBudgetIsSpentCompsAreStillOfferedButFlagged() {
        RecoveryContext spent = new RecoveryContext(DETECTED, eur("-3.00"), 1, false);
        RecoveryPlan plan = decide(incident("guard-7", IncidentType.LONG_WAIT).wait(50, 20).orderValue(eur("40.00")).build(),
                firstTime(), spent);

        Offer discount = only(plan, OfferKind.DISCOUNT);
        assertThat(discount.amount()).isEqualTo(eur("8.00"));
        assertThat(discount.requiresApproval()).isTrue();
        assertThat(discount.notes()).containsExactly("the location's comp budget for today is spent: a manager approves it");
        assertThat(plan.firedRuleNames()).contains("Budget: today's comp budget is spent, comps need a manager")
                .doesNotContain("Budget: comps beyond what is left today need a manager");
    }

    @Test
    void aCompBeyondTheBudgetLeftTodayIsFlagged() {
        RecoveryContext almostSpent = new RecoveryContext(DETECTED, eur("5.00"), 1, false);
        RecoveryPlan plan = decide(incident("guard-8", IncidentType.LONG_WAIT).wait(50, 20).orderValue(eur("40.00")).build(),
                firstTime(), almostSpent);

        Offer discount = only(plan, OfferKind.DISCOUNT);
        assertThat(discount.amount()).isEqualTo(eur("8.00"));
        assertThat(discount.requiresApproval()).isTrue();
        assertThat(discount.notes()).containsExactly(
                "this case's comps (EUR 8.00) exceed the EUR 5.00 left in today's budget: a manager approves them");
    }

    @Test
    void aCompWithinTheBudgetLeftIsNotFlagged() {
        RecoveryContext enough = new RecoveryContext(DETECTED, eur("8.00"), 1, false);
        RecoveryPlan plan = decide(incident("guard-9", IncidentType.LONG_WAIT).wait(50, 20).orderValue(eur("40.00")).build(),
                firstTime(), enough);

        assertThat(only(plan, OfferKind.DISCOUNT).requiresApproval()).isFalse();
        assertThat(plan.firedRuleNames()).noneMatch(name -> name.startsWith("Budget"));
    }

    @Test
    void aCaseNeverGetsMoreMoneyThanTheOrderWasWorth() {
        // A repeat missed appointment on a EUR 12.00 order: the EUR 20.00 credit is capped at EUR 12.00.
        RecoveryPlan plan = decide(incident("guard-10", IncidentType.MISSED_APPOINTMENT).orderValue(eur("12.00"))
                .item(item("espresso", "2.50", false)).build(), repeat());

        Offer credit = only(plan, OfferKind.CREDIT);
        assertThat(credit.amount()).isEqualTo(eur("12.00"));
        assertThat(credit.requiresApproval()).isFalse();
        assertThat(credit.notes()).containsExactly(
                "this case's comps may not exceed the order value of EUR 12.00: EUR 20.00 capped to EUR 12.00");
        // The waiver is outside the cap.
        assertThat(only(plan, OfferKind.WAIVE_CHARGE).amount()).isEqualTo(eur("2.50"));
        assertThat(plan.firedRuleNames()).containsOnlyOnce("Cap: a case's comps never exceed the order value");
    }

    @Test
    void theFrontlineLimitIsJudgedAfterTheCap() {
        // A generous location (credit EUR 30.00) and a EUR 18.00 order: capped to EUR 18.00, within frontline authority.
        RecoveryPlan plan = packWith(Map.of("contact.credit", "30.00")).decide(
                incident("guard-11", IncidentType.CONTACT_RULE_BROKEN).orderValue(eur("18.00")).build(),
                firstTime(), ordinaryDay());

        Offer credit = only(plan, OfferKind.CREDIT);
        assertThat(credit.amount()).isEqualTo(eur("18.00"));
        assertThat(credit.requiresApproval()).isFalse();
        assertThat(plan.firedRuleNames()).containsSubsequence("Cap: a case's comps never exceed the order value")
                .doesNotContain("Authority: a comp above the frontline limit needs a manager");
    }

    @Test
    void anOfferCanCollectSeveralReasonsForApproval() {
        RecoveryContext spentAndCompensated = new RecoveryContext(DETECTED, eur("0.00"), 1, true);
        RecoveryPlan plan = packWith(Map.of("contact.credit", "25.00")).decide(
                incident("guard-12", IncidentType.CONTACT_RULE_BROKEN).channel(Channel.SMS).build(),
                firstTime(), spentAndCompensated);

        Offer credit = only(plan, OfferKind.CREDIT);
        assertThat(credit.requiresApproval()).isTrue();
        assertThat(credit.notes()).containsExactlyInAnyOrder(
                "already compensated: check before giving anything",
                "above the frontline limit of EUR 20.00: a manager approves it",
                "the location's comp budget for today is spent: a manager approves it");
        // Each guard fired once: setting a flag does not re-trigger the others.
        assertThat(plan.firedRuleNames()).containsOnlyOnce("Already compensated: hold new comps for a check",
                "Authority: a comp above the frontline limit needs a manager",
                "Budget: today's comp budget is spent, comps need a manager");
    }
}
