#!/usr/bin/env bash
# Facets and filters on the whole Reuters-21578 corpus (skipped when absent):
# browse-mode counts of the top 20 tags, 10 places and 5 authors, OR-within /
# AND-across filter totals and --sort newest against figures computed from
# the file by python3; and, for text queries, every facet count equal to
# the total of the same query with that value as a filter.
source "$(dirname "$0")/lib.sh"

CORPUS="$SHARED/corpus/reuters21578.jsonl.gz"
skip_unless_file "$CORPUS"
DB="$WORK/db"

PY_PRE='
import gzip, json, sys, unicodedata
from collections import Counter
rows = [json.loads(l) for l in gzip.open(sys.argv[1], "rt", encoding="utf-8") if l.strip()]
def fold(s):
    s = s.replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
def norm(s):
    return " ".join(fold(s).lower().split())
FIELD = {"tag": "tags", "author": "authors", "place": "places"}
def has(r, field, value):
    return norm(value) in {norm(v) for v in r.get(FIELD[field], [])}
def counts(field):
    c = Counter()
    for r in rows:
        for v in {norm(v) for v in r.get(FIELD[field], [])}:
            c[v] += 1
    return c
'
py() { python3 -c "$PY_PRE
print($1)" "$CORPUS"; }

"$NEWS_INDEX" add --db "$DB" "$CORPUS" 2>"$WORK/index.err" || { cat "$WORK/index.err"; exit 1; }

# ------------------------------------------------ browse mode: top values
search -n 0 --json --facet tag --facet place --facet author --facet-limit 20 >"$WORK/browse.json"
check_eq "facets exact" True "$(json_get "$WORK/browse.json" 'j["facets_exact"]')"
check_eq "browse total" "$(py 'len(rows)')" "$(json_get "$WORK/browse.json" 'j["total"]')"
for spec in tag:20 place:10 author:5; do
  field="${spec%%:*}" n="${spec##*:}"
  # The counts of the values shown equal the file's, and they are the top n
  # (compared as lists of counts, so that ties at the cut do not matter).
  got="$(python3 -c "$PY_PRE
j = json.load(open(sys.argv[2]))
c = counts('$field')
vals = j['facets']['$field'][:$n]
wrong = ['%s: %d != %d' % (v['value'], v['count'], c[norm(v['value'])])
         for v in vals if v['count'] != c[norm(v['value'])]]
top = sorted(c.values(), reverse=True)[:$n]
print('; '.join(wrong) if wrong else ('ok' if [v['count'] for v in vals] == top else 'not the top: %s vs %s' % ([v['count'] for v in vals], top)))
" "$CORPUS" "$WORK/browse.json")"
  check_eq "browse top $n ${field}s" ok "$got"
done

# ------------------------------------------------ filters: OR within a field, AND across
check_eq "crude OR nat-gas, AND usa" \
  "$(py "sum(1 for r in rows if (has(r,'tag','crude') or has(r,'tag','nat-gas')) and has(r,'place','usa'))")" \
  "$(total --filter tag=crude --filter tag=nat-gas --filter place=usa)"
check_eq "grain OR wheat OR corn" \
  "$(py "sum(1 for r in rows if has(r,'tag','grain') or has(r,'tag','wheat') or has(r,'tag','corn'))")" \
  "$(total --filter tag=grain --filter tag=WHEAT --filter topic=corn)"
check_eq "acq AND (uk OR japan)" \
  "$(py "sum(1 for r in rows if has(r,'tag','acq') and (has(r,'place','uk') or has(r,'place','japan')))")" \
  "$(total --filter tag=acq --filter place=uk --filter place=japan)"
check_eq "filters in the query" \
  "$(py "sum(1 for r in rows if (has(r,'tag','crude') or has(r,'tag','nat-gas')) and has(r,'place','usa'))")" \
  "$(total 'tag:crude tag:nat-gas place:usa')"
check_eq "author filter" "$(py "sum(1 for r in rows if has(r,'author','Rich Miller'))")" \
  "$(total --filter 'author=rich miller')"
check_eq "date filter" "$(py "sum(1 for r in rows if r['published'][:7] == '1987-04' and has(r,'tag','earn'))")" \
  "$(total --filter tag=earn date:1987-04)"

# ------------------------------------------------ --sort newest
search --json --sort newest -n 50 --filter tag=crude >"$WORK/newest.json"
check_eq "newest in order" ok "$(json_get "$WORK/newest.json" '"ok" if [h["published"] for h in j["hits"]] == sorted((h["published"] for h in j["hits"]), reverse=True) else [h["published"] for h in j["hits"]]')"
check_eq "newest first" "$(py "max(r['published'] for r in rows if has(r,'tag','crude'))")" \
  "$(json_get "$WORK/newest.json" 'j["hits"][0]["published"]')"
search --json --sort oldest -n 50 oil >"$WORK/oldest.json"
check_eq "oldest in order" ok "$(json_get "$WORK/oldest.json" '"ok" if [h["published"] for h in j["hits"]] == sorted(h["published"] for h in j["hits"]) else "out of order"')"

# ------------------------------------------------ text queries: facet counts = filtered totals
for q in 'oil prices' 'coffee OR cocoa'; do
  search -n 0 --json --facet tag --facet place --facet author --facet-limit 8 "$q" >"$WORK/q.json"
  bad=""
  while IFS=$'\t' read -r field value count; do
    got="$(total --filter "$field=$value" "$q")"
    [ "$got" == "$count" ] || bad+="$field=$value: facet $count, filter $got; "
  done < <(python3 -c '
import json, sys
for f, vals in json.load(open(sys.argv[1]))["facets"].items():
    for v in vals:
        print("%s\t%s\t%d" % (f, v["value"], v["count"]))' "$WORK/q.json")
  check_eq "'$q': facet counts = filtered totals" "" "$bad"
done

finish
