#!/usr/bin/env bash
# The server follows the index: after `news-index rebuild`, `sync` and
# `add` it serves the new state without a restart, and 8 concurrent clients
# searching all along see no failed request.
source "$(dirname "$0")/lib.sh"
command -v curl >/dev/null || { echo "SKIP: curl not installed"; exit 77; }

SAMPLE="$SRC/corpus/sample.jsonl"
DB="$WORK/db"
head -50 "$SAMPLE" >"$WORK/fifty.jsonl"
"$NEWS_INDEX" rebuild -q --db "$DB" "$SAMPLE"
start_server "$DB"

browse_total() { curl -sf "$URL/api/search?n=0" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }
# await_total N WHAT: the server reports N stories within 5 s.
await_total() {
  local got=""
  for _ in $(seq 100); do
    got="$(browse_total)"
    [ "$got" == "$1" ] && break
    sleep 0.05
  done
  check_eq "$2: served without a restart" "$1" "$got"
}

check_eq "before" 55 "$(browse_total)"
python3 "$SRC/tests/cli/api_load.py" "$URL" 8 "$WORK/stop" >"$WORK/load.json" &
LOAD=$!
# The clients stop when the stop file appears, the server when killed.
trap 'touch "$WORK/stop"; wait "$LOAD" 2>/dev/null || true; kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for round in 1 2 3; do
  "$NEWS_INDEX" rebuild -q --db "$DB" "$WORK/fifty.jsonl"
  await_total 50 "rebuild $round (50 stories)"
  "$NEWS_INDEX" rebuild -q --db "$DB" "$SAMPLE"
  await_total 55 "rebuild $round (55 stories)"
done
"$NEWS_INDEX" sync -q --db "$DB" "$WORK/fifty.jsonl"
await_total 50 "sync"
"$NEWS_INDEX" add -q --db "$DB" "$SAMPLE"
await_total 55 "add"
touch "$WORK/stop"
wait "$LOAD"
cat "$WORK/load.json"
check_eq "failed requests during the rebuilds" 0 "$(json_get "$WORK/load.json" 'j["failed"]')"
check_eq "requests served" True "$(json_get "$WORK/load.json" 'j["requests"] > 100')"
check_eq "server still up" 200 "$(http_status /healthz)"
finish
