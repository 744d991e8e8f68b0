package dev.cxkit.spark;

import dev.cxkit.core.io.InputFormat;
import dev.cxkit.core.io.JourneyEventReader;
import dev.cxkit.core.io.ReadSummary;
import dev.cxkit.core.io.ResponseReader;
import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.analytics.JourneyAnalysis;
import dev.cxkit.core.journey.analytics.JourneyAnalytics;
import dev.cxkit.core.journey.analytics.JourneyGrouping;
import dev.cxkit.core.journey.loop.ConsistencyRules;
import dev.cxkit.core.score.ScoreOptions;
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
 * events, as the analytics want them. Emits the partition's mergeable state as bytes: per
 * definition its journey and score accumulators, plus the assembly and reading counts.
 */
final class PartitionJourneys implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    /** Input: {@code (kind, line)}, kind {@code E} for an event and {@code R} for a response, line JSON. */
    static final String EVENT = "E";

    /**
     * Output: one row per definition ({@code definition} ≥ 0, with {@code journeys} and
     * {@code scores} bytes) and one row of counts ({@code definition} = −1).
     */
    static final StructType PARTIAL = DataTypes.createStructType(List.of(
            DataTypes.createStructField("definition", DataTypes.IntegerType, false),
            DataTypes.createStructField("journeys", DataTypes.BinaryType, true),
            DataTypes.createStructField("scores", DataTypes.BinaryType, true),
            DataTypes.createStructField("counts", DataTypes.createArrayType(DataTypes.LongType, false), true)));

    private final ArrayList<JourneyDefinition> definitions;
    private final JourneyGrouping grouping;

    PartitionJourneys(List<JourneyDefinition> definitions, JourneyGrouping grouping) {
        this.definitions = new ArrayList<>(definitions);
        this.grouping = grouping;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        StringBuilder events = new StringBuilder();
        StringBuilder responses = new StringBuilder();
        while (input.hasNext()) {
            Row row = input.next();
            (EVENT.equals(row.getString(0)) ? events : responses).append(row.getString(1).replace('\n', ' ')).append('\n');
        }
        JourneyAnalytics analytics = JourneyAnalytics.builder(definitions).grouping(grouping).build();
        long[] rejected = new long[2];
        try {
            ReadSummary r = ResponseReader.builder().format(InputFormat.JSONL).build().read(bytes(responses),
                    "responses", analytics::addResponse, x -> rejected[1]++);
            ReadSummary e = definitions.isEmpty() ? ReadSummary.EMPTY : JourneyEventReader.of(InputFormat.JSONL).read(
                    bytes(events), "events", analytics::addEvent, x -> rejected[0]++);
            JourneyAnalysis analysis = analytics.finish(ScoreOptions.defaults(), ConsistencyRules.defaults());
            List<Row> out = new ArrayList<>();
            for (int d = 0; d < definitions.size(); d++) {
                out.add(RowFactory.create(d, analytics.journeyAccumulators().get(d).toBytes(),
                        analytics.scoreAccumulators().get(d).toBytes(), null));
            }
            var a = analysis.assembly();
            out.add(RowFactory.create(-1, null, null, PolicyRows.seq(List.of(e.read(), e.accepted(), rejected[0],
                    r.read(), r.accepted(), rejected[1], a.events(), a.assembled(), a.duplicates(), a.late(),
                    a.journeys(), analysis.joined(), analysis.unmatched()))));
            return out.iterator();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex); // reading a byte array does not fail
        }
    }

    private static ByteArrayInputStream bytes(StringBuilder text) {
        return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
