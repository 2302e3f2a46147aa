# How news-index lets Xapian buffer: its writer flushes every 1000
# documents (XAPIAN_FLUSH_THRESHOLD, set by news-index unless the user set
# it), which keeps a rebuild's memory small; a flush of a rebuild's new
# generation is a revision of it. add and sync flush inside a transaction,
# so that only whole batches are committed (one revision a batch).
source "$(dirname "$0")/lib.sh"
command -v xapian-delve >/dev/null || { echo "SKIP: xapian-delve not installed"; exit 77; }
python3 - "$WORK/many.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as out:
    for i in range(1, 2501):
        out.write(json.dumps({"id": f"s-{i}", "title": f"Story {i}",
                              "body": f"Harbour report number {i} of the season."}) + "\n")
PY
live_gen() { echo "$1/$(awk '$1 == "glass" {print $2}' "$1/XAPIANDB")"; }
revision() { xapian-delve "$(live_gen "$1")" | awk '/^revision/ {print $NF}'; }
documents() { xapian-delve "$(live_gen "$1")" | awk '/number of documents/ {print $NF}'; }

"$NEWS_INDEX" rebuild --db "$WORK/rebuilt" -q "$WORK/many.jsonl"
check_eq "rebuild: documents" 2500 "$(documents "$WORK/rebuilt")"
[ "$(revision "$WORK/rebuilt")" -ge 3 ] && pass || fail "rebuild: flushed every 1000 documents"

XAPIAN_FLUSH_THRESHOLD=100000 "$NEWS_INDEX" rebuild --db "$WORK/user" -q "$WORK/many.jsonl"
check_eq "the user's threshold wins" 1 "$(revision "$WORK/user")"

"$NEWS_INDEX" add --db "$WORK/added" -q --batch-size 1200 "$WORK/many.jsonl"
check_eq "add: documents" 2500 "$(documents "$WORK/added")"
added=$(revision "$WORK/added")
# Batches of 1200, 1200 and 100: without the transaction, the flushes at
# 1000 and 2200 would be revisions too.
check_eq "add: one revision a batch, none a flush" 3 "$added"

finish
