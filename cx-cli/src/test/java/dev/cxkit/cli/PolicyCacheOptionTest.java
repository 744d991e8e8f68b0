package dev.cxkit.cli;

import static dev.cxkit.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.rules.engine.PolicyCache;
import dev.cxkit.rules.engine.PolicySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --no-policy-cache} and the commands' compiled-policy cache: the cache changes nothing a
 * command prints, and says what it did only under {@code --verbose}. The build points
 * {@code XDG_CACHE_HOME} at {@code target/xdg-cache} for these tests (cx-cli's pom).
 */
class PolicyCacheOptionTest {

    @TempDir
    Path dir;

    private static PolicyCache userCache() {
        return PolicyCache.in(PolicyCacheOption.directory(System.getenv(), System.getProperty("user.home")));
    }

    @Test
    void theFolderIsXdgCacheHomeWhenAbsoluteElseTheHomeFoldersDotCache() {
        assertThat(PolicyCacheOption.directory(Map.of("XDG_CACHE_HOME", "/var/cache/me"), "/home/me"))
                .isEqualTo(Path.of("/var/cache/me/cxkit/policies"));
        assertThat(PolicyCacheOption.directory(Map.of("XDG_CACHE_HOME", "relative/cache"), "/home/me"))
                .isEqualTo(Path.of("/home/me/.cache/cxkit/policies"));
        assertThat(PolicyCacheOption.directory(Map.of(), "/home/me")).isEqualTo(Path.of("/home/me/.cache/cxkit/policies"));
        assertThat(PolicyCacheOption.directory(Map.of("XDG_CACHE_HOME", ""), null)).isNull();
    }

    @Test
    void recoverPrintsTheSameWithTheCacheAsWithout() {
        CliRun compiled = run("recover", "--no-policy-cache", "--format", "json");
        CliRun first = run("recover", "--format", "json");
        CliRun cached = run("recover", "--format", "json");
        assertThat(compiled.exit()).as(compiled.toString()).isZero();
        assertThat(Files.exists(userCache().entry(PolicySource.classpath("restaurant")))).isTrue();
        for (CliRun run : new CliRun[] {first, cached}) {
            assertThat(run.exit()).isZero();
            assertThat(run.out()).isEqualTo(compiled.out());
            assertThat(run.err()).isEqualTo(compiled.err());
        }
        CliRun eu261 = run("recover", "--policy", "eu261", "--no-policy-cache");
        assertThat(run("recover", "--policy", "eu261").out()).isEqualTo(eu261.out());
        assertThat(run("recover", "--policy", "eu261").out()).isEqualTo(eu261.out());
    }

    @Test
    void verboseSaysWhereTheCompiledPolicyWasKeptAndReadFrom() throws IOException {
        Path policy = copyOfRestaurant("verbose-pack");
        PolicySource source = PolicySource.resolve(policy.toString());
        CliRun first = run("--verbose", "rules", "test", policy.toString());
        CliRun second = run("--verbose", "rules", "test", policy.toString());
        assertThat(first.exit()).as(first.toString()).isZero();
        assertThat(first.err()).contains("cx: policy cache: policy 'verbose-pack' compiled and kept in "
                + userCache().entry(source));
        assertThat(second.err()).contains("cx: policy cache: policy 'verbose-pack' read compiled from "
                + userCache().entry(source));
        assertThat(second.out()).isEqualTo(first.out());
        CliRun quiet = run("rules", "test", policy.toString());
        assertThat(quiet.err()).doesNotContain("policy cache");
    }

    @Test
    void noPolicyCacheKeepsNothing() throws IOException {
        Path policy = copyOfRestaurant("uncached-pack");
        CliRun run = run("recover", "--policy", policy.toString(), "--no-policy-cache");
        assertThat(run.exit()).as(run.toString()).isZero();
        assertThat(Files.exists(userCache().entry(PolicySource.resolve(policy.toString())))).isFalse();
        assertThat(run("rules", "diff", "restaurant", policy.toString(), "--no-policy-cache").exit()).isZero();
        assertThat(Files.exists(userCache().entry(PolicySource.resolve(policy.toString())))).isFalse();
    }

    @Test
    void reportTakesTheOptionAndPrintsTheSame() {
        CliRun compiled = run("report", "--no-policy-cache", "--out", dir.resolve("a").toString());
        CliRun cached = run("report", "--out", dir.resolve("b").toString());
        assertThat(compiled.exit()).as(compiled.toString()).isZero();
        assertThat(cached.exit()).as(cached.toString()).isZero();
        assertThat(cached.out().replace(dir.resolve("b").toString(), "OUT"))
                .isEqualTo(compiled.out().replace(dir.resolve("a").toString(), "OUT"));
    }

    /** The restaurant pack's files in a folder of another name (so its cache entry is its own). */
    private Path copyOfRestaurant(String name) throws IOException {
        Path policy = Files.createDirectories(dir.resolve(name));
        PolicySource pack = PolicySource.classpath("restaurant");
        for (Map.Entry<String, String> file : pack.files().entrySet()) {
            if (!file.getKey().endsWith(".csv")) {
                Files.writeString(policy.resolve(file.getKey()), file.getValue());
            } else { // a decision table, as the DRL made from it
                Files.writeString(policy.resolve(file.getKey().replace(".drl.csv", "-table.drl")), file.getValue());
            }
        }
        Files.write(policy.resolve(PolicySource.SETTINGS_FILE), resource(PolicySource.SETTINGS_FILE));
        Path scenarios = Files.createDirectories(policy.resolve("scenarios"));
        for (String line : new String(resource("scenarios/index"), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                Files.write(scenarios.resolve(line.strip()), resource("scenarios/" + line.strip()));
            }
        }
        return policy;
    }

    private static byte[] resource(String name) throws IOException {
        try (var in = PolicySource.class.getResourceAsStream("/dev/cxkit/rules/packs/restaurant/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
