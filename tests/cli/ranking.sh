# Ranking features end to end on corpus/sample.jsonl (plus four stories
# written here for --recent): --similar, --recent, --explain, --expand and
# the --queries batch mode.
source "$(dirname "$0")/lib.sh"

SAMPLE="$SRC/corpus/sample.jsonl"
"$NEWS_INDEX" add --db "$WORK/db" "$SAMPLE" >/dev/null 2>&1

# Search as JSON into $WORK/out.json; prints nothing.
search() { "$NEWS_SEARCH" --db "$WORK/db" --json "$@" >"$WORK/out.json"; }
hit_ids() { json_get "$WORK/out.json" "' '.join(h['id'] for h in j['hits'])"; }

# --similar: the story itself is excluded, related stories come first.
KOREA=sample-20250421-korean-exports-dip-april
search -n 5 --similar "$KOREA"
ids=$(hit_ids)
if [[ " $ids " == *" $KOREA "* ]]; then fail "--similar returned the story itself: $ids"; else pass; fi
check_eq "--similar top hit" "sample-20250429-chip-exemptions-korean-memory" "${ids%% *}"
related=$(json_get "$WORK/out.json" \
  "sum(1 for h in j['hits'][:3] if 'Tariffs and trade' in h['tags'] or 'Semiconductors' in h['tags'])")
check_eq "--similar top 3 share a topic" "3" "$related"
OLYMPICS=sample-20240812-olympics-close-heat
search -n 1 --similar "$OLYMPICS"
check_eq "--similar olympics" "sample-20240708-paris-olympic-seine-preparations" "$(hit_ids)"
# ... with the usual filters and facets.
search --similar "$KOREA" --filter section=Business --facet section
check_eq "--similar filter" "Business" \
  "$(json_get "$WORK/out.json" "','.join(sorted({h['section'] for h in j['hits']}))")"
check_eq "--similar facet" "Business" "$(json_get "$WORK/out.json" "j['facets']['section'][0]['value']")"
run_status rc "$NEWS_SEARCH" --db "$WORK/db" --similar no-such-story
check_eq "--similar unknown id exit" "2" "$rc"

# --recent: a newer, nearly as relevant story moves up; an old story that
# matches much better stays first; nothing is dropped.
cat >"$WORK/glacier.jsonl" <<'EOF'
{"id": "best-old", "published": "2019-03-01", "title": "Glacier survey finds record glacier melt", "section": "Science", "body": "The glacier survey measured every glacier in the range. Glacier melt reached a record as the glacier retreated, and scientists said glacier loss would continue."}
{"id": "mid-old", "published": "2024-01-10", "title": "Alpine town plans for a drier future", "section": "World", "body": "The town council met on Tuesday to discuss water supplies for the coming decade. Residents worry that the glacier above the valley is shrinking, and farmers asked for new reservoirs."}
{"id": "mid-new", "published": "2025-06-20", "title": "Alpine town plans for a drier future", "section": "World", "body": "The town council met on Tuesday to discuss water supplies for the coming decade. Residents worry that the glacier above the valley is shrinking, and farmers asked for new reservoirs. The mayor spoke."}
{"id": "weak-new", "published": "2025-06-25", "title": "Summer tourism season opens in the mountains", "section": "Travel", "body": "Hotels reported strong bookings as the summer season opened. Visitors came for hiking, cycling, lake swimming, mountain railways and food festivals, and some took a guided walk to the glacier viewpoint. Restaurants hired extra staff and the railway added trains on weekends to carry the crowds up the valley."}
EOF
"$NEWS_INDEX" add --db "$WORK/db" "$WORK/glacier.jsonl" >/dev/null 2>&1
position() { json_get "$WORK/out.json" "[h['id'] for h in j['hits']].index('$1')"; }
# Recency is checked on DPH without feedback, where the shorter story wins.
search --ranking scheme=dph,expand=0 glacier
plain_total=$(json_get "$WORK/out.json" "j['total']")
plain_mid_old=$(position mid-old)
plain_mid_new=$(position mid-new)
if [ "$plain_mid_old" -lt "$plain_mid_new" ]; then pass; else fail "setup: mid-old should outrank mid-new without --recent"; fi
search --ranking scheme=dph,expand=0 glacier --recent 30d --as-of 2025-06-30
check_eq "--recent keeps the much better old story first" "best-old" "$(hit_ids | cut -d' ' -f1)"
if [ "$(position mid-new)" -lt "$(position mid-old)" ]; then pass; else fail "--recent did not move mid-new above mid-old: $(hit_ids)"; fi
if [ "$(position weak-new)" -gt "$(position best-old)" ]; then pass; else fail "--recent let weak-new overtake best-old"; fi
check_eq "--recent drops nothing" "$plain_total" "$(json_get "$WORK/out.json" "j['total']")"
run_status rc "$NEWS_SEARCH" --db "$WORK/db" --recent soon glacier
check_eq "--recent bad half-life exit" "2" "$rc"
# Browse mode with --recent: newest first.
search -n 1 --recent 30d
check_eq "--recent browse" "sample-20251229-year-tariffs-reshaped-trade" "$(hit_ids)"

