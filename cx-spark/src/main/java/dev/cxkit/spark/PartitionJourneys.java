package dev.cxkit.spark;

import dev.cxkit.core.io.InputFormat;
import dev.cxkit.core.io.JourneyEventReader;
import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.io.ResponseReader;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.analytics.JourneyAnalytics;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Runs cx-core's {@link JourneyAnalytics} over one partition of events and responses, all of
 * whose journeys are whole in it (the input is partitioned by journey id): responses first, then
 * events, as the analytics want them. Emits the partition's closed analytics as bytes
 * ({@link JourneyAnalytics#finishToBytes()}) and its reading counts.
 */
final class PartitionJourneys implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    /** Input: {@code (kind, line)}, kind {@code E} for an event and {@code R} for a response, line JSON. */
    static final String EVENT = "E";

    /** Output: the partition's closed analytics as bytes, and its reading counts. */
    static final StructType PARTIAL = DataTypes.createStructType(List.of(
            DataTypes.createStructField("analytics", DataTypes.BinaryType, false),
            DataTypes.createStructField("counts", DataTypes.createArrayType(DataTypes.LongType, false), false)));

    private final ArrayList<JourneyDefinition> definitions;
    private final JourneyOptions options;

    PartitionJourneys(List<JourneyDefinition> definitions, JourneyOptions options) {
        this.definitions = new ArrayList<>(definitions);
        this.options = options;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        StringBuilder events = new StringBuilder();
        StringBuilder responses = new StringBuilder();
        while (input.hasNext()) {
            Row row = input.next();
            (EVENT.equals(row.getString(0)) ? events : responses).append(row.getString(1).replace('\n', ' ')).append('\n');
        }
        JourneyAnalytics analytics = options.analytics(definitions);
        long[] rejected = new long[2];
        try {
            ReadSummary r = ResponseReader.builder().format(InputFormat.JSONL).build().read(bytes(responses),
                    "responses", analytics::addResponse, x -> rejected[1]++);
            ReadSummary e = definitions.isEmpty() ? ReadSummary.EMPTY : JourneyEventReader.of(InputFormat.JSONL).read(
                    bytes(events), "events", analytics::addEvent, x -> rejected[0]++);
            return List.of(RowFactory.create(analytics.finishToBytes(),
                    PolicyRows.seq(List.of(e.read(), rejected[0], r.read(), rejected[1])))).iterator();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex); // reading a byte array does not fail
        }
    }

    private static ByteArrayInputStream bytes(StringBuilder text) {
        return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
