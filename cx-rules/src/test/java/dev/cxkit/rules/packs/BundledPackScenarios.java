package dev.cxkit.rules.packs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.scenario.Scenario;
import dev.cxkit.rules.scenario.ScenarioFile;
import dev.cxkit.rules.scenario.ScenarioLoader;
import dev.cxkit.rules.scenario.ScenarioTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The scenarios shipped with a bundled pack, run as tests, and their coverage of the pack's rules:
 * every rule must be named in at least one scenario's {@code fired} list, and the pack's scenario
 * index must list every scenario file. A subclass names the pack.
 */
abstract class BundledPackScenarios {

    private final String packName;

    /** @param packName the pack's name, for example {@code restaurant} */
    BundledPackScenarios(String packName) {
        this.packName = packName;
    }

    private String packName() {
        return packName;
    }

    private Policy pack() {
        return TestPacks.compiled(packName);
    }

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioPasses() {
        return ScenarioTests.dynamicTests(pack(), ScenarioLoader.loadPack(packName(), pack().source().settings().givenCurrency().orElse(null)));
    }

    @Test
    void everyRuleOfThePackIsExpectedToFireInAtLeastOneScenario() {
        List<ScenarioFile> files = ScenarioLoader.loadPack(packName(), pack().source().settings().givenCurrency().orElse(null));
        assertThat(files).allMatch(ScenarioFile::isValid, "loads without problems");
        Set<String> named = files.stream().map(ScenarioFile::scenario).map(Scenario::expect)
                .flatMap(e -> e.fired() == null ? Stream.empty() : e.fired().stream())
                .collect(Collectors.toCollection(TreeSet::new));

        List<String> unnamed = pack().ruleNames().stream().filter(rule -> !named.contains(rule)).toList();

        assertThat(unnamed).as("rules of the " + packName() + " pack that no scenario's 'fired' list names: add a "
                + "scenario that expects each to fire").isEmpty();
    }

    @Test
    void theScenarioIndexListsEveryScenarioFileOfThePack() throws IOException {
        Path sourceDir = Path.of("src/main/resources/dev/cxkit/rules/packs", packName(), "scenarios");
        Set<String> onDisk;
        try (Stream<Path> list = Files.list(sourceDir)) {
            onDisk = list.filter(ScenarioLoader::isScenarioFile).map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        String prefix = packName() + "/scenarios/";
        Set<String> listed = ScenarioLoader.loadPack(packName(), pack().source().settings().givenCurrency().orElse(null)).stream()
                .map(f -> f.source().substring(prefix.length()))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(onDisk).isNotEmpty();
        assertThat(listed).isEqualTo(onDisk);
    }
}
