#!/usr/bin/env bash
# Remote shards: shards served by real xapian-tcpsrv processes on loopback,
# searched through a stub file with "remote" lines (alone or mixed with a
# local shard), give the hits, totals and facets of the unsharded index. A
# server that goes away is named in a clear error (exit 2), or left out with
# --allow-partial (warning in text and JSON). --recent is refused in one
# line (its weight is unknown to a stock xapian-tcpsrv).
source "$(dirname "$0")/lib.sh"

if ! command -v xapian-tcpsrv > /dev/null; then
  echo "SKIP: xapian-tcpsrv not installed (package xapian-tools)"
  exit 77
fi

SERVERS=()
stop_servers() {
  local pid
  for pid in "${SERVERS[@]}"; do kill "$pid" 2> /dev/null || true; done
  for pid in "${SERVERS[@]}"; do wait "$pid" 2> /dev/null || true; done
  rm -rf "$WORK"
}
trap stop_servers EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

wait_for_port() {
  python3 - "$1" << 'EOF'
import socket, sys, time
for _ in range(100):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.05)
sys.exit(1)
EOF
}

# serve DB: starts xapian-tcpsrv on a free loopback port; sets PORT and PID.
serve() {
  PORT=$(free_port)
  # Own session: on SIGTERM xapian-tcpsrv signals its whole process group.
  setsid xapian-tcpsrv --interface 127.0.0.1 --port "$PORT" "$1" > "$WORK/srv-$PORT.log" 2>&1 &
  PID=$!
  SERVERS+=("$PID")
  wait_for_port "$PORT" || { echo "xapian-tcpsrv did not start on $PORT" >&2; exit 1; }
}


FACETS=(--facet tag --facet author --facet place --facet section --facet source --facet month)
QUERIES=("tariffs" "trade OR election" "korea" "\"supply chain\"" "tag:semiconductors")

# Copies of six sample stories under other ids and sources: near-duplicate
# clusters across the shards.
python3 - "$SRC/corpus/sample.jsonl" > "$WORK/copies.jsonl" << 'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
for r in [r for r in rows if len(r.get("body", "").split()) >= 40][:6]:
    r["id"] += "-copy"
    r["source"] = "Copy Desk"
    print(json.dumps(r))
PY
"$NEWS_INDEX" rebuild -q --db "$WORK/one" "$SRC/corpus/sample.jsonl" "$WORK/copies.jsonl"
"$NEWS_INDEX" rebuild -q --db "$WORK/sharded" --shards 3 "$SRC/corpus/sample.jsonl" \
  "$WORK/copies.jsonl"
mapfile -t SHARDS < <(awk '$1 == "glass" {print $2}' "$WORK/sharded/XAPIANDB")
check_eq "shards in the stub" 3 "${#SHARDS[@]}"

serve "$WORK/sharded/${SHARDS[0]}"; PORT0=$PORT; PID0=$PID
serve "$WORK/sharded/${SHARDS[1]}"; PORT1=$PORT
serve "$WORK/sharded/${SHARDS[2]}"; PORT2=$PORT
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' \
  "$PORT0" "$PORT1" "$PORT2" > "$WORK/remote.stub"
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\nglass %s\n' \
  "$PORT0" "$PORT1" "$WORK/sharded/${SHARDS[2]}" > "$WORK/mixed.stub"

for q in "${QUERIES[@]}"; do
  for n in 3 10; do
    want=$("$NEWS_SEARCH" --db "$WORK/one" --json -n $n "${FACETS[@]}" "$q" | canon)
    for db in remote.stub mixed.stub; do
      got=$("$NEWS_SEARCH" --db "$WORK/$db" --json -n $n "${FACETS[@]}" "$q" | canon)
      check_eq "$db, -n $n, query [$q]: same as unsharded" "$want" "$got"
    done
  done
done

# Sorted by date, and facets with limit 0 (counts only).
for extra in "--sort newest" "-n 0"; do
  # shellcheck disable=SC2086
  want=$("$NEWS_SEARCH" --db "$WORK/one" --json $extra "${FACETS[@]}" trade | canon)
  # shellcheck disable=SC2086
  got=$("$NEWS_SEARCH" --db "$WORK/remote.stub" --json $extra "${FACETS[@]}" trade | canon)
  check_eq "remote.stub $extra: same as unsharded" "$want" "$got"
done

# Collapsed: the same hits, copies, copy sources and exact counts (without
# them, a total is Xapian's estimate, which differs by layout).
collapsed() {
  python3 -c '
import json, sys
j = json.load(sys.stdin)
total = [j["total"], j["total_exact"], j["clusters"]] if "clusters" in j else "estimate"
print(json.dumps([total, j["facets"],
                  sorted((-round(h["score"], 9), h["id"], h.get("cluster"), h["copies"],
                          h["copy_sources"]) for h in j["hits"])], sort_keys=True))'
}
for extra in "-n 10" "-n 0" "-n 5 --facet source" "-n 30 --sort newest"; do
  for q in "" trade; do
    # shellcheck disable=SC2086
    want=$("$NEWS_SEARCH" --db "$WORK/one" --json --collapse $extra "$q" | collapsed)
    for db in remote.stub mixed.stub; do
      # shellcheck disable=SC2086
      got=$("$NEWS_SEARCH" --db "$WORK/$db" --json --collapse $extra "$q" | collapsed)
      check_eq "$db --collapse $extra [$q]: same as unsharded" "$want" "$got"
    done
  done
