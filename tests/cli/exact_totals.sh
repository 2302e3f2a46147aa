#!/usr/bin/env bash
# Totals that are true (issue 21): with -n > 0 the total is exact whenever
# at most 10,000 stories match (it was Xapian's estimate: 'oil AND prices'
# said "about 200"); a larger match says it is an estimate, with bounds
# (total_exact false, total_min, total_max; "about N stories (MIN to
# MAX)" in text), and the exact count (-n 0) lies between them.
source "$(dirname "$0")/lib.sh"
DB="$WORK/db"
python3 - "$WORK/many.jsonl" <<'PY'
import json, random, sys
rng = random.Random(3)
with open(sys.argv[1], "w") as out:
    for i in range(12000):
        words = [w for w, p in (("common", 0.9), ("alpha", 0.3), ("beta", 0.3), ("gamma", 0.5))
                 if rng.random() < p] + ["story"]
        words += ["w%d" % rng.randrange(3000) for _ in range(8)]
        rng.shuffle(words)
        out.write(json.dumps({"id": "t-%d" % i, "title": "Story %d" % i,
                              "body": " ".join(words) + "."}) + "\n")
PY
"$NEWS_INDEX" rebuild -q --db "$DB" "$WORK/many.jsonl"

# field QUERY KEY: one key of the JSON of a top-10 search.
field() { search --json --no-snippets "$1" | python3 -c "import json,sys; print(json.load(sys.stdin).get('$2'))"; }
exact_count() { search --json -n 0 "$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }

for q in "alpha AND beta" "alpha AND NOT gamma" "(alpha OR beta) AND gamma"; do
  check_eq "[$q] with -n 10: the exact count" "$(exact_count "$q") True" \
    "$(field "$q" total) $(field "$q" total_exact)"
done
q="common OR gamma"
n=$(exact_count "$q")
check_eq "[$q] matches more than 10,000" True "$([ "$n" -gt 10000 ] && echo True || echo "False ($n)")"
check_eq "[$q]: said to be an estimate" False "$(field "$q" total_exact)"
lo=$(field "$q" total_min)
hi=$(field "$q" total_max)
check_eq "[$q]: bounds hold the exact count ($lo <= $n <= $hi)" True \
  "$([ "$lo" -le "$n" ] && [ "$n" -le "$hi" ] && echo True || echo False)"
check_contains "[$q] in text: about, with bounds" "($lo to $hi)" "$(search -n 1 --no-snippets "$q")"
check_eq "an exact total has no bounds" None "$(field "alpha AND beta" total_min)"

finish
