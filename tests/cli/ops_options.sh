#!/usr/bin/env bash
# Options are validated and the small mishaps of issue 16 (items 8 and 10):
# negative or absurd numbers are usage errors (exit 2, before any work);
# the same index named twice is searched once; a huge query gets a message;
# a damaged index is called damaged, not "changed by a writer"; a stub that
# names no database is an error.
source "$(dirname "$0")/lib.sh"

DB="$WORK/db"
index() { run_status rc "$NEWS_INDEX" "$@" 2>"$WORK/err"; }
err() { cat "$WORK/err"; }
"$NEWS_INDEX" add -q --db "$DB" "$SRC/corpus/sample.jsonl"
before=$(cat "$DB/XAPIANDB")

# 8. Bad numbers.
for opt in "--threads -1" "--threads 100000" "--threads x" "--batch-size -1" "--batch-size 0" \
  "--wait -1" "--wait nan" "--shards 1000" "--shards 0" "--shards -2" "--max-delete -1" \
  "--max-delete 101%" "--max-delete ten"; do
  # shellcheck disable=SC2086
  index rebuild --db "$DB" $opt "$SRC/corpus/sample.jsonl"
  check_eq "rebuild $opt: exit" 2 "$rc"
  check_contains "rebuild $opt: names the option" "${opt%% *}" "$(err)"
  check_eq "rebuild $opt: no new generation" "$before" "$(cat "$DB/XAPIANDB")"
done
check_eq "no folders left by refused options" 1 "$(ls -d "$DB"/gen-* | wc -l)"
index rebuild --db "$DB" --shards 3 --threads 2 --wait 0.5 "$SRC/corpus/sample.jsonl"
check_eq "sane numbers accepted" 0 "$rc"
check_eq "three shards" 3 "$(grep -c '^glass ' "$DB/XAPIANDB")"

# 10. The same index twice is one index.
one=$(search --json -n 100 tariffs | canon)
twice=$("$NEWS_SEARCH" --db "$DB" --db "$DB" --json -n 100 tariffs | canon)
check_eq "--db X --db X: the same hits and counts" "$one" "$twice"
twice=$("$NEWS_SEARCH" --db "$DB" --db "$DB/XAPIANDB" --db "$WORK/../$(basename "$WORK")/db" --json -n 100 tariffs | canon)
check_eq "one index under three spellings" "$one" "$twice"

# A 20,000-word query: a message, not a 30 s wait.
python3 -c 'import random, string; r = random.Random(1); print(" ".join("".join(r.choice(string.ascii_lowercase) for _ in range(4)) for _ in range(20000)))' >"$WORK/q.txt"
run_status rc search -n 3 "$(cat "$WORK/q.txt")" 2>"$WORK/err"
check_eq "20,000-word query: exit" 2 "$rc"
check_contains "20,000-word query: said" "too long" "$(err)"
python3 -c 'import random; r = random.Random(2); print(" ".join(["tariffs"] + ["w%d" % r.randrange(10**6) for _ in range(999)]))' >"$WORK/q.txt"
run_status rc search -n 3 "$(cat "$WORK/q.txt")" >/dev/null 2>"$WORK/err"
check_eq "1,000-word query answered" 0 "$rc"

# A damaged index is called damaged. A block whose revision is ahead of the
# database's reads like a concurrent commit; with no writer it is damage.
"$NEWS_INDEX" rebuild -q --db "$DB" --shards 1 "$SRC/corpus/sample.jsonl"
gen="$DB/$(awk '$1 == "glass" {print $2}' "$DB/XAPIANDB")"
printf '\x7f\xff\xff\xff' | dd of="$gen/postlist.glass" bs=1 seek=0 conv=notrunc 2>/dev/null
printf '\x7f\xff\xff\xff' | dd of="$gen/postlist.glass" bs=1 seek=8192 conv=notrunc 2>/dev/null
index stats --db "$DB"
check_eq "stats on a damaged index: exit" 2 "$rc"
check_contains "stats on a damaged index: said" "damaged" "$(err)"
check_contains "stats on a damaged index: what to run" "xapian-check" "$(err)"
run_status rc search tariffs 2>"$WORK/err" >/dev/null
check_eq "search on a damaged index: exit" 2 "$rc"
check_contains "search on a damaged index: said" "damaged" "$(err)"

# A stub that names no database.
printf '# nothing here\n' >"$DB/XAPIANDB"
index stats --db "$DB"
check_eq "stats on an empty stub: exit" 2 "$rc"
check_contains "stats on an empty stub: said" "names no database" "$(err)"
run_status rc search tariffs 2>"$WORK/err" >/dev/null
check_eq "search on an empty stub: exit" 2 "$rc"
check_contains "search on an empty stub: said" "names no database" "$(err)"

finish
