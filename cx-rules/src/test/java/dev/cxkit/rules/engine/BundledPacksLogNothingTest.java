package dev.cxkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A host that embeds cx-rules gets no log lines from compiling the bundled packs: Drools warned
 * 23 times (a DRL package that differs from its folder, a constraint that is not about its
 * pattern's fact) before the packs and the compiler were fixed.
 */
class BundledPacksLogNothingTest {

    @Test
    void compilingTheBundledPacksLogsNoWarning() throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (String pack : PolicySource.BUNDLED_PACKS) {
                try (Policy policy = Policy.compile(PolicySource.classpath(pack))) {
                    assertThat(policy.ruleNames()).isNotEmpty();
                }
            }
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("WARN").doesNotContain("ERROR");
    }
}
