package dev.cxkit.cli.sample;

import dev.cxkit.cli.sample.SampleJourneys.Failure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The open incidents of a {@link SampleJourneys} sample, for the recovery section of
 * {@code cx report}: the latest failure of each kind that was never put right in the two weeks
 * before {@link SampleJourneys#REPORTED_AT}, as the restaurant's staff would log it for the
 * {@code restaurant} policy pack (JSON Lines in the format of {@code cx recover}).
 *
 * <p>The kinds map to incident types as a restaurant would file them: a wrong item is
 * {@code WRONG_ITEM}, cold food {@code QUALITY}, rude staff {@code RUDE_OR_CARELESS_STAFF}, a late
 * meal or delivery {@code LONG_WAIT} (with the minutes waited and promised), an item that never
 * came {@code ITEM_NOT_DELIVERED} (the undelivered item at its price), a contact on the wrong
 * channel {@code CONTACT_RULE_BROKEN}. Each incident has an order of two to four items from the
 * menu of its journey (dine-in or delivery), in EUR, the restaurant pack's currency, and counts the
 * failures of the same kind, touchpoint and location in the 7 days up to it as
 * {@code similar_recent_incidents}, so that a recurring problem shows as systemic.
 *
 * <p>The output is a pure function of the sample: the orders come from a generator seeded by
 * {@link SampleJourneys#SEED} and the journey, not from the journeys' own stream, so adding
 * incidents changed nothing else in the sample. Stateless and thread-safe.
 */
public final class SampleIncidents {

    /** How far back from {@link SampleJourneys#REPORTED_AT} an unrecovered failure still counts as open. */
    public static final Duration OPEN_WINDOW = Duration.ofDays(14);
    /** The window of {@code similar_recent_incidents}, as in the restaurant pack's settings. */
    private static final Duration SIMILAR_WINDOW = Duration.ofDays(7);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] DINE_IN_MENU = {"fish and chips", "steak pie", "mushroom risotto", "lamb shank",
        "Caesar salad", "sticky toffee pudding", "house red"};
    private static final String[] DINE_IN_PRICES = {"14.50", "13.00", "12.50", "17.00", "9.50", "6.50", "6.00"};
    private static final String[] DELIVERY_MENU = {"margherita pizza", "chicken curry", "pad thai", "veggie burger",
        "garlic bread", "cola"};
    private static final String[] DELIVERY_PRICES = {"11.00", "12.50", "11.50", "10.50", "4.50", "2.50"};

    private SampleIncidents() {
    }

    /**
     * Returns the open incidents of a sample as JSON Lines, oldest first.
     *
     * @param sample the sample
     * @return one incident per line; empty when no failure is open
     */
    public static String jsonl(SampleJourneys sample) {
        List<Failure> all = sample.failures();
        Instant from = SampleJourneys.REPORTED_AT.minus(OPEN_WINDOW);
        Map<String, Failure> latestByKind = new LinkedHashMap<>();
        for (Failure f : all) {
            if (!f.recovered() && !f.at().isBefore(from) && f.at().isBefore(SampleJourneys.REPORTED_AT)) {
                latestByKind.put(f.kind(), f); // in time order, so the last one stays
            }
        }
        List<Failure> open = new ArrayList<>(latestByKind.values());
        open.sort(Comparator.comparing(Failure::endedAt).thenComparing(Failure::journeyId));
        StringBuilder out = new StringBuilder();
        for (Failure f : open) {
            out.append(JSON.writeValueAsString(incident(f, similar(all, f)))).append('\n');
        }
        return out.toString();
    }

    /** The failures of the same kind, touchpoint and location in the week up to this one, itself included. */
    private static int similar(List<Failure> all, Failure f) {
        Instant from = f.at().minus(SIMILAR_WINDOW);
        int n = 0;
        for (Failure other : all) {
            if (other.kind().equals(f.kind()) && other.touchpoint().equals(f.touchpoint())
                    && other.location().equals(f.location()) && !other.at().isBefore(from)
                    && !other.at().isAfter(f.at())) {
                n++;
            }
        }
        return Math.max(1, n);
    }

    private static ObjectNode incident(Failure f, int similar) {
        boolean delivery = f.touchpoint().equals("arrival") || f.touchpoint().equals("notify");
        Random random = new Random(SampleJourneys.SEED ^ f.journeyId().hashCode());
        String[] menu = delivery ? DELIVERY_MENU : DINE_IN_MENU;
        String[] prices = delivery ? DELIVERY_PRICES : DINE_IN_PRICES;
        int items = 2 + random.nextInt(3);
        int[] order = new int[items];
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < items; i++) {
            order[i] = random.nextInt(menu.length);
            total = total.add(new BigDecimal(prices[order[i]]));
        }
        ObjectNode node = JSON.createObjectNode();
        node.put("incident_id", "INC-" + f.journeyId() + "-" + f.kind().replace('_', '-'));
        node.put("journey_id", f.journeyId());
        node.put("customer_id", f.customerId());
        node.put("location", f.location());
        node.put("touchpoint", f.touchpoint());
        node.put("channel", channel(f.channel()));
        node.put("type", type(f.kind()));
        node.put("severity", severity(f));
        node.put("occurred_at", f.at().toString());
        node.put("detected_at", f.endedAt().toString());
        if (f.minutesPromised() > 0) {
            node.put("minutes_waited", f.minutesWaited());
            node.put("minutes_promised", f.minutesPromised());
        }
        node.put("order_value", total.toPlainString());
        node.put("currency", "EUR");
        if (f.kind().equals("wrong_item") || f.kind().equals("cold_food") || f.kind().equals("missing_item")) {
            // the first item of the order is the one that went wrong
            ArrayNode affected = node.putArray("items");
            affected.addObject().put("name", menu[order[0]]).put("price", prices[order[0]])
                    .put("delivered", !f.kind().equals("missing_item"));
        }
        if (similar > 1) {
            node.put("similar_recent_incidents", similar);
        }
        node.putObject("attributes").put("failure", f.kind());
        return node;
    }

    private static String channel(String eventChannel) {
        switch (eventChannel) {
            case "in_person":
                return "IN_PERSON";
            case "delivery":
                return "DELIVERY";
            case "sms":
                return "SMS";
            case "phone":
                return "PHONE";
            case "app":
                return "APP";
            default:
                return "EMAIL";
        }
    }

    private static String type(String kind) {
        switch (kind) {
            case "wrong_item":
                return "WRONG_ITEM";
            case "cold_food":
                return "QUALITY";
            case "rude_staff":
                return "RUDE_OR_CARELESS_STAFF";
            case "missing_item":
                return "ITEM_NOT_DELIVERED";
            case "wrong_channel":
                return "CONTACT_RULE_BROKEN";
            default:
                return "LONG_WAIT";
        }
    }

    /** A wait's severity grows with the overrun (the pack's small, medium and large tiers); the rest are fixed. */
    private static String severity(Failure f) {
        if (f.minutesPromised() > 0) {
            int overrun = f.minutesWaited() - f.minutesPromised();
            return overrun <= 10 ? "MINOR" : overrun <= 25 ? "MODERATE" : "MAJOR";
        }
        return f.kind().equals("cold_food") || f.kind().equals("wrong_channel") ? "MINOR" : "MODERATE";
    }
}