# --explain: matched terms and score parts that add up, in JSON and text.
search -n 3 --explain "korean chip tariffs"
check_eq "--explain terms" "True" \
  "$(json_get "$WORK/out.json" "all(len(h['explain']['matched_terms']) > 0 for h in j['hits'])")"
check_eq "--explain parts sum to the score" "True" \
  "$(json_get "$WORK/out.json" "all(abs(sum(p['weight'] for p in h['explain']['parts']) - h['score']) < 0.01 for h in j['hits'])")"
check_contains "--explain field detail" "title 1" \
  "$(json_get "$WORK/out.json" "[p.get('detail', '') for p in j['hits'][0]['explain']['parts']]")"
search -n 3 --explain --recent 30d --as-of 2025-12-31 "korean chip tariffs"
check_contains "--explain recency part" "recency" \
  "$(json_get "$WORK/out.json" "[p['what'] for p in j['hits'][0]['explain']['parts']]")"
text=$("$NEWS_SEARCH" --db "$WORK/db" -n 1 --explain "korean chip tariffs")
check_contains "--explain text" "why: score" "$text"

# --expand (pseudo-relevance feedback) keeps the original best match on top.
search -n 1 --expand "korean chip tariffs"
check_eq "--expand top hit" "sample-20250429-chip-exemptions-korean-memory" "$(hit_ids)"

# --queries: one JSON object per line, with took_ms; a bad line reports an
# error and the batch goes on (the parser, kept between queries, forgets
# the bad field value).
printf 'tariffs korea\nglacier\ntariffs AND\nzzzunknownword\ndate:2025-13\ntariffs date:2025\n' \
  >"$WORK/queries.txt"
run_status rc "$NEWS_SEARCH" --db "$WORK/db" --queries "$WORK/queries.txt" -n 3 --no-snippets \
  >"$WORK/batch.jsonl"
check_eq "--queries exit" "0" "$rc"
check_eq "--queries lines" "6" "$(wc -l <"$WORK/batch.jsonl" | tr -d ' ')"
summary=$(python3 - "$WORK/batch.jsonl" <<'EOF'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
print(" ".join(
    "err" if "error" in r else "%s:%d:%s" % (r["query"], len(r["hits"]), "took_ms" in r)
    for r in rows))
EOF
)
check_eq "--queries results" \
  "tariffs korea:3:True glacier:3:True err zzzunknownword:0:True err tariffs date:2025:3:True" \
  "$summary"
search -n 3 --no-snippets "tariffs date:2025"
check_eq "--queries after an error = one query" "$(hit_ids)" \
  "$(tail -n 1 "$WORK/batch.jsonl" | python3 -c 'import json,sys; print(" ".join(h["id"] for h in json.load(sys.stdin)["hits"]))')"

finish
