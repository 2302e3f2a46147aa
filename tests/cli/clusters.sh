#!/usr/bin/env bash
# Near-duplicate clusters (issue 22) end to end on two shards: the clusters
# of add, sync and delete equal a rebuild's and the ones this test expects
# (groups of copies it wrote itself); honest counts (total in stories,
# clusters distinct), --collapse with exact copies and their sources,
# --copies oldest first, --facet-count clusters; sharded and unsharded
# give the same.
source "$(dirname "$0")/lib.sh"

# corpus.py OUT SPEC: stories of made-up words; SPEC lists groups as
# NAME:COPIES:FIRST_DAY (copies of one body, one day apart, sources cycling),
# "NAME:1:DAY" a story alone; a group NAME~ is NAME's body with one word in
# ten changed (resemblance about 0.5: not a copy); "brief" adds two
# identical 12-word bodies (too short for a cluster).
corpus() {
  python3 - "$@" << 'PY'
import json, random, sys
out, spec = sys.argv[1], sys.argv[2:]
vocab = ["w%03d%s" % (i, "xyz"[i % 3]) for i in range(800)]
def body(name, changed=False):
    r = random.Random(name.rstrip("~"))
    words = [r.choice(vocab) for _ in range(80)]
    if changed:
        for i in range(0, 80, 10):
            words[i] = "changed%d" % i
    return "Cassowary " + " ".join(words)
sources = ["AP", "Reuters", "AFP"]
with open(out, "w") as f:
    for g in spec:
        if g == "brief":
            for n in (1, 2):
                f.write(json.dumps({"id": "brief-%d" % n, "title": "Cassowary brief",
                                    "body": "Cassowary seen near the road again this morning, "
                                            "rangers said today.",
                                    "source": "AP", "published": "2024-06-0%d" % n}) + "\n")
            continue
        name, copies, day = g.split(":")
        for c in range(int(copies)):
            f.write(json.dumps({
                "id": "%s-%d" % (name.replace("~", "x"), c + 1),
                "title": "Story %s copy %d" % (name, c + 1),
                "body": body(name, name.endswith("~")),
                "source": sources[c % 3],
                "published": "2024-03-%02d" % (int(day) + c)}) + "\n")
PY
}

# clusters DB: "id=cluster" of every story with a cluster, sorted.
clusters() {
  "$NEWS_SEARCH" --db "$1" --json -n 1000 | python3 -c '
import json, sys
j = json.load(sys.stdin)
print(" ".join(sorted("%s=%s" % (h["id"], h["cluster"]) for h in j["hits"] if "cluster" in h)))'
}

corpus "$WORK/part1.jsonl" a:3:1 b:2:5 c:1:9 brief
corpus "$WORK/part2.jsonl" a:4:1 b:2:5 d:2:10 a~:1:20 e:1:12
cat "$WORK/part1.jsonl" > "$WORK/all.jsonl"
tail -n +4 "$WORK/part2.jsonl" | grep -v '"b-' >> "$WORK/all.jsonl"  # a-4, d-*, ax-1, e-1

# ------------------------------------------------ add, then rebuild, sharded
"$NEWS_INDEX" rebuild -q --db "$WORK/inc" --shards 2 "$WORK/part1.jsonl"
check_eq "rebuild: clusters of two and three, none for briefs and loners" \
  "a-1=a-1 a-2=a-1 a-3=a-1 b-1=b-1 b-2=b-1" "$(clusters "$WORK/inc")"
"$NEWS_INDEX" add -q --db "$WORK/inc" "$WORK/part2.jsonl"
want="a-1=a-1 a-2=a-1 a-3=a-1 a-4=a-1 b-1=b-1 b-2=b-1 d-1=d-1 d-2=d-1"
check_eq "add: a new copy joins its cluster, a new pair makes one" "$want" "$(clusters "$WORK/inc")"
"$NEWS_INDEX" rebuild -q --db "$WORK/re" --shards 2 "$WORK/all.jsonl"
check_eq "add equals a rebuild (2 shards)" "$(clusters "$WORK/re")" "$(clusters "$WORK/inc")"
"$NEWS_INDEX" rebuild -q --db "$WORK/one" "$WORK/all.jsonl"
check_eq "one database equals two shards" "$(clusters "$WORK/re")" "$(clusters "$WORK/one")"

# ---------------------------------------------------------- honest counts
DB="$WORK/inc"
# 13 stories: clusters a (4), b (2), d (2); c-1, e-1, ax-1, brief-1, brief-2 alone.
search -n 0 --json cassowary > "$WORK/count.json"
check_eq "-n 0: stories and distinct clusters" "13 8 True" \
  "$(json_get "$WORK/count.json" 'j["total"], j["clusters"], j["total_exact"]')"
check_contains "text: stories (distinct)" "13 stories (8 distinct)" "$(search -n 0 cassowary)"
search --collapse -n 0 --json cassowary > "$WORK/ccount.json"
check_eq "--collapse -n 0: total stays stories" "13 8" \
  "$(json_get "$WORK/ccount.json" 'j["total"], j["clusters"]')"
search --collapse -n 20 --json cassowary > "$WORK/collapse.json"
check_eq "--collapse: one hit per cluster" 8 "$(json_get "$WORK/collapse.json" 'len(j["hits"])')"
check_eq "--collapse: copies add up to the stories" 13 \
  "$(json_get "$WORK/collapse.json" 'sum(1 + h["copies"] for h in j["hits"])')"
