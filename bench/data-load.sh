#!/bin/sh
# Data benchmark (not a test): generates a synthetic 1,000,000-row CSV (date, category, number, text), loads it
# through datadesk's CSV loader and DuckDB's Appender, runs a group-by, and prints the time of each step and the
# peak heap. Target on a 2-core machine: load + aggregate under 3 s, peak heap under 1 GiB (the JVM is capped at
# 1 GiB, so finishing at all shows the heap target is met).
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
exec java -Xmx1g -Djava.awt.headless=true -cp "target/classes:target/test-classes:target/lib/*" \
  io.datadesk.data.DataLoadBenchmark "$@"
