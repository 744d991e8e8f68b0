package dev.cxkit.rules.packs;

import static dev.cxkit.rules.packs.Restaurant.DETECTED;
import static dev.cxkit.rules.packs.Restaurant.decide;
import static dev.cxkit.rules.packs.Restaurant.eur;
import static dev.cxkit.rules.packs.Restaurant.firstTime;
import static dev.cxkit.rules.packs.Restaurant.incident;
import static dev.cxkit.rules.packs.Restaurant.item;
import static dev.cxkit.rules.packs.Restaurant.minutesAfterDetection;
import static dev.cxkit.rules.packs.Restaurant.only;
import static dev.cxkit.rules.packs.Restaurant.repeat;
import static dev.cxkit.rules.packs.Restaurant.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cxkit.core.service.Channel;
import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.fact.RecoveryContext;
import dev.cxkit.rules.fact.Severity;
import dev.cxkit.rules.plan.AwareStep;
import dev.cxkit.rules.plan.Offer;
import dev.cxkit.rules.plan.OfferKind;
import dev.cxkit.rules.plan.Owner;
import dev.cxkit.rules.plan.RecoveryPlan;
import dev.cxkit.rules.plan.StepPlan;
import org.junit.jupiter.api.Test;

/** comp.drl: the remedy matched to the failure, scaled to it, and stepped up for a repeat failure. */
class CompRulesTest {

    // ---- wrong item ------------------------------------------------------------------------------

    @Test
    void inPersonWrongItemModerateGetsARemakeAndADessertOnTheHouse() {
        RecoveryPlan plan = decide(incident("wrong-1", IncidentType.WRONG_ITEM).severity(Severity.MODERATE)
                .orderValue(eur("46.00")).item(item("sea bass", "24.00", true)).build());

        assertThat(plan.offers()).extracting(Offer::kind, Offer::amount, Offer::requiresApproval, Offer::rule)
                .containsExactly(
                        tuple(OfferKind.REMAKE, null, false, "Wrong item: remake it at once"),
                        tuple(OfferKind.FREE_ITEM, null, false, "Wrong item comp: a dessert on the house"));
        assertThat(only(plan, OfferKind.FREE_ITEM).reason()).isEqualTo("a dessert on the house, for a MODERATE mix-up");
        assertThat(step(plan, AwareStep.ACKNOWLEDGE).due()).isEqualTo(minutesAfterDetection(2));
        assertThat(step(plan, AwareStep.ACKNOWLEDGE).owner()).isEqualTo(Owner.FRONTLINE);
        assertThat(plan.firedRuleNames()).contains("Wrong item: remake it at once",
                "Wrong item tier: moderate or worse (remake and a free item)", "Wrong item comp: a dessert on the house");
        assertThat(plan.escalations()).isEmpty();
    }

    @Test
    void minorWrongItemGetsARemakeOnly() {
        RecoveryPlan plan = decide(incident("wrong-2", IncidentType.WRONG_ITEM).severity(Severity.MINOR).build());

        assertThat(plan.offers()).extracting(Offer::kind).containsExactly(OfferKind.REMAKE);
        assertThat(plan.firedRuleNames()).contains("Wrong item tier: minor slip (remake only)")
                .doesNotContain("Wrong item comp: a dessert on the house");
    }

    @Test
    void repeatCustomerWithAMinorWrongItemAlsoGetsTheDessert() {
        RecoveryPlan plan = decide(incident("wrong-3", IncidentType.WRONG_ITEM).severity(Severity.MINOR).build(), repeat());

        assertThat(plan.offers()).extracting(Offer::kind).containsExactly(OfferKind.REMAKE, OfferKind.FREE_ITEM);
        assertThat(plan.firedRuleNames()).containsSubsequence("Wrong item tier: minor slip (remake only)",
                "Repeat failure within 90 days: comp one tier up", "Wrong item comp: a dessert on the house");
    }

    @Test
    void repeatCustomerWithAModerateWrongItemStaysAtTheTopOfItsLadder() {
        RecoveryPlan plan = decide(incident("wrong-4", IncidentType.WRONG_ITEM).severity(Severity.MODERATE).build(), repeat());

        assertThat(plan.offers()).extracting(Offer::kind).containsExactly(OfferKind.REMAKE, OfferKind.FREE_ITEM);
    }

