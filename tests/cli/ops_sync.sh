# Nightly-job operations on a small generated corpus: add/sync counts and
# the --report keys, rejections with file:line, delete per id, compact,
# a sync that stops on an unreadable source deletes nothing, a rejected
# record keeps its indexed version (sync and rebuild).
source "$(dirname "$0")/lib.sh"

# gen_corpus FILE FIRST LAST [CHANGED_WORD CHANGED_EVERY]: articles FIRST..LAST.
gen_corpus() {
  python3 - "$@" <<'EOF'
import json, sys
path, first, last = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
word = sys.argv[4] if len(sys.argv) > 4 else None
every = int(sys.argv[5]) if len(sys.argv) > 5 else 0
with open(path, "w") as out:
    for i in range(first, last + 1):
        body = f"Story number {i} about harvests and markets in region{i % 7}."
        if word and i % every == 0:
            body += f" Correction: {word}."
        out.write(json.dumps({"id": f"a-{i}", "title": f"Item {i}", "body": body,
                              "published": "2024-05-%02d" % (1 + i % 28),
                              "tags": ["grain" if i % 2 else "oil"]}) + "\n")
EOF
}
report() { json_get "$WORK/report.json" "$1"; }
counts() { report "j['added'], j['updated'], j['unchanged'], j['deleted'], j['rejected']"; }
doccount() { "$NEWS_INDEX" stats --db "$DB" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])'; }
hits() { "$NEWS_SEARCH" --db "$DB" --json -n 0 "$@" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }

DB="$WORK/db"
gen_corpus "$WORK/v1.jsonl" 1 200
# v2: 1..20 removed, every 10th changed (15 of 21..200... counted below), 201..210 new.
gen_corpus "$WORK/v2.jsonl" 21 210 ZEBRAWORD 12

# First sync: a new index.
run_status rc "$NEWS_INDEX" sync --db "$DB" --report "$WORK/report.json" "$WORK/v1.jsonl" 2>"$WORK/err"
check_eq "first sync exit" 0 "$rc"
check_eq "first sync counts" "200 0 0 0 0" "$(counts)"
check_eq "report keys" "['added', 'deleted', 'deletions_skipped', 'docs_per_second', 'incomplete', 'kept', 'rejected', 'rejections', 'seconds', 'unchanged', 'updated']" \
  "$(report 'sorted(j.keys())')"
check_contains "summary line" "added 200, replaced 0, unchanged 0, deleted 0, rejected 0" "$(cat "$WORK/err")"
check_eq "no progress line off a terminal" "0" "$(tr -cd '\r' <"$WORK/err" | wc -c)"
check_eq "documents after first sync" 200 "$(doccount)"

# Unchanged: nothing written.
run_status rc "$NEWS_INDEX" sync --db "$DB" --report "$WORK/report.json" "$WORK/v1.jsonl" 2>/dev/null
check_eq "unchanged sync exit" 0 "$rc"
check_eq "unchanged sync counts" "0 0 200 0 0" "$(counts)"

# Changed: 20 removed, changed = multiples of 12 in 21..200, 10 new.
changed=$(python3 -c 'print(sum(1 for i in range(21, 201) if i % 12 == 0))')
new_changed=$(python3 -c 'print(sum(1 for i in range(201, 211) if i % 12 == 0))')
run_status rc "$NEWS_INDEX" sync --db "$DB" --report "$WORK/report.json" "$WORK/v2.jsonl" 2>/dev/null
check_eq "changed sync counts" "10 $changed $((180 - changed)) 20 0" "$(counts)"
check_eq "documents after changed sync" 190 "$(doccount)"
check_eq "search finds the corrections" "$((changed + new_changed))" "$(hits zebraword)"
check_eq "a removed story is gone" 0 "$(hits id:a-5)"
check_eq "a new story is found" 1 "$(hits id:a-205)"

# add (not sync) of v1 brings back the removed ones and reverts the changes.
run_status rc "$NEWS_INDEX" add --db "$DB" --report "$WORK/report.json" "$WORK/v1.jsonl" 2>/dev/null
check_eq "add counts" "20 $changed $((180 - changed)) 0 0" "$(counts)"
check_eq "documents after add" 210 "$(doccount)"

# A bad record: exit 1, file:line in the report, the rest indexed.
{ head -3 "$WORK/v1.jsonl"; echo '{"id": "bad", "title": '; echo '{"id":"a-999","title":"Late story","body":"x"}'; } >"$WORK/bad.jsonl"
run_status rc "$NEWS_INDEX" add --db "$DB" --report "$WORK/report.json" "$WORK/bad.jsonl" 2>"$WORK/err"
check_eq "rejection exit" 1 "$rc"
check_eq "rejection counts" "1 0 3 0 1" "$(counts)"
check_eq "rejection location" "$WORK/bad.jsonl:4" "$(report "j['rejections'][0]['location']")"
check_contains "rejection on stderr" "$WORK/bad.jsonl:4:" "$(cat "$WORK/err")"

