#!/bin/sh
# The long fuzzing run (issue 18): runs the jqwik properties of src/test/java/io/datadesk/fuzz/FuzzTest.java
# again and again, each round with a new random seed and TRIES tries per property, until MINUTES have passed or a
# property fails. `mvn verify` runs the same properties briefly (50 tries each, about two minutes).
#
#   bench/fuzz.sh                 # 30 minutes, 300 tries per property per round
#   bench/fuzz.sh 5 100           # 5 minutes, 100 tries per round
#
# A failure stops the run; jqwik prints the shrunk input and its seed (replay: add `seed = "..."` to the @Property,
# or rerun: the failing case is kept in target/jqwik-database and tried first). Keep every failure as a regression
# test in src/test/java/io/datadesk/build/RobustnessTest.java. Exit code: 0 when no property failed.
set -eu
cd "$(dirname "$0")/.."
MINUTES=${1:-30}
TRIES=${2:-300}
mvn -q -B -o test-compile 2>/dev/null || mvn -q -B test-compile
# the time budget is fuzzing time: it starts after compiling (which can take minutes on a loaded machine)
began=$(date +%s)
end=$(( began + MINUTES * 60 ))
round=0
while [ "$(date +%s)" -lt "$end" ]; do
  round=$((round + 1))
  start=$(date +%s)
  if ! mvn -q -B -o surefire:test -Dtest=FuzzTest -Djqwik.tries.default="$TRIES" -Dsurefire.failIfNoSpecifiedTests=false \
        > "target/fuzz-round-$round.log" 2>&1; then
    echo "round $round: FAILURE (see target/fuzz-round-$round.log)"
    grep -E "Tests run|FAIL|seed|Shrunk|Original" "target/fuzz-round-$round.log" | head -40
    exit 1
  fi
  echo "round $round: passed ($TRIES tries per property, $(( $(date +%s) - start )) s)"
done
echo "fuzzing: $round rounds in $(( ($(date +%s) - began) / 60 )) minutes, no failure"
