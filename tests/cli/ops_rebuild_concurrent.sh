# A rebuild kept running (fed through a FIFO, so no timing is involved):
# every other writer gets exit 2 naming its pid, 30 searches during it all
# succeed on the old generation, --wait gets the lock afterwards, searchers
# then see the new generation. A rebuild that fails at its end (it would
# delete more than --max-delete) leaves the live index as it was.
source "$(dirname "$0")/lib.sh"

# articles WORD FIRST LAST: JSON lines about WORD.
articles() {
  local i
  for ((i = $2; i <= $3; i++)); do
    printf '{"id":"%s-%d","title":"%s report %d","body":"The %s market moved today, item %d."}\n' \
      "$1" "$i" "$1" "$i" "$1" "$i"
  done
}
hits() { "$NEWS_SEARCH" --db "$DB" --json -n 0 "$@" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }
live() { awk '$1 == "glass" {print $2}' "$DB/XAPIANDB"; }

DB="$WORK/db"
articles alpha 1 100 >"$WORK/alpha.jsonl"
"$NEWS_INDEX" rebuild -q --db "$DB" "$WORK/alpha.jsonl"
check_eq "first generation" gen-000001 "$(live)"

mkfifo "$WORK/feed"
"$NEWS_INDEX" rebuild -q --db "$DB" --max-delete 100% - <"$WORK/feed" 2>"$WORK/rebuild.err" &
REBUILD=$!
exec 3>"$WORK/feed"
articles beta 1 50 >&3
for ((i = 0; i < 600; i++)); do   # until the rebuild holds the lock
  [ "$(cat "$DB/write.lock" 2>/dev/null)" == "$REBUILD" ] && break
  sleep 0.1
done
check_eq "rebuild holds the lock" "$REBUILD" "$(cat "$DB/write.lock")"

for cmd in "add $WORK/alpha.jsonl" "sync $WORK/alpha.jsonl" "rebuild $WORK/alpha.jsonl" \
           "delete alpha-1" "compact"; do
  # shellcheck disable=SC2086
  run_status rc "$NEWS_INDEX" $cmd --db "$DB" 2>"$WORK/err" 3>&-
  check_eq "second writer ($cmd) exit" 2 "$rc"
  check_eq "second writer ($cmd) one line" 1 "$(wc -l <"$WORK/err")"
  check_contains "second writer ($cmd) message" \
    "is being written by another process (pid $REBUILD)" "$(cat "$WORK/err")"
done

ok=0
for ((i = 51; i <= 80; i++)); do
  run_status rc "$NEWS_SEARCH" --db "$DB" --json -n 3 alpha market >/dev/null 3>&-
  if [ "$rc" == 0 ] && [ "$(hits alpha)" == 100 ]; then ok=$((ok + 1)); fi
  articles beta "$i" "$i" >&3
done
check_eq "searches during the rebuild that succeeded" 30 "$ok"

articles gamma 1 5 >"$WORK/gamma.jsonl"
"$NEWS_INDEX" add -q --wait 300 --db "$DB" "$WORK/gamma.jsonl" 3>&- &  # not holding the FIFO open
WAITER=$!
exec 3>&-
run_status rc wait "$REBUILD"
check_eq "rebuild exit" 0 "$rc"
run_status rc wait "$WAITER"
check_eq "writer with --wait exit" 0 "$rc"

check_eq "new generation live" gen-000002 "$(live)"
check_contains "previous generation named in the stub" "# previous gen-000001" "$(cat "$DB/XAPIANDB")"
check_eq "previous generation kept" yes "$([ -d "$DB/gen-000001" ] && echo yes || echo no)"
check_eq "new searcher: old stories gone" 0 "$(hits alpha)"
check_eq "new searcher: new stories" 80 "$(hits beta)"
check_eq "new searcher: the waiting writer's stories" 5 "$(hits gamma)"

# A failed rebuild: written whole, it would delete every story.
articles delta 1 50 >"$WORK/delta.jsonl"
articles delta 51 2000 | gzip -c >"$WORK/more.jsonl.gz"
cp "$DB/XAPIANDB" "$WORK/stub.before"
ls "$DB" >"$WORK/dir.before"
run_status rc "$NEWS_INDEX" rebuild --db "$DB" "$WORK/delta.jsonl" "$WORK/more.jsonl.gz" 2>"$WORK/err"
check_eq "failed rebuild exit" 2 "$rc"
check_eq "failed rebuild: one line" 1 "$(wc -l <"$WORK/err")"
check_contains "failed rebuild: says why" "would delete 85 of 85 stories" "$(cat "$WORK/err")"
cmp -s "$WORK/stub.before" "$DB/XAPIANDB" && pass || fail "failed rebuild changed the stub"
check_eq "failed rebuild: no generation left behind" "$(cat "$WORK/dir.before")" "$(ls "$DB")"
check_eq "failed rebuild: index unchanged" "80 5 0" "$(hits beta) $(hits gamma) $(hits delta)"
xapian-check "$DB/$(live)" >/dev/null 2>&1 && pass || fail "xapian-check after failed rebuild"

# The next switch removes the oldest generation.
"$NEWS_INDEX" rebuild -q --db "$DB" --max-delete 100% "$WORK/delta.jsonl"
check_eq "generations after the next rebuild" "gen-000002 gen-000003" "$(cd "$DB" && echo gen-*)"
check_eq "rebuilt index" 50 "$(hits delta)"

# Searches while an add commits small batches into the live generation.
articles epsilon 1 3000 >"$WORK/epsilon.jsonl"
"$NEWS_INDEX" add -q --db "$DB" --batch-size 10 "$WORK/epsilon.jsonl" &
WRITER=$!
ok=0
for ((i = 0; i < 30; i++)); do
  run_status rc "$NEWS_SEARCH" --db "$DB" --json -n 5 --facet tag market >/dev/null
  [ "$rc" == 0 ] && ok=$((ok + 1))
done
check_eq "searches during an add that all succeeded" 30 "$ok"
run_status rc wait "$WRITER"
check_eq "add exit" 0 "$rc"
check_eq "after the add" 3000 "$(hits epsilon)"

finish
