package dev.cxkit.rules.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz test of the scenario loader: any text gives a scenario or its problems, each naming the
 * file, and never an exception (a rule author's typo is a message, not a stack trace). The
 * committed corpus runs in {@code ./mvnw verify};
 * {@code JAZZER_FUZZ=1 ./mvnw -o -pl cx-rules test -Dtest=ScenarioLoaderFuzzTest -Djazzer.max_duration=10m}
 * fuzzes.
 */
class ScenarioLoaderFuzzTest {

    @FuzzTest
    void anyText(byte[] bytes) {
        ScenarioFile file = ScenarioLoader.parse("s.yaml", new String(bytes, StandardCharsets.UTF_8));
        assertThat(file.source()).isEqualTo("s.yaml");
        if (file.scenario() == null) {
            assertThat(file.problems()).isNotEmpty();
        }
        file.problems().forEach(p -> assertThat(p.toString()).isNotBlank());
    }
}
