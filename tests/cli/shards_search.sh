#!/usr/bin/env bash
# Sharded index (rebuild --shards N): search gives the hits, totals and facets
# of the unsharded index; add/sync/delete reach the right shard; compact keeps
# the shards, compact --merge and rebuild --merge make one database. Parallel
# indexing (--threads N) writes the same documents whatever N.
source "$(dirname "$0")/lib.sh"

SAMPLE="$SRC/corpus/sample.jsonl"


# same_results WHAT DB_A DB_B: a set of queries gives the same results.
same_results() {
  local q n want got
  for q in "tariffs" "trade OR election" "korea" "\"supply chain\"" "tag:semiconductors" ""; do
    for n in 3 100; do
      want=$("$NEWS_SEARCH" --db "$2" --json -n $n --facet tag --facet author --facet place \
               --facet month --facet section "$q" | canon)
      got=$("$NEWS_SEARCH" --db "$3" --json -n $n --facet tag --facet author --facet place \
              --facet month --facet section "$q" | canon)
      check_eq "$1, -n $n, query [$q]" "$want" "$got"
    done
  done
}

live_count() { grep -c '^glass ' "$1/XAPIANDB"; }

# delve_all DB: every document's terms (with wdf), values and data, by docid.
delve_all() {
  local args=() i
  for ((i = 1; i <= $2; i++)); do args+=(-r "$i"); done
  xapian-delve -1 -v -V -d "${args[@]}" "$1"
}

