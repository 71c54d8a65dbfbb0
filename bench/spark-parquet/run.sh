#!/usr/bin/env bash
# Usage: bench/spark-parquet/run.sh DATA_DIR
# Runs kbench's sales_by_product_parquet on Spark 3.5.3 (local[2]) over the Parquet copy of DATA_DIR/sales.csv
# (KBENCH_PARQUET_DIR, default DATA_DIR/sales.parquet; made on first use), printing the peers' JSON lines
# (run 0 = warm-up, then 1..KBENCH_RUNS, default 3). Environment as ../../shared/bench/peers/run.sh: KBENCH_RUNS,
# KBENCH_HEAP, KBENCH_OUT. Builds offline from the local Maven repository on first use (the peers' Spark jars).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -lt 1 ]; then sed -n '2,6s/^# //p' "$0" >&2; exit 2; fi
data=$(cd "$1" && pwd)
jar=$here/target/kbench-spark-parquet.jar
if [ ! -f "$jar" ] || [ ! -f "$here/target/classpath.txt" ] \
    || [ -n "$(find "$here/pom.xml" "$here/src" -newer "$jar" -print -quit)" ]; then
  (cd "$here" && mvn -q -B -o package 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2)
fi
export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1}
# The JVM options of the peers' runner (Spark's own launcher adds these module openings on Java 17).
jvm=(-Xmx"${KBENCH_HEAP:-8g}" -XX:+IgnoreUnrecognizedVMOptions -Djdk.reflect.useDirectMethodHandle=false
     --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED)
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  jvm+=(--add-opens=java.base/$p=ALL-UNNAMED)
done
exec java "${jvm[@]}" -cp "$jar:$(cat "$here/target/classpath.txt")" kbench.sparkparquet.Main "$data"
