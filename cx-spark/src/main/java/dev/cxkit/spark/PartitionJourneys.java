package dev.cxkit.spark;

import dev.cxkit.core.journey.JourneyDefinition;
import dev.cxkit.core.journey.analytics.JourneyAnalytics;
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
        JourneyAnalytics analytics = options.analytics(definitions);
        PartitionInput.Counts c = PartitionInput.read(input, analytics::addResponse, analytics::addEvent);
        return List.of(RowFactory.create(analytics.finishToBytes(), PolicyRows.seq(List.of(c.eventsRead(),
                c.eventsRejected(), c.responsesRead(), c.responsesRejected())))).iterator();
    }
}
