package dev.cxkit.core.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScoreOptionsTest {

    @ParameterizedTest
    @CsvSource({"0.05, 0.95, 0.9", "0.1, 0.9, 0.8", "0.01, 0.99, 0.98", "0.001, 0.999, 0.998"})
    void alphaIsTheOtherSideOfTheConfidenceLevelInDecimals(double alpha, double confidence, double tost) {
        ScoreOptions options = ScoreOptions.defaults().withAlpha(alpha);
        assertThat(options.confidence()).isEqualTo(confidence);
        assertThat(options.alpha()).isEqualTo(alpha);
        assertThat(options.equivalenceConfidence()).isEqualTo(tost);
        assertThat(ScoreOptions.defaults().withConfidence(confidence).alpha()).isEqualTo(alpha);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, -0.05, 1.5, Double.NaN})
    void alphaOutsideZeroToOneIsRefused(double alpha) {
        assertThatThrownBy(() -> ScoreOptions.defaults().withAlpha(alpha))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
    }
}
