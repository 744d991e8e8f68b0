package dev.cxkit.core.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodTest {

    /** Expected ISO-8601 week labels checked against a calendar (weeks start on Monday; week 1 holds the first Thursday). */
    @ParameterizedTest
    @CsvSource({
        "2026-11-22, 2026-11-22, 2026-W47, 2026-11, 2026-Q4",
        "2021-01-03, 2021-01-03, 2020-W53, 2021-01, 2021-Q1", // Sunday of the 53rd week of 2020
        "2024-12-30, 2024-12-30, 2025-W01, 2024-12, 2024-Q4", // Monday of week 1 of 2025
        "2026-04-01, 2026-04-01, 2026-W14, 2026-04, 2026-Q2",
        "2026-09-30, 2026-09-30, 2026-W40, 2026-09, 2026-Q3",
    })
    void labels(LocalDate date, String day, String week, String month, String quarter) {
        assertThat(Period.DAY.label(date)).isEqualTo(day);
        assertThat(Period.WEEK.label(date)).isEqualTo(week);
        assertThat(Period.MONTH.label(date)).isEqualTo(month);
        assertThat(Period.QUARTER.label(date)).isEqualTo(quarter);
    }

    @ParameterizedTest
    @CsvSource({"day, DAY", "Week, WEEK", " MONTH , MONTH", "quarter, QUARTER"})
    void parses(String text, Period expected) {
        assertThat(Period.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"year", "''", "weekly"})
    void rejectsUnknown(String text) {
        assertThatThrownBy(() -> Period.parse(text)).hasMessageContaining("unknown period");
    }

    @Test
    void periodsStartAndEndOnTheirCalendarDays() {
        LocalDate newYear = LocalDate.of(2026, 1, 1); // a Thursday, in ISO week 2026-W01
        assertThat(Period.WEEK.start(newYear)).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(Period.WEEK.next(LocalDate.of(2025, 12, 29))).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(Period.WEEK.label(Period.WEEK.start(newYear).minusDays(1))).isEqualTo("2025-W52");
        assertThat(Period.MONTH.start(LocalDate.of(2026, 2, 28))).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(Period.MONTH.next(LocalDate.of(2026, 2, 1))).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(Period.QUARTER.start(LocalDate.of(2026, 5, 15))).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(Period.QUARTER.next(LocalDate.of(2026, 10, 1))).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(Period.DAY.start(newYear)).isEqualTo(newYear);
    }

    @Test
    void nextIsTheDayAfterTheLastDayOfAnyDayOfThePeriod() {
        assertThat(Period.WEEK.next(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(Period.MONTH.next(LocalDate.of(2026, 2, 28))).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(Period.QUARTER.next(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(Period.DAY.next(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2027, 1, 1));
    }
}
