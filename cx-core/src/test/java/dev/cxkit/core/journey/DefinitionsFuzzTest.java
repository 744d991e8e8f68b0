package dev.cxkit.core.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzz tests of the journey-definition loader: any text, read as YAML or JSON, gives a definition
 * or the documented {@link JourneyDefinitionException} naming the source, never another exception
 * (YAML aliases and tags stay inert). Run as {@code ReadersFuzzTest} is (its Javadoc).
 */
class DefinitionsFuzzTest {

    private static void check(String source, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            JourneyDefinition d = JourneyDefinitions.parse(source, text);
            assertThat(d.name()).isNotBlank();
        } catch (JourneyDefinitionException e) {
            assertThat(e.getMessage()).startsWith(source);
        }
    }

    @FuzzTest
    void yaml(byte[] bytes) {
        check("d.yaml", bytes);
    }

    @FuzzTest
    void json(byte[] bytes) {
        check("d.json", bytes);
    }
}
