package dev.cxkit.rules.packs;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The scenarios shipped with the restaurant pack, run as tests, and their coverage of the rules. */
class RestaurantScenariosTest {

    private static final Path SOURCE_DIR = Path.of("src/main/resources/dev/cxkit/rules/packs/restaurant/scenarios");

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioPasses() {
        return ScenarioTests.dynamicTests(Restaurant.pack(), ScenarioLoader.loadPack("restaurant"));
    }

    @Test
    void everyRuleOfThePackIsExpectedToFireInAtLeastOneScenario() {
        List<ScenarioFile> files = ScenarioLoader.loadPack("restaurant");
        assertThat(files).allMatch(ScenarioFile::isValid, "loads without problems");
        Set<String> named = files.stream().map(ScenarioFile::scenario).map(Scenario::expect)
                .flatMap(e -> e.fired() == null ? Stream.empty() : e.fired().stream())
                .collect(Collectors.toCollection(TreeSet::new));

        List<String> unnamed = Restaurant.pack().ruleNames().stream().filter(rule -> !named.contains(rule)).toList();

        assertThat(unnamed).as("rules of the restaurant pack that no scenario's 'fired' list names: add a scenario "
                + "that expects each to fire").isEmpty();
    }

    @Test
    void theScenarioIndexListsEveryScenarioFileOfThePack() throws IOException {
        Set<String> onDisk;
        try (Stream<Path> list = Files.list(SOURCE_DIR)) {
            onDisk = list.filter(ScenarioLoader::isScenarioFile).map(p -> p.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> listed = ScenarioLoader.loadPack("restaurant").stream()
                .map(f -> f.source().substring("restaurant/scenarios/".length()))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(listed).isEqualTo(onDisk);
    }
}
