package dev.cxkit.spark.bench;

import dev.cxkit.spark.CxSpark;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A whole-job benchmark of {@code cx_nps} (run by {@code cx-spark/bench/run.sh}, not by the tests):
 * N generated rows (score 0–10, weight 1, 100 keys) cached in memory, then, alternating, Spark's
 * built-in point NPS ({@code avg(CASE ...)}, no interval) and {@code cx_nps(score)} (value,
 * interval, n, low-sample flag) grouped by key; the median of R runs of each, the shuffle bytes
 * written by each, and the size of the byte states per group.
 *
 * <p>Arguments: master ({@code local[1]} or {@code local[2]}), rows, runs.
 */
public final class SparkNpsBenchmark {

    private SparkNpsBenchmark() {
    }

    static final String BUILT_IN = "SELECT k, avg(CASE WHEN score >= 9 THEN 100.0 WHEN score <= 6 THEN -100.0 ELSE 0.0 END)"
            + " AS nps FROM rows GROUP BY k";
    static final String CX = "SELECT k, cx_nps(score) AS nps FROM rows GROUP BY k";

    public static void main(String[] args) {
        String master = args.length > 0 ? args[0] : "local[2]";
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        SparkSession spark = SparkSession.builder().master(master).appName("cx-nps-benchmark")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "8").getOrCreate();
        spark.sparkContext().setLogLevel("ERROR");
        CxSpark.register(spark);
        AtomicLong shuffleBytes = new AtomicLong();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskMetrics() != null) {
                    shuffleBytes.addAndGet(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
                }
            }
        });
        // score: a fixed pseudo-random rating 0..10 per row; k: one of 100 keys
        Dataset<Row> data = spark.range(rows).selectExpr("CAST(id % 100 AS INT) AS k",
                "CAST(pmod(hash(id), 11) AS INT) AS score").cache();
        data.count();
        data.createOrReplaceTempView("rows");
        List<Long> builtIn = new ArrayList<>();
        List<Long> cx = new ArrayList<>();
        long builtInShuffle = 0;
        long cxShuffle = 0;
        for (int run = -1; run < runs; run++) { // run -1 warms both up
            shuffleBytes.set(0);
            long t0 = System.nanoTime();
            int groups = spark.sql(BUILT_IN).collectAsList().size();
            long t1 = System.nanoTime();
            builtInShuffle = shuffleBytes.getAndSet(0);
            List<Row> result = spark.sql(CX).collectAsList();
            long t2 = System.nanoTime();
            cxShuffle = shuffleBytes.get();
            if (groups != 100 || result.size() != 100) {
                throw new IllegalStateException("expected 100 groups, got " + groups + " and " + result.size());
            }
            if (run >= 0) {
                builtIn.add(t1 - t0);
                cx.add(t2 - t1);
            }
        }
        List<Row> states = spark.sql("SELECT k, length(cx_state('nps', score)) AS bytes FROM rows GROUP BY k")
                .collectAsList();
        double stateBytes = states.stream().mapToLong(r -> r.getInt(1)).average().orElse(0);
        System.out.printf("master=%s rows=%d runs=%d partitions=%d%n", master, rows, runs,
                data.rdd().getNumPartitions());
        System.out.printf("built-in avg(CASE) median %.3f s, shuffle %d bytes%n", median(builtIn) / 1e9, builtInShuffle);
        System.out.printf("cx_nps             median %.3f s, shuffle %d bytes%n", median(cx) / 1e9, cxShuffle);
        System.out.printf("cx_nps / built-in  %.2f%n", median(cx) / (double) median(builtIn));
        System.out.printf("byte state per group (n = %d): %.1f bytes%n", rows / 100, stateBytes);
        spark.stop();
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
