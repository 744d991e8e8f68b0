package dev.cxkit.spark;

import dev.cxkit.core.score.Score;
import dev.cxkit.core.score.ScoreComparison;
import dev.cxkit.core.score.ScoreState;
import dev.cxkit.core.stats.Comparison;
import dev.cxkit.core.stats.Interval;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The SQL shapes of a score and of a comparison, and the rows that fill them. */
final class ScoreRows {

    private ScoreRows() {
    }

    /**
     * {@code (value, lower, upper, n, n_eff, low_sample, without_score, rejected)}: a value or bound
     * that does not exist (no responses; one CES response) is NULL, never 0 or NaN.
     */
    static final StructType SCORE = DataTypes.createStructType(new StructField[] {
        DataTypes.createStructField("value", DataTypes.DoubleType, true),
        DataTypes.createStructField("lower", DataTypes.DoubleType, true),
        DataTypes.createStructField("upper", DataTypes.DoubleType, true),
        DataTypes.createStructField("n", DataTypes.LongType, false),
        DataTypes.createStructField("n_eff", DataTypes.DoubleType, false),
        DataTypes.createStructField("low_sample", DataTypes.BooleanType, false),
        DataTypes.createStructField("without_score", DataTypes.LongType, false),
        DataTypes.createStructField("rejected", DataTypes.LongType, false),
    });

    /** {@code (difference, lower, upper, p_value, verdict)} of a − b; the verdict is always there. */
    static final StructType COMPARISON = DataTypes.createStructType(new StructField[] {
        DataTypes.createStructField("difference", DataTypes.DoubleType, true),
        DataTypes.createStructField("lower", DataTypes.DoubleType, true),
        DataTypes.createStructField("upper", DataTypes.DoubleType, true),
        DataTypes.createStructField("p_value", DataTypes.DoubleType, true),
        DataTypes.createStructField("verdict", DataTypes.StringType, false),
    });

    static Row score(Score score, ScoreState state) {
        Interval interval = score.interval().orElse(null);
        return RowFactory.create(score.value().isPresent() ? score.value().getAsDouble() : null,
                interval == null ? null : interval.lower(), interval == null ? null : interval.upper(),
                score.n(), score.effectiveN(), score.lowSample(), state.withoutScore(), state.rejected());
    }

    static Row comparison(ScoreComparison comparison) {
        Comparison d = comparison.difference().orElse(null);
        return RowFactory.create(d == null ? null : d.difference(), d == null ? null : d.interval().lower(),
                d == null ? null : d.interval().upper(), d == null ? null : d.pValue(),
                comparison.verdict().outcome().id());
    }
}
