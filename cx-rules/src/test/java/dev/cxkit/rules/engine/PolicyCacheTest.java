package dev.cxkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cxkit.core.service.AddressKind;
import dev.cxkit.core.service.Channel;
import dev.cxkit.core.service.ContactPreference;
import dev.cxkit.rules.fact.Customer;
import dev.cxkit.rules.fact.Incident;
import dev.cxkit.rules.fact.IncidentType;
import dev.cxkit.rules.fact.PolicySettings;
import dev.cxkit.rules.fact.RecoveryContext;
import dev.cxkit.rules.plan.RecoveryPlan;
import dev.cxkit.rules.scenario.Scenario;
import dev.cxkit.rules.scenario.ScenarioFile;
import dev.cxkit.rules.scenario.ScenarioLoader;
import dev.cxkit.rules.scenario.ScenarioResult;
import dev.cxkit.rules.scenario.ScenarioRunner;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compiled-policy cache: a policy read from it decides as the compiled one, and an entry is
 * used only for exactly what it was compiled from, by the same versions, whole and unaltered.
 * No timings here (RESULTS.md, "Compiled-policy cache").
 */
class PolicyCacheTest {

    /** Generous and on the caller's thread: these tests compare plans, on a machine that may be busy. */
    private static final PolicyOptions OPTIONS = PolicyOptions.defaults().withTimeBudget(Duration.ofSeconds(30))
            .withIsolation(PolicyOptions.Isolation.CALLER);
    private static final Customer CUSTOMER = new Customer("c-1", null, null,
            new ContactPreference(Channel.EMAIL, AddressKind.EMAIL), 0);

    @TempDir
    Path dir;

    private final List<String> notes = new ArrayList<>();

    private PolicyCache cache(String environment) {
        return new PolicyCache(dir.resolve("cache"), environment, notes::add);
    }

    @ParameterizedTest
    @ValueSource(strings = {"restaurant", "eu261"})
    void aPolicyReadFromTheCacheDecidesEveryScenarioOfTheBundledPackAsTheCompiledOne(String pack) throws Exception {
        PolicySource source = PolicySource.classpath(pack);
        PolicyCache cache = cache("v1");
        try (Policy compiled = Policy.compile(source, OPTIONS);
                Policy first = cache.compile(source, OPTIONS);
                Policy cached = cache("v1").compile(PolicySource.classpath(pack), OPTIONS)) {
            assertThat(notes).hasSize(2);
            assertThat(notes.get(0)).startsWith("policy '" + pack + "' compiled and kept in ");
            assertThat(notes.get(1)).startsWith("policy '" + pack + "' read compiled from ");
            assertThat(Files.exists(cache.entry(source))).isTrue();

            assertThat(cached.ruleNames()).isEqualTo(compiled.ruleNames());
            assertThat(cached.invariants()).isEqualTo(compiled.invariants());
            assertThat(cached.warnings()).isEqualTo(compiled.warnings());
            assertThat(cached.options()).isEqualTo(compiled.options());

            List<Scenario> scenarios = ScenarioLoader.loadPack(pack, source.settings().givenCurrency().orElse(null))
                    .stream().map(ScenarioFile::loaded).flatMap(s -> s.stream()).toList();
            assertThat(scenarios).hasSizeGreaterThan(10);
            for (Scenario scenario : scenarios) {
                ScenarioResult expected = ScenarioRunner.run(compiled, scenario);
                ScenarioResult fromCache = ScenarioRunner.run(cached, scenario);
                assertThat(fromCache.plan()).as(scenario.source()).isEqualTo(expected.plan());
                assertThat(fromCache.differences()).as(scenario.source()).isEqualTo(expected.differences());
                assertThat(ScenarioRunner.run(first, scenario).plan()).as(scenario.source()).isEqualTo(expected.plan());
            }
        }
    }

    @Test
    void aCachedPolicyKeepsTheGuardRailsOfItsOptions() throws Exception {
        PolicySource source = PolicySource.classpath("restaurant");
        cache("v1").compile(source, OPTIONS).close();
        PolicyOptions one = OPTIONS.withFiringLimit(1);
        Incident incident = Incident.builder("i-1", IncidentType.WRONG_ITEM).channel(Channel.IN_PERSON)
                .detectedAt(Instant.EPOCH).build();
        try (Policy compiled = Policy.compile(source, one); Policy cached = cache("v1").compile(source, one)) {
            assertThat(notes).last().asString().startsWith("policy 'restaurant' read compiled from ");
            String expected = message(() -> compiled.decide(incident, CUSTOMER, RecoveryContext.at(Instant.EPOCH)));
            assertThat(expected).contains("exceeded the firing limit of 1");
            assertThat(message(() -> cached.decide(incident, CUSTOMER, RecoveryContext.at(Instant.EPOCH))))
                    .isEqualTo(expected);
        }
    }

