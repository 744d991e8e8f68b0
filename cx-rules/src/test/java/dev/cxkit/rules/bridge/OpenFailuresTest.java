package dev.cxkit.rules.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.journey.ServiceFailure;
import dev.cxkit.core.journey.analytics.JourneyAnalytics;
import dev.cxkit.core.journey.loop.ConsistencyRules;
import dev.cxkit.core.score.ScoreOptions;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.core.service.SatisfactionFactor;
import dev.cxkit.rules.bridge.OpenFailures.OpenIncident;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.IncidentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OpenFailuresTest {

    static final JourneyDefinition DINE_IN = JourneyDefinitions.sample("dine-in");
    static final Instant AS_OF = Instant.parse("2025-06-30T00:00:00Z");
    static final Duration TWO_WEEKS = OpenFailures.DEFAULT_OPEN_WINDOW;

    static Instant daysBefore(double days) {
        return AS_OF.minusSeconds(Math.round(days * 86_400));
    }

    /**
     * A failed event at {@code bill} (a touchpoint no promise starts a deadline from, so the event is
     * the journey's only failure), at Leeds unless changed.
     */
    static JourneyEvent.Builder failedBill(String journey, Instant at, String type) {
        return JourneyEvent.builder(journey + "-e", journey, "bill", at).customer("C-" + journey).location("Leeds")
                .failed(type, SatisfactionFactor.PRODUCT);
    }

    /** Runs the events through journey analytics with the collector as a listener. */
    static List<OpenIncident> collect(OpenFailures open, List<JourneyEvent.Builder> events) {
        return collect(open, customer -> null, events, (d, j, o) -> { });
    }

    static List<OpenIncident> collect(OpenFailures open, Function<String, ContactPreference> preferences,
            List<JourneyEvent.Builder> events, JourneyAnalytics.JourneyListener also) {
        JourneyAnalytics analytics = JourneyAnalytics.builder(List.of(DINE_IN)).contactPreferences(preferences)
                .listener(open).listener(also).build();
        events.forEach(e -> analytics.addEvent(e.build()));
        analytics.finish(ScoreOptions.defaults(), ConsistencyRules.defaults());
        return open.incidents();
    }

    static List<String> ids(List<OpenIncident> incidents) {
        return incidents.stream().map(o -> o.incident().id()).toList();
    }

    @Test
    void onlyUnrecoveredFailuresWithinTheWindowBeforeAsOfAreOpen() {
        OpenFailures open = new OpenFailures(FailureIncidents.defaults(), AS_OF, TWO_WEEKS);

        List<OpenIncident> incidents = collect(open, List.of(
                failedBill("OPEN", daysBefore(2), "cold_food"),
                failedBill("RECOVERED", daysBefore(1), "cold_food").recoveredAt(daysBefore(1).plusSeconds(600)),
                failedBill("LATE", daysBefore(1), "cold_food").recoveredAt(daysBefore(1).plusSeconds(7200)),
                failedBill("OLD", daysBefore(14).minusSeconds(1), "cold_food"),
                failedBill("EDGE", daysBefore(14), "cold_food"),
                failedBill("ASOF", AS_OF, "cold_food"),
                failedBill("AFTER", AS_OF.plusSeconds(3600), "cold_food")));

        assertThat(ids(incidents)).containsExactly("INC-EDGE-cold-food", "INC-OPEN-cold-food");
        assertThat(incidents.get(1).incident().type()).isEqualTo(IncidentType.QUALITY);
        assertThat(incidents.get(1).incident().customerId()).isEqualTo("C-OPEN");
    }

    @Test
    void aZeroWindowLeavesNothingOpenAndANegativeOneIsRejected() {
        OpenFailures none = new OpenFailures(FailureIncidents.defaults(), AS_OF, Duration.ZERO);

        assertThat(collect(none, List.of(failedBill("J1", daysBefore(0.001), "cold_food")))).isEmpty();
        assertThatThrownBy(() -> new OpenFailures(FailureIncidents.defaults(), AS_OF, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> new OpenFailures(null, AS_OF, TWO_WEEKS)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new OpenFailures(FailureIncidents.defaults(), null, TWO_WEEKS))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void incidentsAreOrderedByDetectionThenId() {
        OpenFailures open = new OpenFailures(FailureIncidents.defaults(), AS_OF, TWO_WEEKS);
        Instant t = daysBefore(3);

        List<OpenIncident> incidents = collect(open, List.of(
                // served 60 minutes after the order: broken at t+20, detected when the meal came at t+60
                JourneyEvent.builder("w1", "WAIT", "order", t).location("Leeds"),
                JourneyEvent.builder("w2", "WAIT", "served", t.plusSeconds(3600)).location("Leeds"),
                JourneyEvent.builder("w3", "WAIT", "bill", t.plusSeconds(4200)).location("Leeds"),
                failedBill("B", t.plusSeconds(1800), "cold_food"),
                failedBill("A", t.plusSeconds(1800), "cold_food"),
                failedBill("C", t.plusSeconds(600), "cold_food")));

        assertThat(incidents).extracting(o -> o.incident().id(), o -> o.incident().detectedAt()).containsExactly(
                tuple("INC-C-cold-food", t.plusSeconds(600)),
                tuple("INC-A-cold-food", t.plusSeconds(1800)),
                tuple("INC-B-cold-food", t.plusSeconds(1800)),
                tuple("INC-WAIT-served-in-20", t.plusSeconds(3600)));
        assertThat(incidents.get(3).incident().occurredAt()).as("it happened before the others")
                .isEqualTo(t.plusSeconds(1200));
        assertThat(incidents.get(3).incident().minutesWaited()).isEqualTo(60);
    }

    @Test
    void aJourneysRepeatedFailureOfOneTypeGetsANumber() {
        OpenFailures open = new OpenFailures(FailureIncidents.defaults(), AS_OF, TWO_WEEKS);
        Instant t = daysBefore(1);

        List<OpenIncident> incidents = collect(open, List.of(
                JourneyEvent.builder("e1", "J1", "seated", t).location("Leeds")
                        .failed("cold_food", SatisfactionFactor.PRODUCT),
                JourneyEvent.builder("e2", "J1", "bill", t.plusSeconds(600)).location("Leeds")
                        .failed("cold_food", SatisfactionFactor.PRODUCT),
                JourneyEvent.builder("e3", "J1", "survey-invite", t.plusSeconds(1200)).location("Leeds")
                        .failed("cold_food", SatisfactionFactor.PRODUCT),
                JourneyEvent.builder("e4", "J1", "callback", t.plusSeconds(1800)).location("Leeds")
                        .failed("rude_staff", SatisfactionFactor.PEOPLE)));

        assertThat(incidents).extracting(o -> o.incident().id(), o -> o.incident().touchpoint()).containsExactly(
                tuple("INC-J1-cold-food", "seated"),
                tuple("INC-J1-cold-food-2", "bill"),
                tuple("INC-J1-cold-food-3", "survey-invite"),
                tuple("INC-J1-rude-staff", "callback"));
        assertThat(incidents).allSatisfy(o -> assertThat(o.incident().attributes())
                .containsKey(FailureIncidents.FAILURE));
    }

    @Test
    void typesThatGiveOneIdAreNumberedTooSoNoTwoIncidentsShareAnId() {
        OpenFailures open = new OpenFailures(FailureIncidents.defaults(), AS_OF, TWO_WEEKS);
        Instant t = daysBefore(1);

        List<OpenIncident> incidents = collect(open, List.of(
                JourneyEvent.builder("e1", "J1", "seated", t).location("Leeds")
                        .failed("cold_food", SatisfactionFactor.PRODUCT),
                JourneyEvent.builder("e2", "J1", "bill", t.plusSeconds(600)).location("Leeds")
                        .failed("cold-food", SatisfactionFactor.PRODUCT)));

        assertThat(ids(incidents)).containsExactly("INC-J1-cold-food", "INC-J1-cold-food-2");
    }

    @Test
    void whatHappensAfterAsOfIsNotKnownAtIt() {
        OpenFailures open = new OpenFailures(FailureIncidents.defaults(), AS_OF, TWO_WEEKS);
        Instant t = AS_OF.minusSeconds(1800);

        List<OpenIncident> incidents = collect(open, List.of(
                // put right ten minutes after asOf: still open at asOf
                failedBill("FIXED-LATER", AS_OF.minusSeconds(600), "cold_food").recoveredAt(AS_OF.plusSeconds(600)),
                // the deadline broke before asOf but the meal came after it: nobody had detected the wait yet
                JourneyEvent.builder("w1", "WAIT", "order", t).location("Leeds"),
                JourneyEvent.builder("w2", "WAIT", "served", AS_OF.plusSeconds(1800)).location("Leeds")));

        assertThat(ids(incidents)).containsExactly("INC-FIXED-LATER-cold-food");
    }

    @Test
    void similarFailuresAreThoseOfTheSameTypeTouchpointAndLocationInTheWeekUpToEach() {
        OpenFailures open = new OpenFailures(FailureIncidents.defaults(), AS_OF, TWO_WEEKS);

        List<OpenIncident> incidents = collect(open, List.of(
                failedBill("J1", daysBefore(10), "cold_food"),
                // recovered: not open, but it happened, so it counts as similar
                failedBill("J2", daysBefore(5), "cold_food").recoveredAt(daysBefore(5)),
                failedBill("J3", daysBefore(4), "cold_food"),
                failedBill("J4", daysBefore(1), "cold_food"),
                // not similar to any of the above: another location, touchpoint or type
                failedBill("YORK", daysBefore(2), "cold_food").location("York"),
                JourneyEvent.builder("s", "SEATED", "seated", daysBefore(3)).location("Leeds")
                        .failed("cold_food", SatisfactionFactor.PRODUCT),
                failedBill("WRONG", daysBefore(3.5), "wrong_item")));

        assertThat(incidents).extracting(o -> o.incident().journeyId(), OpenIncident::similarRecentIncidents)
                .containsExactly(
                        tuple("J1", 1),        // nothing in the week before day -10
                        tuple("J3", 3),        // J1 (6 days before), J2, itself
                        tuple("WRONG", 1),
                        tuple("SEATED", 1),
                        tuple("YORK", 1),
                        tuple("J4", 3));       // J2, J3, itself: J1 is 9 days before
    }

    @Test
    void similarFailuresBeforeTheOpenWindowStillCountAndTheWeekIncludesItsFirstInstant() {
        OpenFailures open = new OpenFailures(FailureIncidents.defaults(), AS_OF, Duration.ofDays(2));

        List<OpenIncident> incidents = collect(open, List.of(
                failedBill("J0", daysBefore(8.5), "cold_food"),   // 7.5 days before J4: too old
                failedBill("J1", daysBefore(8), "cold_food"),     // exactly 7 days before J4
                failedBill("J3", daysBefore(4), "cold_food"),
                failedBill("J4", daysBefore(1), "cold_food")));

        assertThat(incidents).singleElement().satisfies(o -> {
            assertThat(o.incident().journeyId()).isEqualTo("J4");
            assertThat(o.similarRecentIncidents()).isEqualTo(3);
        });
    }

    @Test
    void theBridgeGivenDecidesWhatTheIncidentsAre() {
        OpenFailures open = new OpenFailures(FailureIncidents.defaults().withType("cold_food", IncidentType.WRONG_ITEM),
                AS_OF, TWO_WEEKS);

        List<OpenIncident> incidents = collect(open, List.of(failedBill("J1", daysBefore(1), "cold_food")));

        assertThat(incidents).singleElement().satisfies(o -> {
            assertThat(o.incident().type()).isEqualTo(IncidentType.WRONG_ITEM);
            assertThat(o.incident().location()).isEqualTo("Leeds");
            assertThat(o.incident().touchpoint()).isEqualTo("bill");
        });
    }

    @Test
    void anOpenIncidentCountsItself() {
        Incident i = Incident.builder("i1", IncidentType.OTHER).detectedAt(AS_OF).build();

        assertThat(new OpenIncident(i, 1).similarRecentIncidents()).isEqualTo(1);
        assertThatThrownBy(() -> new OpenIncident(i, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenIncident(null, 1)).isInstanceOf(NullPointerException.class);
    }

    // ---- property ------------------------------------------------------------------------------

    static LongStream seeds() {
        return LongStream.range(0, 50);
    }

    private static final String[] TOUCHPOINTS = {"seated", "order", "served", "bill", "survey-invite", "callback"};
    private static final String[] TYPES = {"cold_food", "wrong_item", "rude_staff"};
    private static final String[] LOCATIONS = {"Leeds", "York"};
    private static final Duration[] WINDOWS = {Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7), TWO_WEEKS};

    /** A failure as the analyzer reported it, with its journey. */
    private record Reported(String journeyId, ServiceFailure failure) {
    }

    /**
     * Random journeys of the dine-in definition, whose failures are failed events, broken and
     * missing deadlines and contacts on the wrong channel, some recovered (in time or late), spread
     * over four weeks around {@code asOf}; the analyzer's own outcomes are the oracle.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void openIncidentsAreUnrecoveredFailuresInTheWindowWithBoundedSimilarCounts(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Duration window = WINDOWS[random.nextInt(WINDOWS.length)];
        Map<String, ContactPreference> preferences = Map.of("C1", new ContactPreference(Channel.SMS, AddressKind.MOBILE),
                "C2", new ContactPreference(Channel.EMAIL, AddressKind.EMAIL));
        List<JourneyEvent.Builder> events = new ArrayList<>();
        int journeys = 10 + random.nextInt(40);
        for (int j = 0; j < journeys; j++) {
            String journey = "J" + j;
            String location = LOCATIONS[random.nextInt(LOCATIONS.length)];
            String customer = "C" + random.nextInt(4);
            Instant t = AS_OF.minusSeconds(random.nextLong(-86_400, 26 * 86_400));
            int n = 1 + random.nextInt(4);
            for (int k = 0; k < n; k++) {
                JourneyEvent.Builder e = JourneyEvent.builder(journey + "-" + k, journey,
                        TOUCHPOINTS[random.nextInt(TOUCHPOINTS.length)], t).customer(customer)
                        .location(random.nextInt(5) == 0 ? null : location);
                boolean failed = random.nextInt(5) < 2;
                if (failed) {
                    e.failed(TYPES[random.nextInt(TYPES.length)], SatisfactionFactor.PRODUCT);
                }
                if ((failed || random.nextInt(4) == 0) && random.nextBoolean()) {
                    e.recoveredAt(t.plusSeconds(random.nextLong(0, 90 * 60)));
                }
                events.add(e);
                t = t.plusSeconds(1 + random.nextLong(0, 60 * 60));
            }
        }
        List<Reported> reported = new ArrayList<>();
        OpenFailures open = new OpenFailures(FailureIncidents.defaults(), AS_OF, window);

        List<OpenIncident> incidents = collect(open, preferences::get, events, (definition, journey, outcome) -> {
            for (ServiceFailure f : outcome.failures()) {
                reported.add(new Reported(journey.journeyId(), f));
            }
        });

        String seedInfo = "seed " + seed + ", window " + window;
        Instant openFrom = AS_OF.minus(window);
        List<Reported> expectedOpen = reported.stream()
                .filter(r -> r.failure().recovery() == ServiceFailure.Recovery.NOT_RECOVERED
                        && !r.failure().occurredAt().isBefore(openFrom) && r.failure().occurredAt().isBefore(AS_OF))
                .toList();
        assertThat(incidents).as(seedInfo + ": one incident per open failure").hasSameSizeAs(expectedOpen);
        Set<String> ids = new HashSet<>();
        for (OpenIncident o : incidents) {
            Incident i = o.incident();
            String what = seedInfo + ", incident " + i.id();
            assertThat(ids.add(i.id())).as(what + ": ids are unique").isTrue();
            String type = i.attributes().get(FailureIncidents.FAILURE);
            List<Reported> source = reported.stream().filter(r -> r.journeyId().equals(i.journeyId())
                    && r.failure().type().equals(type) && r.failure().touchpoint().equals(i.touchpoint())
                    && r.failure().occurredAt().equals(i.occurredAt())).toList();
            assertThat(source).as(what + ": comes from a reported failure").isNotEmpty();
            assertThat(source).as(what + ": is unrecovered")
                    .allMatch(r -> r.failure().recovery() == ServiceFailure.Recovery.NOT_RECOVERED);
            assertThat(i.occurredAt()).as(what + ": within [asOf - window, asOf)")
                    .isAfterOrEqualTo(openFrom).isBefore(AS_OF);
            List<ServiceFailure> sameKind = reported.stream().map(Reported::failure)
                    .filter(f -> f.type().equals(type) && f.touchpoint().equals(i.touchpoint())
                            && Objects.equals(f.location(), i.location()))
                    .toList();
            long inTheWeek = sameKind.stream().filter(f -> !f.occurredAt().isBefore(i.occurredAt()
                    .minus(OpenFailures.SIMILAR_WINDOW)) && !f.occurredAt().isAfter(i.occurredAt())).count();
            assertThat(o.similarRecentIncidents()).as(what + ": similar recent incidents")
                    .isBetween(1, sameKind.size())
                    .isEqualTo((int) inTheWeek);
        }
        assertThat(incidents).as(seedInfo + ": by detection time, then id").isSortedAccordingTo(
                Comparator.comparing((OpenIncident o) -> o.incident().detectedAt())
                        .thenComparing(o -> o.incident().id()));
    }
}
