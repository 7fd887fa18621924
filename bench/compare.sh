#!/usr/bin/env bash
# Side-by-side build benchmark (issue 17). A benchmark, not a test: CI does not run it.
#
#   bench/compare.sh [--runs N] [--pages N] [--data-pages N] [--cases LIST] [--work DIR]
#
# Generates the corpora with the generators in $SHARED/bench (the inputs our reference figures were measured on) and
# bench/gen_data_pages.py, installs Hugo and Jekyll (Debian packages) and Observable Framework (npm) when missing,
# then builds every case with every tool into a fresh output folder, RUNS times, interleaved (run 1 of every tool,
# then run 2, ...: the machine drifts, so only figures of one run compare), and prints median wall time, CPU time
# (user + system) and peak RSS per tool and case, and each tool's wall time as a multiple of the reference tool's.
#
# Cases (default: all but plain-large):
#   plain        N plain Markdown pages (gen_corpus.py): Hugo, Jekyll, datadesk
#   plain-large  5 x N plain pages: Hugo, datadesk
#   data         N data pages, each with its own CSV, 3 queries, 2 charts: datadesk (cold: no query cache)
#   flagship     this repository's content/: datadesk cold, datadesk with nothing changed (warm cache, new JVM),
#                and datadesk started as `java -jar` (the README's command; it starts a second JVM with the
#                launcher's settings, see cli.FastStart)
#   empty        a site with one page and no data: datadesk
#   report       one report page, the layoffs CSV and 8 charts (gen_ofw_report.py / gen_dd_report.py):
#                Observable Framework, datadesk
#
# Environment: SHARED (default: the repository's ../shared, else /work/shared), DATADESK (the command that runs
# datadesk; default: bin/datadesk if the repository has it, else java with the launcher's settings and target/).
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
RUNS=5 PAGES=1000 DATA_PAGES=100 CASES=plain,data,flagship,empty,report WORK=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --pages) PAGES=$2; shift 2 ;;
    --data-pages) DATA_PAGES=$2; shift 2 ;;
    --cases) CASES=$2; shift 2 ;;
    --work) WORK=$2; shift 2 ;;
    *) sed -n '2,25p' "$0"; exit 2 ;;
  esac
done
SHARED=${SHARED:-$REPO/../shared}
[ -d "$SHARED/bench" ] || SHARED=/work/shared
[ -d "$SHARED/bench" ] || { echo "bench: no generators in \$SHARED/bench (set SHARED)"; exit 2; }
WORK=${WORK:-$(mktemp -d "${TMPDIR:-/tmp}/datadesk-bench.XXXXXX")}
mkdir -p "$WORK"
has_case() { case ",$CASES," in *",$1,"*) return 0 ;; *) return 1 ;; esac; }