    private static String message(Runnable decision) {
        try {
            decision.run();
            return "decided";
        } catch (DecisionException e) {
            return e.getMessage();
        }
    }

    @Test
    void aChangedDrlFileGivesAnotherKeyAndIsCompiledAgain() throws Exception {
        Path policyDir = Files.createDirectories(dir.resolve("tiny"));
        Files.writeString(policyDir.resolve("tiny.drl"), tinyDrl("first"));
        PolicyCache cache = cache("v1");
        PolicySource before = PolicySource.directory(policyDir);
        try (Policy policy = cache.compile(before, OPTIONS)) {
            assertThat(decide(policy).steps().get(0).instruction()).isEqualTo("first");
        }
        Files.writeString(policyDir.resolve("tiny.drl"), tinyDrl("second"));
        PolicySource after = PolicySource.directory(policyDir);
        assertThat(cache.entry(after)).isNotEqualTo(cache.entry(before));
        try (Policy policy = cache.compile(after, OPTIONS)) {
            assertThat(decide(policy).steps().get(0).instruction()).isEqualTo("second");
        }
        assertThat(notes).hasSize(2).allMatch(n -> n.startsWith("policy 'tiny' compiled and kept in "));
        assertThat(Files.exists(cache.entry(before))).isTrue();
        assertThat(Files.exists(cache.entry(after))).isTrue();
    }

    @Test
    void theKeyCoversTheNameEveryFileTheSettingsAndTheVersions() {
        PolicySource source = PolicySource.of("p", Map.of("a.drl", tinyDrl("x")), PolicySettings.of("s", Map.of("k", "1")));
        byte[] key = PolicyCache.key(source, "v1");
        assertThat(PolicyCache.key(PolicySource.of("p", Map.of("a.drl", tinyDrl("x")),
                PolicySettings.of("s", Map.of("k", "1"))), "v1")).isEqualTo(key);
        assertThat(List.of(
                PolicyCache.key(source, "v2"),
                PolicyCache.key(PolicySource.of("q", source.files(), source.settings()), "v1"),
                PolicyCache.key(PolicySource.of("p", Map.of("b.drl", tinyDrl("x")), source.settings()), "v1"),
                PolicyCache.key(PolicySource.of("p", Map.of("a.drl", tinyDrl("y")), source.settings()), "v1"),
                PolicyCache.key(source.withSettings(PolicySettings.of("s", Map.of("k", "2"))), "v1"),
                PolicyCache.key(source.withSettings(PolicySettings.of("t", Map.of("k", "1"))), "v1")))
                .allSatisfy(other -> assertThat(other).isNotEqualTo(key))
                .doesNotHaveDuplicates();
        assertThat(PolicyCache.environmentOfThisRuntime()).contains("cxkit 0.1.0").contains("drools 10.2.0/10.2.0")
                .contains(" " + Runtime.version() + ";");
    }

    @Test
    void aDamagedEntryIsIgnoredCompiledAgainAndReplaced() throws Exception {
        PolicySource source = PolicySource.classpath("restaurant");
        PolicyCache cache = cache("v1");
        cache.compile(source, OPTIONS).close();
        Path entry = cache.entry(source);
        byte[] good = Files.readAllBytes(entry);

        byte[] flipped = good.clone();
        flipped[flipped.length - 1000] ^= 0x10;
        Files.write(entry, flipped);
        assertIgnoredAndReplaced(cache, source, "damaged: the checksum does not match");

        Files.write(entry, java.util.Arrays.copyOf(good, good.length / 2));
        assertIgnoredAndReplaced(cache, source, "truncated or damaged");

        Files.write(entry, java.util.Arrays.copyOf(good, 20));
        assertIgnoredAndReplaced(cache, source, "truncated");

        Files.writeString(entry, "not an entry at all, but long enough to hold a header's bytes ..........");
        assertIgnoredAndReplaced(cache, source, "not a compiled policy of this format");
    }

