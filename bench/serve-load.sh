#!/bin/sh
# serve under load (not a test): 200 clients request a static file and a page, each on a new connection, for 60 s,
# against `datadesk serve` running in-process; prints median, p95, p99 and worst latency, and failed requests.
# Target on a 2-core machine: static files' p95 under 100 ms.
#
#   bench/serve-load.sh            # 200 clients, 60 s
#   bench/serve-load.sh 50 20      # 50 clients, 20 s
#
# Builds first (mvn package without tests, offline if possible), then runs the benchmark class from test-classes.
set -eu
cd "$(dirname "$0")/.."
if [ ! -d target/lib ] || [ ! -d target/test-classes ] || [ -n "$(find src -newer target/classes -name '*.java' 2>/dev/null | head -1)" ]; then
  mvn -q -B -o -DskipTests package 2>/dev/null || mvn -q -B -DskipTests package
fi
exec java -Djava.awt.headless=true -cp "target/classes:target/test-classes:target/lib/*" \
  io.datadesk.serve.ServeLoadBenchmark "$@"
