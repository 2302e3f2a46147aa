# Disk full and other write errors: one clear line, exit 2, the last
# committed state intact (xapian-check passes, whole batches only), and the
# same command converges once there is room again.
#  - everywhere: a file size limit (ulimit -f, SIGXFSZ ignored, so writes
#    fail with EFBIG "File too large");
#  - as root where mount works: a small tmpfs that fills up (ENOSPC).
source "$(dirname "$0")/lib.sh"
command -v xapian-check >/dev/null || { echo "SKIP: xapian-check not installed"; exit 77; }

python3 - "$WORK/big.jsonl" <<'EOF'
import json, random, sys
rng = random.Random(5)
with open(sys.argv[1], "w") as out:
    for i in range(1, 3001):
        body = " ".join(f"w{rng.randrange(50000)}" for _ in range(150))
        out.write(json.dumps({"id": f"d-{i}", "title": f"Disk {i}", "body": body}) + "\n")
EOF
head -n 200 "$WORK/big.jsonl" >"$WORK/small.jsonl"
live_gen() { echo "$1/$(awk '$1 == "glass" {print $2}' "$1/XAPIANDB")"; }
doccount() { xapian-delve "$(live_gen "$1")" | awk '/number of documents/ {print $NF}'; }

# check_failed_write WHAT DB RC ERRFILE EXPECTED_TEXT
check_failed_write() {
  check_eq "$1: exit" 2 "$3"
  check_eq "$1: one line" 1 "$(wc -l <"$4")"
  check_contains "$1: reason" "$5" "$(cat "$4")"
  xapian-check "$(live_gen "$2")" >/dev/null 2>&1 && pass || fail "$1: xapian-check"
  local n; n=$(doccount "$2")
  check_eq "$1: whole batches kept" yes \
    "$([ "$n" -ge 200 ] && [ $(((n - 200) % 250)) == 0 ] && echo yes || echo no)"
}

DB="$WORK/db"
"$NEWS_INDEX" add -q --db "$DB" "$WORK/small.jsonl"
limit_kb=$(($(du -sk "$(live_gen "$DB")" | cut -f1) + 1500))
run_status rc bash -c 'trap "" XFSZ; ulimit -f "$1"; exec "$2" add -q --db "$3" --batch-size 250 "$4"' \
  _ "$limit_kb" "$NEWS_INDEX" "$DB" "$WORK/big.jsonl" 2>"$WORK/err"
check_failed_write "add over the file size limit" "$DB" "$rc" "$WORK/err" "File too large"
cat "$WORK/err"
"$NEWS_INDEX" add -q --db "$DB" --batch-size 250 "$WORK/big.jsonl"
check_eq "add converges with room again" 3000 "$(doccount "$DB")"

# rebuild --merge: the four shards fit, their merge (files about four
# times larger) does not. The
# live index stays as it was and nothing of the run is left behind.
DB="$WORK/merge"
"$NEWS_INDEX" rebuild -q --db "$DB" --shards 4 "$WORK/big.jsonl"
largest_kb=$(($(find "$DB"/gen-* -type f -printf '%s\n' | sort -n | tail -1) / 1024))
before=$(cat "$DB/XAPIANDB")
run_status rc bash -c \
  'trap "" XFSZ; ulimit -f "$1"; exec "$2" rebuild -q --db "$3" --shards 4 --merge "$4"' \
  _ "$((largest_kb + 1024))" "$NEWS_INDEX" "$DB" "$WORK/big.jsonl" 2>"$WORK/err"
check_eq "rebuild --merge over the file size limit: exit" 2 "$rc"
check_eq "rebuild --merge over the file size limit: one line" 1 "$(wc -l <"$WORK/err")"
check_contains "rebuild --merge over the file size limit: reason" "cannot merge" "$(cat "$WORK/err")"
check_eq "rebuild --merge over the file size limit: live index unchanged" "$before" \
  "$(cat "$DB/XAPIANDB")"
check_eq "rebuild --merge over the file size limit: no generation left" 4 \
  "$(ls -d "$DB"/gen-* | wc -l)"
cat "$WORK/err"
"$NEWS_INDEX" rebuild -q --db "$DB" --shards 4 --merge "$WORK/big.jsonl"
check_eq "rebuild --merge converges with room again" 1 "$(grep -c '^glass ' "$DB/XAPIANDB")"

MNT="$WORK/mnt"
mkdir "$MNT"
if mount -t tmpfs -o size=4m tmpfs "$MNT" 2>/dev/null; then
  trap 'umount "$MNT" 2>/dev/null || true; rm -rf "$WORK"' EXIT
  DB="$MNT/db"
  "$NEWS_INDEX" add -q --db "$DB" "$WORK/small.jsonl"
  run_status rc "$NEWS_INDEX" add -q --db "$DB" --batch-size 250 "$WORK/big.jsonl" 2>"$WORK/err"
  check_failed_write "add on a full disk" "$DB" "$rc" "$WORK/err" "No space left on device"
  cat "$WORK/err"
  before=$(cat "$DB/XAPIANDB")
  run_status rc "$NEWS_INDEX" rebuild -q --db "$DB" "$WORK/big.jsonl" 2>"$WORK/err"
  check_eq "rebuild on a full disk: exit" 2 "$rc"
  check_eq "rebuild on a full disk: one line" 1 "$(wc -l <"$WORK/err")"
  check_eq "rebuild on a full disk: live index unchanged" "$before" "$(cat "$DB/XAPIANDB")"
  check_eq "rebuild on a full disk: partial generation removed" 1 "$(ls -d "$DB"/gen-* | wc -l)"
  xapian-check "$(live_gen "$DB")" >/dev/null 2>&1 && pass || fail "rebuild on a full disk: xapian-check"
  umount "$MNT"
else
  echo "note: cannot mount a tmpfs here (not root?): ENOSPC part skipped"
fi

finish
