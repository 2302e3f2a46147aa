#!/usr/bin/env bash
# Facet latency on Reuters-21578 (figures, not a test).
#
#   bench/facets_bench.sh [BUILD_DIR] [RUNS]
#
# Indexes ../shared/corpus/reuters21578.jsonl.gz into a temporary index (or
# uses $NEWS_BENCH_DB when set), then reports median and p95 of took_ms for:
#   a two-word query, top 10;
#   the same with exact facets tag, place, author, month;
#   browse mode (every document) with the same facets;
# and, to compare, the exact count alone (every match scanned, no facets).
# took_ms is measured inside news-search around the search itself, so
# process start-up and index opening are left out. The queries run in one
# process (--queries) when news-search has it, else one process per run.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
BUILD="${1:-$HERE/../build}"
RUNS="${2:-100}"
SEARCH="$BUILD/news-search"
INDEX="$BUILD/news-index"
CORPUS="${NEWS_CORPUS:-$HERE/../../shared/corpus/reuters21578.jsonl.gz}"
QUERY="${NEWS_BENCH_QUERY:-oil prices}"
FACETS=(--facet tag --facet place --facet author --facet month)

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
DB="${NEWS_BENCH_DB:-}"
if [ -z "$DB" ]; then
  DB="$WORK/db"
  echo "indexing $CORPUS ..." >&2
  "$INDEX" add --db "$DB" "$CORPUS" >&2
fi

batch=false
"$SEARCH" --help | grep -q -- '--queries' && batch=true

# took LABEL QUERY ARGS...: prints "LABEL  median  p95  (matches)".
took() {
  local label=$1 query=$2
  shift 2
  local out="$WORK/took.jsonl"
  : >"$out"
  if $batch; then
    for _ in $(seq "$RUNS"); do printf '%s\n' "$query"; done >"$WORK/queries"
    "$SEARCH" --db "$DB" --queries "$WORK/queries" "$@" >"$out" || true
  else
    for _ in $(seq "$RUNS"); do
      "$SEARCH" --db "$DB" --json "$@" "$query" >>"$out" || true
    done
  fi
  python3 - "$label" "$out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[2]) if l.strip()]
ms = sorted(r["took_ms"] for r in rows)
# The first run warms caches; report the rest.
ms = sorted(r["took_ms"] for r in rows[1:]) or ms
p = lambda q: ms[min(len(ms) - 1, int(round(q * (len(ms) - 1))))]
print("%-44s %8.2f %8.2f   %7d matches, %d runs" % (sys.argv[1], p(0.5), p(0.95), rows[-1]["total"], len(ms)))
PY
}

echo "news-search took_ms on $(basename "$CORPUS"), query '$QUERY' ($($batch && echo "one process" || echo "one process per run"))"
printf '%-44s %8s %8s\n' "" "median" "p95"
took "two-word query, top 10" "$QUERY" -n 10
took "two-word query, exact count only (-n 0)" "$QUERY" -n 0
took "two-word query, top 10 + 4 facets" "$QUERY" -n 10 "${FACETS[@]}"
took "browse, exact count only (-n 0)" "" -n 0
took "browse, top 10 + 4 facets" "" -n 10 "${FACETS[@]}"
