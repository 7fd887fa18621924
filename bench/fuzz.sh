#!/bin/sh
# The long fuzzing run (issue 18): Jazzer fuzzes each of the six @FuzzTests of
# src/test/java/io/datadesk/fuzz/InputFuzzTest.java in turn (front matter, chart and table options, CSV files, inline
# expressions, SQL blocks, whole builds), MINUTES in all, split evenly. `mvn verify` runs the same fuzz tests briefly
# (fuzz.duration, 20 s each).
#
#   bench/fuzz.sh          # 30 minutes in all (5 minutes per fuzz test)
#   bench/fuzz.sh 60       # an hour
#
# Every fuzz test runs even when an earlier one failed. A failing input is written by Jazzer to
# src/test/resources/io/datadesk/fuzz/InputFuzzTestInputs/<test>/crash-* and replayed by `mvn test` from then on:
# fix the bug, keep the input (and add a readable regression test to RobustnessTest). The corpus Jazzer grows is in
# .cifuzz-corpus/ (ignored by git) and is reused by the next run. Exit code: 0 when no fuzz test failed.
set -eu
cd "$(dirname "$0")/.."
MINUTES=${1:-30}
TESTS="frontMatter chartAndTableOptions csvFiles inlineExpressions sqlBlocks wholeBuilds"
PER=$(( MINUTES * 60 / 6 ))
mvn -q -B -o test-compile 2>/dev/null || mvn -q -B test-compile
mkdir -p target
# the time budget is fuzzing time: it starts after compiling (which can take minutes on a loaded machine)
began=$(date +%s)
failed=""
for t in $TESTS; do
  start=$(date +%s)
  log="target/fuzz-$t.log"
  if mvn -B -o failsafe:integration-test@fuzz-$t failsafe:verify@fuzz-$t -Dfuzz.duration="${PER}s" > "$log" 2>&1; then
    runs=$(grep -ho "Done [0-9]* runs" "$log" | tail -1)
    echo "$t: passed, fuzzed ${PER} s ($runs, $(( $(date +%s) - start )) s with start-up)"
  else
    echo "$t: FAILURE (see $log and target/failsafe-reports/)"
    grep -h -E "== Java Exception|Expecting|AssertionError|crash-|DEDUP_TOKEN|Tests run:.*Fail" "$log" target/failsafe-reports/*InputFuzzTest-output.txt 2>/dev/null | head -30
    failed="$failed $t"
  fi
done
echo "fuzzing: $(( ($(date +%s) - began) / 60 )) minutes in all, ${PER} s of fuzzing per test; failed:${failed:- none}"
[ -z "$failed" ]
