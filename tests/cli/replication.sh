#!/usr/bin/env bash
# Replication as docs/SCALING.md shows it: the shards of a sharded index are
# served by xapian-replicate-server, copied by xapian-replicate to replicas,
# searched there through a stub; an update on the master (written with
# XAPIAN_MAX_CHANGESETS) reaches the replicas as changesets.
source "$(dirname "$0")/lib.sh"

for tool in xapian-replicate-server xapian-replicate; do
  if ! command -v $tool > /dev/null; then
    echo "SKIP: $tool not installed (package xapian-tools)"
    exit 77
  fi
done

SERVER=""
cleanup() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2> /dev/null || true; wait "$SERVER" 2> /dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
total() { "$NEWS_SEARCH" --db "$1" --json -n 0 "${@:2}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }
ids() { "$NEWS_SEARCH" --db "$1" --format ids -n 20 --facet tag "${@:2}"; }

# The master: a sharded index whose writers keep changesets.
export XAPIAN_MAX_CHANGESETS=10
"$NEWS_INDEX" rebuild -q --db "$WORK/master" --shards 2 "$SRC/corpus/sample.jsonl"
mapfile -t SHARDS < <(awk '$1 == "glass" {print $2}' "$WORK/master/XAPIANDB")

# Serve the index directory (the shards are its subdirectories).
setsid xapian-replicate-server -I 127.0.0.1 -p "$PORT" "$WORK/master" > "$WORK/server.log" 2>&1 &
SERVER=$!
replicate_all() {
  local shard tries
  for shard in "${SHARDS[@]}"; do
    for tries in 1 2 3 4 5 6 7 8 9 10; do
      if xapian-replicate -q -o -r 0 -h 127.0.0.1 -p "$PORT" -m "$shard" \
           "$WORK/replica/$shard" 2>> "$WORK/replicate.log"; then
        break
      fi
      sleep 0.2  # the server may still be starting
    done
  done
}
mkdir -p "$WORK/replica"
replicate_all
: > "$WORK/replica/XAPIANDB"
for shard in "${SHARDS[@]}"; do echo "auto $shard" >> "$WORK/replica/XAPIANDB"; done

check_eq "replica: same total" "$(total "$WORK/master")" "$(total "$WORK/replica")"
check_eq "replica: same hits" "$(ids "$WORK/master" tariffs)" "$(ids "$WORK/replica" tariffs)"
check_eq "replica: same facets" \
  "$("$NEWS_SEARCH" --db "$WORK/master" --json -n 0 --facet tag trade | python3 -c 'import json,sys; print(json.load(sys.stdin)["facets"])')" \
  "$("$NEWS_SEARCH" --db "$WORK/replica" --json -n 0 --facet tag trade | python3 -c 'import json,sys; print(json.load(sys.stdin)["facets"])')"

# An update on the master reaches the replica with the next replication.
python3 -c '
import json, sys
a = json.loads(open(sys.argv[1]).readline())
a["id"] = "replication-test"; a["title"] = "Quokka census on Rottnest"
print(json.dumps(a))' "$SRC/corpus/sample.jsonl" > "$WORK/new.jsonl"
"$NEWS_INDEX" add -q --db "$WORK/master" "$WORK/new.jsonl"
check_eq "master has the new story" 1 "$(total "$WORK/master" quokka)"
check_eq "replica not yet" 0 "$(total "$WORK/replica" quokka)"
replicate_all
check_eq "replica has the new story after replicating" 1 "$(total "$WORK/replica" quokka)"
check_eq "replica total follows" "$(total "$WORK/master")" "$(total "$WORK/replica")"
if command -v xapian-check > /dev/null; then
  for shard in "${SHARDS[@]}"; do
    # A replica directory is a stub naming its current copy (replica_N).
    copy=$(awk '$1 == "auto" {print $2}' "$WORK/replica/$shard/XAPIANDB")
    run_status rc xapian-check "$WORK/replica/$shard/$copy" > /dev/null
    check_eq "xapian-check replica $shard" 0 "$rc"
  done
fi

finish
