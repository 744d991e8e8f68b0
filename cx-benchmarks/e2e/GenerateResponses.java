import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Writes a deterministic survey-response CSV of N rows to stdout, for the end-to-end
 * {@code cx score} measurement: {@code java GenerateResponses.java 10000000 > responses.csv}.
 * Mixed metrics (70% NPS, 20% CSAT, 10% CES), 12 touchpoints, 8 locations, 4 channels, one year of
 * timestamps. Seed 42.
 */
public final class GenerateResponses {
    private static final String[] TOUCHPOINTS = {"order-counter", "kitchen", "delivery-notice", "delivery",
        "call-centre", "bill", "web-order", "app-order", "table-service", "pickup", "chat", "email"};
    private static final String[] LOCATIONS = {"north", "south", "east", "west", "centre", "airport", "harbour", "mall"};
    private static final String[] CHANNELS = {"in_person", "phone", "web", "app"};

    public static void main(String[] args) throws IOException {
        long rows = Long.parseLong(args[0]);
        SplittableRandom random = new SplittableRandom(42);
        long start = 1767225600L; // 2026-01-01T00:00:00Z
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("response_id,metric,score,touchpoint,location,channel,submitted_at\n");
            StringBuilder line = new StringBuilder(96);
            for (long i = 0; i < rows; i++) {
                int m = random.nextInt(10);
                String metric = m < 7 ? "nps" : m < 9 ? "csat" : "ces";
                int score = m < 7 ? Math.min(10, (int) Math.round(7.5 + random.nextGaussian() * 2.2))
                        : m < 9 ? 1 + random.nextInt(5) : 1 + random.nextInt(7);
                score = Math.max(m < 7 ? 0 : 1, score);
                long at = start + random.nextLong(365L * 86400);
                line.setLength(0);
                line.append('r').append(i).append(',').append(metric).append(',').append(score).append(',')
                        .append(TOUCHPOINTS[random.nextInt(TOUCHPOINTS.length)]).append(',')
                        .append(LOCATIONS[random.nextInt(LOCATIONS.length)]).append(',')
                        .append(CHANNELS[random.nextInt(CHANNELS.length)]).append(',')
                        .append(java.time.Instant.ofEpochSecond(at)).append('\n');
                out.append(line);
            }
        }
    }
}
