package dev.cxkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule-author guide's walkthrough ("Writing a pack for a new regulation") works as written:
 * every file it shows (a line {@code File `appr/...`:} then a fenced block) is copied into a
 * folder, and {@code cx rules check} and {@code cx rules test} give what the guide prints.
 */
class RuleAuthorGuideTest {

    private static final Pattern FILE = Pattern.compile("(?m)^File `(appr/[^`]+)`:\\R\\R```\\w*\\R(.*?)^```$",
            Pattern.DOTALL);

    @Test
    void theNewRegulationWalkthroughChecksAndPasses(@TempDir Path dir) throws IOException {
        String guide = Files.readString(Path.of("..", "docs", "rule-authors.md"), StandardCharsets.UTF_8);
        String walkthrough = guide.substring(guide.indexOf("## Writing a pack for a new regulation"));
        Map<String, String> files = new LinkedHashMap<>();
        Matcher m = FILE.matcher(walkthrough);
        while (m.find()) {
            files.put(m.group(1), m.group(2));
        }
        assertThat(files).containsOnlyKeys("appr/settings.properties", "appr/compensation.drl",
                "appr/scenarios/large-carrier-7h.yaml", "appr/scenarios/storm-10h.yaml");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        String appr = dir.resolve("appr").toString();

        CliRun check = CliRun.run("rules", "check", appr);
        assertThat(check.exit()).as(check.toString()).isZero();
        CliRun test = CliRun.run("rules", "test", appr);
        assertThat(test.exit()).as(test.toString()).isZero();
        // what the guide prints is what the commands print
        String printed = walkthrough.substring(walkthrough.indexOf("**5. Check and test**"));
        printed = printed.substring(printed.indexOf("```\n") + 4, printed.indexOf("\n```", printed.indexOf("```\n") + 4));
        assertThat(check.out() + test.out()).isEqualToIgnoringNewLines(printed);
    }
}
