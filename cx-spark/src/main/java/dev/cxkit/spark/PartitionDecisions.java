package dev.cxkit.spark;

import dev.cxkit.core.io.Rejection;
import dev.cxkit.rules.engine.BatchDecisions;
import dev.cxkit.rules.engine.DecisionException;
import dev.cxkit.rules.engine.Policy;
import dev.cxkit.rules.engine.PolicyCompilationException;
import dev.cxkit.rules.engine.PolicySource;
import dev.cxkit.rules.fact.PolicySettings;
import dev.cxkit.rules.io.IncidentReader;
import dev.cxkit.rules.io.IncidentRecord;
import dev.cxkit.rules.plan.RecoveryPlan;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Decides one partition's incident lines: the policy is compiled once per executor JVM (cached
 * by its content), the lines are read as {@code cx recover} reads a file, and every line gives one
 * row, decided, failed or rejected. A failing decision fails its row, never the task.
 */
final class PartitionDecisions implements MapPartitionsFunction<String, Row> {

    private static final long serialVersionUID = 1L;

    /** Compiled policies of this JVM by content key: compiled once per executor, shared by its tasks. */
    private static final Map<String, Policy> COMPILED = new ConcurrentHashMap<>();

    /** What crosses to the executors: the policy's text, not the compiled policy. */
    private final String name;
    private final LinkedHashMap<String, String> files;
    private final String settingsSource;
    private final LinkedHashMap<String, String> settings;
    private final String key;

    PartitionDecisions(PolicySource source) {
        this.name = source.name();
        this.files = new LinkedHashMap<>(source.files());
        this.settingsSource = source.settings().source();
        this.settings = new LinkedHashMap<>(source.settings().values());
        this.key = contentKey(name, files, settings);
    }

    /** A digest of everything the compiled policy depends on. */
    private static String contentKey(String name, Map<String, String> files, Map<String, String> settings) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            for (Map<String, String> map : List.of(files, settings)) {
                map.forEach((k, v) -> {
                    digest.update((byte) 0);
                    digest.update(k.getBytes(StandardCharsets.UTF_8));
                    digest.update((byte) 1);
                    digest.update(v.getBytes(StandardCharsets.UTF_8));
                });
                digest.update((byte) 2);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Returns this JVM's compiled policy of the source, compiling it on first use. */
    Policy policy() {
        return COMPILED.computeIfAbsent(key, k -> {
            try {
                return Policy.compile(PolicySource.of(name, files, PolicySettings.of(settingsSource, settings)));
            } catch (PolicyCompilationException e) {
                throw new IllegalStateException("policy " + name + " does not compile: " + e.getMessage(), e);
            }
        });
    }

    /** Returns how many policies this JVM has compiled (for tests). */
    static int compiledPolicies() {
        return COMPILED.size();
    }

    @Override
    public Iterator<Row> call(Iterator<String> lines) {
        StringBuilder text = new StringBuilder();
        while (lines.hasNext()) {
            String line = lines.next();
            text.append(line == null ? "" : line.replace('\n', ' ')).append('\n');
        }
        List<IncidentRecord> accepted = new ArrayList<>();
        List<Row> out = new ArrayList<>();
        IncidentReader reader = IncidentReader.create(policy().source().settings().requiredFlightFields());
        try {
            reader.read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), "partition",
                    accepted::add, (Rejection r) -> out.add(PolicyRows.notDecided(null, "rejected",
                            "line " + r.line() + " of its partition: " + r.reason(), null)));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a byte array does not fail
        }
        BatchDecisions.decide(policy(), accepted, Map.of(), null, null, new BatchDecisions.Listener() {
            @Override
            public void decided(IncidentRecord incident, RecoveryPlan plan) {
                out.add(PolicyRows.decided(plan));
            }

            @Override
            public void failed(IncidentRecord incident, DecisionException failure) {
                out.add(PolicyRows.notDecided(failure.incidentId(), "failed", failure.reason(), failure.rule()));
            }
        });
        return out.iterator();
    }
}
