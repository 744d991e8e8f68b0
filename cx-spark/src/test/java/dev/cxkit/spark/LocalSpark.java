package dev.cxkit.spark;

import org.apache.spark.sql.SparkSession;

/**
 * One Spark session for all tests of this module: {@code local[2]}, bound to the loopback interface
 * (no traffic leaves the machine), no UI, few shuffle partitions (the data is small).
 */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {
    }

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .master("local[2]")
                    .appName("cxkit-tests")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false")
                    .config("spark.ui.showConsoleProgress", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.default.parallelism", "4")
                    .getOrCreate();
            CxSpark.register(session);
        }
        return session;
    }
}
