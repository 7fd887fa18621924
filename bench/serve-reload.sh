#!/bin/sh
# Save-to-reload benchmark (not a test): copies the project to a temporary folder, runs `datadesk serve` on it,
# edits a paragraph of the flagship report 20 times and measures the time from each save to the browser's reload
# event (Server-Sent Events, read as a browser reads them), then three edits of a CSV the page loads (its queries
# re-run). Prints each time, the median and the worst. Needs the data directives (issue 4) in the build.
# Targets on a 2-core machine: prose median under 150 ms, worst under 500 ms; data edits under 1 s.
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
