#!/usr/bin/env bash
# Many threads building documents while the writer stores them: add over an
# existing index, sync, rebuild into shards, with more threads than cores.
# Each run must succeed and give the same index. In the ThreadSanitizer
# build (scripts/test.sh, NEWS_TSAN) this is the race check of the
# indexing pipeline: Xapian's reference counts are not atomic, so a Xapian
# object shared between a worker and the writer is a crash now and then (a
# TermGenerator holding the document it handed over did exactly that).
source "$(dirname "$0")/lib.sh"

python3 - "$WORK/many.jsonl" <<'PY'
import json, random, sys
rng = random.Random(11)
with open(sys.argv[1], "w") as out:
    for i in range(1, 2001):
        body = " ".join(f"w{rng.randrange(20000)}" for _ in range(120))
        out.write(json.dumps({
            "id": f"t-{i}", "title": f"Thread {i} w{rng.randrange(5000)}", "body": body,
            "published": "2001-%02d-%02dT10:00:00Z" % (1 + i % 12, 1 + i % 28),
            "authors": [f"Author {rng.randrange(50)}"], "source": f"Source {i % 5}",
            "tags": [f"tag{rng.randrange(40)}" for _ in range(2)]}) + "\n")
PY
head -n 300 "$WORK/many.jsonl" >"$WORK/some.jsonl"
DB="$WORK/db"

"$NEWS_INDEX" add -q --db "$DB" --threads 3 --batch-size 100 "$WORK/some.jsonl"
run_status rc "$NEWS_INDEX" add -q --db "$DB" --threads 8 --batch-size 150 "$WORK/many.jsonl"
check_eq "add with 8 threads: exit" 0 "$rc"
check_eq "add: stories" 2000 "$(total 'thread')"
check_eq "add: one author's stories" \
  "$(grep -c '"Author 7"' "$WORK/many.jsonl")" "$(total 'author:"Author 7"')"

run_status rc "$NEWS_INDEX" sync -q --db "$DB" --threads 8 --batch-size 150 --max-delete 100% \
  "$WORK/some.jsonl"
check_eq "sync with 8 threads: exit" 0 "$rc"
check_eq "sync: stories" 300 "$(total 'thread')"

run_status rc "$NEWS_INDEX" rebuild -q --db "$DB" --threads 8 --shards 3 --max-delete 100% \
  "$WORK/many.jsonl"
check_eq "rebuild into 3 shards with 8 threads: exit" 0 "$rc"
check_eq "rebuild: stories" 2000 "$(total 'thread')"
check_eq "rebuild: one tag's stories" \
  "$(grep -c '"tag3"' "$WORK/many.jsonl")" "$(total 'tag:tag3')"

finish
