#!/bin/sh
# Social card benchmark (not a test): draws cards as a build does when they are not in the card cache
# (.datadesk-cache/cards/, keyed by the hash of what a card shows), and prints milliseconds per card, with and
# without the page's chart. Target (issue 17): at most 10 ms a card.
#
#   bench/cards.sh          # 100 cards of each kind after a warm-up
#   bench/cards.sh 300
set -eu
cd "$(dirname "$0")/.."
stamp=target/test-classes/io/datadesk/write/SocialCardBenchmark.class
if [ ! -d target/lib ] || [ ! -f "$stamp" ] || [ -n "$(find src pom.xml -newer "$stamp" -type f 2>/dev/null | head -1)" ]; then
  mvn -q -B -o -DskipTests package 2>/dev/null || mvn -q -B -DskipTests package
fi
exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.awt.headless=true -cp "target/classes:target/test-classes:target/lib/*" \
  io.datadesk.write.SocialCardBenchmark "$@"
