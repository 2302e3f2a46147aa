#!/usr/bin/env bash
# Nightly-sync figures of issue 5 (not pass/fail), on Reuters-21578:
#   1. first sync into a new index,
#   2. second sync, sources unchanged (no document rebuilt),
#   3. sync with 1% of the stories changed (half edited, half replaced by
#      new ids: 0.5% updated, 0.5% added, 0.5% deleted).
# Each step is run REPS times on copies of the same starting index; the
# median wall time is printed with the run's report counts.
#
# usage: bench/sync_bench.sh [BUILD_DIR] [REPS]
#   BUILD_DIR  holds news-index (default: ./build); REPS default 3.
# The corpus is read from ../shared/corpus beside the source tree
# (NEWS_SHARED_DIR overrides).
set -euo pipefail

SRC="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="$(cd "${1:-$SRC/build}" && pwd)"
REPS="${2:-3}"
SHARED="${NEWS_SHARED_DIR:-$SRC/../shared}"
CORPUS="$SHARED/corpus/reuters21578.jsonl.gz"
INDEX="$BUILD/news-index"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
[ -e "$CORPUS" ] || { echo "$CORPUS not found" >&2; exit 2; }

echo "# news-index sync benchmark (Reuters-21578)"
echo "host: $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "build: $BUILD ($(grep -m1 CMAKE_BUILD_TYPE: "$BUILD/CMakeCache.txt" 2>/dev/null | cut -d= -f2))"

zcat "$CORPUS" >"$WORK/v1.jsonl"
python3 - "$WORK/v1.jsonl" "$WORK/v2.jsonl" <<'EOF'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
step = 200  # 1 in 200 edited, 1 in 200 replaced by a new id: 1% changed
with open(sys.argv[2], "w") as out:
    for i, line in enumerate(lines):
        s = json.loads(line)
        if i % step == 0:
            s["body"] = (s.get("body") or "") + " (corrected)"
        elif i % step == 1:
            s["id"] = s["id"] + "-new"
        out.write(json.dumps(s) + "\n")
EOF
echo "stories: $(wc -l <"$WORK/v1.jsonl")"
echo

# step NAME SOURCE START_DB: REPS timed syncs of SOURCE, each on a copy of
# START_DB ("" = a new index); prints the median and the last report.
step() {
  local name=$1 source=$2 start=$3 times=()
  for ((r = 0; r < REPS; r++)); do
    rm -rf "$WORK/db"
    [ -z "$start" ] || cp -a "$start" "$WORK/db"
    local t0 t1
    t0=$(date +%s.%N)
    "$INDEX" sync --quiet --db "$WORK/db" --report "$WORK/report.json" "$source"
    t1=$(date +%s.%N)
    times+=("$(echo "$t1 - $t0" | bc)")
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((REPS + 1) / 2))p")
  python3 - "$name" "$median" "$WORK/report.json" <<'EOF'
import json, sys
name, median, r = sys.argv[1], float(sys.argv[2]), json.load(open(sys.argv[3]))
print(f"{name:<24} {median:7.2f} s   added {r['added']}, updated {r['updated']}, "
      f"unchanged {r['unchanged']}, deleted {r['deleted']}")
EOF
}

step "first sync" "$WORK/v1.jsonl" ""
cp -a "$WORK/db" "$WORK/synced"
step "second sync, unchanged" "$WORK/v1.jsonl" "$WORK/synced"
step "sync, 1% changed" "$WORK/v2.jsonl" "$WORK/synced"
