// Over 500 lines on purpose: one generator of the sample's journeys, whose stories (failures,
// recoveries, Sheffield's alternating months) depend on each other through one seeded stream.
package dev.cxkit.cli.sample;

import dev.cxkit.report.internal.OutputFiles;

import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyDefinitions;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates the sample journeys bundled with {@code cx journeys}: the restaurant chain of
 * {@link SampleResponses} (Leeds, York, Manchester and Sheffield, the same customer ids) over the
 * first half of 2026, as journey events, the survey responses about those journeys, and the
 * customers' contact preferences. Dine-in visits follow the {@code dine-in} definition (seated,
 * order, served, bill, survey invitation, sometimes a manager's call-back); deliveries follow
 * {@code delivery} (order placed, arrival notice, arrival, survey invitation).
 *
 * <p>The stories to find with {@code cx journeys}:
 * <ul>
 *   <li>Failures lower the score of the journeys they hit: cold food and wrong items (PRODUCT),
 *       rude service (PEOPLE), late meals and deliveries and late or missing notices
 *       (TIMELINESS). A failure recovered in time (within 30 minutes) costs little, one recovered
 *       late costs more, one never recovered costs most.
 *   <li>The arrival notice always goes out by SMS, whatever the customer chose: the one
 *       touchpoint that keeps contacting customers on the wrong channel (and annoys them).
 *   <li>Sheffield alternates good and bad months (good in January, bad in February, ...): a
 *       score that swings, not one that improves. Its kitchen is also slow at weekends.
 *   <li>Manchester's deliveries slipped in March (a driver shortage) and partly recovered in
 *       April.
 *   <li>Some promoters praise staff by name in their comment; some comments mention food that
 *       merely looks like a name ("Tomato soup").
 * </ul>
 * About 1% of events are sent twice, and about 1% come from a touchpoint no definition knows
 * ({@code kitchen-printer}).
 *
 * <p>The output is a pure function of the size and {@link #SEED} ({@link java.util.Random} is
 * specified exactly by the JDK). Journeys are spread evenly over the half year, so any size gives
 * the same stories at another volume; {@link #DEFAULT_SIZE} is what {@code cx journeys} runs on.
 *
 * <p>Immutable and thread-safe.
 */
public final class SampleJourneys {

    /** The seed of the generator. */
    public static final long SEED = 20_260_105L;
    /** The number of journeys of the bundled sample. */
    public static final int DEFAULT_SIZE = 6000;
    /**
     * The time the sample's report is made as of: the morning after its half year, when June is
     * complete and the last detractors' follow-ups are still due.
     */
    public static final Instant REPORTED_AT = Instant.parse("2026-07-01T08:00:00Z");
    /** The staff names of the chain, two per location (Leeds, York, Manchester, Sheffield). */
    public static final List<String> STAFF = List.of("Priya", "Tom", "Ana", "Jamal", "Chen", "Ruth", "Omar", "Ellie");
    /** The CSV header of the events. */
    public static final String EVENTS_HEADER = "event_id,journey_id,customer_id,touchpoint,occurred_at,channel,"
            + "location,outcome,failure_type,factor,recovered_at,order_value,currency,item,item_price";
    private static final String CURRENCY = "EUR";
    private static final String[] DINE_IN_MENU = {"fish and chips", "steak pie", "mushroom risotto", "lamb shank",
        "Caesar salad", "sticky toffee pudding", "house red"};
    private static final String[] DINE_IN_PRICES = {"14.50", "13.00", "12.50", "17.00", "9.50", "6.50", "6.00"};
    private static final String[] DELIVERY_MENU = {"margherita pizza", "chicken curry", "pad thai", "veggie burger",
        "garlic bread", "cola"};
    private static final String[] DELIVERY_PRICES = {"11.00", "12.50", "11.50", "10.50", "4.50", "2.50"};
    /** The CSV header of the responses. */
    public static final String RESPONSES_HEADER =
            "response_id,submitted_at,metric,score,location,touchpoint,channel,stage,customer_id,journey_id,comment";

    private static final String[] LOCATIONS = {"Leeds", "York", "Manchester", "Sheffield"};
    private static final double[] LOCATION_WEIGHTS = {0.3, 0.22, 0.3, 0.18};
    private static final double[] LOCATION_QUALITY = {0.15, 0.55, 0.25, 0.05};
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 5);
    /** 5 January to 28 June 2026, so that the answers, up to about a day later, fall in June too. */
    private static final int DAYS = 175;
    private static final String[] CHANNELS = {"sms", "email", "app"};
    private static final String[] ADDRESS_KINDS = {"mobile", "email", "other"};
    private static final String[] PRAISE = {"%s was brilliant", "Thanks to %s for a lovely evening",
        "%s sorted everything out quickly", "Ask for %s - always friendly"};
    private static final String[] OTHER_PRAISE = {"Great food", "Tomato soup was lovely", "Will come again",
        "Fast and friendly"};
    private static final String[] COMPLAINTS = {"Waited far too long", "Food was cold", "Nobody said sorry",
        "Order was wrong", "The notice came too late"};

    private final int size;
    private final int customers;
    private final String events;
    private final String responses;
    private final String customerLines;
    private final List<Failure> failures = new ArrayList<>();

    private SampleJourneys(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1, got " + size);
        }
        this.size = size;
        this.customers = Math.max(50, size * 7 / 20);
        Random random = new Random(SEED);
        StringBuilder c = new StringBuilder();
        String[] preference = new String[customers];
        for (int i = 0; i < customers; i++) {
            int k = pick(random, new double[] {0.5, 0.35, 0.15});
            preference[i] = CHANNELS[k];
            c.append("{\"id\":\"").append(customer(i)).append("\",\"contact_channel\":\"").append(CHANNELS[k])
                    .append("\",\"contact_address_kind\":\"").append(ADDRESS_KINDS[k]).append("\"}\n");
        }
        this.customerLines = c.toString();
        List<Event> eventList = new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        for (int j = 0; j < size; j++) {
            LocalDate day = FIRST_DAY.plusDays((long) j * DAYS / size);
            journey(random, j, day, preference, eventList, answers);
        }
        eventList.sort(Comparator.comparing((Event e) -> e.at).thenComparing(e -> e.journey).thenComparing(e -> e.seq));
        StringBuilder ev = new StringBuilder(eventList.size() * 110).append(EVENTS_HEADER).append('\n');
        int id = 0;
        for (Event e : eventList) {
            id++;
            String line = String.format(Locale.ROOT, "E%07d", id) + "," + e.journey + "," + e.customer + ","
                    + e.touchpoint + "," + e.at + "," + e.channel + "," + e.location + "," + (e.failure == null
                            ? "ok,," : "failed," + e.failure + "," + e.factor) + ","
                    + (e.recoveredAt == null ? "" : e.recoveredAt.toString()) + "," + order(e);
            ev.append(line).append('\n');
            if (e.resent) {
                ev.append(line).append('\n');
            }
        }
        this.events = ev.toString();
        answers.sort(Comparator.comparing((Answer a) -> a.at).thenComparing(a -> a.journey).thenComparing(a -> a.metric));
        StringBuilder rs = new StringBuilder(answers.size() * 100).append(RESPONSES_HEADER).append('\n');
        id = 0;
        for (Answer a : answers) {
            id++;
            rs.append(String.format(Locale.ROOT, "R%06d", id)).append(',').append(a.at).append(',').append(a.metric)
                    .append(',').append(a.score).append(',').append(a.location).append(',').append(a.touchpoint)
                    .append(',').append(a.channel).append(',').append(a.stage).append(',').append(a.customer)
                    .append(',').append(a.journey).append(',').append(a.comment == null ? "" : a.comment).append('\n');
        }
        this.responses = rs.toString();
        failures.sort(Comparator.comparing(Failure::at).thenComparing(Failure::journeyId).thenComparing(Failure::kind));
    }

    /**
     * Generates a sample.
     *
     * @param size the number of journeys, at least 1
     * @return the sample
     * @throws IllegalArgumentException if the size is below 1
     */
    public static SampleJourneys of(int size) {
        return new SampleJourneys(size);
    }

    /** Returns the number of journeys. */
    public int size() {
        return size;
    }

    /** Returns the journey events as CSV, header first, in time order (re-sent events repeated). */
    public String eventsCsv() {
        return events;
    }

    /** Returns the survey responses as CSV, header first, in time order. */
    public String responsesCsv() {
        return responses;
    }

    /** Returns the customers' contact preferences as JSON Lines ({@code cx recover --customers} format). */
    public String customersJsonl() {
        return customerLines;
    }

    /** Returns the service failures the generator put into the journeys, in time order. */
    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    /**
     * A service failure the generator put into a journey, as the journey analytics will find it.
     *
     * @param journeyId the journey
     * @param customerId its customer
     * @param location its location
     * @param touchpoint the touchpoint where it happened
     * @param channel the channel of that touchpoint's event, as in the events ({@code in_person},
     *     {@code delivery}, {@code sms}, {@code phone}, ...)
     * @param kind {@code rude_staff}, {@code cold_food}, {@code wrong_item}, {@code missing_item},
     *     {@code late_meal} (served more than 20 minutes after the order), {@code late_delivery}
     *     (more than 2 hours after it) or {@code wrong_channel} (a contact on a channel the customer
     *     did not choose)
     * @param at when it happened; for a late meal or delivery, when the promise broke
     * @param endedAt when the customer had it: the served meal or the arrival for a wait, else {@code at}
     * @param recovered whether it was put right ({@code recovered_at} given, in time or late)
     * @param minutesWaited for a late meal or delivery the minutes from the order, else 0
     * @param minutesPromised for a late meal or delivery the minutes promised, else 0
     */
    public record Failure(String journeyId, String customerId, String location, String touchpoint, String channel,
            String kind, Instant at, Instant endedAt, boolean recovered, int minutesWaited, int minutesPromised) {
    }

    private void failed(Event event, String kind, Instant at, Instant endedAt, int waited, int promised) {
        failures.add(new Failure(event.journey, event.customer, event.location, event.touchpoint, event.channel, kind,
                at, endedAt, event.recoveredAt != null, waited, promised));
    }

    private void failed(Event event, String kind) {
        failed(event, kind, event.at, event.at, 0, 0);
    }

    /**
     * The order columns of an event: the order's value on the order (placed), the item that went
     * wrong on a wrong item, cold food or a missing item. The order comes from its own generator,
     * seeded by {@link #SEED} and the journey, so the orders changed nothing else in the sample.
     */
    private static String order(Event e) {
        boolean placing = e.touchpoint.equals("order") || e.touchpoint.equals("order-placed");
        boolean itemFailure = "wrong_item".equals(e.failure) || "cold_food".equals(e.failure)
                || "missing_item".equals(e.failure);
        if (!placing && !itemFailure) {
            return ",,,";
        }
        boolean delivery = e.touchpoint.equals("order-placed") || e.touchpoint.equals("arrival");
        Random random = new Random(SEED ^ e.journey.hashCode());
        String[] menu = delivery ? DELIVERY_MENU : DINE_IN_MENU;
        String[] prices = delivery ? DELIVERY_PRICES : DINE_IN_PRICES;
        int items = 2 + random.nextInt(3);
        int first = -1;
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < items; i++) {
            int k = random.nextInt(menu.length);
            first = first < 0 ? k : first;
            total = total.add(new BigDecimal(prices[k]));
        }
        // the first item of the order is the one that went wrong
        return placing ? total.toPlainString() + "," + CURRENCY + ",," : "," + CURRENCY + "," + menu[first] + ","
                + prices[first];
    }

    /**
     * Returns the sample's two journey definitions, {@code dine-in} and {@code delivery}.
     *
     * @return the definitions, in that order
     */
    public static List<JourneyDefinition> definitions() {
        List<JourneyDefinition> out = new ArrayList<>();
        for (String name : JourneyDefinitions.SAMPLES) {
            out.add(JourneyDefinitions.sample(name));
        }
        return out;
    }

    private static String customer(int i) {
        return String.format(Locale.ROOT, "C%04d", i + 1);
    }

    /** One event before it gets its id. */
    private static final class Event {
        String journey;
        int seq;
        String customer;
        String touchpoint;
        Instant at;
        String channel;
        String location;
        String failure;
        String factor;
        Instant recoveredAt;
        boolean resent;
    }

    /** One survey answer before it gets its id. */
    private record Answer(Instant at, String metric, int score, String location, String touchpoint, String channel,
            String stage, String customer, String journey, String comment) {
    }

    /**
     * What happened to the failures at one event, and what that does to the customer's mood: put
     * right within 30 minutes of {@code failedAt} (the event, or the moment a promise broke), later,
     * or never.
     */
    private static double recover(Random random, Event event, Instant failedAt, double recoveryRate) {
        if (random.nextDouble() < recoveryRate) {
            long slack = 1800 - Math.max(0, event.at.getEpochSecond() - failedAt.getEpochSecond());
            if (slack > 120 && random.nextDouble() < 0.8) {
                event.recoveredAt = event.at.plusSeconds(60 + random.nextInt((int) slack - 60));
                return 0.1;
            }
            event.recoveredAt = event.at.plusSeconds(Math.max(slack, 0) + 600 + random.nextInt(5400));
            return -0.9;
        }
        return -1.6;
    }

    private void journey(Random random, int index, LocalDate day, String[] preference, List<Event> events,
            List<Answer> answers) {
        String journey = String.format(Locale.ROOT, "V%06d", index + 1);
        int location = pick(random, LOCATION_WEIGHTS);
        String place = LOCATIONS[location];
        int customerIndex = random.nextInt(customers);
        String customer = customer(customerIndex);
        String chosen = preference[customerIndex];
        int month = day.getMonthValue();
        boolean weekend = day.getDayOfWeek() == DayOfWeek.FRIDAY || day.getDayOfWeek() == DayOfWeek.SATURDAY
                || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        double quality = LOCATION_QUALITY[location];
        if (place.equals("Sheffield")) {
            quality += month % 2 == 1 ? 0.6 : -0.6;
        }
        double recoveryRate = place.equals("York") ? 0.85 : 0.65;
        long start = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC) + 41_400 + random.nextInt(36_000);
        List<Event> mine = new ArrayList<>();
        double mood = quality;
        double kitchenMood = quality;
        String last;
        Instant end;
        if (random.nextDouble() < 0.6) {
            long t = start;
            if (random.nextDouble() < 0.55) {
                mine.add(event(journey, customer, "seated", t, "in_person", place));
            }
            t += 120 + random.nextInt(360);
            Event order = event(journey, customer, "order", t, "in_person", place);
            mine.add(order);
            if (random.nextDouble() < 0.025) {
                order.failure = "rude_staff";
                order.factor = "people";
                mood += recover(random, order, order.at, recoveryRate);
                failed(order, order.failure);
            }
            boolean late = random.nextDouble() < 0.07 + (place.equals("Sheffield") && weekend ? 0.3 : 0)
                    + 0.08 * (0.3 - LOCATION_QUALITY[location]);
            t += late ? 21 * 60 + random.nextInt(25 * 60) : 8 * 60 + random.nextInt(11 * 60);
            Event served = event(journey, customer, "served", t, "in_person", place);
            mine.add(served);
            if (random.nextDouble() < 0.07 - 0.04 * LOCATION_QUALITY[location]) {
                served.failure = random.nextDouble() < 0.6 ? "cold_food" : "wrong_item";
                served.factor = "product";
            }
            if (late || served.failure != null) {
                Instant failedAt = late ? order.at.plusSeconds(20 * 60) : served.at;
                double effect = recover(random, served, failedAt, recoveryRate);
                kitchenMood += effect;
                mood += effect * (late && served.failure != null ? 1.5 : 1);
                if (served.failure != null) {
                    failed(served, served.failure);
                }
                if (late) {
                    failed(served, "late_meal", failedAt, served.at, minutes(order.at, served.at), 20);
                }
            }
            if (random.nextDouble() < 0.01) {
                mine.add(event(journey, customer, "kitchen-printer", t - 60, "other", place));
            }
            t += random.nextDouble() < 0.04 ? 91 * 60 + random.nextInt(40 * 60) : 35 * 60 + random.nextInt(45 * 60);
            if (random.nextDouble() < 0.97) {
                mine.add(event(journey, customer, "bill", t, "in_person", place));
            }
            boolean unhappy = mine.stream().anyMatch(e -> e.failure != null && e.recoveredAt == null);
            if (unhappy && random.nextDouble() < 0.5) {
                Event callback = event(journey, customer, "callback", t + 86_400 + random.nextInt(7200),
                        random.nextDouble() < 0.9 ? chosen : "phone", place);
                mine.add(callback);
                if (!callback.channel.equals(chosen)) {
                    failed(callback, "wrong_channel");
                }
                mood += 0.3;
                if (random.nextDouble() < 0.85) {
                    answers.add(new Answer(callback.at.plusSeconds(3600 + random.nextInt(20_000)), "ces",
                            rate(random, "ces", quality + 0.3), place, "callback", callback.channel, "follow-up",
                            customer, journey, null));
                }
            }
            last = "bill";
            if (random.nextDouble() < 0.35) {
                answers.add(new Answer(Instant.ofEpochSecond(t + 600 + random.nextInt(40_000)), "csat",
                        rate(random, "csat", kitchenMood), place, "served", "in_person", "served", customer, journey,
                        null));
            }
            end = Instant.ofEpochSecond(t);
        } else {
            long t = start;
            mine.add(event(journey, customer, "order-placed", t, random.nextDouble() < 0.6 ? "app" : "web", place));
            double lateRate = 0.04 + (place.equals("Manchester") ? (month == 3 ? 0.35 : month == 4 ? 0.12 : 0) : 0);
            boolean late = random.nextDouble() < lateRate;
            long arrivalAt = t + (late ? 121 * 60 + random.nextInt(50 * 60) : 35 * 60 + random.nextInt(40 * 60));
            double notice = random.nextDouble();
            if (notice < 0.96) {
                boolean lateNotice = notice < 0.12;
                long lead = lateNotice ? 5 * 60 + random.nextInt(20 * 60) : 32 * 60 + random.nextInt(18 * 60);
                // The notice always goes by SMS, whatever the customer chose.
                Event notify = event(journey, customer, "notify", Math.max(t + 60, arrivalAt - lead), "sms", place);
                mine.add(notify);
                if (lateNotice) {
                    mood -= 0.6;
                }
                if (!chosen.equals("sms")) {
                    mood -= 0.5;
                    failed(notify, "wrong_channel");
                }
            } else {
                mood -= 0.6;
            }
            Event arrival = event(journey, customer, "arrival", arrivalAt, "delivery", place);
            mine.add(arrival);
            double u = random.nextDouble();
            if (u < 0.09) {
                arrival.failure = u < 0.05 ? "missing_item" : "cold_food";
                arrival.factor = "product";
            }
            if (late || arrival.failure != null) {
                Instant failedAt = late ? Instant.ofEpochSecond(t + 2 * 3600) : arrival.at;
                mood += recover(random, arrival, failedAt, recoveryRate) * (late && arrival.failure != null ? 1.5 : 1);
                if (arrival.failure != null) {
                    failed(arrival, arrival.failure);
                }
                if (late) {
                    failed(arrival, "late_delivery", failedAt, arrival.at, minutes(Instant.ofEpochSecond(t), arrival.at),
                            120);
                }
            }
            if (random.nextDouble() < 0.3) {
                answers.add(new Answer(Instant.ofEpochSecond(arrivalAt + 600 + random.nextInt(40_000)), "csat",
                        rate(random, "csat", mood), place, "arrival", "delivery", "delivery", customer, journey,
                        null));
            }
            last = "arrival";
            t = arrivalAt;
            end = Instant.ofEpochSecond(t);
        }
        Event invite = event(journey, customer, "survey-invite", end.getEpochSecond() + 3600 + random.nextInt(7200),
                chosen, place);
        mine.add(invite);
        if (random.nextDouble() < 0.55) {
            int score = rate(random, "nps", mood);
            String comment = null;
            if (score >= 9 && random.nextDouble() < 0.35) {
                comment = random.nextDouble() < 0.6
                        ? String.format(Locale.ROOT, PRAISE[random.nextInt(PRAISE.length)],
                                STAFF.get(2 * location + random.nextInt(2)))
                        : OTHER_PRAISE[random.nextInt(OTHER_PRAISE.length)];
            } else if (score <= 6 && random.nextDouble() < 0.4) {
                comment = COMPLAINTS[random.nextInt(COMPLAINTS.length)];
            }
            answers.add(new Answer(invite.at.plusSeconds(600 + (long) (random.nextDouble() * 43_200)), "nps", score,
                    place, last, chosen, "follow-up", customer, journey, comment));
        }
        for (int i = 0; i < mine.size(); i++) {
            Event e = mine.get(i);
            e.seq = i;
            e.resent = random.nextDouble() < 0.01;
            events.add(e);
        }
    }

    private static int minutes(Instant from, Instant to) {
        return (int) Duration.between(from, to).toMinutes();
    }

    private static Event event(String journey, String customer, String touchpoint, long at, String channel,
            String location) {
        Event e = new Event();
        e.journey = journey;
        e.customer = customer;
        e.touchpoint = touchpoint;
        e.at = Instant.ofEpochSecond(at);
        e.channel = channel;
        e.location = location;
        return e;
    }

    /** A rating from a latent satisfaction around a mood, as {@link SampleResponses} makes them. */
    private static int rate(Random random, String metric, double mood) {
        return SampleResponses.rate(random, metric, mood);
    }

    private static int pick(Random random, double[] weights) {
        return SampleResponses.pick(random, weights);
    }

    /** The files {@link #write(Path)} writes, in order. */
    public static final List<String> FILES = List.of("responses.csv", "events.csv", "customers.jsonl",
            "dine-in.yaml", "delivery.yaml");

    /**
     * Writes the sample to a directory, creating it if needed: {@code responses.csv},
     * {@code events.csv} (whose open failures {@code cx report} decides as incidents),
     * {@code customers.jsonl} and the two journey definitions, {@code dine-in.yaml} and
     * {@code delivery.yaml}. Existing files of those names are replaced as a set, each atomically
     * ({@link OutputFiles}): a link or a directory in their place is refused.
     *
     * @param dir the directory
     * @return the files written, in the order of {@link #FILES}
     * @throws IOException if a file cannot be written or is refused ({@link OutputFiles.RefusedException})
     */
    public List<Path> write(Path dir) throws IOException {
        List<String> texts = List.of(responses, events, customerLines, JourneyDefinitions.sampleText("dine-in"),
                JourneyDefinitions.sampleText("delivery"));
        List<Path> written = new ArrayList<>();
        try (OutputFiles outputs = new OutputFiles(List.of())) {
            for (String name : FILES) {
                written.add(outputs.claim(dir.resolve(name), name, true));
            }
            for (int i = 0; i < FILES.size(); i++) {
                outputs.write(written.get(i), texts.get(i));
            }
            outputs.commit();
        }
        return written;
    }
}
