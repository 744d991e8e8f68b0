package dev.cxkit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the README's code honest: a test holds the example between {@code // README:start} and
 * {@code // README:end} markers, runs it, and asks this helper whether README.md shows that code
 * verbatim (minus the 8 spaces of the test method's indentation). Shared by every module's
 * quick-start test through cx-core's test-jar.
 */
public final class ReadmeSnippet {

    private static final Pattern MARKED = Pattern.compile("// README:start\\R(.*?)\\R\\s*// README:end", Pattern.DOTALL);

    private ReadmeSnippet() {
    }

    /**
     * Asserts that README.md, in the folder above the module, contains the marked code of a test.
     *
     * @param testClass the test, whose source is {@code src/test/java/<package>/<name>.java} of the module
     */
    public static void assertShownVerbatim(Class<?> testClass) {
        Path sourceFile = Path.of("src/test/java", testClass.getName().replace('.', '/') + ".java");
        try {
            Matcher m = MARKED.matcher(Files.readString(sourceFile, StandardCharsets.UTF_8));
            assertThat(m.find()).as("%s has README markers", sourceFile).isTrue();
            String snippet = m.group(1).lines().map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                    .reduce((a, b) -> a + "\n" + b).orElseThrow();
            String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8).replace("\r\n", "\n");
            assertThat(readme).as("README.md must show the example of %s verbatim", testClass.getSimpleName())
                    .contains(snippet);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
