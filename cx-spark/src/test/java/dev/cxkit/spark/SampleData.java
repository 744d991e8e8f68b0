package dev.cxkit.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.JourneyDefinitions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The generated sample of {@code cx sample} in a folder, and its files as Spark sees them. */
final class SampleData {

    private SampleData() {
    }

    /** Writes a sample of {@code journeys} journeys into {@code dir}. */
    static void generate(Path dir, int journeys) {
        assertThat(CxSparkScoresTest.cx("sample", "--out", dir.toString(), "--size", String.valueOf(journeys), "-q")
                .exit()).isZero();
    }

    /** The sample's two journey definitions, dine-in first. */
    static List<JourneyDefinition> definitions(Path dir) throws IOException {
        return List.of(JourneyDefinitions.load(dir.resolve("dine-in.yaml")),
                JourneyDefinitions.load(dir.resolve("delivery.yaml")));
    }

    /** A CSV file of the sample as text columns, as {@code cx} reads it (no schema inference). */
    static Dataset<Row> csv(Path dir, String name) {
        return LocalSpark.session().read().option("header", "true").csv(dir.resolve(name).toString());
    }
}
