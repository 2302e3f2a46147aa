#!/usr/bin/env bash
# news-search --show ID... (issue 21): the whole stored story, for reading:
# headline, dek, byline, date, source, section, tags, places, url and every
# paragraph of the body wrapped to the width ($COLUMNS off a terminal);
# --json gives the article objects, one a line; an unknown id is said on
# stderr and exits 1, after the stories that exist.
source "$(dirname "$0")/lib.sh"
DB="$WORK/db"
"$NEWS_INDEX" add -q --db "$DB" "$SRC/corpus/sample.jsonl"
ID=sample-20240415-heat-wave-schools-south-asia
python3 - "$SRC/corpus/sample.jsonl" "$ID" >"$WORK/want.json" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip() and json.loads(line)["id"] == sys.argv[2]:
        print(line.strip())
PY

COLUMNS=50 search --show "$ID" >"$WORK/text"
text=$(cat "$WORK/text")
check_contains "headline" "$(json_get "$WORK/want.json" 'j["title"]')" "$text"
check_contains "tags" "Tags: $(json_get "$WORK/want.json" '", ".join(j["tags"])')" "$text"
check_contains "places" "Places: $(json_get "$WORK/want.json" '", ".join(j["places"])')" "$text"
check_contains "url" "$(json_get "$WORK/want.json" 'j["url"]')" "$text"
check_contains "date and source" "2024-04-15 · $(json_get "$WORK/want.json" 'j["source"]')" "$text"
check_eq "every word of the body, in order" "$(json_get "$WORK/want.json" '" ".join(j["body"].split())')" \
  "$(python3 -c 'import sys; t=open(sys.argv[1]).read().split("\n\n", 1)[1]; print(" ".join(t.split()))' "$WORK/text")"
check_eq "paragraphs kept" "$(json_get "$WORK/want.json" 'len(j["body"].split("\n\n"))')" \
  "$(python3 -c 'import sys; print(len(open(sys.argv[1]).read().strip().split("\n\n")) - 1)' "$WORK/text")"
check_eq "wrapped to 50 columns" 0 \
  "$(python3 -c 'import sys; print(sum(1 for l in open(sys.argv[1]).read().split("\n")[1:] if len(l) > 50 and " " in l and "http" not in l))' "$WORK/text")"

search --show --json "$ID" >"$WORK/got.json"
# (the corpus format leaves empty fields out)
check_eq "--json: the stored article" \
  "$(json_get "$WORK/want.json" 'json.dumps({k: v for k, v in j.items() if v not in ([], "")}, sort_keys=True)')" \
  "$(json_get "$WORK/got.json" 'json.dumps(j, sort_keys=True)')"

run_status rc "$NEWS_SEARCH" --db "$DB" --show --format ids no-such-story "$ID" >"$WORK/out" 2>"$WORK/err"
check_eq "an unknown id: exit" 1 "$rc"
check_contains "an unknown id: said" "no story with id 'no-such-story'" "$(cat "$WORK/err")"
check_eq "the known one still printed" "$ID" "$(cat "$WORK/out")"
run_status rc "$NEWS_SEARCH" --db "$DB" --show >/dev/null 2>"$WORK/err"
check_eq "--show without ids: exit" 2 "$rc"

finish