done
check_eq "--collapse over remote shards: six copies collapsed" 6 \
  "$("$NEWS_SEARCH" --db "$WORK/remote.stub" --json --collapse -n 0 | python3 -c 'import json,sys; j=json.load(sys.stdin); print(j["total"] - j["clusters"])')"
run_status rc "$NEWS_SEARCH" --db "$WORK/remote.stub" --facet source --facet-count clusters \
  trade > /dev/null 2> "$WORK/err"
check_eq "--facet-count clusters over remote shards: refused in one line" "2 1" \
  "$rc $(wc -l < "$WORK/err")"

# Text output works over remote shards too (snippets need document data).
text=$("$NEWS_SEARCH" --db "$WORK/mixed.stub" --color never tariffs)
check_contains "text output over remote shards" "ariff" "$text"

# --recent needs a weight xapian-tcpsrv does not know: one clear line.
run_status rc "$NEWS_SEARCH" --db "$WORK/mixed.stub" --recent 30d tariffs > /dev/null 2> "$WORK/err"
check_eq "--recent over remote shards: exit" 2 "$rc"
check_eq "--recent over remote shards: one line" 1 "$(wc -l < "$WORK/err")"
check_contains "--recent over remote shards: says why" "--recent cannot be used with remote shards" \
  "$(cat "$WORK/err")"

# The HTTP server (news-search --serve) over the local shards' stub and the
# mixed stub answers /api/search exactly as news-search --json does there.
if command -v curl > /dev/null; then
  python3 > "$WORK/cases.json" << 'PY'
import json
queries = ["tariffs", "trade OR election", "korea", "", "tag:semiconductors"]
options = [{}, {"facet": ["tag", "source"]}, {"filter": "tag=Tariffs and trade", "n": 3},
           {"sort": "newest", "n": 5, "offset": 2}, {"facet": "month", "n": 0},
           {"collapse": 1, "facet": "source"}]
print(json.dumps([dict(o, q=q) if q else dict(o) for q in queries for o in options]))
PY
  for db in sharded mixed.stub; do
    start_server "$WORK/$db"
    trap 'kill "$SERVER_PID" 2> /dev/null || true; wait "$SERVER_PID" 2> /dev/null || true; stop_servers' EXIT
    run_status rc python3 "$SRC/tests/cli/api_compare.py" "$NEWS_SEARCH" "$WORK/$db" "$URL" \
      "$WORK/cases.json"
    check_eq "/api/search over $db = news-search --json" 0 "$rc"
    kill "$SERVER_PID"
    wait "$SERVER_PID" 2> /dev/null || true
  done
  trap stop_servers EXIT
fi

# One server goes away.
kill "$PID0"
wait "$PID0" 2> /dev/null || true
run_status rc "$NEWS_SEARCH" --db "$WORK/mixed.stub" tariffs > "$WORK/out" 2> "$WORK/err"
check_eq "exit status with a shard down" 2 "$rc"
check_contains "error names the unreachable shard" "127.0.0.1:$PORT0" "$(cat "$WORK/err")"
check_contains "error says what failed" "cannot open remote shard" "$(cat "$WORK/err")"

run_status rc "$NEWS_SEARCH" --db "$WORK/mixed.stub" --allow-partial --json --facet tag tariffs \
  > "$WORK/partial.json" 2> "$WORK/err"
check_eq "exit status with --allow-partial" 0 "$rc"
check_contains "text warning names the shard" "warning: cannot open remote shard 127.0.0.1:$PORT0" \
  "$(cat "$WORK/err")"
check_contains "JSON warning names the shard" "127.0.0.1:$PORT0" \
  "$(json_get "$WORK/partial.json" 'j["warnings"]')"
full_total=$("$NEWS_SEARCH" --db "$WORK/one" --json tariffs | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
partial_total=$(json_get "$WORK/partial.json" 'j["total"]')
check_eq "partial results come from the other shards" 1 \
  "$([ "$partial_total" -gt 0 ] && [ "$partial_total" -lt "$full_total" ] && echo 1 || echo 0)"
check_eq "a partial total is not exact: at least, no upper bound" "False $partial_total None" \
  "$(json_get "$WORK/partial.json" 'j["total_exact"], j["total_min"], j["total_max"]' | tr -d '(),')"

# The partial total is what the two remaining shards hold.
printf 'glass %s\nglass %s\n' "$WORK/sharded/${SHARDS[1]}" "$WORK/sharded/${SHARDS[2]}" \
  > "$WORK/rest.stub"
rest_total=$("$NEWS_SEARCH" --db "$WORK/rest.stub" --json tariffs | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
check_eq "partial total = remaining shards' total" "$rest_total" "$partial_total"

# Every shard down: an error even with --allow-partial.
printf 'remote 127.0.0.1:%s\n' "$PORT0" > "$WORK/dead.stub"
run_status rc "$NEWS_SEARCH" --db "$WORK/dead.stub" --allow-partial tariffs > /dev/null 2> "$WORK/err"
check_eq "exit status with no shard reachable" 2 "$rc"

finish
