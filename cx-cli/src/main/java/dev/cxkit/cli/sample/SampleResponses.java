package dev.cxkit.cli.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates the sample responses bundled with {@code cx}: survey answers of a restaurant chain
 * with four locations over sixteen weeks (5 January to 26 April 2026). Dine-in visits go through
 * the order counter, the kitchen and the bill; delivery orders through the kitchen and the
 * delivery, and sometimes the call centre when something went wrong. Guests answer CSAT about a
 * touchpoint, NPS at the end of the visit or delivery, and CES after a call-centre contact.
 *
 * <p>The data tell a few stories worth finding with {@code cx score --by ... --period month}: York
 * is the best location; Manchester's deliveries slipped in March (a driver shortage) and
 * recovered in April; Leeds improved in April under a new manager; Sheffield's kitchen is slow at
 * weekends.
 *
 * <p>The output is a pure function of {@link #SEED}: {@link java.util.Random} and its Gaussian
 * are specified exactly by the JDK, so every JDK produces the same file. Regenerate the resource
 * with {@code main} when this class changes; a test checks that the two agree.
 *
 * <p>Stateless and thread-safe.
 */
public final class SampleResponses {

    /** The seed of the generator. */
    public static final long SEED = 20_260_301L;

    /** The CSV header of the sample. */
    public static final String HEADER =
            "response_id,submitted_at,metric,score,location,touchpoint,channel,stage,customer_id,journey_id";

    /** Where the resource lives in the source tree, relative to the repository root. */
    public static final String RESOURCE_PATH = "cx-cli/src/main/resources/dev/cxkit/cli/sample/responses.csv";

    private static final String[] LOCATIONS = {"Leeds", "York", "Manchester", "Sheffield"};
    private static final double[] LOCATION_QUALITY = {0.15, 0.55, 0.25, 0.05};
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 5);
    private static final int DAYS = 16 * 7;
    private static final int CUSTOMERS = 1400;

    private SampleResponses() {
    }

    /** One answer before it gets its id. */
    private static final class Row {
        final Instant at;
        final String metric;
        final int score;
        final String location;
        final String touchpoint;
        final String channel;
        final String stage;
        final String customer;
        final String journey;

        Row(Instant at, String metric, int score, String location, String touchpoint, String channel, String stage,
                String customer, String journey) {
            this.at = at;
            this.metric = metric;
            this.score = score;
            this.location = location;
            this.touchpoint = touchpoint;
            this.channel = channel;
            this.stage = stage;
            this.customer = customer;
            this.journey = journey;
        }
    }

    /**
     * Returns the sample as CSV text, header first, rows in time order, LF line ends.
     *
     * @return the CSV text
     */
    public static String csv() {
        Random random = new Random(SEED);
        List<Row> rows = new ArrayList<>();
        int journeyCount = 0;
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = FIRST_DAY.plusDays(d);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY
                    || day.getDayOfWeek() == DayOfWeek.FRIDAY;
            int journeys = (weekend ? 19 : 12) + random.nextInt(6);
            for (int j = 0; j < journeys; j++) {
                journeyCount++;
                journey(random, day, weekend, "J" + String.format(Locale.ROOT, "%06d", journeyCount), rows);
            }
        }
        rows.sort(Comparator.comparing((Row r) -> r.at));
        StringBuilder sb = new StringBuilder(rows.size() * 96);
        sb.append(HEADER).append('\n');
        int id = 0;
        for (Row r : rows) {
            id++;
            sb.append('R').append(String.format(Locale.ROOT, "%05d", id)).append(',')
                    .append(r.at).append(',')
                    .append(r.metric).append(',')
                    .append(r.score).append(',')
                    .append(r.location).append(',')
                    .append(r.touchpoint).append(',')
                    .append(r.channel).append(',')
                    .append(r.stage).append(',')
                    .append(r.customer).append(',')
                    .append(r.journey).append('\n');
        }
        return sb.toString();
    }

    private static void journey(Random random, LocalDate day, boolean weekend, String journey, List<Row> rows) {
        int location = pick(random, new double[] {0.3, 0.22, 0.3, 0.18});
        String place = LOCATIONS[location];
        String customer = "C" + String.format(Locale.ROOT, "%04d", 1 + random.nextInt(CUSTOMERS));
        int month = day.getMonthValue();
        double quality = LOCATION_QUALITY[location] + (place.equals("Leeds") && month == 4 ? 0.35 : 0);
        // Visit time between 11:30 and 22:00 UTC.
        long visit = day.atStartOfDay().toEpochSecond(ZoneOffset.UTC) + 41_400 + random.nextInt(37_800);
        boolean delivery = random.nextDouble() < 0.4;
        if (!delivery) {
            double kitchen = quality + (place.equals("Sheffield") && weekend ? -0.7 : 0);
            if (random.nextDouble() < 0.35) {
                add(rows, random, visit, "csat", rate(random, "csat", quality + 0.1), place, "order_counter",
                        "in_person", "order", customer, journey);
            }
            if (random.nextDouble() < 0.35) {
                add(rows, random, visit, "csat", rate(random, "csat", kitchen), place, "kitchen", "in_person",
                        "preparation", customer, journey);
            }
            if (random.nextDouble() < 0.25) {
                add(rows, random, visit, "csat", rate(random, "csat", quality), place, "bill",
                        random.nextDouble() < 0.7 ? "in_person" : "app", "payment", customer, journey);
            }
            if (random.nextDouble() < 0.55) {
                double overall = (quality + kitchen) / 2;
                add(rows, random, visit, "nps", rate(random, "nps", overall), place, "bill", "in_person", "payment",
                        customer, journey);
            }
            return;
        }
        String orderChannel = new String[] {"app", "web", "phone"}[pick(random, new double[] {0.55, 0.35, 0.1})];
        double deliveryQuality = quality;
        if (place.equals("Manchester")) {
            deliveryQuality += month == 3 ? -0.9 : month == 4 ? -0.2 : 0;
        }
        boolean late = random.nextDouble() < 0.16 - 0.15 * deliveryQuality;
        if (late) {
            deliveryQuality -= 0.8;
        }
        if (random.nextDouble() < 0.3) {
            add(rows, random, visit, "csat", rate(random, "csat", quality), place, "kitchen", orderChannel,
                    "preparation", customer, journey);
        }
        if (random.nextDouble() < 0.5) {
            add(rows, random, visit + 2400, "csat", rate(random, "csat", deliveryQuality), place, "delivery",
                    random.nextDouble() < 0.8 ? "app" : "sms", "delivery", customer, journey);
        }
        // Late orders often call the call centre; some others call to change or ask about an order.
        if (late ? random.nextDouble() < 0.7 : random.nextDouble() < 0.06) {
            String channel = random.nextDouble() < 0.65 ? "phone" : "chat";
            double support = quality + 0.2;
            if (random.nextDouble() < 0.85) {
                add(rows, random, visit + 4200, "ces", rate(random, "ces", support), place, "call_centre", channel,
                        "support", customer, journey);
            }
            if (random.nextDouble() < 0.4) {
                add(rows, random, visit + 4200, "csat", rate(random, "csat", support), place, "call_centre", channel,
                        "support", customer, journey);
            }
        }
        if (random.nextDouble() < 0.5) {
            add(rows, random, visit + 3000, "nps", rate(random, "nps", (quality + deliveryQuality) / 2), place,
                    "delivery", orderChannel, "delivery", customer, journey);
        }
    }

    private static void add(List<Row> rows, Random random, long at, String metric, int score, String location,
            String touchpoint, String channel, String stage, String customer, String journey) {
        // Answered between 10 minutes and about a day later.
        long submitted = at + 600 + (long) (random.nextDouble() * random.nextDouble() * 86_400);
        rows.add(new Row(Instant.ofEpochSecond(submitted), metric, score, location, touchpoint, channel, stage,
                customer, journey));
    }

    /** A rating from a latent satisfaction around a quality level, rounded and kept on the scale. */
    static int rate(Random random, String metric, double quality) {
        double latent;
        int min;
        int max;
        switch (metric) {
            case "nps":
                latent = 7.7 + 1.7 * quality + 1.8 * random.nextGaussian();
                min = 0;
                max = 10;
                break;
            case "csat":
                latent = 3.9 + 0.9 * quality + 0.85 * random.nextGaussian();
                min = 1;
                max = 5;
                break;
            default:
                latent = 5.0 + 1.1 * quality + 1.2 * random.nextGaussian();
                min = 1;
                max = 7;
                break;
        }
        return (int) Math.max(min, Math.min(max, Math.round(latent)));
    }

    static int pick(Random random, double[] weights) {
        double u = random.nextDouble();
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /**
     * Writes the sample to a file.
     *
     * @param args the target path; default {@value #RESOURCE_PATH}
     * @throws IOException if the file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : RESOURCE_PATH);
        Files.writeString(target, csv(), StandardCharsets.UTF_8);
        System.out.println("wrote " + target);
    }
}