    // ---- never charged for what never came ---------------------------------------------------------

    @Test
    void partyChargedForAMealThatNeverCameHasEveryItemWaivedEvenWithTheBudgetSpentAndTheCapBiting() {
        RecoveryContext budgetSpent = new RecoveryContext(DETECTED, eur("0.00"), 1, false);
        RecoveryPlan plan = decide(incident("party-1", IncidentType.ITEM_NOT_DELIVERED).severity(Severity.MODERATE)
                .orderValue(eur("40.00")) // below the EUR 55.50 waived: the order-value cap would bite
                .item(item("mushroom risotto", "18.50", false))
                .item(item("mushroom risotto", "18.50", false))
                .item(item("lamb shoulder", "18.50", false))
                .item(item("house red", "6.00", true))
                .build(), firstTime(), budgetSpent);

        assertThat(plan.offers()).extracting(Offer::kind, Offer::amount, Offer::requiresApproval, Offer::notes)
                .containsExactly(
                        tuple(OfferKind.WAIVE_CHARGE, eur("18.50"), false, java.util.List.of()),
                        tuple(OfferKind.WAIVE_CHARGE, eur("18.50"), false, java.util.List.of()),
                        tuple(OfferKind.WAIVE_CHARGE, eur("18.50"), false, java.util.List.of()));
        assertThat(plan.offers()).extracting(Offer::reason).containsExactly(
                "'mushroom risotto' never arrived: it comes off the bill",
                "'mushroom risotto' never arrived: it comes off the bill",
                "'lamb shoulder' never arrived: it comes off the bill");
        assertThat(plan.firedRules()).filteredOn(r -> r.name().equals("Never charge for an item that was never delivered"))
                .singleElement().satisfies(r -> assertThat(r.effects()).hasSize(3));
        assertThat(plan.firedRuleNames()).noneMatch(name -> name.startsWith("Cap") || name.startsWith("Budget"));
        assertThat(plan.totalMoney()).contains(eur("55.50"));
    }

    @Test
    void anUndeliveredItemIsWaivedWhateverTheIncidentType() {
        RecoveryPlan plan = decide(incident("wrong-5", IncidentType.WRONG_ITEM).severity(Severity.MINOR)
                .item(item("side salad", "5.50", false)).build());

        assertThat(plan.offers()).extracting(Offer::kind, Offer::amount)
                .containsExactlyInAnyOrder(tuple(OfferKind.REMAKE, null), tuple(OfferKind.WAIVE_CHARGE, eur("5.50")));
    }

    // ---- waits -----------------------------------------------------------------------------------

    @Test
    void smallOverrunGetsAnApologyAndExplanationButNoMoney() {
        RecoveryPlan plan = decide(incident("wait-1", IncidentType.LONG_WAIT).wait(30, 20).orderValue(eur("62.00")).build());

        assertThat(plan.offers()).isEmpty();
        StepPlan agree = step(plan, AwareStep.AGREE);
        assertThat(agree.instruction()).isEqualTo("state when the order will arrive and keep the customer posted; "
                + "for a short delay the apology and the explanation are the remedy, no money");
        assertThat(agree.due()).isEqualTo(minutesAfterDetection(10));
        assertThat(step(plan, AwareStep.ACKNOWLEDGE).instruction()).contains("10 minutes longer than promised");
        assertThat(plan.firedRuleNames()).contains("Wait tier: small overrun (apology and explanation)",
                "Wait comp: a short delay gets an apology and explanation, no money");
    }

    @Test
    void mediumOverrunGetsAFreeItem() {
        RecoveryPlan plan = decide(incident("wait-2", IncidentType.LONG_WAIT).wait(45, 20).orderValue(eur("62.00")).build());

        assertThat(plan.offers()).extracting(Offer::kind, Offer::amount, Offer::reason).containsExactly(
                tuple(OfferKind.FREE_ITEM, null, "a drink or dessert on the house, for a wait 25 minutes longer than promised"));
        assertThat(plan.firedRuleNames()).contains("Wait tier: medium overrun (free item)", "Wait comp: a free item");
    }

