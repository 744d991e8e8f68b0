package dev.cxkit.rules.packs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.service.AddressKind;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Disruption;
import dev.cxkit.rules.fact.FlightDisruption;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.Money;
import dev.cxkit.rules.fact.RecoveryContext;
import dev.cxkit.rules.plan.AwareStep;
import dev.cxkit.rules.plan.Offer;
import dev.cxkit.rules.plan.OfferKind;
import dev.cxkit.rules.plan.RecoveryPlan;
import dev.cxkit.rules.plan.StepPlan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The eu261 pack against an independent plain-Java reading of Regulation (EC) No 261/2004 and the
 * Sturgeon judgment, over many seeded random flights whose numbers cluster at the regulation's
 * boundaries (1500 and 3500 km; 2, 3, 4 and 5 hours; 7 and 14 days; 1 and 2 hours earlier). A
 * failing case names its seed and the flight.
 */
class Eu261PackPropertiesTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final EnumSet<OfferKind> CARE = EnumSet.of(OfferKind.MEALS, OfferKind.HOTEL, OfferKind.REFUND_OPTION);

    static LongStream seeds() {
        return LongStream.range(0, 400);
    }

    // ---- The reference: the regulation's text, in plain Java, without the pack's settings --------

    /** The Art. 7(1) amount of a flight's band, in euro: (a) 250, (b) 400, (c) 600. */
    static int bandAmount(FlightDisruption flight) {
        int km = flight.distanceKm();
        if (km <= 1500) {
            return 250; // Art. 7(1)(a): "1500 kilometres or less"
        }
        if (flight.intraEu() || km <= 3500) {
            return 400; // Art. 7(1)(b): intra-Community over 1500 km, other flights between 1500 and 3500 km
        }
        return 600; // Art. 7(1)(c): all other flights
    }

    /** Art. 7(2): the re-routing arrives no more than 2, 3 or 4 hours late, by band. */
    static int reductionLimitMinutes(int bandAmount) {
        return bandAmount == 250 ? 120 : bandAmount == 400 ? 180 : 240;
    }

    /** The cash compensation in euro the regulation gives, or null when none is due. */
    static Integer referenceCompensation(FlightDisruption flight, boolean extraordinary) {
        int full = bandAmount(flight);
        int limit = reductionLimitMinutes(full);
        switch (flight.disruption()) {
            case DELAY: {
                int late = flight.arrivalDelayMinutes();
                if (extraordinary || late < 180) {
                    return null; // Art. 5(3) via Sturgeon; Sturgeon: 3 hours or more
                }
                return full == 600 && late <= 240 ? 300 : full; // Art. 7(2)(c), delays in the 600 band only
            }
            case CANCELLATION: {
                if (extraordinary) {
                    return null; // Art. 5(3)
                }
                int notice = flight.noticeDays();
                if (notice >= 14) {
                    return null; // Art. 5(1)(c)(i)
                }
                if (!flight.rerouted()) {
                    return full;
                }
                int earlier = flight.rerouteDepartureEarlierMinutes();
                int late = flight.arrivalDelayMinutes();
                if (notice >= 7 && earlier <= 120 && late < 240) {
                    return null; // Art. 5(1)(c)(ii)
                }
                if (notice < 7 && earlier <= 60 && late < 120) {
                    return null; // Art. 5(1)(c)(iii)
                }
                return late <= limit ? full / 2 : full; // Art. 7(2)
            }
            case DENIED_BOARDING:
                if (flight.volunteered()) {
                    return null; // Art. 4(1)
                }
                return flight.rerouted() && flight.arrivalDelayMinutes() <= limit ? full / 2 : full; // Art. 4(3), 7(2)
            default:
                return null; // a downgrade is refunded under Art. 10, not compensated under Art. 7
        }
    }

    /** The care and assistance offers the regulation (as the issue reads it) owes the flight. */
    static Set<OfferKind> referenceCare(FlightDisruption flight) {
        Set<OfferKind> care = EnumSet.noneOf(OfferKind.class);
        int full = bandAmount(flight);
        switch (flight.disruption()) {
            case DELAY:
                int mealsFrom = full == 250 ? 120 : full == 400 ? 180 : 240; // Art. 6(1)(a)-(c)
                if (flight.departureDelayMinutes() >= mealsFrom) {
                    care.add(OfferKind.MEALS);
                }
                if (flight.departureDelayMinutes() >= 300) {
                    care.add(OfferKind.REFUND_OPTION); // Art. 6(1)(iii)
                }
                break;
            case CANCELLATION:
                if (flight.noticeDays() == 0) {
                    care.add(OfferKind.MEALS);
                }
                care.add(OfferKind.REFUND_OPTION); // Art. 5(1)(a)
                break;
            case DENIED_BOARDING:
                care.add(OfferKind.MEALS);
                care.add(OfferKind.REFUND_OPTION); // Art. 4(3)
                break;
            default:
                break;
        }
        if (flight.overnight()) {
            care.add(OfferKind.HOTEL); // Art. 9(1)(b)
        }
        return care;
    }

    /** The Art. 10(2) refund of a downgrade: 30, 50 or 75 % of the ticket price, to the cent, half-even. */
    static Money referenceDowngradeRefund(FlightDisruption flight) {
        int full = bandAmount(flight);
        int percent = full == 250 ? 30 : full == 400 ? 50 : 75;
        BigDecimal price = flight.ticketPrice().amount();
        return Money.of(price.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), price.scale(),
                RoundingMode.HALF_EVEN), flight.ticketPrice().currency());
    }

    // ---- The properties -----------------------------------------------------------------------------

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void thePackPaysWhatTheRegulationSays(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FlightDisruption flight = randomFlight(random);
        boolean extraordinary = random.nextInt(4) == 0;
        RecoveryPlan plan = decide(seed, flight, extraordinary, random.nextBoolean());
        String where = "seed " + seed + ": " + flight + ", extraordinary " + extraordinary + "\n  -> " + plan.offers();

        List<Offer> cash = plan.offers(OfferKind.CASH_COMPENSATION);
        assertThat(cash).as(where).hasSizeLessThanOrEqualTo(1);
        Integer expected = referenceCompensation(flight, extraordinary);
        if (expected == null) {
            assertThat(cash).as(where).isEmpty();
        } else {
            assertThat(cash).as(where).singleElement().extracting(Offer::amount)
                    .isEqualTo(Money.of(BigDecimal.valueOf(expected), EUR));
        }

        assertThat(kinds(plan, CARE)).as(where).isEqualTo(referenceCare(flight));

        List<Offer> refunds = plan.offers(OfferKind.DOWNGRADE_REFUND);
        if (flight.disruption() == Disruption.DOWNGRADE) {
            assertThat(refunds).as(where).singleElement().extracting(Offer::amount)
                    .isEqualTo(referenceDowngradeRefund(flight));
        } else {
            assertThat(refunds).as(where).isEmpty();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void invariantsHoldForAnyFlight(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FlightDisruption flight = randomFlight(random);
        boolean remote = random.nextBoolean();
        RecoveryPlan ordinary = decide(seed, flight, false, remote);
        RecoveryPlan extraordinary = decide(seed, flight, true, remote);
        String where = "seed " + seed + ": " + flight + "\n  -> " + ordinary.offers() + "\n  -> (extraordinary) "
                + extraordinary.offers();

        for (RecoveryPlan plan : List.of(ordinary, extraordinary)) {
            // the five AWARE steps, in order, as for any incident
            assertThat(plan.steps()).as(where).extracting(StepPlan::step).containsExactly(AwareStep.values());
            // never more than one cash compensation, never a negative amount, every reason cites its basis
            assertThat(plan.offers(OfferKind.CASH_COMPENSATION)).as(where).hasSizeLessThanOrEqualTo(1);
            assertThat(plan.offers()).as(where).filteredOn(o -> o.amount() != null)
                    .allSatisfy(o -> assertThat(o.amount().isNegative()).as(where).isFalse());
            assertThat(plan.offers()).as(where).allSatisfy(o -> assertThat(o.reason()).as(where).startsWith("Art. "));
            // no voucher by default, and a cash offer is never held without a reason
            assertThat(plan.offers(OfferKind.VOUCHER)).as(where).isEmpty();
            assertThat(plan.offers()).as(where).noneMatch(Offer::requiresApproval);
        }
        // care is owed even when extraordinary circumstances caused the disruption
        assertThat(kinds(extraordinary, CARE)).as(where).isEqualTo(kinds(ordinary, CARE));
        // extraordinary circumstances never raise compensation
        assertThat(total(extraordinary, OfferKind.CASH_COMPENSATION)).as(where)
                .isLessThanOrEqualTo(total(ordinary, OfferKind.CASH_COMPENSATION));
        // the same facts give the same plan
        assertThat(decide(seed, flight, false, remote)).as(where).isEqualTo(ordinary);
    }

    // ---- Random flights, clustered at the boundaries ------------------------------------------------

    private static final int[] DISTANCES = {1, 1499, 1500, 1501, 3499, 3500, 3501};
    private static final int[] DELAYS = {0, 119, 120, 121, 179, 180, 181, 239, 240, 241, 299, 300, 301};
    private static final int[] NOTICE = {0, 1, 6, 7, 8, 13, 14, 15};
    private static final int[] EARLIER = {0, 59, 60, 61, 119, 120, 121};

    private static int pick(SplittableRandom random, int[] boundaries, int max) {
        return random.nextBoolean() ? boundaries[random.nextInt(boundaries.length)] : random.nextInt(max + 1);
    }

    static FlightDisruption randomFlight(SplittableRandom random) {
        Disruption disruption = Disruption.values()[random.nextInt(Disruption.values().length)];
        FlightDisruption.Builder b = FlightDisruption.builder(disruption)
                .distanceKm(Math.max(1, pick(random, DISTANCES, 12_000))).intraEu(random.nextBoolean());
        boolean rerouted = random.nextBoolean();
        switch (disruption) {
            case DELAY:
                b.departureDelayMinutes(pick(random, DELAYS, 900)).arrivalDelayMinutes(pick(random, DELAYS, 900))
                        .rerouted(rerouted).overnight(random.nextInt(4) == 0);
                break;
            case CANCELLATION:
                b.noticeDays(pick(random, NOTICE, 60)).rerouted(rerouted).overnight(random.nextInt(4) == 0);
                if (rerouted) {
                    b.arrivalDelayMinutes(pick(random, DELAYS, 900))
                            .rerouteDepartureEarlierMinutes(pick(random, EARLIER, 300));
                }
                break;
            case DENIED_BOARDING:
                b.rerouted(rerouted).volunteered(random.nextInt(3) == 0).overnight(random.nextInt(4) == 0);
                if (rerouted) {
                    b.arrivalDelayMinutes(pick(random, DELAYS, 900));
                }
                break;
            default:
                break;
        }
        if (disruption == Disruption.DOWNGRADE || random.nextInt(3) == 0) {
            b.ticketPrice(Money.of(BigDecimal.valueOf(random.nextInt(300_000), 2), EUR));
        }
        return b.build();
    }

    private static RecoveryPlan decide(long seed, FlightDisruption flight, boolean extraordinary, boolean remote) {
        Instant detected = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(seed * 3_607);
        Incident incident = Incident.builder("flight-" + seed, flight).detectedAt(detected)
                .channel(remote ? Channel.EMAIL : Channel.IN_PERSON).extraordinaryCircumstances(extraordinary).build();
        Customer passenger = new Customer("p-" + seed, null, null,
                new ContactPreference(Channel.EMAIL, AddressKind.EMAIL), 0);
        return TestPacks.compiled("eu261").decide(incident, passenger, RecoveryContext.at(detected));
    }

    private static Set<OfferKind> kinds(RecoveryPlan plan, Set<OfferKind> among) {
        return plan.offers().stream().map(Offer::kind).filter(among::contains)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(OfferKind.class)));
    }

    private static Money total(RecoveryPlan plan, OfferKind kind) {
        return plan.offers(kind).stream().map(Offer::amount).reduce(Money.zero(EUR), Money::plus);
    }
}
