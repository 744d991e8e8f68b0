package dev.cxkit.core.survey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.score.Metric;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The cached period labels equal the labels of {@code LocalDate.ofInstant}, in any order and zone. */
class GroupingPropertyTest {

    private static final String[] ZONES = {"UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Pacific/Chatham",
        "Australia/Lord_Howe", "+05:45", "-09:30"};

    static LongStream seeds() {
        return LongStream.range(0, 100).map(i -> 31 * i + 7);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void cachedLabelsMatchTheCalendar(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ZoneId zone = ZoneId.of(ZONES[random.nextInt(ZONES.length)]);
        Period period = Period.values()[random.nextInt(Period.values().length)];
        Grouping grouping = Grouping.by(List.of(), period, zone);
        Grouping.KeyBuffer buffer = grouping.newBuffer();
        // spans several years (more days than cache slots) and the DST switches; clustered and random
        long start = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 3000; i++) {
            long second = random.nextBoolean() ? start + random.nextLong(4L * 365 * 86400)
                    : start + 86400L * 88 + random.nextLong(-7200, 7200); // around 2024-03-29/30
            Instant at = Instant.ofEpochSecond(second);
            grouping.keyInto(Response.builder(Metric.NPS, 9).submittedAt(at).build(), buffer);
            assertThat(buffer.values.get(0)).as("seed %d, %s in %s by %s", seed, at, zone, period)
                    .isEqualTo(period.label(LocalDate.ofInstant(at, zone)));
        }
    }
}
