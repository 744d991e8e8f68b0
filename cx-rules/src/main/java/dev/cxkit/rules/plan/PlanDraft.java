package dev.cxkit.rules.plan;

import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.rules.fact.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The plan while a decision runs: the one fact that rules write their results into.
 *
 * <pre>
 * rule "Acknowledge in person"
 * when
 *     $i : Incident( inPerson )
 *     $p : PlanDraft()
 *     $s : PolicySettings()
 * then
 *     $p.step(AwareStep.ACKNOWLEDGE, Owner.FRONTLINE, $p.after($i.detectedAt(), $s.minutes("acknowledge.inPerson.minutes")),
 *             "Acknowledge the problem and apologize sincerely. No excuses, no blame.");
 * end
 * </pre>
 *
 * <p>Every addition is attributed to the rule that is firing, for the audit trail. Offers are also
 * inserted as {@link OfferDraft} facts, so guard rules can match and adjust them.
 *
 * <p>Not thread-safe: one draft per decision, used on the deciding thread.
 *
 * @since 0.1.0
 */
public final class PlanDraft {

    private final String incidentId;
    private final Consumer<Object> insert;
    private final Map<AwareStep, StepPlan> steps = new EnumMap<>(AwareStep.class);
    private final List<OfferDraft> offers = new ArrayList<>();
    private final List<Escalation> escalations = new ArrayList<>();
    private final List<FollowUp> followUps = new ArrayList<>();
    /** The audit trail: one entry per firing, its effects rendered only when someone reads them. */
    private final List<TrailEntry> trail = new ArrayList<>();
    private String currentRule = "(host)";
    private boolean systemicIssue;

    /**
     * Creates a draft for one decision.
     *
     * @param incidentId the incident being decided
     * @param insert inserts a new fact into the running session (offers become facts)
     */
    public PlanDraft(String incidentId, Consumer<Object> insert) {
        this.incidentId = Objects.requireNonNull(incidentId, "incidentId");
        this.insert = Objects.requireNonNull(insert, "insert");
    }

    /** Returns the incident's id. */
    public String getIncidentId() {
        return incidentId;
    }

    /**
     * Called by the engine before a rule's consequence runs, so additions are attributed to it.
     *
     * @param rule the rule's name
     */
    public void ruleFiring(String rule) {
        currentRule = rule;
        trail.add(new TrailEntry(rule));
    }

    /**
     * Records what the firing rule did. The text is built only if the trail is read: formatting
     * times and amounts for every decision would cost more than some rules do.
     */
    void recordEffect(Supplier<String> effect) {
        if (trail.isEmpty()) {
            trail.add(new TrailEntry(currentRule));
        }
        trail.get(trail.size() - 1).effects.add(effect);
    }

    /** One firing of the audit trail. */
    private static final class TrailEntry {
        final String rule;
        final List<Supplier<String>> effects = new ArrayList<>(2);

        TrailEntry(String rule) {
            this.rule = rule;
        }
    }

    /**
     * Returns {@code from} plus {@code minutes} minutes: the usual way to state a due time.
     *
     * @param from the start
     * @param minutes minutes after it
     * @return the due time
     */
    public Instant after(Instant from, long minutes) {
        return from.plus(Duration.ofMinutes(minutes));
    }

    /**
     * Plans an AWARE step. A later rule planning the same step replaces it (and the audit trail
     * shows both).
     *
     * @param step the step
     * @param owner who acts
     * @param due by when
     * @param instruction what to do
     */
    public void step(AwareStep step, Owner owner, Instant due, String instruction) {
        steps.put(step, new StepPlan(step, owner, due, instruction, currentRule));
        recordEffect(() -> "step " + step + " by " + owner + " due " + due);
    }

    /** Returns whether the plan has the step. */
    public boolean hasStep(AwareStep step) {
        return steps.containsKey(step);
    }

    /**
     * Offers a remedy that carries money.
     *
     * @param kind the kind (a money kind)
     * @param amount the amount
     * @param reason why
     * @return the offer, also inserted as a fact
     */
    public OfferDraft offer(OfferKind kind, Money amount, String reason) {
        return add(new OfferDraft(this, kind, amount, reason, currentRule, false));
    }

