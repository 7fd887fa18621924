#!/usr/bin/env bash
# Chart rendering benchmark (issue 5). One command, from the repository root:
#
#   bench/charts.sh [charts=200] [points=500]
#
# Compiles the project (offline if the Maven cache is warm), then for line, area and scatter charts of <points>
# points renders a warm-up round (100 + <charts> charts each, so the JIT has compiled every path) and a timed round
# of <charts> charts, and prints milliseconds per chart (target: under 20 ms). Each chart is a full
# ChartRenderer.render: the wide and the narrow SVG, post-processing and the <figure> HTML.
# It then renders the sample page (every chart type) in two separate JVMs, the second with another default locale
# and time zone, and checks the outputs are identical.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o test-compile >/dev/null 2>&1 || mvn -q -B test-compile
CP="target/classes:target/test-classes:$(mvn -q -B -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout 2>/dev/null)"
JAVA=(java -Djava.awt.headless=true -cp "$CP")
"${JAVA[@]}" io.datadesk.chart.ChartBench "${1:-200}" "${2:-500}"

# Determinism across JVMs: the same sample page, byte for byte (the sample results come from the report data in content/ai-job-cuts/data).
OUT=$(mktemp -d)
"${JAVA[@]}" io.datadesk.chart.Samples "$OUT/a" >/dev/null
# the second JVM runs with another default locale and time zone: neither may leak into the output
java -Djava.awt.headless=true -Duser.language=de -Duser.country=DE -Duser.timezone=Asia/Tokyo -cp "$CP" io.datadesk.chart.Samples "$OUT/b" >/dev/null
if diff -r "$OUT/a" "$OUT/b" >/dev/null; then echo "determinism: two JVMs wrote identical SVG and HTML ($(ls "$OUT/a" | wc -l) files)"
else echo "determinism: OUTPUTS DIFFER between JVMs"; diff -r "$OUT/a" "$OUT/b" | head; exit 1; fi
rm -rf "$OUT"
