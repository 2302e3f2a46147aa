#!/usr/bin/env bash
# news-search --serve on Reuters-21578: /api/search answers what
# `news-search --json` prints (took_ms aside) for 60 queries of the peer
# harness' query file, with their filters and with facets. Skipped when
# the shared corpus is not beside this checkout.
source "$(dirname "$0")/lib.sh"
CORPUS="$SHARED/corpus/reuters21578.jsonl.gz"
QUERIES="$SHARED/bench/queries/news-1000.tsv"
skip_unless_file "$CORPUS"
skip_unless_file "$QUERIES"
command -v curl >/dev/null || { echo "SKIP: curl not installed"; exit 77; }

DB="$WORK/db"
"$NEWS_INDEX" rebuild -q --db "$DB" "$CORPUS"
start_server "$DB"
python3 - "$QUERIES" >"$WORK/cases.json" <<'PY'
import json, sys
lines = [l.rstrip("\n").split("\t") for l in list(open(sys.argv[1]))[1:]]
cases = []
for i, row in enumerate(lines[:60]):
    qid, kind, text, field, value = (row + [""] * 5)[:5]
    case = {"q": text}
    if field and value:
        case["filter"] = field + "=" + value
    if i % 3 == 0:
        case["facet"] = ["tag", "place", "month"]
    if i % 5 == 1:
        case.update(sort="newest", n=20)
    if i % 7 == 2:
        case.update(offset=10, facet_limit=0, facet="source")
    cases.append(case)
json.dump(cases, sys.stdout)
PY
run_status rc python3 "$SRC/tests/cli/api_compare.py" "$NEWS_SEARCH" "$DB" "$URL" "$WORK/cases.json"
check_eq "/api/search = news-search --json on Reuters" 0 "$rc"
finish