    private void assertIgnoredAndReplaced(PolicyCache cache, PolicySource source, String why) throws Exception {
        notes.clear();
        try (Policy policy = cache.compile(source, OPTIONS)) {
            assertThat(decide(policy, "restaurant")).isNotNull();
        }
        assertThat(notes).hasSize(2);
        assertThat(notes.get(0)).startsWith("ignored " + cache.entry(source) + ": ").contains(why)
                .endsWith("; compiling again");
        assertThat(notes.get(1)).startsWith("policy 'restaurant' compiled and kept in ");
        notes.clear();
        cache.compile(source, OPTIONS).close();
        assertThat(notes).singleElement().asString().startsWith("policy 'restaurant' read compiled from ");
    }

    @Test
    void anEntryOfAnotherVersionIsIgnored() throws Exception {
        PolicySource source = PolicySource.classpath("restaurant");
        PolicyCache old = cache("cxkit 0.0.9; drools 10.1.0");
        old.compile(source, OPTIONS).close();
        PolicyCache current = cache("cxkit 0.1.0; drools 10.2.0");
        assertThat(current.entry(source)).isNotEqualTo(old.entry(source));
        // the old version's entry, under the name the new version looks for
        Files.copy(old.entry(source), current.entry(source));
        notes.clear();
        try (Policy policy = current.compile(source, OPTIONS)) {
            assertThat(decide(policy, "restaurant")).isNotNull();
        }
        assertThat(notes.get(0)).contains("ignored").contains("compiled from other files");
        assertThat(notes.get(1)).startsWith("policy 'restaurant' compiled and kept in ");

        // the same key, another version text in the header: still refused
        byte[] key = PolicyCache.key(source, current.environment());
        byte[] payload = payloadOf(Files.readAllBytes(current.entry(source)));
        Files.write(current.entry(source), PolicyCache.entryBytes(key, "cxkit 0.0.9; drools 10.1.0", List.of(), payload));
        notes.clear();
        current.compile(source, OPTIONS).close();
        assertThat(notes.get(0)).contains("compiled by another version (cxkit 0.0.9; drools 10.1.0)");
    }