    @Test
    void largeOverrunOnAnEightyEuroOrderGetsTheDiscountAtThePercentCapped() {
        // 55 waited on a 20-minute promise: 35 minutes over (large). 20 % of EUR 80.00 = EUR 16.00, capped at EUR 15.00.
        RecoveryPlan plan = decide(incident("wait-3", IncidentType.LONG_WAIT).wait(55, 20).orderValue(eur("80.00")).build());

        Offer discount = only(plan, OfferKind.DISCOUNT);
        assertThat(discount.amount()).isEqualTo(eur("15.00"));
        assertThat(discount.reason()).isEqualTo(
                "20 % off the order of EUR 80.00 (at most EUR 15.00), for a wait 35 minutes longer than promised");
        assertThat(discount.requiresApproval()).isFalse();
        assertThat(discount.rule()).isEqualTo("Wait comp: a discount on the order");
        assertThat(plan.offers()).hasSize(1);
        // 55 > 2 x 20: the manager checks in too (escalation.drl).
        assertThat(plan.escalations()).extracting(e -> e.to()).containsExactly(Owner.MANAGER);
    }

    @Test
    void largeOverrunOnASmallOrderGetsTheFullPercent() {
        // 20 % of EUR 42.50 = EUR 8.50.
        RecoveryPlan plan = decide(incident("wait-4", IncidentType.LONG_WAIT).wait(50, 20).orderValue(eur("42.50")).build());

        assertThat(only(plan, OfferKind.DISCOUNT).amount()).isEqualTo(eur("8.50"));
    }

    @Test
    void largeOverrunWithNothingOrderedYetGetsAVoucherThatNeedsConsent() {
        RecoveryPlan plan = decide(incident("wait-5", IncidentType.LONG_WAIT).wait(60, 15).build());

        Offer voucher = only(plan, OfferKind.VOUCHER);
        assertThat(voucher.amount()).isEqualTo(eur("10.00"));
        assertThat(voucher.requiresConsent()).isTrue();
        assertThat(plan.offers(OfferKind.DISCOUNT)).isEmpty();
        assertThat(plan.firedRuleNames()).contains("Wait comp: a voucher when there is no order to discount",
                "Vouchers need the customer's consent");
    }

    // ---- repeat failures step the wait comp up one tier ---------------------------------------------

    @Test
    void repeatCustomerWithASmallOverrunGetsAFreeItem() {
        RecoveryPlan plan = decide(incident("repeat-1", IncidentType.LONG_WAIT).wait(28, 20).orderValue(eur("40.00")).build(),
                repeat());

        assertThat(plan.offers()).extracting(Offer::kind).containsExactly(OfferKind.FREE_ITEM);
        assertThat(step(plan, AwareStep.AGREE).rule()).isEqualTo("AWARE 3: Agree");
        assertThat(plan.firedRuleNames()).containsSubsequence("Wait tier: small overrun (apology and explanation)",
                "Repeat failure within 90 days: comp one tier up", "Wait comp: a free item")
                .doesNotContain("Wait comp: a short delay gets an apology and explanation, no money");
    }

    @Test
    void repeatCustomerWithAMediumOverrunGetsTheDiscount() {
        // 20 % of EUR 40.00 = EUR 8.00.
        RecoveryPlan plan = decide(incident("repeat-2", IncidentType.LONG_WAIT).wait(40, 20).orderValue(eur("40.00")).build(),
                repeat());

        assertThat(plan.offers()).extracting(Offer::kind, Offer::amount).containsExactly(tuple(OfferKind.DISCOUNT, eur("8.00")));
        assertThat(plan.firedRuleNames()).doesNotContain("Wait comp: a free item");
    }

    @Test
    void repeatCustomerWithALargeOverrunGetsTheDiscountPlusTheRepeatExtra() {
        // (20 + 10) % of EUR 40.00 = EUR 12.00, under the EUR 15.00 cap.
        RecoveryPlan plan = decide(incident("repeat-3", IncidentType.LONG_WAIT).wait(50, 20).orderValue(eur("40.00")).build(),
                repeat());

        Offer discount = only(plan, OfferKind.DISCOUNT);
        assertThat(discount.amount()).isEqualTo(eur("12.00"));
        assertThat(discount.rule()).isEqualTo("Wait comp: a bigger discount for a repeat failure");
        assertThat(discount.reason()).startsWith("30 % off the order of EUR 40.00");
        assertThat(plan.offers()).hasSize(1);
    }

