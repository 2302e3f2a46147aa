#!/usr/bin/env bash
# Baseline figures of issue 2 (not pass/fail): time and peak memory of
# `news-index add` on Reuters-21578 and BBC, index size on disk, and median
# latency (took_ms of --json, over repeated runs) of typical queries.
#
# usage: bench/foundation_baseline.sh [BUILD_DIR] [RUNS]
#   BUILD_DIR  holds news-index and news-search (default: ./build)
#   RUNS       repetitions per query (default 21)
# Corpora are read from ../shared/corpus beside the source tree
# (NEWS_SHARED_DIR overrides). Needs /usr/bin/time (Debian package `time`).
set -euo pipefail

SRC="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="$(cd "${1:-$SRC/build}" && pwd)"
RUNS="${2:-21}"
SHARED="${NEWS_SHARED_DIR:-$SRC/../shared}"
INDEX="$BUILD/news-index"
SEARCH="$BUILD/news-search"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

echo "# news-search foundation baseline"
echo "host: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1e6}' /proc/meminfo);" \
  "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit: $(git -C "$SRC" rev-parse --short HEAD 2>/dev/null || echo unknown)" \
  "$(git -C "$SRC" diff --quiet 2>/dev/null || echo '(with local changes)')"
echo "build: $BUILD ($(grep -m1 CMAKE_BUILD_TYPE: "$BUILD/CMakeCache.txt" 2>/dev/null | cut -d= -f2))"
echo

# index_corpus NAME FILE: indexes FILE into a fresh $WORK/NAME.db and prints
# wall time, CPU time, peak RSS and index size.
index_corpus() {
  local name=$1 file=$2 db="$WORK/$1.db"
  if [ ! -e "$file" ]; then
    echo "$name: $file not found, skipped"
    return
  fi
  /usr/bin/time -v "$INDEX" add --quiet --db "$db" "$file" 2>"$WORK/$name.time" || true
  local wall rss user sys docs bytes
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/$name.time")"
  user="$(awk -F': ' '/User time/ {print $2}' "$WORK/$name.time")"
  sys="$(awk -F': ' '/System time/ {print $2}' "$WORK/$name.time")"
  rss="$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$WORK/$name.time")"
  "$INDEX" stats --db "$db" --json >"$WORK/$name.stats"
  docs="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["documents"])' "$WORK/$name.stats")"
  bytes="$(du -sb "$db" | cut -f1)"
  printf '%-10s %7s docs  wall %8s  user %6ss  sys %5ss  peak RSS %5s MB  index %6.1f MB (%.0f B/doc)\n' \
    "$name" "$docs" "$wall" "$user" "$sys" "$rss" "$(awk "BEGIN {print $bytes / 1e6}")" \
    "$(awk "BEGIN {print $bytes / ($docs > 0 ? $docs : 1)}")"
  echo "           input $(du -h "$file" | cut -f1) gzip; command: news-index add --db DB $(basename "$file")"
}

echo "## news-index add (fresh index)"
index_corpus reuters "$SHARED/corpus/reuters21578.jsonl.gz"
index_corpus bbc "$SHARED/corpus/bbc.jsonl.gz"
echo

# query_latency DB ARGS...: median, min and max of took_ms over $RUNS runs,
# plus the total, after one warm-up run.
query_latency() {
  local db=$1; shift
  "$SEARCH" --db "$db" --json "$@" >/dev/null 2>&1 || true
  for _ in $(seq "$RUNS"); do
    "$SEARCH" --db "$db" --json "$@" 2>/dev/null || true
    echo
  done | python3 -c '
import json, statistics, sys
runs = [json.loads(l) for l in sys.stdin if l.strip()]
t = sorted(r["took_ms"] for r in runs)
print("median %7.2f ms  min %7.2f  max %7.2f  total %6d%s" % (
    statistics.median(t), t[0], t[-1], runs[-1]["total"],
    "" if runs[-1]["total_exact"] else " (estimated)"))' | {
    read -r line
    printf '  %-58s %s\n' "$*" "$line"
  }
}

if [ -d "$WORK/reuters.db" ]; then
  echo "## query latency on reuters (took_ms of --json, $RUNS runs, warm cache)"
  DB="$WORK/reuters.db"
  query_latency "$DB" oil prices
  query_latency "$DB" '"interest rates"'
  query_latency "$DB" --all bank rate cut
  query_latency "$DB" 'grain AND (wheat OR corn) NOT soviet'
  query_latency "$DB" 'export*'
  query_latency "$DB" tag:crude opec
  query_latency "$DB" 'place:japan' trade --sort newest
  query_latency "$DB" 'date:1987-03-01..1987-03-31' dollar
  query_latency "$DB" --sort newest -n 20
  query_latency "$DB" -n 0 'place:usa'
  query_latency "$DB" oil --facet tag --facet place --facet month
  echo
fi
if [ -d "$WORK/bbc.db" ]; then
  echo "## query latency on bbc"
  query_latency "$WORK/bbc.db" election labour
  query_latency "$WORK/bbc.db" '"mobile phone"' --facet section
  echo
fi
