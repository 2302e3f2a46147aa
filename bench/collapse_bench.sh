#!/usr/bin/env bash
# A collapsed search against the same search without (issue 22: within
# 1.2x): news_bench_search on the peer harness's queries, top 10 and with
# exact tag facets, with and without NEWS_COLLAPSE, one process each
# (values in memory, as news-search --queries). Prints p50, p90 and mean
# latency per mode. Figures, never pass/fail.
#
#   bench/collapse_bench.sh [BUILD_DIR [INDEX [PASSES]]]
#   (default: build, a fresh Reuters-21578 index in a temporary folder, 3)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
queries="../shared/bench/queries/news-1000.tsv"
passes="${3:-3}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
db="${2:-}"
if [ -z "$db" ]; then
  db="$tmp/db"
  "$build/news-index" rebuild -q --db "$db" ../shared/corpus/reuters21578.jsonl.gz
fi
stats() {
  python3 - "$1" << 'PY'
import statistics, sys
us = sorted(float(l.split("\t")[2]) for l in open(sys.argv[1]))
print("p50 %7.1f us  p90 %7.1f us  mean %7.1f us" % (
    us[len(us) // 2], us[int(len(us) * 0.9)], statistics.mean(us)))
PY
}
for mode in top10 facets; do
  "$build/bench/news_bench_search" "$db" "$queries" "$mode" "$passes" "$tmp/plain"
  NEWS_COLLAPSE=1 "$build/bench/news_bench_search" "$db" "$queries" "$mode" "$passes" "$tmp/coll"
  printf '%-7s plain      %s\n' "$mode" "$(stats "$tmp/plain.lat")"
  printf '%-7s collapsed  %s\n' "$mode" "$(stats "$tmp/coll.lat")"
done