    /**
     * Offers a remedy without money, for example a remake.
     *
     * @param kind the kind
     * @param reason why
     * @return the offer, also inserted as a fact
     */
    public OfferDraft offer(OfferKind kind, String reason) {
        return add(new OfferDraft(this, kind, null, reason, currentRule, false));
    }

    /**
     * Offers a remedy that no cap or budget may reduce or hold back: a customer is never charged
     * for what they never received.
     *
     * @param kind the kind
     * @param amount the amount
     * @param reason why
     * @return the offer, also inserted as a fact
     */
    public OfferDraft offerExempt(OfferKind kind, Money amount, String reason) {
        return add(new OfferDraft(this, kind, amount, reason, currentRule, true));
    }

    private OfferDraft add(OfferDraft offer) {
        offers.add(offer);
        String text = offer.toString();
        recordEffect(() -> "offer " + text);
        insert.accept(offer);
        return offer;
    }

    /** Returns the number of offers so far. */
    public int offerCount() {
        return offers.size();
    }

    /**
     * Returns the money offered so far in a currency, optionally leaving out cap-exempt offers.
     *
     * @param currency the currency
     * @param includeExempt whether to count offers outside the caps
     * @return the total
     */
    public Money moneyOffered(Currency currency, boolean includeExempt) {
        Money total = Money.zero(currency);
        for (OfferDraft o : offers) {
            if (o.isMoney() && (includeExempt || !o.isCapExempt())) {
                total = total.plus(o.getAmount());
            }
        }
        return total;
    }

    /**
     * Escalates to someone with more authority.
     *
     * @param to who
     * @param due by when
     * @param reason why
     */
    public void escalate(Owner to, Instant due, String reason) {
        escalations.add(new Escalation(to, due, reason, currentRule));
        recordEffect(() -> "escalate to " + to + " due " + due + ": " + reason);
    }

    /** Returns whether the plan escalates to {@code to}. */
    public boolean escalatesTo(Owner to) {
        return escalations.stream().anyMatch(e -> e.to() == to);
    }

    /**
     * Plans a follow-up with the customer.
     *
     * @param channel the customer's preferred channel
     * @param addressKind which address
     * @param due by when
     */
    public void followUp(Channel channel, AddressKind addressKind, Instant due) {
        followUps.add(new FollowUp(channel, addressKind, due, currentRule));
        recordEffect(() -> "follow up by " + channel + " (" + addressKind + ") due " + due);
    }

    /**
     * Marks the incident as a sign of a systemic issue.
     *
     * @param why what the evaluation found
     */
    public void markSystemic(String why) {
        systemicIssue = true;
        recordEffect(() -> "systemic issue: " + why);
    }

    /** Returns whether a rule marked a systemic issue. */
    public boolean isSystemicIssue() {
        return systemicIssue;
    }

    /** Returns the immutable plan. */
    public RecoveryPlan toPlan() {
        List<Offer> finalOffers = offers.stream().map(OfferDraft::toOffer).toList();
        List<FiredRule> fired = new ArrayList<>(trail.size());
        for (TrailEntry e : trail) {
            fired.add(new FiredRule(e.rule, new RenderedOnRead(e.effects)));
        }
        return new RecoveryPlan(incidentId, new ArrayList<>(steps.values()), finalOffers, escalations, followUps,
                systemicIssue, fired);
    }

    /**
     * An immutable list of effect texts, each rendered on first read and then kept. Racing readers
     * may both render an element; they get equal strings, and a String is safe to publish.
     */
    static final class RenderedOnRead extends java.util.AbstractList<String> implements java.util.RandomAccess {
        private final List<Supplier<String>> sources;
        private final String[] rendered;

        RenderedOnRead(List<Supplier<String>> sources) {
            this.sources = List.copyOf(sources);
            this.rendered = new String[this.sources.size()];
        }

        @Override
        public String get(int index) {
            String text = rendered[index];
            if (text == null) {
                text = sources.get(index).get();
                rendered[index] = text;
            }
            return text;
        }

        @Override
        public int size() {
            return rendered.length;
        }
    }
}
