package dev.cxkit.core.journey.analytics;

import dev.cxkit.core.journey.Journey;
import dev.cxkit.core.journey.JourneyAssembler;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyDefinitions;
import dev.cxkit.core.journey.JourneyEvent;
import dev.cxkit.core.service.AddressKind;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.core.service.SatisfactionFactor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Random dine-in journeys for property tests: skipped, repeated, failed, recovered and unknown events. */
final class RandomJourneys {

    static final JourneyDefinition DINE_IN = JourneyDefinitions.sample("dine-in");
    static final Instant START = Instant.parse("2026-03-02T11:00:00Z");
    static final String[] LOCATIONS = {"Main St", "Harbour", "Airport", null};
    static final String[] PATH = {"seated", "order", "served", "bill", "survey-invite", "callback"};

    final Map<String, ContactPreference> preferences = new HashMap<>();
    final List<JourneyEvent> events = new ArrayList<>();
    /** The longest pause between consecutive events of one journey. */
    Duration longestPause = Duration.ZERO;

    /**
     * Makes {@code journeys} journeys starting within {@code spread} of {@link #START}, in journey
     * order (not time order).
     */
    RandomJourneys(SplittableRandom random, int journeys, Duration spread) {
        for (int c = 0; c < 20; c++) {
            if (random.nextInt(5) > 0) {
                preferences.put("c" + c, random.nextBoolean() ? new ContactPreference(Channel.EMAIL, AddressKind.EMAIL)
                        : new ContactPreference(Channel.PHONE, AddressKind.MOBILE));
            }
        }
        for (int j = 0; j < journeys; j++) {
            String journey = "j" + j;
            String customer = random.nextInt(10) == 0 ? null : "c" + random.nextInt(20);
            String location = LOCATIONS[random.nextInt(LOCATIONS.length)];
            Instant at = START.plusSeconds(random.nextLong(Math.max(1, spread.getSeconds())));
            int stop = random.nextInt(10) < 7 ? PATH.length : 1 + random.nextInt(PATH.length);
            int e = 0;
            for (int k = 0; k < stop; k++) {
                if (random.nextInt(6) == 0) {
                    continue; // skipped touchpoint
                }
                Duration pause = Duration.ofSeconds(30 + random.nextLong(random.nextInt(4) == 0 ? 3600 : 1500));
                at = at.plus(pause);
                if (pause.compareTo(longestPause) > 0) {
                    longestPause = pause;
                }
                String touchpoint = random.nextInt(25) == 0 ? "kitchen-" + random.nextInt(2) : PATH[k];
                JourneyEvent.Builder b = JourneyEvent.builder(journey + "-e" + e++, journey, touchpoint, at)
                        .customer(customer).location(random.nextInt(8) == 0 ? LOCATIONS[random.nextInt(3)] : location);
                if (random.nextInt(5) == 0) {
                    b.channel(random.nextBoolean() ? Channel.SMS : Channel.PHONE);
                }
                if (random.nextInt(8) == 0) {
                    b.addressKind(AddressKind.values()[random.nextInt(AddressKind.values().length)]);
                }
                if (random.nextInt(6) == 0) {
                    b.failed(random.nextBoolean() ? "cold_food" : "wrong_item",
                            SatisfactionFactor.values()[random.nextInt(SatisfactionFactor.values().length)]);
                }
                if (random.nextInt(4) == 0) {
                    b.recoveredAt(at.plusSeconds(random.nextLong(3600)));
                }
                events.add(b.build());
            }
        }
    }

    /** Returns the events with about a fifth of them repeated, shuffled. */
    static List<JourneyEvent> shuffledWithDuplicates(List<JourneyEvent> events, SplittableRandom random) {
        List<JourneyEvent> out = new ArrayList<>(events);
        for (JourneyEvent e : events) {
            if (random.nextInt(5) == 0) {
                out.add(e);
            }
        }
        for (int i = out.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            JourneyEvent t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    /** Assembles events, closing journeys at the end only, and returns the journeys sorted by id. */
    static List<Journey> assemble(List<JourneyEvent> events) {
        List<Journey> journeys = new ArrayList<>();
        JourneyAssembler assembler = JourneyAssembler.builder().build(journeys::add);
        events.forEach(assembler::add);
        assembler.finish();
        journeys.sort(java.util.Comparator.comparing(Journey::journeyId));
        return journeys;
    }
}