    @Test
    void repeatCustomerWithALargeOverrunAndNoOrderGetsADoubleVoucher() {
        RecoveryPlan plan = decide(incident("repeat-4", IncidentType.LONG_WAIT).wait(60, 15).build(), repeat());

        assertThat(only(plan, OfferKind.VOUCHER).amount()).isEqualTo(eur("20.00"));
    }

    // ---- contact rule broken, missed appointment -----------------------------------------------------

    @Test
    void remoteContactRuleBreachIsAcknowledgedWithinAnHourWithACreditAndAPriorityRebooking() {
        RecoveryPlan plan = decide(incident("contact-1", IncidentType.CONTACT_RULE_BROKEN).channel(Channel.PHONE)
                .touchpoint("reservation line").build());

        StepPlan acknowledge = step(plan, AwareStep.ACKNOWLEDGE);
        assertThat(acknowledge.owner()).isEqualTo(Owner.SUPPORT);
        assertThat(acknowledge.due()).isEqualTo(minutesAfterDetection(60));
        assertThat(acknowledge.instruction()).isEqualTo("apologize sincerely for contacting the customer in a way they "
                + "asked us not to; confirm that from now on we contact them only by SMS (MOBILE); no excuses, no blame");
        StepPlan agree = step(plan, AwareStep.AGREE);
        assertThat(agree.owner()).isEqualTo(Owner.SUPPORT);
        assertThat(agree.due()).isEqualTo(minutesAfterDetection(240));
        assertThat(agree.instruction()).isEqualTo("rebook as a priority, within the window promised to the customer; "
                + "state the new time and confirm it on the customer's preferred channel");
        assertThat(plan.offers()).extracting(Offer::kind, Offer::amount, Offer::requiresApproval)
                .containsExactly(tuple(OfferKind.CREDIT, eur("10.00"), false));
        assertThat(plan.firedRuleNames()).contains("Tailor Acknowledge: contact rule broken", "Tailor Agree: rebook as a priority",
                "Contact tier: contact rule broken or appointment missed (credit)", "Contact comp: a credit on the account");
    }

    @Test
    void missedAppointmentInPersonIsRebookedByTheFrontline() {
        RecoveryPlan plan = decide(incident("contact-2", IncidentType.MISSED_APPOINTMENT).build());

        assertThat(step(plan, AwareStep.ACKNOWLEDGE).instruction())
                .isEqualTo("apologize sincerely for missing the appointment; no excuses, no blame");
        assertThat(step(plan, AwareStep.AGREE).owner()).isEqualTo(Owner.FRONTLINE);
        assertThat(step(plan, AwareStep.AGREE).rule()).isEqualTo("Tailor Agree: rebook as a priority");
        assertThat(only(plan, OfferKind.CREDIT).reason()).isEqualTo("a credit on your account, for the missed appointment");
    }

    @Test
    void repeatContactBreachDoublesTheCredit() {
        RecoveryPlan plan = decide(incident("contact-3", IncidentType.CONTACT_RULE_BROKEN).channel(Channel.EMAIL).build(),
                repeat());

        assertThat(plan.offers()).extracting(Offer::kind, Offer::amount, Offer::rule)
                .containsExactly(tuple(OfferKind.CREDIT, eur("20.00"), "Contact comp: a bigger credit for a repeat failure"));
        // EUR 20.00 is the frontline limit itself, not above it.
        assertThat(only(plan, OfferKind.CREDIT).requiresApproval()).isFalse();
    }

    // ---- failures with no comp ladder ------------------------------------------------------------------

    @Test
    void rudeStaffGetsTheApologyStepsButNoComp() {
        RecoveryPlan plan = decide(incident("people-1", IncidentType.RUDE_OR_CARELESS_STAFF).severity(Severity.MODERATE)
                .build(), repeat());

        assertThat(plan.offers()).isEmpty();
        assertThat(plan.steps()).hasSize(5);
        assertThat(plan.firedRuleNames()).doesNotContain("Repeat failure within 90 days: comp one tier up");
    }
}
