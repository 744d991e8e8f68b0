package dev.cxkit.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimestampsTest {

    @Test
    void epochDayAndValidityAgreeWithLocalDateForEveryDayOfFourCenturies() {
        LocalDate day = LocalDate.of(1800, 1, 1);
        LocalDate end = LocalDate.of(2201, 1, 1);
        while (day.isBefore(end)) {
            assertThat(Timestamps.epochDay(day.getYear(), day.getMonthValue(), day.getDayOfMonth()))
                    .as("%s", day).isEqualTo(day.toEpochDay());
            assertThat(Timestamps.isValidDate(day.getYear(), day.getMonthValue(), day.getDayOfMonth())).isTrue();
            day = day.plusDays(1);
        }
        assertThat(Timestamps.isValidDate(2026, 2, 29)).isFalse();
        assertThat(Timestamps.isValidDate(2000, 2, 29)).isTrue();
        assertThat(Timestamps.isValidDate(1900, 2, 29)).isFalse();
        assertThat(Timestamps.isValidDate(2026, 4, 31)).isFalse();
        assertThat(Timestamps.isValidDate(2026, 13, 1)).isFalse();
        assertThat(Timestamps.isValidDate(2026, 0, 1)).isFalse();
        assertThat(Timestamps.isValidDate(2026, 1, 0)).isFalse();
    }
}
