package dev.cxkit.core.survey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.score.Metric;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResponseTest {

    /**
     * A response's local day in a fixed offset is counted without the JDK's zone rules; it must be
     * the day {@code LocalDate.ofInstant} gives, around midnight, before 1970 and far ahead.
     */
    @Test
    void theLocalDayInAnOffsetIsTheJdksDay() {
        SplittableRandom random = new SplittableRandom(20261205);
        List<ZoneId> zones = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(1), ZoneOffset.ofHoursMinutes(-5, -30),
                ZoneOffset.ofHours(14), ZoneOffset.ofHours(-12), ZoneId.of("Europe/Paris"));
        for (int i = 0; i < 20_000; i++) {
            long second = random.nextLong(-5_000_000_000L, 100_000_000_000L);
            if (i % 3 == 0) {
                second = second / 86_400 * 86_400 + random.nextInt(-50_000, 50_000); // near a midnight
            }
            Instant at = Instant.ofEpochSecond(second, random.nextInt(1_000_000_000));
            Response response = Response.builder(Metric.NPS, 9).submittedAt(at).build();
            for (ZoneId zone : zones) {
                assertThat(response.localDate(zone)).as("%s in %s", at, zone).isEqualTo(LocalDate.ofInstant(at, zone));
            }
        }
        assertThat(Response.builder(Metric.NPS, 9).build().localDate(ZoneOffset.UTC)).isNull();
        assertThat(Response.builder(Metric.NPS, 9).submittedOn(LocalDate.of(2026, 3, 1)).build()
                .localDate(ZoneOffset.ofHours(-8))).isEqualTo(LocalDate.of(2026, 3, 1));
    }

    /** An accessor reads what {@link Response#field} reads, standard fields and attributes alike. */
    @Test
    void anAccessorReadsTheField() {
        Response response = Response.builder(Metric.CSAT, 4).touchpoint("bill").location("York").channel("web")
                .customerId("c1").journeyId("j1").responseId("r1").attribute("stage", "served").build();
        for (String name : List.of("touchpoint", "location", "channel", "customer_id", "journey_id", "response_id",
                "metric", "stage", "missing")) {
            assertThat(Response.accessor(name).apply(response)).as(name).isEqualTo(response.field(name));
        }
        assertThat(Response.accessor("stage").apply(response)).isEqualTo("served");
        assertThat(Response.accessor("missing").apply(response)).isNull();
    }
}
