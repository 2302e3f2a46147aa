#!/usr/bin/env bash
# Replication as docs/SCALING.md shows it: xapian-replicate-server serves
# the folder holding the index; xapian-replicate copies an unsharded index
# by its directory name, a sharded one by its stable shard stubs
# (DIR/shard-N). Updates on the master (written with XAPIAN_MAX_CHANGESETS)
# reach the replicas as changesets, and a rebuild on the master (a new
# generation) is followed: after each of two rebuilds the replica serves
# what the master serves.
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
facets() { "$NEWS_SEARCH" --db "$1" --json -n 0 --facet tag "${@:2}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["facets"])'; }

# replicate NAME TARGET: one pass of xapian-replicate (the server may still
# be starting: a few tries).
replicate() {
  local tries
  for tries in 1 2 3 4 5 6 7 8 9 10; do
    if xapian-replicate -q -o -r 0 -h 127.0.0.1 -p "$PORT" -m "$1" "$2" 2>> "$WORK/replicate.log"; then
      return 0
    fi
    sleep 0.2
  done
  fail "xapian-replicate -m $1 failed: $(tail -n 2 "$WORK/replicate.log")"
}

# same WHAT MASTER REPLICA: the replica answers as the master does.
same() {
  check_eq "$1: same total" "$(total "$2")" "$(total "$3")"
  check_eq "$1: same hits" "$(ids "$2" tariffs)" "$(ids "$3" tariffs)"
  check_eq "$1: same facets" "$(facets "$2" trade)" "$(facets "$3" trade)"
}

head -n 30 "$SRC/corpus/sample.jsonl" > "$WORK/part.jsonl"
python3 -c '
import json, sys
a = json.loads(open(sys.argv[1]).readline())
a["id"] = "replication-test"; a["title"] = "Quokka census on Rottnest"
print(json.dumps(a))' "$SRC/corpus/sample.jsonl" > "$WORK/new.jsonl"

# The masters, written with changesets, in the folder the server serves.
export XAPIAN_MAX_CHANGESETS=10
SRV="$WORK/srv"
"$NEWS_INDEX" rebuild -q --db "$SRV/one" "$SRC/corpus/sample.jsonl"
"$NEWS_INDEX" rebuild -q --db "$SRV/two" --shards 2 "$SRC/corpus/sample.jsonl"
check_eq "shard stubs of a sharded index" "shard-1 shard-2" "$(cd "$SRV/two" && echo shard-*)"
check_eq "no shard stub for one database" "" "$(cd "$SRV/one" && ls shard-* 2> /dev/null || true)"
setsid xapian-replicate-server -I 127.0.0.1 -p "$PORT" "$SRV" > "$WORK/server.log" 2>&1 &
SERVER=$!

# replicate_all: the unsharded index by its name, the sharded one by shard.
replicate_all() {
  replicate one "$WORK/replica-one"
  replicate two/shard-1 "$WORK/replica-two/shard-1"
  replicate two/shard-2 "$WORK/replica-two/shard-2"
}
mkdir -p "$WORK/replica-two"
replicate_all
printf 'auto shard-1\nauto shard-2\n' > "$WORK/replica-two/XAPIANDB"
same "unsharded replica" "$SRV/one" "$WORK/replica-one"
same "sharded replica" "$SRV/two" "$WORK/replica-two"

# An update on the master reaches the replica with the next replication.
for m in one two; do "$NEWS_INDEX" add -q --db "$SRV/$m" "$WORK/new.jsonl"; done
check_eq "master has the new story" 1 "$(total "$SRV/two" quokka)"
check_eq "replica not yet" 0 "$(total "$WORK/replica-two" quokka)"
replicate_all
check_eq "unsharded replica has the new story" 1 "$(total "$WORK/replica-one" quokka)"
check_eq "sharded replica has the new story" 1 "$(total "$WORK/replica-two" quokka)"

# Two rebuilds on the master: new generations, followed by the replicas.
round=0
for source in "$WORK/part.jsonl" "$SRC/corpus/sample.jsonl"; do
  round=$((round + 1))
  for m in one two; do "$NEWS_INDEX" rebuild -q --max-delete 100% --db "$SRV/$m" "$source"; done
  replicate_all
  same "unsharded replica after rebuild $round" "$SRV/one" "$WORK/replica-one"
  same "sharded replica after rebuild $round" "$SRV/two" "$WORK/replica-two"
  check_eq "replica total after rebuild $round" "$(grep -c . "$source")" "$(total "$WORK/replica-two")"
done

if command -v xapian-check > /dev/null; then
  for replica in "$WORK/replica-one" "$WORK/replica-two/shard-1" "$WORK/replica-two/shard-2"; do
    # A replica directory is a stub naming its current copy (replica_N).
    copy=$(awk '$1 == "auto" {print $2}' "$replica/XAPIANDB")
    run_status rc xapian-check "$replica/$copy" > /dev/null
    check_eq "xapian-check $replica" 0 "$rc"
  done
fi

finish
