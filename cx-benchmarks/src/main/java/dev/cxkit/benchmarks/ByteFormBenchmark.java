package dev.cxkit.benchmarks;

import dev.cxkit.core.score.Metric;
import dev.cxkit.core.score.RatingDistribution;
import dev.cxkit.core.score.ScoreTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The byte form ({@code docs/format.md}) against Java serialization of the same content, the
 * baseline: a table of 100 NPS groups (touchpoint names, about 5,000 responses each) and one NPS
 * distribution. Encode, decode, and merge two byte forms; the sizes are printed at setup.
 *
 * <p>The baseline serializes what the state holds, as plain serializable objects: for the table
 * a {@code LinkedHashMap<ArrayList<String>, long[]>} plus the metric's name, for the distribution a
 * record of the metric's name and its {@code long[]} counts.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class ByteFormBenchmark {

    private static final int GROUPS = 100;

    /** The baseline's form of one distribution. */
    record SerializableDistribution(String metric, long[] counts) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    ScoreTable table;
    byte[] tableBytes;
    byte[] otherTableBytes;
    LinkedHashMap<ArrayList<String>, long[]> tableObjects;
    byte[] tableSerialized;
    RatingDistribution distribution;
    byte[] distributionBytes;
    SerializableDistribution distributionObject;
    byte[] distributionSerialized;

    /** Fills the table and prints the sizes. */
    @Setup(Level.Trial)
    public void setUp() {
        table = table(42);
        tableBytes = table.toBytes();
        otherTableBytes = table(43).toBytes();
        tableObjects = new LinkedHashMap<>();
        for (int g = 0; g < table.groupCount(); g++) {
            tableObjects.put(new ArrayList<>(table.key(g).values()), table.snapshot(g).counts());
        }
        tableSerialized = serialize(new Object[] {"nps", tableObjects});
        distribution = table.snapshot(0);
        distributionBytes = distribution.toBytes();
        distributionObject = new SerializableDistribution("nps", distribution.counts());
        distributionSerialized = serialize(distributionObject);
        System.out.printf("sizes: table of %d NPS groups: byte form %d B (%.1f B/group), Java serialization %d B;"
                + " one distribution (n=%d): byte form %d B, Java serialization %d B%n", GROUPS, tableBytes.length,
                tableBytes.length / (double) GROUPS, tableSerialized.length, distribution.n(), distributionBytes.length,
                distributionSerialized.length);
    }

    private static ScoreTable table(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ScoreTable t = ScoreTable.create(Metric.NPS, "touchpoint");
        for (int g = 0; g < GROUPS; g++) {
            int id = t.group("touchpoint-" + g);
            for (int i = 0; i < 5_000; i++) {
                t.record(id, random.nextInt(11));
            }
        }
        return t;
    }

    private static byte[] serialize(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] b) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b))) {
            return in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Byte form of the 100-group table. */
    @Benchmark
    public byte[] tableEncode() {
        return table.toBytes();
    }

    /** Baseline: Java serialization of the same content. */
    @Benchmark
    public byte[] tableEncodeJavaSerialization() {
        return serialize(new Object[] {"nps", tableObjects});
    }

    /** A table read back from its byte form (checksum, checks, a new table). */
    @Benchmark
    public ScoreTable tableDecode() {
        return ScoreTable.fromBytes(tableBytes);
    }

    /** Baseline: Java deserialization of the same content. */
    @Benchmark
    public Object tableDecodeJavaSerialization() {
        return deserialize(tableSerialized);
    }

    /** Two byte forms merged into the byte form of their merge (read both, merge, write). */
    @Benchmark
    public byte[] tableMergeBytes() {
        return ScoreTable.mergeBytes(tableBytes, otherTableBytes);
    }

    /** One distribution's byte form. */
    @Benchmark
    public byte[] distributionEncode() {
        return distribution.toBytes();
    }

    /** Baseline: Java serialization of one distribution's content. */
    @Benchmark
    public byte[] distributionEncodeJavaSerialization() {
        return serialize(distributionObject);
    }

    /** One distribution read back. */
    @Benchmark
    public RatingDistribution distributionDecode() {
        return RatingDistribution.fromBytes(distributionBytes);
    }

    /** Baseline: Java deserialization of one distribution's content. */
    @Benchmark
    public Object distributionDecodeJavaSerialization() {
        return deserialize(distributionSerialized);
    }

    /** Two distributions' byte forms merged. */
    @Benchmark
    public byte[] distributionMergeBytes() {
        return RatingDistribution.mergeBytes(distributionBytes, distributionBytes);
    }
}
