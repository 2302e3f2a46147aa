#!/usr/bin/env python3
"""Near-duplicate clusters against exact resemblance, computed apart.

For a corpus (JSON Lines, .gz allowed) the tool computes, independently of
the index, the exact Jaccard resemblance of word 5-shingles of every pair
of stories that can reach the threshold: brute force over all pairs
(--brute, for a small corpus such as BBC), else an exact similarity join
(prefix filtering: a pair with J >= t shares one of the first
n - ceil(t * n) + 1 shingles of each story, in a global order, rare first).
It then indexes the corpus with news-index (or reads --db) and reads each
story's cluster from news-search --json, and reports:

- pair precision and recall of the index's clusters on the pairs at or
  above the threshold (a pair "clustered" when both stories have the same
  cluster);
- whether every group of identical bodies is one cluster;
- how many clusters hold a pair far below the threshold (--far, 0.5), and
  the lowest resemblance of two stories of one cluster (clusters join
  copies transitively, so a pair of one cluster may be under the
  threshold: what pair precision counts against the index);
- a few example clusters, for a reader to judge.

Words are runs of letters and digits, lower case, accents folded; stories
under 40 words are left out (the index gives them no cluster).
Python 3 standard library only.

  eval/dedup_eval.py --bin BUILD_DIR CORPUS.jsonl.gz [--threshold 0.8] [--brute]
"""

import argparse
import gzip
import hashlib
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import defaultdict

MIN_WORDS = 40
SHINGLE = 5
WORD = re.compile(r"[^\W_]+")


def words(text):
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return WORD.findall(folded.lower())


def shingles(text):
    w = words(text)
    if len(w) < MIN_WORDS:
        return None
    return frozenset(" ".join(w[i:i + SHINGLE]) for i in range(len(w) - SHINGLE + 1))


def read_corpus(path):
    opener = gzip.open if path.endswith(".gz") else open
    stories = {}
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                a = json.loads(line)
                stories[a["id"]] = a
    return stories


def jaccard(a, b):
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


def pairs_brute(sets, threshold):
    ids = sorted(sets)
    out = {}
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            j = jaccard(sets[a], sets[b])
            if j >= threshold:
                out[(a, b)] = j
    return out


def pairs_join(sets, threshold):
    """Exact: every pair with J >= threshold, by prefix filtering."""
    freq = defaultdict(int)
    for s in sets.values():
        for x in s:
            freq[x] += 1
    order = {}
    for s in sets.values():
        for x in s:
            order.setdefault(x, (freq[x], hashlib.blake2b(x.encode(), digest_size=8).digest()))
    prefix_index = defaultdict(list)
    candidates = set()
    for doc, s in sets.items():
        ranked = sorted(s, key=order.__getitem__)
        prefix = ranked[: len(ranked) - math.ceil(threshold * len(ranked)) + 1]
        for x in prefix:
            for other in prefix_index[x]:
                candidates.add((min(doc, other), max(doc, other)))
            prefix_index[x].append(doc)
    out = {}
    for a, b in candidates:
        j = jaccard(sets[a], sets[b])
        if j >= threshold:
            out[(a, b)] = j
    return out


def index_clusters(build, db, corpus, threshold, fresh):
    if fresh:
        subprocess.run([os.path.join(build, "news-index"), "rebuild", "-q", "--db", db,
                        "--cluster-threshold", str(threshold), "--max-delete", "100%", corpus],
                       check=False)
    out = subprocess.run([os.path.join(build, "news-search"), "--db", db, "--json",
                          "--no-snippets", "-n", "10000000", ""],
                         check=True, capture_output=True, text=True).stdout
    return {h["id"]: h.get("cluster") for h in json.loads(out)["hits"]}


def report(stories, sets, true_pairs, clusters, far):
    members = defaultdict(list)
    for doc, c in clusters.items():
        if c is not None and doc in sets:
            members[c].append(doc)
    clustered = set()
    for group in members.values():
        group.sort()
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                clustered.add((a, b))
    hit = sum(1 for p in true_pairs if p in clustered)
    precision = hit / len(clustered) if clustered else 1.0
    recall = hit / len(true_pairs) if true_pairs else 1.0
    identical = defaultdict(list)
    for doc, s in sets.items():
        identical[s].append(doc)
    groups = [g for g in identical.values() if len(g) > 1]
    split = [g for g in groups if len({clusters.get(d) for d in g}) != 1 or clusters.get(g[0]) is None]
    mixed, lowest = 0, 1.0
    for group in members.values():
        pair_j = [jaccard(sets[a], sets[b]) for i, a in enumerate(group) for b in group[i + 1:]]
        lowest = min([lowest] + pair_j)
        if any(j < far for j in pair_j):
            mixed += 1
    return {
        "stories": len(stories), "fingerprinted": len(sets), "true_pairs": len(true_pairs),
        "clustered_pairs": len(clustered), "pair_precision": round(precision, 4),
        "pair_recall": round(recall, 4), "clusters": len(members),
        "identical_groups": len(groups), "identical_groups_split": len(split),
        "clusters_with_pairs_below_%.2f" % far: mixed,
        "lowest_resemblance_in_a_cluster": round(lowest, 4),
    }, members


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--bin", required=True, help="build folder with news-index, news-search")
    ap.add_argument("--db", help="an index of the corpus already built")
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("--far", type=float, default=0.5)
    ap.add_argument("--brute", action="store_true", help="all pairs (small corpora)")
    ap.add_argument("--examples", type=int, default=10)
    args = ap.parse_args()
    stories = read_corpus(args.corpus)
    sets = {doc: s for doc, a in stories.items() if (s := shingles(a.get("body") or ""))}
    find = pairs_brute if args.brute else pairs_join
    true_pairs = find(sets, args.threshold)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or os.path.join(tmp, "db")
        clusters = index_clusters(args.bin, db, args.corpus, args.threshold, args.db is None)
    figures, members = report(stories, sets, true_pairs, clusters, args.far)
    print(json.dumps(figures, indent=2))
    biggest = sorted(members.values(), key=lambda g: (-len(g), g[0]))
    step = max(1, len(biggest) // max(args.examples, 1))
    for group in biggest[::step][: args.examples]:
        print("\ncluster of %d:" % len(group))
        for doc in group[:4]:
            print("  %s  %s" % (doc, stories[doc].get("title", "")[:70]))
        if len(group) > 4:
            print("  ... and %d more" % (len(group) - 4))


if __name__ == "__main__":
    sys.exit(main())
