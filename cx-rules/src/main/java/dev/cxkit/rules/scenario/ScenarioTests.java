package dev.cxkit.rules.scenario;

import dev.cxkit.rules.engine.Policy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs scenario files as JUnit tests, one dynamic test per file, so a policy's scenarios run in
 * {@code mvn verify}:
 *
 * <pre>{@code
 * class MyPolicyScenariosTest {
 *     @TestFactory
 *     Stream<DynamicTest> scenarios() throws Exception {
 *         Policy policy = Policy.compile(PolicySource.directory(Path.of("src/main/policy")));
 *         return ScenarioTests.dynamicTests(policy, Path.of("src/main/policy/scenarios"));
 *     }
 * }
 * }</pre>
 *
 * <p>A failing scenario fails its test with the same diff {@code cx rules test} prints; a file
 * with problems fails its test with every problem; a directory with no scenario files yields one
 * failing test, so a wrong path never passes silently.
 *
 * <p>This class needs {@code org.junit.jupiter:junit-jupiter-api} on the class path. cx-rules
 * declares it as an optional dependency: a test that calls this class has JUnit already, and a host
 * application that only decides incidents never loads it.
 *
 * <p>Thread-safe: all methods are static.
 * @since 0.1.0
 */
public final class ScenarioTests {

    private ScenarioTests() {
    }

    /**
     * One dynamic test per scenario file in a directory ({@code *.yaml}, {@code *.yml}).
     *
     * @param policy the policy
     * @param scenariosDir the directory of scenario files
     * @return the tests, in file name order
     * @throws UncheckedIOException if the directory cannot be listed
     */
    public static Stream<DynamicTest> dynamicTests(Policy policy, Path scenariosDir) {
        try {
            return dynamicTests(policy, ScenarioLoader.loadDirectory(scenariosDir,
                    policy.source().settings().givenCurrency().orElse(null)), scenariosDir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One dynamic test per loaded scenario file, for example from
     * {@link ScenarioLoader#loadPack(String)}.
     *
     * @param policy the policy
     * @param files the scenario files
     * @return the tests, in order
     */
    public static Stream<DynamicTest> dynamicTests(Policy policy, List<ScenarioFile> files) {
        return dynamicTests(policy, files, "the scenario list");
    }

    private static Stream<DynamicTest> dynamicTests(Policy policy, List<ScenarioFile> files, String where) {
        if (files.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest("no scenarios in " + where, () -> {
                throw new AssertionError("no scenario files (*.yaml, *.yml) in " + where);
            }));
        }
        return files.stream().map(file -> {
            if (!file.isValid()) {
                return DynamicTest.dynamicTest(file.source(), () -> {
                    throw new AssertionError("invalid scenario file:\n" + file.problems().stream()
                            .map(ScenarioProblem::toString).collect(Collectors.joining("\n")));
                });
            }
            Scenario scenario = file.scenario();
            return DynamicTest.dynamicTest(scenario.name(), () -> {
                ScenarioResult result = ScenarioRunner.run(policy, scenario);
                if (!result.passed()) {
                    throw new AssertionError(scenario.source() + ": " + result.report());
                }
            });
        });
    }
}
