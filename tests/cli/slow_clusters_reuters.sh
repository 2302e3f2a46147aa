#!/usr/bin/env bash
# Near-duplicate clusters on Reuters-21578 (../shared/corpus/), rebuilt on
# two shards: every group of identical bodies (of 40 words or more), found
# here from the file itself, is inside one cluster; each cluster's id is
# its earliest story; the exact counts of a search (clusters, --collapse
# copies) agree with the clusters of the stories.
source "$(dirname "$0")/lib.sh"

CORPUS="$SHARED/corpus/reuters21578.jsonl.gz"
skip_unless_file "$CORPUS"
DB="$WORK/db"

"$NEWS_INDEX" rebuild -q --db "$DB" --shards 2 --threads 2 "$CORPUS"
search --json -n 100000 --no-snippets > "$WORK/all.json"
search --json -n 0 --collapse > "$WORK/count.json"
search --json -n 100000 --no-snippets --collapse oil > "$WORK/oil.json"
search --json -n 0 oil > "$WORK/oil_count.json"

python3 - "$CORPUS" "$WORK/all.json" "$WORK/count.json" "$WORK/oil.json" \
  "$WORK/oil_count.json" > "$WORK/out" << 'PY'
import collections, gzip, json, re, sys
corpus, all_json, count_json, oil_json, oil_count_json = sys.argv[1:]
words = lambda t: re.findall(r"[^\W_]+", t.lower())
groups = collections.defaultdict(list)
published = {}
for line in gzip.open(corpus, "rt", encoding="utf-8"):
    r = json.loads(line)
    published[r["id"]] = r.get("published", "")
    w = words(r.get("body", ""))
    if len(w) >= 40:
        groups[" ".join(w)].append(r["id"])
identical = [g for g in groups.values() if len(g) > 1]
hits = json.load(open(all_json))["hits"]
cluster = {h["id"]: h.get("cluster") for h in hits}
split = [g for g in identical if len({cluster.get(i) for i in g}) != 1 or cluster.get(g[0]) is None]
print("identical groups", len(identical), "stories", sum(map(len, identical)),
      "(over 300:", len(identical) > 300, end=")\n")
print("identical groups not in one cluster", len(split), split[:3])
members = collections.defaultdict(list)
for i, c in cluster.items():
    if c:
        members[c].append(i)
def key(i):  # earliest published (undated last), then the smaller id
    return (published[i] == "", published[i], i)
bad_heads = [c for c, m in members.items() if min(m, key=key) != c]
print("clusters", len(members), "stories in them", sum(map(len, members.values())))
print("clusters whose id is not their earliest story", len(bad_heads), bad_heads[:3])
count = json.load(open(count_json))
distinct = len(cluster) - sum(len(m) - 1 for m in members.values())
print("count ok", count["total"] == len(cluster) and count["clusters"] == distinct and count["total_exact"])
oil, oil_count = json.load(open(oil_json)), json.load(open(oil_count_json))
print("oil: collapsed hits add up to the stories",
      sum(1 + h["copies"] for h in oil["hits"]) == oil_count["total"] == oil["total"],
      "and to the clusters", len(oil["hits"]) == oil_count["clusters"])
PY
cat "$WORK/out"
check_contains "identical groups found" "(over 300: True)" "$(head -1 "$WORK/out")"
check_contains "every identical group in one cluster" "not in one cluster 0 []" "$(cat "$WORK/out")"
check_contains "cluster ids are the earliest stories" "not their earliest story 0 []" "$(cat "$WORK/out")"
check_contains "exact counts" "count ok True" "$(cat "$WORK/out")"
check_contains "--collapse copies" "add up to the stories True and to the clusters True" "$(cat "$WORK/out")"
finish