    @Test
    void anEntryHoldingAClassOutsideTheRuleBaseIsRefusedBeforeItIsBuilt() throws Exception {
        PolicySource source = PolicySource.classpath("restaurant");
        PolicyCache cache = cache("v1");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            Map<String, Object> foreign = new HashMap<>();
            foreign.put("file", new File("/etc/passwd"));
            out.writeObject(foreign);
        }
        Files.createDirectories(cache.directory());
        Files.write(cache.entry(source), PolicyCache.entryBytes(PolicyCache.key(source, "v1"), "v1", List.of(),
                bytes.toByteArray()));
        try (Policy policy = cache.compile(source, OPTIONS)) {
            assertThat(decide(policy, "restaurant")).isNotNull();
        }
        assertThat(notes.get(0)).startsWith("ignored ").contains("REJECTED");
        assertThat(notes.get(1)).startsWith("policy 'restaurant' compiled and kept in ");
    }

    @Test
    void theFilterAllowsTheRuleBaseAndThePolicysOwnPackagesAndImportsOnly() {
        PolicySource source = PolicySource.of("p", Map.of("a.drl", "package com.acme.rules;\nimport com.acme.model.Order;\n"
                + "import com.acme.shared.*;\n"), PolicySettings.empty());
        CompiledPackages.Filter filter = CompiledPackages.filter(source);
        assertThat(Stream.of("com.acme.rules.Declared", "com.acme.model.Order", "com.acme.model.Order$Line",
                "com.acme.shared.Money", "org.drools.base.rule.Declaration", "java.util.HashMap", "java.time.Ser",
                "dev.cxkit.rules.fact.Incident", "java.lang.String")).allSatisfy(name ->
                        assertThat(filter.allows(name)).as(name).isTrue());
        assertThat(Stream.of("com.acme.model.Customer", "java.io.File", "java.net.URL",
                "org.apache.commons.collections.functors.InvokerTransformer", "javax.management.BadAttributeValueExpException",
                "java.lang.Runtime", "java.lang.reflect.Proxy")).allSatisfy(name ->
                        assertThat(filter.allows(name)).as(name).isFalse());
    }

    @Test
    void aFolderThatCannotBeWrittenIsNotAnError() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");
        PolicyCache cache = new PolicyCache(notAFolder.resolve("policies"), "v1", notes::add);
        try (Policy policy = cache.compile(PolicySource.classpath("restaurant"), OPTIONS)) {
            assertThat(decide(policy, "restaurant")).isNotNull();
        }
        assertThat(notes).singleElement().asString().startsWith("cannot keep the compiled policy in "
                + notAFolder.resolve("policies"));
    }

    @Test
    void aPolicyThatDoesNotCompileIsNeverCached() throws IOException {
        PolicySource broken = PolicySource.of("broken", Map.of("b.drl", tinyDrl("x").replace("then", "thn")),
                PolicySettings.empty());
        PolicyCache cache = cache("v1");
        assertThatThrownBy(() -> cache.compile(broken, OPTIONS)).isInstanceOf(PolicyCompilationException.class);
        assertThat(notes).isEmpty();
        assertThat(Files.exists(cache.directory())).isFalse();
        assertThatThrownBy(() -> cache.compile(PolicySource.of("none", Map.of(), PolicySettings.empty()), OPTIONS))
                .isInstanceOf(PolicyCompilationException.class).hasMessageContaining("no DRL files");
    }

    @Test
    void anEntryIsWrittenWithNoTemporaryFileLeftBehind() throws Exception {
        PolicyCache cache = cache("v1");
        cache.compile(PolicySource.classpath("restaurant"), OPTIONS).close();
        try (Stream<Path> files = Files.list(cache.directory())) {
            assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString()
                    .matches("[0-9a-f]{64}\\.kbase");
        }
    }

    @Test
    void theLeastRecentlyUsedEntriesBeyondTheMostAreDeleted() throws Exception {
        PolicyCache cache = new PolicyCache(dir.resolve("cache"), "v1", notes::add, 2);
        List<PolicySource> sources = new ArrayList<>();
        for (String text : List.of("a", "b", "c")) {
            PolicySource source = PolicySource.of("tiny", Map.of("t.drl", tinyDrl(text)), PolicySettings.empty());
            sources.add(source);
            cache.compile(source, OPTIONS).close();
            // apart in time, oldest first, whatever the file system's clock resolution
            Files.setLastModifiedTime(cache.entry(source), java.nio.file.attribute.FileTime.fromMillis(
                    1_000_000_000_000L + sources.size() * 60_000L));
            if (sources.size() == 2) {
                cache.compile(sources.get(0), OPTIONS).close(); // read: "a" is now the most recently used
            }
        }
        assertThat(Files.exists(cache.entry(sources.get(0)))).isTrue();
        assertThat(Files.exists(cache.entry(sources.get(1)))).as("least recently used").isFalse();
        assertThat(Files.exists(cache.entry(sources.get(2)))).isTrue();
        assertThat(notes).last().asString().startsWith("deleted " + cache.entry(sources.get(1)));
    }

    /** The serialized packages of an entry (after its header and warnings, length and checksum). */
    private static byte[] payloadOf(byte[] entry) {
        ByteBuffer buffer = ByteBuffer.wrap(entry);
        buffer.position("cxkit-policy".length() + 4 + 32);
        skipString(buffer);
        int warnings = buffer.getInt();
        for (int i = 0; i < warnings; i++) {
            skipString(buffer);
            buffer.getInt();
            if (buffer.get() != 0) {
                skipString(buffer);
            }
            skipString(buffer);
            buffer.get();
        }
        int length = buffer.getInt();
        buffer.position(buffer.position() + 32);
        byte[] payload = new byte[length];
        buffer.get(payload);
        return payload;
    }

    private static void skipString(ByteBuffer buffer) {
        int length = buffer.getInt();
        buffer.position(buffer.position() + length);
    }

    private static String tinyDrl(String instruction) {
        return "package tiny;\n"
                + "import dev.cxkit.rules.fact.Incident;\n"
                + "import dev.cxkit.rules.plan.PlanDraft;\n"
                + "import dev.cxkit.rules.plan.AwareStep;\n"
                + "import dev.cxkit.rules.plan.Owner;\n"
                + "global PlanDraft plan;\n"
                + "rule \"Say it\"\n"
                + "when\n"
                + "    $i : Incident()\n"
                + "then\n"
                + "    plan.step(AwareStep.ACKNOWLEDGE, Owner.FRONTLINE, $i.detectedAt(), \"" + instruction + "\");\n"
                + "end\n";
    }

    private static RecoveryPlan decide(Policy policy) {
        return decide(policy, "tiny");
    }

    private static RecoveryPlan decide(Policy policy, String what) {
        Incident incident = Incident.builder(what + "-1", IncidentType.WRONG_ITEM).channel(Channel.IN_PERSON)
                .detectedAt(Instant.EPOCH).wait(45, 20).build();
        return policy.decide(incident, CUSTOMER, RecoveryContext.at(Instant.EPOCH));
    }
}
