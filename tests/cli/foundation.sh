#!/usr/bin/env bash
# End to end on corpus/sample.jsonl: index, fielded search, query operators,
# sorting and paging, the --json object, exit codes, browse mode, stats,
# add/replace/delete and rebuild. Expected figures are computed from the
# sample file itself by python3, so the test follows the sample's content.
source "$(dirname "$0")/lib.sh"

SAMPLE="$SRC/corpus/sample.jsonl"
DB="$WORK/db"

# Python preamble: the sample as `rows`, and norm() = the indexer's
# normalise_value (accents folded, lower case, whitespace collapsed).
PY_PRE='
import json, re, sys, unicodedata
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
SPECIAL = {"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE",
           "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "TH"}
def fold(s):
    s = "".join(SPECIAL.get(c, c) for c in s)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
def norm(s):
    return " ".join(fold(s).lower().split())
def day(r):
    return r.get("published", "")[:10]
def text(r):
    return " ".join(r.get(k, "") for k in ("title", "dek", "caption", "body"))
'
# py EXPR: evaluates EXPR over the sample (see PY_PRE) and prints it.
py() { python3 -c "$PY_PRE
print($1)" "$SAMPLE"; }



# ids ARGS...: ids of all hits, one per line, sorted.
ids() { search --format ids -n 1000 "$@" | sort || true; }

# ---------------------------------------------------------------- index
N="$(py 'len(rows)')"
run_status rc "$NEWS_INDEX" add --db "$DB" "$SAMPLE" 2>"$WORK/add.err"
check_eq "add exit code" 0 "$rc"
summary="$(tail -n 1 "$WORK/add.err")"
if [[ "$summary" =~ ^news-index:\ added\ $N,\ replaced\ 0,\ .*rejected\ 0\ in\ [0-9.]+\ s ]]; then
  pass
else
  fail "add summary line: $summary"
fi

# Adding the same file again changes nothing.
run_status rc "$NEWS_INDEX" add --db "$DB" "$SAMPLE" 2>"$WORK/add2.err"
check_eq "re-add exit code" 0 "$rc"
check_contains "re-add summary" "added 0, replaced 0, unchanged $N" "$(cat "$WORK/add2.err")"

# ---------------------------------------------------------------- stats
"$NEWS_INDEX" stats --db "$DB" --json >"$WORK/stats.json"
check_eq "stats documents" "$N" "$(json_get "$WORK/stats.json" 'j["documents"]')"
for f in tags:tags authors:authors places:places; do
  key="${f%%:*}"
  check_eq "stats distinct $key" \
    "$(py "len({norm(v) for r in rows for v in r.get('$key', [])})")" \
    "$(json_get "$WORK/stats.json" "j['distinct']['$key']")"
done
for key in section source; do
  check_eq "stats distinct ${key}s" \
    "$(py "len({norm(r['$key']) for r in rows if r.get('$key')})")" \
    "$(json_get "$WORK/stats.json" "j['distinct']['${key}s']")"
done
check_eq "stats oldest" "$(py 'min(day(r) for r in rows if day(r))')" \
  "$(json_get "$WORK/stats.json" 'j["published"]["oldest"]')"
check_eq "stats newest" "$(py 'max(day(r) for r in rows if day(r))')" \
  "$(json_get "$WORK/stats.json" 'j["published"]["newest"]')"
check_eq "stats size > 0" True "$(json_get "$WORK/stats.json" 'j["size_bytes"] > 0')"
check_eq "stats last_update is ISO UTC" True \
  "$(json_get "$WORK/stats.json" \
    '__import__("re").fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", j["last_update"]) is not None')"
"$NEWS_INDEX" stats --db "$DB" >"$WORK/stats.txt"
check_contains "stats text" "documents:" "$(cat "$WORK/stats.txt")"

# ---------------------------------------------------------------- browse
check_eq "browse total" "$N" "$(total)"
check_eq "browse ids" "$(py '"\n".join(sorted(r["id"] for r in rows))')" "$(ids)"

# ---------------------------------------------------------------- fields
# Exact fields: query prefixes and aliases, any case/accents, counted from the file.
check_field() {  # check_field QUERY PYTHON_CONDITION
  check_eq "total of $1" "$(py "sum(1 for r in rows if $2)")" "$(total "$1")"
}
top_value() {  # top_value FIELD: the most frequent value of a list field
  py "__import__('collections').Counter(v for r in rows for v in r.get('$1', [])).most_common(1)[0][0]"
}
TAG="$(top_value tags)"
PLACE="$(top_value places)"
check_field "tag:\"$TAG\"" "norm('$TAG') in map(norm, r.get('tags', []))"
check_field "topic:\"${TAG^^}\"" "norm('$TAG') in map(norm, r.get('tags', []))"
check_field "place:\"$PLACE\"" "norm('$PLACE') in map(norm, r.get('places', []))"
check_field 'place:zurich' "'zurich' in map(norm, r.get('places', []))"
check_field 'place:Zürich' "'zurich' in map(norm, r.get('places', []))"
check_field 'section:business' "norm(r.get('section', '')) == 'business'"
check_field 'section:Business section:politics' \
  "norm(r.get('section', '')) in ('business', 'politics')"
check_field "section:business tag:\"$TAG\"" \
  "norm(r.get('section', '')) == 'business' and norm('$TAG') in map(norm, r.get('tags', []))"
check_field 'source:reuters' "norm(r.get('source', '')) == 'reuters'"
check_field 'source:"the associated press"' \
  "norm(r.get('source', '')) == 'the associated press'"
# author: and by: search the words of author names.
check_field 'author:lucey' "any('lucey' in norm(a).split() for a in r.get('authors', []))"
check_field 'by:lucey' "any('lucey' in norm(a).split() for a in r.get('authors', []))"
check_field 'author:weiss' "any('weiss' in norm(a).split() for a in r.get('authors', []))"
check_eq "--filter author= exact name" \
  "$(py "sum(1 for r in rows if 'jurgen weiss' in map(norm, r.get('authors', [])))")" \
  "$(total --filter 'author=Jürgen Weiß')"
# id: is exact and verbatim.
FIRST_ID="$(py 'rows[0]["id"]')"
check_eq "id: finds one story" "$FIRST_ID" "$(ids "id:$FIRST_ID")"
check_eq "id: is case-sensitive" "0" "$(total "id:${FIRST_ID^^}")"
# title: searches titles only.
check_eq "title:tariffs only matches titles" "$(ids "title:tariffs")" \
  "$(py '"\n".join(sorted(r["id"] for r in rows if re.search(r"\btariff", r["title"], re.I)))')"

# ---------------------------------------------------------------- dates
check_field 'date:2025-04-01..2025-04-30' "'2025-04-01' <= day(r) <= '2025-04-30'"
check_field 'date:2025-06-01..' "day(r) >= '2025-06-01'"
check_field 'date:..2024-06-30' "day(r) and day(r) <= '2024-06-30'"
check_field 'date:2025-04' "day(r).startswith('2025-04')"
check_field 'date:2024' "day(r).startswith('2024')"
check_field 'date:2024-02..2024-03' "'2024-02-01' <= day(r) <= '2024-03-31'"
# A one-day range includes articles published late that day.
LAST_DAY="$(py 'max(day(r) for r in rows)')"
check_field "date:$LAST_DAY..$LAST_DAY" "day(r) == '$LAST_DAY'"
check_eq "--since/--until" "$(py "sum(1 for r in rows if '2025-01-01' <= day(r) <= '2025-03-31')")" \
  "$(total --since 2025-01-01 --until 2025-03-31)"

# ---------------------------------------------------------------- operators
# Each operator is checked against set algebra on the plain word queries.
ids tariffs >"$WORK/a"
ids korea >"$WORK/b"
check_eq "tariffs has hits" True "$([ -s "$WORK/a" ] && echo True)"
check_eq "korea has hits" True "$([ -s "$WORK/b" ] && echo True)"
check_eq "AND" "$(comm -12 "$WORK/a" "$WORK/b")" "$(ids 'tariffs AND korea')"
check_eq "--all" "$(comm -12 "$WORK/a" "$WORK/b")" "$(ids --all tariffs korea)"
check_eq "OR" "$(sort -u "$WORK/a" "$WORK/b")" "$(ids 'tariffs OR korea')"
check_eq "default operator is OR" "$(sort -u "$WORK/a" "$WORK/b")" "$(ids tariffs korea)"
check_eq "NOT" "$(comm -23 "$WORK/a" "$WORK/b")" "$(ids 'tariffs NOT korea')"
check_eq "+/-" "$(comm -23 "$WORK/a" "$WORK/b")" "$(ids '+tariffs -korea')"
check_eq "+ +" "$(comm -12 "$WORK/a" "$WORK/b")" "$(ids '+tariffs +korea')"
check_eq "field filter on free text" \
  "$(comm -12 "$WORK/a" <(ids section:business))" "$(ids tariffs section:business)"
# Phrase: the words adjacent, in order, in one field, matched on stems:
# "south korea" also finds "South Korea's" (and "South Koreas"), not
# "South Korean".
check_eq "phrase" \
  "$(py '"\n".join(sorted(r["id"] for r in rows if any(re.search(r"\bsouth\W+korea(?:[\x27\u2019]s|s)?\b", r.get(k, ""), re.I) for k in ("title", "dek", "caption", "body"))))')" \
  "$(ids '"south korea"')"
check_eq "phrase is narrower than AND" True \
  "$([ "$(total '"korea south"')" -lt "$(total 'korea AND south')" ] && echo True)"
# Wildcard: tarif* covers tariff, tariffs, tariffed...
check_eq "wildcard" \
  "$(py '"\n".join(sorted(r["id"] for r in rows if re.search(r"\btarif", text(r), re.I)))')" \
  "$(ids 'tarif*')"
# Relevance: with plain BM25 a story with every word ranks above one with
# some (the default feedback may lift a story rich in related words).
BOTH="$(comm -12 "$WORK/a" "$WORK/b" | wc -l)"
check_eq "stories with both words rank first" "$(comm -12 "$WORK/a" "$WORK/b")" \
  "$(search --ranking expand=0 --format ids -n "$BOTH" tariffs korea | sort)"

# ---------------------------------------------------------------- sort, paging
EXPECTED_NEWEST="$(py '"\n".join(r["id"] for r in sorted(rows, key=lambda r: r["published"], reverse=True))')"
check_eq "--sort newest" "$EXPECTED_NEWEST" "$(search --sort newest --format ids -n 1000)"
check_eq "--sort oldest" "$(tac <<<"$EXPECTED_NEWEST")" "$(search --sort oldest --format ids -n 1000)"
search --sort newest --json -n 1000 tariffs >"$WORK/newest.json"
check_eq "--sort newest with a query" True \
  "$(json_get "$WORK/newest.json" 'len(j["hits"]) > 1 and [h["published"] for h in j["hits"]] == sorted((h["published"] for h in j["hits"]), reverse=True)')"
search --json -n 1000 tariffs >"$WORK/rel.json"
check_eq "relevance: scores descending" True \
  "$(json_get "$WORK/rel.json" '[h["score"] for h in j["hits"]] == sorted((h["score"] for h in j["hits"]), reverse=True)')"
check_eq "--offset/-n page" "$(sed -n '6,10p' <<<"$EXPECTED_NEWEST")" \
  "$(search --sort newest --format ids --offset 5 -n 5)"
check_eq "--limit long form" "$(sed -n '1,3p' <<<"$EXPECTED_NEWEST")" \
  "$(search --sort newest --format ids --limit 3)"
check_eq "relevance paging is a slice" "$(search --format ids -n 1000 tariffs korea | sed -n '4,7p')" \
  "$(search --format ids --offset 3 -n 4 tariffs korea)"
search --json --offset 3 -n 4 tariffs korea >"$WORK/page.json"
check_eq "ranks count from offset 0" "[4, 5, 6, 7]" "$(json_get "$WORK/page.json" '[h["rank"] for h in j["hits"]]')"
check_eq "offset past the end" "0 $N" \
  "$(search --json --offset 1000 -n 5 | python3 -c 'import json,sys; j=json.load(sys.stdin); print(len(j["hits"]), j["total"])')"

# -n 0: exact count, no hits.
search -n 0 --json tariffs >"$WORK/count.json"
check_eq "-n 0 total_exact" True "$(json_get "$WORK/count.json" 'j["total_exact"]')"
check_eq "-n 0 no hits" "[]" "$(json_get "$WORK/count.json" 'j["hits"]')"
check_eq "-n 0 total" "$(wc -l <"$WORK/a")" "$(json_get "$WORK/count.json" 'j["total"]')"

# ---------------------------------------------------------------- --json shape
search --json -n 3 --facet tag --facet section 'tariffs korea' >"$WORK/shape.json"
python3 - "$WORK/shape.json" "$SAMPLE" >"$WORK/shape.out" <<'EOF'
import json, sys
j = json.load(open(sys.argv[1]))
problems = []
def expect(cond, what):
    if not cond:
        problems.append(what)
top = ["query", "total", "total_exact", "offset", "limit", "took_ms", "hits", "facets",
       "suggestion"]
# Keys added since DESIGN.md, each documented where it was introduced.
ADDED = {"facets_exact": bool, "clusters": int}
expect([k for k in j if k in top] == top, "DESIGN.md keys in order: %s" % list(j))
for k in j:
    expect(k in top or (k in ADDED and type(j[k]) is ADDED[k]), "undocumented key %s" % k)
expect(j["query"] == "tariffs korea", "query echoed")
expect(type(j["total"]) is int and j["total"] > 0, "total int")
expect(type(j["total_exact"]) is bool, "total_exact bool")
expect(j["offset"] == 0 and j["limit"] == 3, "offset/limit")
expect(type(j["took_ms"]) in (int, float) and j["took_ms"] >= 0, "took_ms number")
expect(j["suggestion"] is None or type(j["suggestion"]) is str, "suggestion")
expect(type(j["hits"]) is list and len(j["hits"]) == 3, "3 hits")
hit_keys = ["rank", "id", "score", "title", "published", "authors", "source", "section",
            "tags", "places", "url", "snippet"]
rows = {r["id"]: r for r in map(json.loads, open(sys.argv[2], encoding="utf-8")) if r}
for n, h in enumerate(j["hits"], 1):
    expect(list(h) == hit_keys, "hit keys: %s" % list(h))
    expect(h["rank"] == n, "rank")
    expect(type(h["score"]) in (int, float) and h["score"] > 0, "score")
    for k in ("id", "title", "snippet"):
        expect(type(h[k]) is str and h[k], k)
    for k in ("published", "source", "section", "url"):
        expect(h[k] is None or type(h[k]) is str, k)
    for k in ("authors", "tags", "places"):
        expect(type(h[k]) is list and all(type(x) is str for x in h[k]), k)
    r = rows[h["id"]]
    for k in ("title", "published", "source", "section", "url", "authors", "tags", "places"):
        expect(h[k] == r.get(k), "%s of %s: %r != %r" % (k, h["id"], h[k], r.get(k)))
    expect("<b>" in h["snippet"] and "</b>" in h["snippet"], "highlight in snippet")
    expect("\x02" not in h["snippet"] and "&amp;" not in h["snippet"], "raw markers/escapes")
    expect("body" not in h, "no body in hits")
expect(type(j["facets"]) is dict and sorted(j["facets"]) == ["section", "tag"], "facets keys")
for name, values in j["facets"].items():
    expect(type(values) is list and values, "facet %s values" % name)
    for v in values:
        expect(list(v) == ["value", "count"] and type(v["value"]) is str
               and type(v["count"]) is int, "facet value shape %r" % v)
    counts = [v["count"] for v in values]
    expect(counts == sorted(counts, reverse=True), "facet %s by count" % name)
print("\n".join(problems) if problems else "ok")
EOF
check_eq "--json shape" ok "$(cat "$WORK/shape.out")"

# Facet counts are exact: each equals the total of the query with that filter.
search --json -n 0 --facet tag --facet section --facet place tariffs >"$WORK/facets.json"
while IFS=$'\t' read -r field value count; do
  check_eq "facet $field=$value" "$count" "$(total tariffs --filter "$field=$value")"
done < <(json_get "$WORK/facets.json" \
  '"\n".join("%s\t%s\t%d" % (f, v["value"], v["count"]) for f in j["facets"] for v in j["facets"][f][:4])')

# Text output: rank, title, id; no escape codes when not a terminal.
search -n 2 tariffs >"$WORK/text.out"
check_contains "text output rank" "1. " "$(cat "$WORK/text.out")"
check_contains "text output summary" "showing 1-2" "$(cat "$WORK/text.out")"
check_eq "no colour when piped" 0 "$(grep -c $'\033' "$WORK/text.out" || true)"
search -n 2 --color always tariffs >"$WORK/color.out"
check_eq "bold with --color always" True "$(grep -q $'\033\\[1m' "$WORK/color.out" && echo True)"

# ---------------------------------------------------------------- exit codes
run_status rc search tariffs >/dev/null
check_eq "exit 0 on hits" 0 "$rc"
run_status rc search -n 0 tariffs >/dev/null
check_eq "exit 0 on hits with -n 0" 0 "$rc"
run_status rc search zzqxjvwk >/dev/null
check_eq "exit 1 on no hits" 1 "$rc"
run_status rc search --json zzqxjvwk >/dev/null
check_eq "exit 1 on no hits (json)" 1 "$rc"
for bad in "--sort sideways x" "--filter nofield=1 x" "--filter tag x" "--since notadate x" \
            "--no-such-option" "-n -1 x" "--offset -1 x" "-n 4294967296 x" "-n many x"; do
  # shellcheck disable=SC2086
  run_status rc search $bad 2>"$WORK/err"
  check_eq "exit 2 for: $bad" 2 "$rc"
  check_eq "one stderr line for: $bad" 1 "$(grep -c 'news-search' "$WORK/err")"
done
run_status rc search 'tariffs AND' 2>"$WORK/err"
check_eq "exit 2 on a syntax error" 2 "$rc"
check_contains "syntax error message" "parse" "$(cat "$WORK/err")"
run_status rc search 'date:2025-13-01..' 2>/dev/null
check_eq "exit 2 on a bad date" 2 "$rc"
run_status rc "$NEWS_SEARCH" --db "$WORK/no-such-db" tariffs 2>"$WORK/err"
check_eq "exit 2 on a missing index" 2 "$rc"
check_contains "missing index message" "no-such-db" "$(cat "$WORK/err")"
run_status rc "$NEWS_INDEX" stats --db "$WORK/no-such-db" 2>/dev/null
check_eq "stats on a missing index: exit 2" 2 "$rc"
run_status rc "$NEWS_INDEX" frobnicate 2>/dev/null
check_eq "news-index unknown command: exit 2" 2 "$rc"
run_status rc "$NEWS_INDEX" add --db "$DB" 2>/dev/null
check_eq "news-index add without SOURCE: exit 2" 2 "$rc"

# NEWS_DB is the default index.
check_eq "\$NEWS_DB" "$N" "$(NEWS_DB="$DB" "$NEWS_SEARCH" -n 0 --json | json_get /dev/stdin 'j["total"]')"

# ---------------------------------------------------------------- replace, delete
python3 -c '
import json, sys
r = json.loads(open(sys.argv[1], encoding="utf-8").readline())
r["title"] = "Completely rewritten headline about zeppelins"
print(json.dumps(r))
' "$SAMPLE" >"$WORK/changed.jsonl"
run_status rc "$NEWS_INDEX" add --db "$DB" "$WORK/changed.jsonl" 2>"$WORK/err"
check_eq "replace exit code" 0 "$rc"
check_contains "replace summary" "added 0, replaced 1" "$(cat "$WORK/err")"
check_eq "replaced title searchable" "$FIRST_ID" "$(ids title:zeppelins)"
check_eq "still one document per id" "$N" "$(total)"
run_status rc "$NEWS_INDEX" delete --db "$DB" "$FIRST_ID" 2>"$WORK/err"
check_eq "delete exit code" 0 "$rc"
check_eq "deleted id gone" 0 "$(total "id:$FIRST_ID")"
check_eq "count after delete" "$((N - 1))" "$(total)"
run_status rc "$NEWS_INDEX" delete --db "$DB" "$FIRST_ID" 2>"$WORK/err"
check_eq "deleting a missing id: exit 1" 1 "$rc"

# ---------------------------------------------------------------- rebuild
head -n 10 "$SAMPLE" >"$WORK/ten.jsonl"
TEN_IDS="$(python3 -c 'import json,sys; print("\n".join(sorted(json.loads(l)["id"] for l in open(sys.argv[1]) if l.strip())))' "$WORK/ten.jsonl")"
# A rebuild with a missing source indexes the rest and keeps the stories
# it could not read (the deleted one comes back from ten.jsonl).
run_status rc "$NEWS_INDEX" rebuild --db "$DB" "$WORK/ten.jsonl" "$WORK/missing.jsonl" 2>"$WORK/err"
check_eq "incomplete rebuild exit code" 1 "$rc"
check_contains "incomplete rebuild names the source" "missing.jsonl" "$(cat "$WORK/err")"
check_eq "incomplete rebuild keeps the index" "$N" "$(total)"
# A smaller archive on purpose: the deletion guard is lifted.
run_status rc "$NEWS_INDEX" rebuild --db "$DB" "$WORK/ten.jsonl" 2>"$WORK/err"
check_eq "rebuild deleting most stories: refused" 2 "$rc"
run_status rc "$NEWS_INDEX" rebuild --db "$DB" --max-delete 100% "$WORK/ten.jsonl" 2>"$WORK/err"
check_eq "rebuild exit code" 0 "$rc"
check_contains "rebuild summary" "added 10" "$(cat "$WORK/err")"
check_eq "rebuild replaced the index" "$TEN_IDS" "$(ids)"
check_eq "rebuilt count" 10 "$(total)"
check_eq "stats after rebuild" 10 "$("$NEWS_INDEX" stats --db "$DB" --json | json_get /dev/stdin 'j["documents"]')"
# No partial generations or temporary files left behind.
check_eq "no leftovers" "" "$(find "$DB" -maxdepth 1 \( -name '*.tmp' -o -name '*tmp*' \) -print)"
run_status rc "$NEWS_INDEX" rebuild --db "$DB" "$SAMPLE" 2>/dev/null
check_eq "rebuild back to the full sample" "$N" "$(total)"

finish