"$NEWS_INDEX" rebuild -q --db "$WORK/one" --threads 1 "$SAMPLE"
"$NEWS_INDEX" rebuild -q --db "$WORK/sh" --shards 3 --threads 2 "$SAMPLE"
check_eq "three shards in the stub" 3 "$(live_count "$WORK/sh")"
same_results "3 shards vs unsharded" "$WORK/one" "$WORK/sh"
# rebuild --merge: shards written in parallel, merged into one compacted
# database before the switch; the shards' generations do not stay.
"$NEWS_INDEX" rebuild -q --db "$WORK/merged" --shards 3 --merge "$SAMPLE"
check_eq "rebuild --merge makes one database" 1 "$(live_count "$WORK/merged")"
check_eq "rebuild --merge leaves one generation" 1 "$(ls -d "$WORK/merged"/gen-* | wc -l)"
same_results "3 shards merged vs unsharded" "$WORK/one" "$WORK/merged"
run_status rc "$NEWS_INDEX" add -q --merge --db "$WORK/merged" "$SAMPLE" 2> "$WORK/err"
check_eq "add --merge is refused" 2 "$rc"
check_contains "refusal says why" "--merge is not an option of" "$(cat "$WORK/err")"
# --queries keeps the publication times and facet values in memory
# (search/date_keys.h, search/facet_columns.h): the same hits in the same
# order and the same facet counts as one query at a time, whatever the
# order asked for, on one database and on shards. Without words every
# score is 0, so the order is the date's alone.
printf '%s\n' "" "tariffs" "tag:semiconductors" "trade OR election" > "$WORK/batch.txt"
facet_args=()
for f in tag author place source section month year; do facet_args+=(--facet "$f"); done
hits_and_facets() { python3 -c '
import json, sys
for line in sys.stdin:
    j = json.loads(line)
    print(" ".join(h["id"] for h in j["hits"]), json.dumps(j["facets"], sort_keys=True))'; }
for db in one sh; do
  for sort in relevance newest oldest; do
    one_by_one=$(while IFS= read -r q; do
      "$NEWS_SEARCH" --db "$WORK/$db" --json -n 100 --sort $sort "${facet_args[@]}" "$q" |
        tr -d '\n'
      echo
    done < "$WORK/batch.txt" | hits_and_facets)
    batch=$("$NEWS_SEARCH" --db "$WORK/$db" --queries "$WORK/batch.txt" -n 100 --sort $sort \
      "${facet_args[@]}" | hits_and_facets)
    check_eq "--queries = one by one, $db, --sort $sort" "$one_by_one" "$batch"
  done
done
# Spelling data: each word in one shard; a search over them sums it.
suggestion() { "$NEWS_SEARCH" --db "$1" --json 'tarrifs koreaa semiconducters' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["suggestion"])' || true; }
check_eq "did you mean, unsharded" "tariffs korea semiconductors" "$(suggestion "$WORK/one")"
check_eq "did you mean, 3 shards" "$(suggestion "$WORK/one")" "$(suggestion "$WORK/sh")"
# A wildcard takes in the words it starts (from the spelling data, spread
# over the shards): presiden* finds "president" (stem presid) too.
count() { "$NEWS_SEARCH" --db "$1" --json -n 0 "$2" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }
check_eq "presiden* = president OR presidential, 3 shards" \
  "$(count "$WORK/one" 'president OR presidential')" "$(count "$WORK/sh" 'presiden*')"
# Same hits in the same order; the scores of a wildcard of several stems
# differ a little (Xapian estimates a synonym's frequency shard by shard).
check_eq "presiden*: 3 shards vs unsharded" \
  "$("$NEWS_SEARCH" --db "$WORK/one" --format ids -n 100 'presiden*')" \
  "$("$NEWS_SEARCH" --db "$WORK/sh" --format ids -n 100 'presiden*')"

# Every article in exactly one shard.
total=0
for g in $(awk '$1 == "glass" {print $2}' "$WORK/sh/XAPIANDB"); do
  n=$(xapian-delve "$WORK/sh/$g" | awk '/number of documents/ {print $NF}')
  check_eq "shard $g is not empty" 1 "$([ "$n" -gt 0 ] && echo 1 || echo 0)"
  total=$((total + n))
done
check_eq "documents over the shards" "$(wc -l < "$SAMPLE")" "$total"

# A rebuild without --shards keeps the shard count.
"$NEWS_INDEX" rebuild -q --db "$WORK/sh" "$SAMPLE"
check_eq "rebuild keeps 3 shards" 3 "$(live_count "$WORK/sh")"

# add (a changed article and a new one), delete, sync: same as unsharded.
python3 - "$SAMPLE" "$WORK" << 'EOF'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
changed = dict(lines[0]); changed["title"] = "Zanzibar tariff rethink"
new = dict(lines[1]); new["id"] = "shards-test-new"; new["title"] = "Zanzibar cloves"
with open(sys.argv[2] + "/update.jsonl", "w") as f:
    for a in (changed, new): f.write(json.dumps(a) + "\n")
with open(sys.argv[2] + "/fewer.jsonl", "w") as f:
    for a in lines[5:]: f.write(json.dumps(a) + "\n")
EOF
for db in one sh; do "$NEWS_INDEX" add -q --db "$WORK/$db" "$WORK/update.jsonl"; done
same_results "after add" "$WORK/one" "$WORK/sh"
check_eq "added article found in the sharded index" 2 \
  "$("$NEWS_SEARCH" --db "$WORK/sh" --json zanzibar | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"
check_eq "no duplicate after re-adding" "$(($(wc -l < "$SAMPLE") + 1))" \
  "$("$NEWS_SEARCH" --db "$WORK/sh" --json -n 0 | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"

run_status rc "$NEWS_INDEX" add -q --db "$WORK/sh" --shards 2 "$WORK/update.jsonl" 2> "$WORK/err"
check_eq "add --shards with another count is refused" 2 "$rc"
check_contains "refusal says why" "only rebuild" "$(cat "$WORK/err")"

for db in one sh; do "$NEWS_INDEX" delete -q --db "$WORK/$db" shards-test-new; done
same_results "after delete" "$WORK/one" "$WORK/sh"

for db in one sh; do "$NEWS_INDEX" sync -q --db "$WORK/$db" "$WORK/fewer.jsonl"; done
same_results "after sync" "$WORK/one" "$WORK/sh"
check_eq "sync leaves the shards" 3 "$(live_count "$WORK/sh")"

# compact keeps the shards; --merge makes one database.
"$NEWS_INDEX" compact -q --db "$WORK/sh" 2> /dev/null
check_eq "compact keeps 3 shards" 3 "$(live_count "$WORK/sh")"
same_results "after compact" "$WORK/one" "$WORK/sh"
"$NEWS_INDEX" compact -q --merge --db "$WORK/sh" 2> /dev/null
check_eq "compact --merge makes one database" 1 "$(live_count "$WORK/sh")"
same_results "after compact --merge" "$WORK/one" "$WORK/sh"
check_eq "old shard generations removed or kept as previous only" 1 \
  "$([ "$(ls -d "$WORK/sh"/gen-* | wc -l)" -le 4 ] && echo 1 || echo 0)"

# --threads: the same documents, in the same order, whatever N.
n=$(wc -l < "$SAMPLE")
"$NEWS_INDEX" rebuild -q --db "$WORK/t1" --threads 1 "$SAMPLE"
"$NEWS_INDEX" rebuild -q --db "$WORK/t3" --threads 3 "$SAMPLE"
g1=$(awk '$1 == "glass" {print $2}' "$WORK/t1/XAPIANDB")
g3=$(awk '$1 == "glass" {print $2}' "$WORK/t3/XAPIANDB")
if command -v xapian-delve > /dev/null; then
  check_eq "--threads 1 and 3 write identical documents" \
    "$(delve_all "$WORK/t1/$g1" "$n" | md5sum)" "$(delve_all "$WORK/t3/$g3" "$n" | md5sum)"
fi
same_results "--threads 1 vs 3" "$WORK/t1" "$WORK/t3"

# A rejected record is reported at its line whatever the threads.
{ head -3 "$SAMPLE"; echo '{"id": "broken", '; sed -n 4,6p "$SAMPLE"; } > "$WORK/bad.jsonl"
run_status rc "$NEWS_INDEX" rebuild -q --db "$WORK/bad" --threads 2 --shards 2 "$WORK/bad.jsonl" \
  2> "$WORK/err"
check_eq "exit 1 with a rejected record" 1 "$rc"
check_contains "rejection located" "bad.jsonl:4" "$(cat "$WORK/err")"
check_eq "other records indexed" 6 \
  "$("$NEWS_SEARCH" --db "$WORK/bad" --json -n 0 | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')"

finish
