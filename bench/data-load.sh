#!/bin/sh
# Data benchmark (not a test): generates a synthetic 1,000,000-row CSV (date, category, number, text), loads it as a
# page does (a file this big is read by DuckDB's own reader, see CsvFastPath; DATADESK_BENCH_USUAL=1 loads it
# through datadesk's CSV loader and DuckDB's Appender instead), runs a group-by, and prints the time of each step and
# the peak heap. Target (issue 17) on a 2-core machine: load + aggregate at most 1.0 s, peak heap at most 512 MB (the
# JVM is capped at 512 MiB, so finishing at all shows the heap target is met). It runs with the launcher's JIT
# setting (C1 only, as bin/datadesk and `java -jar` builds do).
#
#   bench/data-load.sh            # 1,000,000 rows
#   bench/data-load.sh 200000     # another row count
#
# Builds first (mvn package without tests, offline if possible), then runs the benchmark class from test-classes.
set -eu
cd "$(dirname "$0")/.."
stamp=target/test-classes/io/datadesk/data/DataLoadBenchmark.class
if [ ! -d target/lib ] || [ ! -f "$stamp" ] || [ -n "$(find src pom.xml -newer "$stamp" -type f 2>/dev/null | head -1)" ]; then
  mvn -q -B -o -DskipTests package 2>/dev/null || mvn -q -B -DskipTests package
fi
usual=""
[ -n "${DATADESK_BENCH_USUAL:-}" ] && usual=-Ddatadesk.bench.usual=true
exec java -Xmx512m -XX:TieredStopAtLevel=1 -Djava.awt.headless=true $usual -cp "target/classes:target/test-classes:target/lib/*" \
  io.datadesk.data.DataLoadBenchmark "$@"
