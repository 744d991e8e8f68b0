package dev.cxkit.spark;

import dev.cxkit.report.ReportBuilder;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Builds one partition's part of the report: a report builder of the spec's settings takes the
 * partition's responses, then its events (whole journeys: the input is partitioned by journey id),
 * and returns its state as bytes ({@link ReportBuilder#finishToBytes()}) with its reading counts.
 */
final class PartitionReport implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    static final StructType PARTIAL = DataTypes.createStructType(List.of(
            DataTypes.createStructField("state", DataTypes.BinaryType, false),
            DataTypes.createStructField("rejected", DataTypes.LongType, false)));

    private final ReportSpec spec;

    PartitionReport(ReportSpec spec) {
        this.spec = spec;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        ReportBuilder builder = spec.builder();
        PartitionInput.Counts c = PartitionInput.read(input, builder::addResponse, builder::addEvent);
        return List.of(RowFactory.create(builder.finishToBytes(), c.eventsRejected() + c.responsesRejected()))
                .iterator();
    }
}