# --- tools -----------------------------------------------------------------------------------------------------
apt_install() {
  command -v "$1" >/dev/null && return 0
  if [ "$(id -u)" = 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
  else echo "bench: $1 is missing; install it with: sudo apt-get install $2"; exit 2; fi
}
if has_case plain || has_case plain-large; then apt_install hugo hugo; fi
if has_case plain; then apt_install jekyll jekyll; fi
NODE_DIR=${NODE_DIR:-$HOME/.cache/datadesk-bench/node}
if has_case report && [ ! -x "$NODE_DIR/node_modules/.bin/observable" ]; then
  mkdir -p "$NODE_DIR"
  (cd "$NODE_DIR" && npm install --silent --no-audit --no-fund @observablehq/framework@1.13 d3 @observablehq/plot >/dev/null)
fi
if ! ls "$REPO"/target/datadesk-*.tar.gz >/dev/null 2>&1; then
  (cd "$REPO" && { mvn -q -B -o -DskipTests package || mvn -q -B -DskipTests package; })
fi
if [ -z "${DATADESK:-}" ]; then
  # As a user runs it: the distribution archive unpacked, through its launcher (bin/datadesk); its class-data
  # archive goes to a cache of the benchmark's own, recorded by the first build (before the timed runs).
  rm -rf "$WORK/dist"; mkdir -p "$WORK/dist"
  tar -xzf "$(ls "$REPO"/target/datadesk-*.tar.gz | head -1)" -C "$WORK/dist"
  DATADESK=$(ls -d "$WORK"/dist/datadesk-*)/bin/datadesk
  export XDG_CACHE_HOME="$WORK/cache"
fi
# The same jar started the plain way (`java -jar`, the README's first command): it relaunches itself with the
# launcher's JVM settings; this shows what that costs against the launcher.
PLAIN_JAVA="java -Djava.awt.headless=true -jar $REPO/target/datadesk.jar"
TEMPLATES="$REPO/templates"

# --- corpora ---------------------------------------------------------------------------------------------------
config() { printf 'title: Bench\ndescription: Bench corpus\nlanguage: en\nauthor: bench\n' > "$1/datadesk.yaml"; }
if has_case plain; then
  [ -d "$WORK/plain" ] || python3 "$SHARED/bench/gen_corpus.py" --pages "$PAGES" --out "$WORK/plain" --tools hugo,jekyll,plain >/dev/null
  config "$WORK/plain/plain"
fi
if has_case plain-large; then
  [ -d "$WORK/plain-large" ] || python3 "$SHARED/bench/gen_corpus.py" --pages $((PAGES * 5)) --out "$WORK/plain-large" --tools hugo,plain >/dev/null
  config "$WORK/plain-large/plain"
fi
if has_case data; then
  [ -d "$WORK/data" ] || python3 "$REPO/bench/gen_data_pages.py" --pages "$DATA_PAGES" --out "$WORK/data"
fi
if has_case flagship; then
  rm -rf "$WORK/flagship"; mkdir -p "$WORK/flagship"
  cp -rL "$REPO/content" "$REPO/datadesk.yaml" "$WORK/flagship/"
fi
if has_case empty; then
  mkdir -p "$WORK/empty/content"; config "$WORK/empty"
  printf -- '---\ntitle: Home\n---\n\nNothing here yet.\n' > "$WORK/empty/content/index.md"
fi
if has_case report; then
  mkdir -p "$NODE_DIR/reports"
  [ -d "$NODE_DIR/reports/ofw" ] || python3 "$SHARED/bench/gen_ofw_report.py" --out "$NODE_DIR/reports/ofw" >/dev/null
  [ -d "$WORK/report" ] || python3 "$SHARED/bench/gen_dd_report.py" --out "$WORK/report" >/dev/null
fi

# A user's first build, untimed: the launcher records its class-data archive from it. A small page with data, a
# chart and a social card, so the archive holds the classes every kind of page needs.
W="$WORK/warm-up"; mkdir -p "$W/content/p/data"
printf 'title: Warm-up\nbase_url: https://example.org/\n' > "$W/datadesk.yaml"
printf 'year,v\n2023,1\n2024,2\n' > "$W/content/p/data/v.csv"
printf -- '---\ntitle: Warm-up\ndata:\n  v: data/v.csv\n---\nTotal {{ t.v | number }}.\n\n```sql t\nselect sum(v) as v from v\n```\n\n```sql y\nselect cast(year as varchar) as year, v from v\n```\n\n```chart\ntype: bar\ndata: y\nx: year\ny: v\n```\n\n```table\ndata: y\n```\n' > "$W/content/p/index.md"
$DATADESK build --quiet --project "$W" --templates "$TEMPLATES" --out "$W/site" >/dev/null

# --- runs ------------------------------------------------------------------------------------------------------
RESULTS="$WORK/results.tsv"
: > "$RESULTS"
# measure CASE TOOL COMMAND...: one build, appended to the results as case, tool, wall s, cpu s, peak RSS KB
measure() {
  local case=$1 tool=$2; shift 2
  local t="$WORK/time.txt"
  if /usr/bin/time -f '%e %U %S %M' -o "$t" "$@" >"$WORK/last.log" 2>&1; then
    read -r wall user sys rss < "$t"
    printf '%s\t%s\t%s\t%s\t%s\n' "$case" "$tool" "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$rss" >> "$RESULTS"
  else
    echo "bench: $tool failed on $case:"; tail -5 "$WORK/last.log"; exit 1
  fi
}
dd_build() { # dd_build COMMAND PROJECT OUT [keep-cache]
  local cmd=$1 project=$2 out=$3
  rm -rf "$out"; [ "${4:-}" = keep-cache ] || rm -rf "$project/.datadesk-cache"
  $cmd build --quiet --project "$project" --templates "$TEMPLATES" --out "$out"
}
export -f dd_build; export TEMPLATES
for run in $(seq 1 "$RUNS"); do
  echo "run $run of $RUNS ($(date -u +%H:%M:%S))" >&2
  if has_case plain; then
    rm -rf "$WORK/o"; measure plain hugo hugo --quiet -s "$WORK/plain/hugo" -d "$WORK/o"
    rm -rf "$WORK/o"; measure plain jekyll jekyll build -q -s "$WORK/plain/jekyll" -d "$WORK/o"
    measure plain datadesk bash -c 'dd_build "$0" "$1" "$2"' "$DATADESK" "$WORK/plain/plain" "$WORK/o"
  fi
  if has_case plain-large; then
    rm -rf "$WORK/o"; measure plain-large hugo hugo --quiet -s "$WORK/plain-large/hugo" -d "$WORK/o"
    measure plain-large datadesk bash -c 'dd_build "$0" "$1" "$2"' "$DATADESK" "$WORK/plain-large/plain" "$WORK/o"
  fi
  if has_case data; then
    measure data datadesk bash -c 'dd_build "$0" "$1" "$2"' "$DATADESK" "$WORK/data" "$WORK/o"
  fi
  if has_case flagship; then
    measure flagship datadesk bash -c 'dd_build "$0" "$1" "$2"' "$DATADESK" "$WORK/flagship" "$WORK/o"
    measure flagship datadesk-unchanged bash -c 'dd_build "$0" "$1" "$2" keep-cache' "$DATADESK" "$WORK/flagship" "$WORK/o"
    measure flagship datadesk-plain-java bash -c 'dd_build "$0" "$1" "$2"' "$PLAIN_JAVA" "$WORK/flagship" "$WORK/o"
  fi
  if has_case empty; then
    measure empty datadesk bash -c 'dd_build "$0" "$1" "$2"' "$DATADESK" "$WORK/empty" "$WORK/o"
  fi
  if has_case report; then
    rm -rf "$NODE_DIR/reports/ofw/dist" "$NODE_DIR/reports/ofw/.observablehq/cache"
    measure report framework bash -c 'cd "$0" && "$1" build >/dev/null' "$NODE_DIR/reports/ofw" "$NODE_DIR/node_modules/.bin/observable"
    measure report datadesk bash -c 'dd_build "$0" "$1" "$2"' "$DATADESK" "$WORK/report" "$WORK/o"
  fi
done

# --- figures ---------------------------------------------------------------------------------------------------
python3 - "$RESULTS" "$RUNS" <<'PY'
import sys, statistics, collections
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
by = collections.OrderedDict()
for case, tool, wall, cpu, rss in rows:
    by.setdefault((case, tool), []).append((float(wall), float(cpu), int(rss)))
ref = {"plain": "hugo", "plain-large": "hugo", "report": "framework", "flagship": "datadesk", "data": "datadesk", "empty": "datadesk"}
med = {k: (statistics.median(w for w, _, _ in v), statistics.median(c for _, c, _ in v), statistics.median(r for _, _, r in v))
       for k, v in by.items()}
print(f"\n{'case':<12} {'tool':<20} {'runs':>4} {'wall s':>8} {'CPU s':>8} {'peak RSS MB':>12} {'wall ratio':>16}")
for (case, tool), (w, c, r) in med.items():
    rt = ref.get(case)
    ratio = ""
    if rt and (case, rt) in med and rt != tool:
        ratio = f"{w / med[(case, rt)][0]:.2f}x {rt}"
    print(f"{case:<12} {tool:<20} {len(by[(case, tool)]):>4} {w:>8.2f} {c:>8.2f} {r / 1024:>12.0f} {ratio:>16}")
PY
echo "(medians of $RUNS interleaved runs; raw figures in $RESULTS; $(nproc) cores, $(uname -m), $(date -u +%Y-%m-%d))"
