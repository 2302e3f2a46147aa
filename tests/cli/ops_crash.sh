# kill -9 of real writer processes at several random points: the live
# generation always passes xapian-check, committed batches survive, and
# re-running the same command gives the same documents (ids and content
# hashes) as an uninterrupted run.
source "$(dirname "$0")/lib.sh"
command -v xapian-check >/dev/null || { echo "SKIP: xapian-check not installed"; exit 77; }

# gen_corpus FILE COUNT [CHANGED_WORD]
gen_corpus() {
  python3 - "$@" <<'EOF'
import json, sys
path, count = sys.argv[1], int(sys.argv[2])
word = sys.argv[3] if len(sys.argv) > 3 else None
with open(path, "w") as out:
    for i in range(1, count + 1):
        if word and i % 10 == 0:
            continue  # removed in the changed version
        body = " ".join(f"word{(i * k) % 997}" for k in range(1, 60))
        if word and i % 7 == 0:
            body += " " + word
        out.write(json.dumps({"id": f"c-{i}", "title": f"Crash test {i}", "body": body}) + "\n")
EOF
}
live_gen() { echo "$1/$(awk '$1 == "glass" {print $2}' "$1/XAPIANDB")"; }
doccount() {
  [ -e "$1/XAPIANDB" ] || { echo 0; return; }
  xapian-delve "$(live_gen "$1")" | awk '/number of documents/ {print $NF}'
}
# doc_set DB: sorted "id hash" lines of the live generation.
doc_set() {
  python3 - "$(live_gen "$1")" <<'EOF'
import subprocess, sys
db = sys.argv[1]
run = lambda args: subprocess.run(["xapian-delve", "-1"] + args + [db], check=True,
                                  capture_output=True, text=True).stdout.splitlines()
hashes = dict(l.split(":", 1) for l in run(["-V4"])[1:])
ids, docid = {}, None
records = [a for d in hashes for a in ("-r", d)]
for line in run(records) if records else []:
    if line.startswith("Term List for record #"):
        docid = line.split("#")[1].rstrip(":")
    elif line.startswith("Q"):
        ids[docid] = line[1:]
for d in sorted(hashes, key=lambda d: ids[d]):
    print(ids[d], hashes[d])
EOF
}
check_live() {  # check_live DB WHAT
  if [ -e "$1/XAPIANDB" ]; then
    xapian-check "$(live_gen "$1")" >/dev/null 2>&1 && pass || fail "$2: xapian-check"
  fi
}

N=3000
gen_corpus "$WORK/v1.jsonl" "$N"
gen_corpus "$WORK/v2.jsonl" "$N" changedword
"$NEWS_INDEX" add -q --db "$WORK/ref1" --batch-size 100 "$WORK/v1.jsonl"
doc_set "$WORK/ref1" >"$WORK/ref1.set"
check_eq "reference documents" "$N" "$(wc -l <"$WORK/ref1.set")"
cp -a "$WORK/ref1" "$WORK/ref2"
"$NEWS_INDEX" sync -q --db "$WORK/ref2" --batch-size 100 "$WORK/v2.jsonl"
doc_set "$WORK/ref2" >"$WORK/ref2.set"

# 1. A new index fed through a FIFO with K records, killed once at least 800
#    are committed (the reader takes stdin in 4 kB chunks, so all but the
#    last few records reach the writer): the committed batches survive.
for round in 1 2; do
  K=$((1500 + RANDOM % 1500))
  echo "round $round: kill after $K records fed"
  DB="$WORK/fifo$round"
  rm -f "$WORK/feed"; mkfifo "$WORK/feed"
  "$NEWS_INDEX" add -q --db "$DB" --batch-size 100 - <"$WORK/feed" &
  pid=$!
  exec 3>"$WORK/feed"
  head -n "$K" "$WORK/v1.jsonl" >&3
  for ((i = 0; i < 1200 && $(doccount "$DB") < 800; i++)); do sleep 0.1; done
  seen=$(doccount "$DB")
  kill -9 "$pid"; wait "$pid" 2>/dev/null || true
  exec 3>&-
  check_live "$DB" "round $round"
  after=$(doccount "$DB")
  echo "round $round: $seen committed before the kill, $after after"
  check_eq "round $round: committed batches kept" yes \
    "$([ "$after" -ge "$seen" ] && [ "$seen" -ge 800 ] && [ "$after" -le "$K" ] && echo yes || echo no)"
  check_eq "round $round: whole batches only" 0 "$((after % 100))"
  "$NEWS_INDEX" add -q --db "$DB" --batch-size 100 "$WORK/v1.jsonl"
  check_eq "round $round: re-run converges" "$(cat "$WORK/ref1.set")" "$(doc_set "$DB")"
done

# 2. add from a file, killed at a random moment, twice on the same index.
DB="$WORK/timed"
for round in 3 4; do
  delay=$(printf '0.%02d' $((RANDOM % 60)))
  echo "round $round: kill add after ${delay}s"
  "$NEWS_INDEX" add -q --db "$DB" --batch-size 100 "$WORK/v1.jsonl" &
  pid=$!
  sleep "$delay"; kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  check_live "$DB" "round $round"
done
"$NEWS_INDEX" add -q --db "$DB" --batch-size 100 "$WORK/v1.jsonl"
check_eq "add re-run after kills converges" "$(cat "$WORK/ref1.set")" "$(doc_set "$DB")"

# 3. sync to a changed version, killed at a random moment, then re-run.
DB="$WORK/sync"
cp -a "$WORK/ref1" "$DB"
delay=$(printf '0.%02d' $((RANDOM % 60)))
echo "round 5: kill sync after ${delay}s"
"$NEWS_INDEX" sync -q --db "$DB" --batch-size 100 "$WORK/v2.jsonl" &
pid=$!
sleep "$delay"; kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
check_live "$DB" "round 5"
"$NEWS_INDEX" sync -q --db "$DB" --batch-size 100 "$WORK/v2.jsonl"
check_eq "sync re-run after a kill converges" "$(cat "$WORK/ref2.set")" "$(doc_set "$DB")"

# 4. rebuild killed at a random moment: the live index is untouched and the
#    half-written generation goes at the next run.
DB="$WORK/rebuild"
cp -a "$WORK/ref1" "$DB"
delay=$(printf '0.%02d' $((RANDOM % 60)))
echo "round 6: kill rebuild after ${delay}s"
"$NEWS_INDEX" rebuild -q --db "$DB" "$WORK/v2.jsonl" &
pid=$!
sleep "$delay"; kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
check_live "$DB" "round 6"
if [ "$(live_gen "$DB")" == "$DB/gen-000001" ]; then
  check_eq "killed rebuild left the live index as it was" "$(cat "$WORK/ref1.set")" "$(doc_set "$DB")"
fi
"$NEWS_INDEX" rebuild -q --db "$DB" "$WORK/v2.jsonl"
check_eq "rebuild re-run converges" "$(cat "$WORK/ref2.set")" "$(doc_set "$DB")"
check_eq "generations after the re-run" 2 "$(ls -d "$DB"/gen-* | wc -l)"

finish
