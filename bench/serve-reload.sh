#!/bin/sh
# Save-to-reload benchmark (not a test): copies the project to a temporary folder, runs `datadesk serve` on it,
# edits a paragraph of the flagship report 20 times and measures the time from each save to the browser's reload
# event (Server-Sent Events, read as a browser reads them), then three edits of a CSV the page loads (the queries
# that read it re-run). Prints each time, the median, the worst and the load average.
# Targets on a 2-core machine (issue 17): prose median at most 100 ms, worst at most 250 ms; data edits at most 500 ms.
#
# To compare with another build in the same run, interleaved (each edit goes to both servers in turn), point
# SERVE_BASELINE_CLASSPATH at its classes and libraries, e.g. an unpacked older target/:
#   SERVE_BASELINE_CLASSPATH="/tmp/old/classes:/tmp/old/lib/*" bench/serve-reload.sh
# SERVE_JAVA_OPTS adds server JVM options, e.g. "-XX:StartFlightRecording=filename=serve.jfr".
#
#   bench/serve-reload.sh                                        # the flagship report, 20 edits
#   bench/serve-reload.sh content/x/index.md content/x/data/y.csv 50   # another page, CSV and count
#
# Builds first (mvn package without tests, offline if possible), then runs the benchmark class from test-classes.
set -eu
cd "$(dirname "$0")/.."
if [ ! -d target/lib ] || [ ! -d target/test-classes ] || [ -n "$(find src -newer target/classes -name '*.java' 2>/dev/null | head -1)" ]; then
  mvn -q -B -o -DskipTests package 2>/dev/null || mvn -q -B -DskipTests package
fi
exec java -Djava.awt.headless=true -cp "target/classes:target/test-classes:target/lib/*" \
  io.datadesk.serve.ServeReloadBenchmark "$@"
