# Issue 5's sync test on a 5,000-story subset of Reuters-21578: a first
# sync, an unchanged one (nothing written), then a version with 100 stories
# removed, 50 changed and 20 new; reports, totals and searches match each
# state.
source "$(dirname "$0")/lib.sh"
CORPUS="$SHARED/corpus/reuters21578.jsonl.gz"
skip_unless_file "$CORPUS"

python3 - "$CORPUS" "$WORK" <<'EOF'
import gzip, json, sys
corpus, work = sys.argv[1], sys.argv[2]
with gzip.open(corpus, "rt") as f:
    stories = [json.loads(line) for _, line in zip(range(5020), f)]
assert len({s["id"] for s in stories}) == 5020
base, extra = stories[:5000], stories[5000:]
removed, changed = set(range(0, 5000, 50)), set(range(7, 5000, 100))
with open(f"{work}/v1.jsonl", "w") as out:
    for s in base:
        out.write(json.dumps(s) + "\n")
with open(f"{work}/v2.jsonl", "w") as out, open(f"{work}/ids", "w") as ids:
    for i, s in enumerate(base):
        if i in removed:
            continue
        if i in changed:
            s = dict(s, body=(s.get("body") or "") + " Revised figures: zorblatt.")
        out.write(json.dumps(s) + "\n")
    for s in extra:
        out.write(json.dumps(s) + "\n")
    ids.write(f"{base[0]['id']} {base[7]['id']} {extra[0]['id']}\n")
EOF
read -r REMOVED_ID CHANGED_ID NEW_ID <"$WORK/ids"

DB="$WORK/db"
counts() { json_get "$WORK/report.json" "j['added'], j['updated'], j['unchanged'], j['deleted'], j['rejected']"; }
doccount() { "$NEWS_INDEX" stats --db "$DB" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])'; }
hits() { "$NEWS_SEARCH" --db "$DB" --json -n 0 "$@" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }

run_status rc "$NEWS_INDEX" sync -q --db "$DB" --report "$WORK/report.json" "$WORK/v1.jsonl"
check_eq "first sync exit" 0 "$rc"
check_eq "first sync (added updated unchanged deleted rejected)" "5000 0 0 0 0" "$(counts)"
check_eq "documents" 5000 "$(doccount)"
check_eq "removed story present" 1 "$(hits "id:$REMOVED_ID")"
check_eq "no corrections yet" 0 "$(hits zorblatt)"

run_status rc "$NEWS_INDEX" sync -q --db "$DB" --report "$WORK/report.json" "$WORK/v1.jsonl"
check_eq "unchanged sync exit" 0 "$rc"
check_eq "unchanged sync" "0 0 5000 0 0" "$(counts)"
check_eq "documents" 5000 "$(doccount)"

run_status rc "$NEWS_INDEX" sync -q --db "$DB" --report "$WORK/report.json" "$WORK/v2.jsonl"
check_eq "changed sync exit" 0 "$rc"
check_eq "changed sync" "20 50 4850 100 0" "$(counts)"
check_eq "documents" 4920 "$(doccount)"
check_eq "removed story gone" 0 "$(hits "id:$REMOVED_ID")"
check_eq "changed stories found by their new text" 50 "$(hits zorblatt)"
check_eq "a changed story" 1 "$(hits "id:$CHANGED_ID" zorblatt)"
check_eq "a new story" 1 "$(hits "id:$NEW_ID")"

run_status rc "$NEWS_INDEX" sync -q --db "$DB" --report "$WORK/report.json" "$WORK/v2.jsonl"
check_eq "second sync of the new version" "0 0 4920 0 0" "$(counts)"

finish
