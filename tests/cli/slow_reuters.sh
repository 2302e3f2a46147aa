#!/usr/bin/env bash
# Whole-corpus test on Reuters-21578 (../shared/corpus/reuters21578.jsonl.gz):
# every story indexed; exact totals of tag:, place: and date: equal the
# counts computed here from the file itself; a phrase from a title finds
# its story in the top 3.
source "$(dirname "$0")/lib.sh"

CORPUS="$SHARED/corpus/reuters21578.jsonl.gz"
skip_unless_file "$CORPUS"
DB="$WORK/db"

# The expected figures, from the file: one "key<TAB>query<TAB>expected" line
# per check.
python3 - "$CORPUS" >"$WORK/expected.tsv" <<'EOF'
import collections, gzip, json, re, sys

valid, bad, tags, places, rows = 0, 0, collections.Counter(), collections.Counter(), []
for line in gzip.open(sys.argv[1], "rt", encoding="utf-8"):
    if not line.strip():
        continue
    r = json.loads(line)
    ok = all(isinstance(r.get(k), str) and r[k].strip() for k in ("id", "title"))
    ok = ok and re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\dZ)?", r.get("published", "1987-01-01"))
    if not ok:
        bad += 1
        continue
    valid += 1
    rows.append(r)
    tags.update({t.strip().lower() for t in r.get("tags", []) if t.strip()})
    places.update({p.strip().lower() for p in r.get("places", []) if p.strip()})

print("count\t\t%d" % valid)
print("rejected\t\t%d" % bad)
for t, n in tags.most_common(10):
    print("tag\ttag:%s\t%d" % (t, n))
for p, n in places.most_common(10):
    print("place\tplace:%s\t%d" % (p, n))
for lo, hi in (("1987-03-01", "1987-03-31"), ("1987-04-06", "1987-04-08"),
               ("1987-10-19", "1987-10-19")):
    n = sum(1 for r in rows if lo <= r.get("published", "")[:10] <= hi)
    print("date\tdate:%s..%s\t%d" % (lo, hi, n))
n = sum(1 for r in rows if r.get("published", "")[:10] >= "1987-10-01")
print("date\tdate:1987-10-01..\t%d" % n)
n = sum(1 for r in rows if r.get("published", "")[:10] and r["published"][:10] <= "1987-03-05")
print("date\tdate:..1987-03-05\t%d" % n)

# Phrases: four consecutive plain words of a title, a phrase no other title
# has.
def phrases(title):
    w = title.split()
    return [" ".join(w[i:i + 4]).lower() for i in range(len(w) - 3)
            if all(re.fullmatch(r"[A-Za-z]{2,}", x) for x in w[i:i + 4])]
grams = collections.Counter()
for r in rows:
    grams.update(set(phrases(r["title"])))
picked = 0
for r in rows[::997]:
    for phrase in phrases(r["title"]):
        if grams[phrase] == 1:
            print("phrase\t\"%s\"\t%s" % (phrase, r["id"]))
            picked += 1
            break
    if picked == 8:
        break
EOF
EXPECTED_COUNT="$(awk -F'\t' '$1 == "count" { print $3 }' "$WORK/expected.tsv")"
EXPECTED_REJECTED="$(awk -F'\t' '$1 == "rejected" { print $3 }' "$WORK/expected.tsv")"
# The file's README promises 21,577 stories, all valid.
check_eq "stories in the file" 21577 "$((EXPECTED_COUNT + EXPECTED_REJECTED))"

run_status rc "$NEWS_INDEX" add --db "$DB" "$CORPUS" 2>"$WORK/add.err"
check_eq "add exit code" "$([ "$EXPECTED_REJECTED" -eq 0 ] && echo 0 || echo 1)" "$rc"
check_contains "summary" "added $EXPECTED_COUNT, replaced 0" "$(tail -n 1 "$WORK/add.err")"
check_contains "summary rejected" "rejected $EXPECTED_REJECTED in" "$(tail -n 1 "$WORK/add.err")"
check_eq "documents" "$EXPECTED_COUNT" \
  "$("$NEWS_INDEX" stats --db "$DB" --json | json_get /dev/stdin 'j["documents"]')"


check_eq "browse total" "$EXPECTED_COUNT" "$(total)"
while IFS=$'\t' read -r kind query expected; do
  case "$kind" in
    tag | place | date)
      check_eq "total of $query" "$expected" "$(total "$query")"
      ;;
    phrase)
      top3="$("$NEWS_SEARCH" --db "$DB" --format ids -n 3 "$query" || true)"
      if grep -qxF "$expected" <<<"$top3"; then
        pass
      else
        fail "phrase $query: $expected not in the top 3: $(echo $top3)"
      fi
      ;;
  esac
done <"$WORK/expected.tsv"
check_eq "phrases picked" 8 "$(grep -c '^phrase' "$WORK/expected.tsv")"

# Facet counts agree with the filter totals (ten most frequent tags).
"$NEWS_SEARCH" --db "$DB" -n 0 --json --facet tag --facet place >"$WORK/facets.json"
while IFS=$'\t' read -r kind query expected; do
  [ "$kind" = tag ] || [ "$kind" = place ] || continue
  value="${query#*:}"
  check_eq "facet $query" "$expected" \
    "$(json_get "$WORK/facets.json" "next((v['count'] for v in j['facets']['$kind'] if v['value'].lower() == '$value'), 'absent')")"
done <"$WORK/expected.tsv"

# Re-adding the corpus changes nothing.
run_status rc "$NEWS_INDEX" add --db "$DB" "$CORPUS" 2>"$WORK/add2.err"
check_contains "re-add: all unchanged" "added 0, replaced 0, unchanged $EXPECTED_COUNT" \
  "$(tail -n 1 "$WORK/add2.err")"

finish