check_eq "--collapse: a page holding every cluster is exact" "13 True 8" \
  "$(json_get "$WORK/collapse.json" 'j["total"], j["total_exact"], j["clusters"]')"
# Equal scores: the newest copy (a-4, AP) is shown.
check_eq "--collapse: copies and sources of cluster a" "a-4 3 AFP,AP,Reuters" \
  "$(json_get "$WORK/collapse.json" '[" ".join([h["id"], str(h["copies"]), ",".join(h["copy_sources"])]) for h in j["hits"] if h.get("cluster") == "a-1"][0]')"
check_eq "--collapse: the briefs are not collapsed together" 2 \
  "$(json_get "$WORK/collapse.json" 'sum(h["id"].startswith("brief") for h in j["hits"])')"
# Copies count matching stories only: a filter leaves some out.
search --collapse --json --filter source=AP cassowary > "$WORK/ap.json"
check_eq "--collapse with a filter: copies among the matches" "a-1:1 b-1:0 d-1:0" \
  "$(json_get "$WORK/ap.json" '" ".join("%s:%d" % (h["cluster"], h["copies"]) for h in sorted(j["hits"], key=lambda h: h["id"]) if "cluster" in h)')"
check_contains "text: copies line" "+ 3 copies from AFP, AP, Reuters (--copies" \
  "$(search --collapse cassowary)"
# A page that does not hold every cluster: the copies stay exact.
search --collapse -n 2 --offset 1 --json cassowary > "$WORK/page.json"
check_eq "--collapse page: copies exact" True \
  "$(json_get "$WORK/page.json" 'all(h["copies"] == {"a-1": 3, "b-1": 1, "d-1": 1}.get(h.get("cluster"), 0) for h in j["hits"])')"
# Sharded and unsharded collapse the same.
for q in cassowary "cassowary OR w001x"; do
  check_eq "collapsed: two shards and one database [$q]" \
    "$("$NEWS_SEARCH" --db "$WORK/one" --collapse --json -n 20 --facet source "$q" | canon)" \
    "$(search --collapse --json -n 20 --facet source "$q" | canon)"
done

# ------------------------------------------------- --facet-count clusters
search -n 0 --json --facet source cassowary > "$WORK/fs.json"
search -n 0 --json --facet source --facet-count clusters cassowary > "$WORK/fc.json"
check_eq "facets count stories" "AFP:1 AP:9 Reuters:3" \
  "$(json_get "$WORK/fs.json" '" ".join(sorted("%s:%d" % (v["value"], v["count"]) for v in j["facets"]["source"]))')"
# AP: a-1 and a-4 (one cluster), b-1, c-1, d-1, ax-1, e-1, brief-1, brief-2: 8;
# Reuters: a-2, b-2, d-2: 3; AFP: a-3: 1.
check_eq "--facet-count clusters" "AFP:1 AP:8 Reuters:3 clusters" \
  "$(json_get "$WORK/fc.json" '" ".join(sorted("%s:%d" % (v["value"], v["count"]) for v in j["facets"]["source"])) + " " + j["facet_count"]')"
check_contains "text: facet of clusters" "source (distinct stories):" \
  "$(search -n 0 --facet source --facet-count clusters cassowary)"
run_status rc search --facet-count copies cassowary 2> "$WORK/err"
check_eq "--facet-count: a bad value" 2 "$rc"

# ----------------------------------------------------------------- --copies
check_eq "--copies: oldest first" "a-1 a-2 a-3 a-4" "$(search --copies a-3 --format ids | xargs)"
check_eq "--copies: a story without copies" "c-1" "$(search --copies c-1 --format ids | xargs)"
run_status rc search --copies nosuch 2> "$WORK/err"
check_eq "--copies: unknown id" 2 "$rc"
check_contains "--copies: unknown id says so" "no story with id 'nosuch'" "$(cat "$WORK/err")"

# ------------------------------------- delete and sync keep clusters true
"$NEWS_INDEX" delete -q --db "$WORK/inc" a-1 d-2
check_eq "delete: the head's cluster is re-headed, a pair's copy left alone" \
  "a-2=a-2 a-3=a-2 a-4=a-2 b-1=b-1 b-2=b-1" "$(clusters "$WORK/inc")"
check_eq "--copies after delete" "a-2 a-3 a-4" "$(search --copies a-4 --format ids | xargs)"
# sync: b-2's body changes to another story's; a-1 and d-2 stay gone.
grep -v -e '"a-1"' -e '"d-2"' "$WORK/all.jsonl" > "$WORK/synced.jsonl"
python3 - "$WORK/synced.jsonl" << 'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
body_e = next(r["body"] for r in rows if r["id"] == "e-1")
for r in rows:
    if r["id"] == "b-2":
        r["body"] = body_e
open(sys.argv[1], "w").write("".join(json.dumps(r) + "\n" for r in rows))
PY
"$NEWS_INDEX" sync -q --db "$WORK/inc" "$WORK/synced.jsonl"
check_eq "sync: a changed copy leaves its cluster and joins another" \
  "a-2=a-2 a-3=a-2 a-4=a-2 b-2=b-2 e-1=b-2" "$(clusters "$WORK/inc")"
"$NEWS_INDEX" rebuild -q --db "$WORK/re2" --shards 2 "$WORK/synced.jsonl"
check_eq "delete and sync equal a rebuild" "$(clusters "$WORK/re2")" "$(clusters "$WORK/inc")"

finish
