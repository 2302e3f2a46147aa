#!/usr/bin/env bash
# Faceted lookup and the query language on corpus/sample.jsonl: facet counts
# and order, limits, histograms, filters (OR within a field, AND across),
# author/accent/acronym matching, errors and exit codes, "did you mean",
# --format ids, and two databases searched together. Expected figures are
# computed from the sample file by python3.
source "$(dirname "$0")/lib.sh"

SAMPLE="$SRC/corpus/sample.jsonl"
DB="$WORK/db"

PY_PRE='
import json, sys, unicodedata
from collections import Counter
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
SPECIAL = {"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "þ": "th"}
def fold(s):
    s = "".join(SPECIAL.get(c, c) for c in s)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
def norm(s):
    return " ".join(fold(s).lower().split())
FIELD = {"tag": "tags", "author": "authors", "place": "places", "section": "section",
         "source": "source"}
def values(r, field):
    v = r.get(FIELD[field], [])
    return v if isinstance(v, list) else ([v] if v else [])
def has(r, field, value):
    return norm(value) in {norm(v) for v in values(r, field)}
def counts(field, keep=lambda r: True):
    c = Counter()
    for r in rows:
        if keep(r):
            for v in {norm(v) for v in values(r, field)}:
                c[v] += 1
    return c
'
py() { python3 -c "$PY_PRE
print($1)" "$SAMPLE"; }


# facet_pairs FILE FIELD: "normalised<TAB>count" lines of a facet in a JSON result.
facet_pairs() {
  python3 -c "$PY_PRE
j = json.load(open(sys.argv[2]))
for v in j['facets'][sys.argv[3]]:
    print('%s\t%d' % (norm(v['value']), v['count']))" "$SAMPLE" "$1" "$2"
}

"$NEWS_INDEX" add --db "$DB" "$SAMPLE" 2>/dev/null
N="$(py 'len(rows)')"

# ------------------------------------------------ browse-mode facets, exact
search -n 0 --json --facet-limit 0 --facet tag --facet author --facet place \
  --facet section --facet source --facet year --facet month >"$WORK/browse.json"
check_eq "browse total" "$N" "$(json_get "$WORK/browse.json" 'j["total"]')"
check_eq "facets_exact" "True" "$(json_get "$WORK/browse.json" 'j["facets_exact"]')"
for field in tag author place section source; do
  check_eq "browse $field counts" \
    "$(py "'\n'.join('%s\t%d' % kv for kv in sorted(counts('$field').items()))")" \
    "$(facet_pairs "$WORK/browse.json" "$field" | sort)"
done
# Display forms are the article's own (case, accents).
check_eq "display form" "True" "$(json_get "$WORK/browse.json" '"Zürich" in [v["value"] for v in j["facets"]["place"]]')"
# Count descending, then value.
check_eq "tag order" "ok" "$(json_get "$WORK/browse.json" '"ok" if [(-v["count"], v["value"].lower()) for v in j["facets"]["tag"]] == sorted((-v["count"], v["value"].lower()) for v in j["facets"]["tag"]) else j["facets"]["tag"]')"
check_eq "month histogram" \
  "$(py "'\n'.join('%s\t%d' % kv for kv in sorted(Counter(r['published'][:7] for r in rows).items()))")" \
  "$(facet_pairs "$WORK/browse.json" month)"
check_eq "year histogram" \
  "$(py "'\n'.join('%s\t%d' % kv for kv in sorted(Counter(r['published'][:4] for r in rows).items()))")" \
  "$(facet_pairs "$WORK/browse.json" year)"

# --facet-limit, and the default of 10.
check_eq "facet-limit 3" 3 "$(search -n 0 --json --facet tag --facet-limit 3 | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["facets"]["tag"]))')"
check_eq "facet-limit default" 10 "$(search -n 0 --json --facet place | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["facets"]["place"]))')"
# Without --facet: no facets, and the JSON says they are not exact counts.
search -n 1 --json tariffs >"$WORK/nofacet.json"
check_eq "no facets" "{}" "$(json_get "$WORK/nofacet.json" 'json.dumps(j["facets"])')"

# ------------------------------------------------ text output
search -n 2 --facet tag --facet-limit 3 --facet month tariffs >"$WORK/text.out"
check_contains "text facet header" "tag (top 3 of" "$(cat "$WORK/text.out")"
check_contains "text histogram bar" "########################################" "$(cat "$WORK/text.out")"
# Months in date order, with the empty months between shown as 0.
months="$(sed -n '/^month:/,$p' "$WORK/text.out" | awk 'NR > 1 && NF >= 2 {print $1}')"
check_eq "text months sorted" "$(sort <<<"$months")" "$months"
check_contains "text empty month" "2025-01       0" "$(cat "$WORK/text.out")"

# ------------------------------------------------ a text query: every facet count is a filter total
search -n 0 --json --facet tag --facet place --facet author --facet-limit 0 korea >"$WORK/korea.json"
bad=""
while IFS=$'\t' read -r field value count; do
  got="$(total --filter "$field=$value" korea)"
  [ "$got" == "$count" ] || bad+="$field=$value: facet $count, filter $got; "
done < <(python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))
for f, vals in j["facets"].items():
    for v in vals:
        print("%s\t%s\t%d" % (f, v["value"], v["count"]))' "$WORK/korea.json")
check_eq "facet counts = filtered totals" "" "$bad"

# ------------------------------------------------ filters: OR within a field, AND across
check_eq "filter OR within" "$(py "sum(1 for r in rows if has(r,'tag','Elections') or has(r,'tag','Olympics'))")" \
  "$(total --filter tag=elections --filter tag=OLYMPICS)"
check_eq "filter OR/AND" \
  "$(py "sum(1 for r in rows if (has(r,'tag','Tariffs and trade') or has(r,'tag','Diplomacy')) and has(r,'place','South Korea'))")" \
  "$(total --filter 'tag=Tariffs and trade' --filter tag=diplomacy --filter 'place=south  korea')"
check_eq "filter with spaces" "$(py "sum(1 for r in rows if has(r,'tag','Tariffs and trade'))")" \
  "$(total --filter 'tag=tariffs AND trade')"
check_eq "filter accents" "$(py "sum(1 for r in rows if has(r,'place','Zürich'))")" "$(total --filter place=ZURICH)"
check_eq "topic alias" "$(total --filter tag=football)" "$(total --filter topic=Football)"
check_eq "since/until" "$(py "sum(1 for r in rows if '2025-03-01' <= r['published'][:10] <= '2025-04-30')")" \
  "$(total --since 2025-03 --until 2025-04)"
check_eq "since year" "$(py "sum(1 for r in rows if r['published'][:4] == '2024')")" "$(total --since 2024 --until 2024)"
# Filters add no weight. (Feedback, on by default, draws its terms from the
# best matches, which a filter changes: compared without it.)
a="$(search --json -n 3 --ranking expand=0 korea | python3 -c 'import json,sys; print([(h["id"], h["score"]) for h in json.load(sys.stdin)["hits"] if "South Korea" in h["places"]])')"
b="$(search --json -n 3 --ranking expand=0 --filter 'place=South Korea' korea | python3 -c 'import json,sys; print([(h["id"], h["score"]) for h in json.load(sys.stdin)["hits"]][:len(eval(sys.argv[1]))])' "$a")"
check_eq "filter keeps scores" "$a" "$b"

# ------------------------------------------------ field syntax in the query
lucey="$(py "sum(1 for r in rows if has(r,'author','Catherine Lucey'))")"
check_eq "author:lucey" "$lucey" "$(total author:lucey)"
check_eq "by:LUCEY" "$lucey" "$(total by:LUCEY)"
check_eq "author exact" "$lucey" "$(total 'author:"catherine  lucey"')"
check_eq "author exact, wrong order" 0 "$(total 'author:"Lucey Catherine"')"
check_eq "author accents" "$(py "sum(1 for r in rows if has(r,'author','Jürgen Weiß'))")" "$(total 'author:"Jurgen Weiss"')"
check_eq "author surname accents" "$(py "sum(1 for r in rows if has(r,'author','Jürgen Weiß'))")" "$(total author:WEISS)"
check_eq "author hyphenated" "$(py "sum(1 for r in rows if has(r,'author','Min-jun Park'))")" "$(total author:min-jun)"
check_eq "tag quoted with AND" "$(py "sum(1 for r in rows if has(r,'tag','Tariffs and trade'))")" "$(total 'tag:"tariffs AND trade"')"
check_eq "tag OR tag" "$(py "sum(1 for r in rows if has(r,'tag','Football') or has(r,'tag','Olympics'))")" "$(total tag:football topic:olympics)"
check_eq "tag AND place" "$(py "sum(1 for r in rows if has(r,'tag','Tariffs and trade') and has(r,'place','Japan'))")" "$(total 'tag:"Tariffs and trade" place:japan')"
check_eq "place accents" "$(py "sum(1 for r in rows if has(r,'place','Zürich'))")" "$(total place:zurich)"
check_eq "date:2025-04" "$(py "sum(1 for r in rows if r['published'][:7] == '2025-04')")" "$(total date:2025-04)"
check_eq "date range" "$(py "sum(1 for r in rows if '2025-03' <= r['published'][:7] <= '2025-04')")" "$(total date:2025-03..2025-04)"
check_eq "date open" "$(py "sum(1 for r in rows if r['published'][:10] >= '2025-10-01')")" "$(total date:2025-10..)"
check_eq "date year" "$(py "sum(1 for r in rows if r['published'][:4] == '2025')")" "$(total date:2025)"

# ------------------------------------------------ acronyms and accents in free text
us="$(total U.S.)"
[ "$us" -gt 0 ] && pass || fail "U.S. finds nothing"
check_eq "US = U.S." "$us" "$(total US)"
check_eq "United States = U.S." "$us" "$(total United States)"
check_eq "U.K. = UK" "$(total U.K.)" "$(total UK)"
check_eq "U.N. = United Nations" "$(total U.N.)" "$(total United Nations)"
check_eq "E.U. = European Union" "$(total E.U.)" "$(total European Union)"
ids_us="$(search --format ids -n 100 U.S. | sort)"
ids_pronoun="$(search --format ids -n 100 us | sort || true)"
[ "$ids_us" != "$ids_pronoun" ] && pass || fail "the pronoun 'us' matches U.S."
check_eq "Zürich = Zurich" "$(total Zürich)" "$(total zurich)"

# ------------------------------------------------ errors, no hits, did you mean
for q in 'a AND' 'tariffs OR' 'date:2025-13' 'date:soon'; do
  run_status rc search "$q" 2>"$WORK/err" >/dev/null
  check_eq "exit code for '$q'" 2 "$rc"
  check_eq "one-line message for '$q'" 1 "$(wc -l <"$WORK/err")"
done
run_status rc search --facet colour tariffs 2>"$WORK/err" >/dev/null
check_eq "unknown facet" 2 "$rc"
run_status rc search --filter colour=red tariffs 2>"$WORK/err" >/dev/null
check_eq "unknown filter" 2 "$rc"
run_status rc search --since tomorrowish tariffs 2>"$WORK/err" >/dev/null
check_eq "bad --since" 2 "$rc"
run_status rc search --json 'tarrifs koreaa' >"$WORK/miss.json"
check_eq "no hits exit code" 1 "$rc"
check_eq "suggestion" "tariffs korea" "$(json_get "$WORK/miss.json" 'j["suggestion"]')"
run_status rc search 'tarrifs koreaa' >"$WORK/miss.txt"
check_contains "did you mean (text)" "Did you mean: tariffs korea" "$(cat "$WORK/miss.txt")"
check_eq "suggestion finds hits" 0 "$(search -n 0 'tariffs korea' >/dev/null; echo $?)"
check_eq "no suggestion with hits" "None" "$(search --json tariffs | python3 -c 'import json,sys; print(json.load(sys.stdin)["suggestion"])')"

# ------------------------------------------------ --format ids, --sort newest
search --format ids -n 5 tariffs >"$WORK/ids"
check_eq "ids lines" 5 "$(wc -l <"$WORK/ids")"
check_eq "ids are ids" 5 "$(grep -c '^sample-' "$WORK/ids")"
check_eq "ids = json ids" "$(cat "$WORK/ids")" "$(search --json -n 5 tariffs | python3 -c 'import json,sys; print("\n".join(h["id"] for h in json.load(sys.stdin)["hits"]))')"
newest="$(search --json --sort newest -n 100 --filter tag=diplomacy | python3 -c 'import json,sys; print(" ".join(h["published"] for h in json.load(sys.stdin)["hits"]))')"
check_eq "sort newest" "$(tr ' ' '\n' <<<"$newest" | sort -r | tr '\n' ' ' | sed 's/ $//')" "$newest"

# ------------------------------------------------ two databases searched together
head -n 20 "$SAMPLE" >"$WORK/a.jsonl"
tail -n +21 "$SAMPLE" >"$WORK/b.jsonl"
"$NEWS_INDEX" add --db "$WORK/a.db" "$WORK/a.jsonl" 2>/dev/null
"$NEWS_INDEX" add --db "$WORK/b.db" "$WORK/b.jsonl" 2>/dev/null
"$NEWS_SEARCH" --db "$WORK/a.db" --db "$WORK/b.db" -n 0 --json --facet-limit 0 \
  --facet tag --facet author --facet place --facet month >"$WORK/two.json"
for field in tag author place month; do
  check_eq "two databases: $field" "$(facet_pairs "$WORK/browse.json" "$field" | sort)" \
    "$(facet_pairs "$WORK/two.json" "$field" | sort)"
done
check_eq "two databases: total" "$N" "$(json_get "$WORK/two.json" 'j["total"]')"
check_eq "two databases: did you mean" "tariffs korea" \
  "$("$NEWS_SEARCH" --db "$WORK/a.db" --db "$WORK/b.db" --json 'tarrifs koreaa' | python3 -c 'import json,sys; print(json.load(sys.stdin)["suggestion"])' || true)"

finish
