#!/bin/sh
# Parquet benchmark (not a test): a 10,000,000-row Parquet file loaded into a page's database and grouped by one
# column, printed beside the same work on a 1,000,000-row CSV file (the CSV loader's benchmark size) and on a
# Parquet file of those same 1,000,000 rows. Runs are interleaved; medians are printed. Target on a 2-core machine:
# the 10,000,000-row Parquet load + group-by in at most 1 s.
#
#   bench/parquet.sh                       # 10,000,000 Parquet rows, 1,000,000 CSV rows, 3 rounds
#   bench/parquet.sh 2000000 200000 5      # other sizes and rounds
#
# Builds first (mvn package without tests, offline if possible), then runs the benchmark class from test-classes.
set -eu
cd "$(dirname "$0")/.."
stamp=target/test-classes/io/datadesk/data/ParquetBenchmark.class
if [ ! -d target/lib ] || [ ! -f "$stamp" ] || [ -n "$(find src pom.xml -newer "$stamp" -type f 2>/dev/null | head -1)" ]; then
  mvn -q -B -o -DskipTests package 2>/dev/null || mvn -q -B -DskipTests package
fi
exec java -Xmx2g -Djava.awt.headless=true -cp "target/classes:target/test-classes:target/lib/*" \
  io.datadesk.data.ParquetBenchmark "$@"
