package dev.cxkit.rules.packs;

import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicyCompilationException;
import dev.cxkit.rules.engine.PolicyOptions;
import dev.cxkit.rules.engine.PolicySource;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The bundled packs, each compiled once for the tests of this package. */
final class TestPacks {

    private static final Map<String, Policy> COMPILED = new HashMap<>();

    private TestPacks() {
    }

    /**
     * Returns a bundled pack with its default settings, compiled on first use, with a generous time
     * budget: these tests check plans, and the machine running them may be busy.
     */
    static synchronized Policy compiled(String pack) {
        return COMPILED.computeIfAbsent(pack, name -> {
            try {
                return Policy.compile(PolicySource.classpath(name),
                        PolicyOptions.defaults().withTimeBudget(Duration.ofSeconds(30)));
            } catch (PolicyCompilationException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        });
    }
}
