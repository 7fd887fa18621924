#!/bin/sh
# serve under load (not a test): starts `datadesk serve` in a JVM of its own on a small project, then 200 clients
# (in this script's JVM) request a static file and a page, each on a new connection, for 60 s; prints median, p95,
# p99 and worst latency, failed requests and the load average.
# Target on a 2-core machine (issue 18): static files' p95 under 100 ms.
#
#   bench/serve-load.sh            # 200 clients, 60 s
#   bench/serve-load.sh 50 20      # 50 clients, 20 s
#
# To compare with another build in the same run, point SERVE_BASELINE_CLASSPATH at its classes and libraries: the
# clients then load the two servers in turn, in 5-second slices (A B B A …), and the ratios are printed.
#   SERVE_BASELINE_CLASSPATH="/tmp/old/classes:/tmp/old/lib/*" bench/serve-load.sh 200 40
# SERVE_JAVA_OPTS adds server JVM options, e.g. "-XX:StartFlightRecording=filename=load.jfr".
#
# Builds first (mvn package without tests, offline if possible), then runs the benchmark class from test-classes.
set -eu
cd "$(dirname "$0")/.."
if [ ! -d target/lib ] || [ ! -d target/test-classes ] || [ -n "$(find src -newer target/classes -name '*.java' 2>/dev/null | head -1)" ]; then
  mvn -q -B -o -DskipTests package 2>/dev/null || mvn -q -B -DskipTests package
fi
exec java -Djava.awt.headless=true -cp "target/classes:target/test-classes:target/lib/*" \
  io.datadesk.serve.ServeLoadBenchmark "$@"
