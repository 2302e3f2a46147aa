#!/usr/bin/env bash
# Every write failure is one clear line and exit 2 (issue 16, item 7): each
# writing mode (add, sync, rebuild with and without shards and --merge,
# delete, compact with and without --merge) on a tmpfs of 2 to 32 MB. A run
# that fails says why in one line, leaves the live index as it was (a
# consistent last commit for add, sync and delete; the same stub for the
# others), leaves no partial generation behind, and the same command
# converges once there is room. Needs root (mount).
source "$(dirname "$0")/lib.sh"
command -v xapian-check >/dev/null || { echo "SKIP: xapian-check not installed"; exit 77; }
MNT="$WORK/mnt"
mkdir "$MNT"
if ! mount -t tmpfs -o size=2m tmpfs "$MNT" 2>/dev/null; then
  echo "SKIP: cannot mount a tmpfs here (needs root)"
  exit 77
fi
umount "$MNT"
trap 'umount "$MNT" 2>/dev/null || true; rm -rf "$WORK"' EXIT

# Stories with every field, so that value slots are written too (Xapian's
# value chunks fail in a destructor when the disk fills).
python3 - "$WORK/big.jsonl" <<'EOF'
import json, random, sys
rng = random.Random(5)
with open(sys.argv[1], "w") as out:
    for i in range(1, 3001):
        body = " ".join(f"w{rng.randrange(50000)}" for _ in range(150))
        out.write(json.dumps({
            "id": f"d-{i}", "title": f"Disk {i} w{rng.randrange(5000)}", "body": body,
            "published": "19%02d-%02d-%02dT10:00:00Z" % (50 + i % 40, 1 + i % 12, 1 + i % 28),
            "authors": [f"Author {rng.randrange(300)}"], "source": f"Source {i % 7}",
            "section": f"Section {i % 9}", "tags": [f"tag{rng.randrange(200)}" for _ in range(3)],
            "places": [f"place{rng.randrange(100)}"]}) + "\n")
EOF
head -n 100 "$WORK/big.jsonl" >"$WORK/small.jsonl"
"$NEWS_INDEX" add -q --db "$WORK/base" "$WORK/small.jsonl"
DELETE_IDS=$(seq -f 'd-%g' 1 100)

live_gens() { awk '$1 == "glass" {print $2}' "$1/XAPIANDB"; }
doccount() {
  local n=0 g
  for g in $(live_gens "$1"); do
    n=$((n + $(xapian-delve "$1/$g" | awk '/number of documents/ {print $NF}')))
  done
  echo "$n"
}
consistent() {
  local g
  for g in $(live_gens "$1"); do xapian-check "$1/$g" >/dev/null 2>&1 || return 1; done
}
# run_mode MODE DB: the command of MODE on DB.
run_mode() {
  case "$1" in
    add) "$NEWS_INDEX" add -q --db "$2" --batch-size 500 "$WORK/big.jsonl" ;;
    sync) "$NEWS_INDEX" sync -q --db "$2" --batch-size 500 --max-delete 100% "$WORK/big.jsonl" ;;
    rebuild*) "$NEWS_INDEX" $1 -q --db "$2" --max-delete 100% "$WORK/big.jsonl" ;;
    delete) "$NEWS_INDEX" delete -q --db "$2" $DELETE_IDS ;;
    compact*) "$NEWS_INDEX" $1 -q --db "$2" ;;
  esac
}
expected_docs() { case "$1" in delete) echo 0 ;; compact*) echo 100 ;; *) echo 3000 ;; esac; }

failures_seen=0
for size in 2 4 8 16 32; do
  for mode in add sync rebuild "rebuild --shards 2" "rebuild --shards 2 --merge" delete compact \
    "compact --merge"; do
    what="$mode on ${size} MB"
    mount -t tmpfs -o size=${size}m tmpfs "$MNT"
    DB="$MNT/db"
    if ! cp -a "$WORK/base" "$DB" 2>/dev/null; then
      umount "$MNT"
      continue
    fi
    stub_before=$(cat "$DB/XAPIANDB")
    run_status rc run_mode "$mode" "$DB" 2>"$WORK/err"
    if [ "$rc" -eq 0 ]; then
      check_eq "$what: documents" "$(expected_docs "$mode")" "$(doccount "$DB")"
      consistent "$DB" && pass || fail "$what: xapian-check"
      umount "$MNT"
      continue
    fi
    failures_seen=$((failures_seen + 1))
    check_eq "$what: exit" 2 "$rc"
    check_eq "$what: one line" 1 "$(wc -l <"$WORK/err")"
    check_contains "$what: the cause" "No space left on device" "$(cat "$WORK/err")"
    consistent "$DB" && pass || fail "$what: xapian-check of the live index"
    case "$mode" in
      add | sync | delete) ;;
      *) check_eq "$what: live index unchanged" "$stub_before" "$(cat "$DB/XAPIANDB")" ;;
    esac
    check_eq "$what: nothing left behind" "$(live_gens "$DB" | sort)" \
      "$(cd "$DB" && ls -d gen-* | grep -vxF "$(sed -n 's/^# previous //p' XAPIANDB)" | sort)"
    mount -o remount,size=96m "$MNT"
    run_status rc run_mode "$mode" "$DB" 2>"$WORK/err"
    check_eq "$what: converges with room" "0 $(expected_docs "$mode")" "$rc $(doccount "$DB")"
    umount "$MNT"
  done
done
check_eq "some runs met a full disk" True "$([ "$failures_seen" -ge 20 ] && echo True || echo "False ($failures_seen)")"

finish
