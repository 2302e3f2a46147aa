#!/usr/bin/env bash
# HTTP server figures (not pass/fail): requests/s and p50/p99 latency with
# 1, 4 and 16 concurrent clients (wrk, Debian's), top-10 searches from the
# peer harness' query file, with and without facets, on Reuters-21578; then
# the same 16 clients while the index is rebuilt. Prints a table.
# usage: bench/server_bench.sh [BUILD_DIR] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
secs="${2:-10}"
corpus="../shared/corpus/reuters21578.jsonl.gz"
queries="../shared/bench/queries/news-1000.tsv"
for f in "$corpus" "$queries"; do
  [ -e "$f" ] || { echo "skip: $f not found"; exit 0; }
done
command -v wrk >/dev/null || { echo "skip: wrk not installed (apt-get install wrk)"; exit 0; }
work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

"$build/news-index" rebuild -q --db "$work/db" "$corpus"
"$build/news-search" --db "$work/db" --serve 127.0.0.1:0 2>"$work/log" &
server=$!
url=""
for _ in $(seq 100); do
  url="$(sed -n 's|^news-search: serving \(http://[^ ]*\)/$|\1|p' "$work/log")"
  [ -n "$url" ] && curl -sf "$url/healthz" >/dev/null && break
  sleep 0.1
done

# One path per query line (text; a filter when the line has one), URL-encoded.
python3 - "$queries" "$work/paths.txt" <<'PY'
import sys, urllib.parse
out = open(sys.argv[2], "w")
for line in list(open(sys.argv[1]))[1:]:
    qid, kind, text, field, value = (line.rstrip("\n").split("\t") + [""] * 5)[:5]
    p = [("q", text)] + ([("filter", field + "=" + value)] if field and value else [])
    out.write("/api/search?" + urllib.parse.urlencode(p) + "\n")
PY
cat >"$work/paths.lua" <<LUA
local paths, i = {}, 0
for line in io.lines("$work/paths.txt") do paths[#paths + 1] = line end
local suffix = os.getenv("SUFFIX") or ""
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i] .. suffix)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.0f %.3f %.3f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.timeout, summary.requests))
end
LUA

run() {  # LABEL CLIENTS SUFFIX
  local r
  r="$(SUFFIX="$3" wrk -t "$(( $2 < 2 ? 1 : 2 ))" -c "$2" -d "${secs}s" -s "$work/paths.lua" "$url" | grep '^RESULT')"
  read -r _ rps p50 p99 errors _ <<<"$r"
  printf '| %-32s | %7s | %7s | %7s | %7s | %6s |\n' "$1" "$2" "$rps" "$p50" "$p99" "$errors"
}
echo "Reuters-21578, $(wc -l <"$work/paths.txt") queries from news-1000.tsv, ${secs}s per row, $(nproc) cores"
echo "| searches                         | clients | req/s   | p50 ms  | p99 ms  | errors |"
echo "|---|---|---|---|---|---|"
for c in 1 4 16; do run "top 10" "$c" ""; done
for c in 1 4 16; do run "top 10 + tag,place,month facets" "$c" "&facet=tag&facet=place&facet=month"; done
( for _ in 1 2 3; do "$build/news-index" rebuild -q --db "$work/db" "$corpus"; done ) &
rebuild=$!
run "top 10, during rebuilds" 16 ""
wait "$rebuild"
echo "(errors: wrk's non-2xx and socket errors)"