# delete: per-id report of ids not found.
run_status rc "$NEWS_INDEX" delete --db "$DB" --report "$WORK/report.json" a-999 no-such-id a-1 2>"$WORK/err"
check_eq "delete exit (an id missing)" 1 "$rc"
check_eq "delete counts" "0 0 0 2 1" "$(counts)"
check_eq "missing id reported" "no-such-id" "$(report "j['rejections'][0]['location']")"
check_contains "missing id on stderr" "no-such-id" "$(cat "$WORK/err")"
check_eq "documents after delete" 209 "$(doccount)"
run_status rc "$NEWS_INDEX" delete --db "$WORK/nothing-here" a-1 2>/dev/null
check_eq "delete without an index" 2 "$rc"
check_eq "no directory created by a failed delete" "no" "$([ -e "$WORK/nothing-here" ] && echo yes || echo no)"

# compact: atomic switch to a new generation, sizes reported, same documents.
live_before=$(awk '$1 == "glass" {print $2}' "$DB/XAPIANDB")
run_status rc "$NEWS_INDEX" compact --db "$DB" --report "$WORK/compact.json" 2>"$WORK/err"
check_eq "compact exit" 0 "$rc"
check_contains "compact sizes" "kB to" "$(cat "$WORK/err")"
check_eq "compact report" "True" "$(json_get "$WORK/compact.json" "j['bytes_before'] > 0 and j['bytes_after'] > 0")"
live_after=$(awk '$1 == "glass" {print $2}' "$DB/XAPIANDB")
check_eq "compact switched generation" "yes" "$([ "$live_before" != "$live_after" ] && echo yes || echo no)"
check_eq "previous generation kept" "yes" "$([ -d "$DB/$live_before" ] && echo yes || echo no)"
check_eq "documents after compact" 209 "$(doccount)"
xapian-check "$DB/$live_after" >/dev/null 2>&1 && pass || fail "xapian-check after compact"
"$NEWS_INDEX" compact --db "$DB" 2>/dev/null
check_eq "only live + previous generations" 2 "$(ls -d "$DB"/gen-* | wc -l)"
check_eq "older generation removed" "no" "$([ -d "$DB/$live_before" ] && echo yes || echo no)"

# A sync that cannot read a source syncs the rest, deletes nothing, exit 1.
run_status rc "$NEWS_INDEX" sync --db "$DB" "$WORK/v2.jsonl" "$WORK/missing.jsonl" 2>"$WORK/err"
check_eq "sync with a missing source" 1 "$rc"
check_contains "error names the source" "missing.jsonl: no such file or directory" "$(cat "$WORK/err")"
check_contains "deletions skipped, said" "nothing deleted: $WORK/missing.jsonl was not read completely" "$(cat "$WORK/err")"
check_eq "nothing deleted" 1 "$(hits id:a-1 OR id:a-2)"

# A rejected line whose id cannot be read may be the new version of any
# story: the sync updates and adds, but deletes nothing, and says why.
{ cat "$WORK/v2.jsonl"; echo '{"title": "broken'; } >"$WORK/v2-broken.jsonl"
run_status rc "$NEWS_INDEX" sync --db "$DB" "$WORK/v2-broken.jsonl" 2>"$WORK/err"
check_eq "sync with an unreadable id: exit" 1 "$rc"
check_contains "deletions held back, with the line" \
  "nothing deleted: the id of the record rejected at $WORK/v2-broken.jsonl:191" "$(cat "$WORK/err")"
check_eq "stories missing from the sources kept" 209 "$(doccount)"
# A rejected new version (no title) keeps the indexed story; the stories
# missing from the sources go.
{ cat "$WORK/v2.jsonl"; echo '{"id": "a-5", "title": " "}'; } >"$WORK/v2-a5.jsonl"
run_status rc "$NEWS_INDEX" sync --db "$DB" "$WORK/v2-a5.jsonl" 2>"$WORK/err"
check_eq "sync with a rejected new version: exit" 1 "$rc"
check_contains "rejection" "$WORK/v2-a5.jsonl:191: missing required field 'title'" "$(cat "$WORK/err")"
check_contains "kept, said" "the indexed version of 'a-5' is kept" "$(cat "$WORK/err")"
check_eq "the rejected story's indexed version stays" 1 "$(hits id:a-5)"
check_eq "the others missing from the sources are deleted" 0 "$(hits id:a-2 OR id:a-20)"
check_eq "documents after the sync" 191 "$(doccount)"
# A rebuild copies the indexed version of a rejected record's id into the
# new generation, searchable as before.
run_status rc "$NEWS_INDEX" rebuild --db "$DB" "$WORK/v2-a5.jsonl" 2>"$WORK/err"
check_eq "rebuild with a rejected new version: exit" 1 "$rc"
check_contains "kept by the rebuild, said" "the indexed version of 'a-5' is kept" "$(cat "$WORK/err")"
check_eq "the rejected story's indexed version survives the rebuild" 1 "$(hits 'id:a-5 harvests')"
check_eq "documents after the rebuild" 191 "$(doccount)"

finish
