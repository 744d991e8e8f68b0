package dev.cxkit.report.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.core.score.Metric;
import dev.cxkit.report.internal.Figures.Figure;
import dev.cxkit.rules.fact.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiguresTest {

    /** The text is the number's digits plus a sign or unit, and the digits match String.format as cx score uses it. */
    @ParameterizedTest
    @CsvSource({
        "nps, 31.25, 31.3, 31.3",
        "nps, 24.999999999999996, 25.0, 25.0",
        "nps, -0.04, 0.0, 0.0",
        "nps, -12.35, -12.4, -12.4",
        "csat, 87.5, 87.5, 87.5%",
        "csat, 100, 100.0, 100.0%",
        "ces, 5.214, 5.21, 5.21",
        "ces, 5.215, 5.22, 5.22"})
    void scores(String metric, double value, String number, String text) {
        Figure figure = Figures.score(Metric.parse(metric), value);
        assertThat(figure.number().toPlainString()).isEqualTo(number);
        assertThat(figure.text()).isEqualTo(text);
        if (value != -0.04) {
            // the same digits as cx score's String.format, except that -0.0 is never shown
            String format = Metric.parse(metric).kind() == Metric.Kind.CES ? "%.2f" : "%.1f";
            assertThat(number).isEqualTo(String.format(Locale.ROOT, format, value));
        }
    }

    @Test
    void differencesCarryTheirSignAndZeroNone() {
        assertThat(Figures.difference(Metric.NPS, 3.14).text()).isEqualTo("+3.1");
        assertThat(Figures.difference(Metric.NPS, -3.14).text()).isEqualTo("-3.1");
        assertThat(Figures.difference(Metric.NPS, 0.01).text()).isEqualTo("0.0");
        assertThat(Figures.difference(Metric.CES, 0.155).number().toPlainString()).isEqualTo("0.16");
    }

    @Test
    void percentagesAndPValues() {
        assertThat(Figures.percent(0.16121).text()).isEqualTo("16.1%");
        assertThat(Figures.percent(0.16121).number().toPlainString()).isEqualTo("16.1");
        assertThat(Figures.pValue(0.03312).text()).isEqualTo("0.033");
        assertThat(Figures.pValue(0.75).text()).isEqualTo("0.75");
        assertThat(Figures.pValue(1).text()).isEqualTo("1.0");
        assertThat(Figures.pValue(0.000012345).text()).isEqualTo("< 0.0001");
        assertThat(Figures.pValue(0.000012345).number().toPlainString()).isEqualTo("0.000012");
        assertThat(Figures.pValue(0).number().toPlainString()).isEqualTo("0");
        assertThat(Figures.confidence(0.95)).isEqualTo("95%");
        assertThat(Figures.confidence(0.995)).isEqualTo("99.5%");
    }

    @Test
    void durationsInWholeSecondsForPeopleAndJson() {
        assertThat(Figures.duration(Duration.ofSeconds(14 * 60 + 30))).isEqualTo("14m30s");
        assertThat(Figures.duration(Duration.ofMinutes(20))).isEqualTo("20m");
        assertThat(Figures.duration(Duration.ofMinutes(65))).isEqualTo("1h05m");
        assertThat(Figures.duration(Duration.ofHours(51))).isEqualTo("2d3h");
        assertThat(Figures.duration(Duration.ofMillis(44_600))).isEqualTo("45s");
        assertThat(Figures.duration(Duration.ofMinutes(-4))).isEqualTo("-4m");
        assertThat(Figures.duration(Duration.ZERO)).isEqualTo("0s");
        assertThat(Figures.isoDuration(Duration.ofMillis(750_499))).isEqualTo("PT12M30S");
        assertThat(Figures.isoDuration(Duration.ofMillis(-1_600))).isEqualTo("PT-2S");
    }

    @Test
    void timesAndMoney() {
        assertThat(Figures.time(Instant.parse("2026-03-31T19:44:00.789Z"))).isEqualTo("2026-03-31T19:44:00Z");
        Money money = Money.of("18.5", "EUR");
        assertThat(Figures.amount(money)).isEqualTo("18.50");
        assertThat(Figures.money(money)).isEqualTo("EUR 18.50");
        assertThat(Figures.amount(Money.of("1500", "JPY"))).isEqualTo("1500");
    }

    @Test
    void refusesNumbersThatCannotBeShown() {
        assertThatThrownBy(() -> Figures.score(Metric.NPS, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
