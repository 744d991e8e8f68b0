#!/usr/bin/env bash
# Whole-job benchmark of cx_nps on Spark: local[1] and local[2], each a fresh JVM, 10 M rows by 100
# keys, median of 5 runs against Spark's built-in avg(CASE ...) in the same JVM.
# Usage: cx-spark/bench/run.sh [ROWS] [RUNS]   (after ./mvnw install -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-10000000}"
runs="${2:-5}"
./mvnw -B -q -o test-compile -pl cx-spark
./mvnw -B -q -o dependency:build-classpath -pl cx-spark -Dmdep.includeScope=test -Dmdep.outputFile=target/cx-spark.classpath
cp="cx-spark/target/test-classes:cx-spark/target/classes:$(cat cx-spark/target/cx-spark.classpath)"
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED \
--add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
--add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED \
--add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED \
--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
--add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED \
--add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false"
for master in 'local[1]' 'local[2]'; do
  SPARK_LOCAL_IP=127.0.0.1 java $opens -Xmx4g -cp "$cp" dev.cxkit.spark.bench.SparkNpsBenchmark "$master" "$rows" "$runs" 2>/dev/null
done
