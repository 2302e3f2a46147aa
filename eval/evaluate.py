#!/usr/bin/env python3
"""Ranking evaluation: runs news-search over a TREC-style collection folder.

The folder holds docs.jsonl.gz (articles), topics.tsv (qid<TAB>query) and
qrels.txt (qid 0 docid relevance). The tool indexes the documents (unless
--db names an existing index), runs every topic in one news-search process
(--queries batch mode), writes a TREC run file and prints MAP (top 1000),
nDCG@10 and P@10 averaged over the topics with at least one relevant story,
plus the median (p50) latency of a top-10 query as news-search reports it.
Definitions: docs/RANKING.md. Python 3 standard library only.

  eval/evaluate.py --bin BUILD_DIR COLLECTION [--ranking SPEC] [--run FILE]
"""

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import tempfile

DEPTH = 1000  # documents per topic in the run (MAP depth)
CUTOFF = 10   # nDCG@10, P@10


def read_topics(path):
    topics = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            qid, query = line.split("\t", 1)
            topics.append((qid.strip(), " ".join(query.split())))
    return topics


def read_qrels(path):
    """{qid: {docid: relevance}}"""
    qrels = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) != 4:
                continue
            qid, _, docid, rel = parts
            qrels.setdefault(qid, {})[docid] = int(rel)
    return qrels


def average_precision(ranked, judged):
    relevant = sum(1 for r in judged.values() if r > 0)
    if relevant == 0:
        return 0.0
    hits, total = 0, 0.0
    for k, docid in enumerate(ranked[:DEPTH], start=1):
        if judged.get(docid, 0) > 0:
            hits += 1
            total += hits / k
    return total / relevant


def ndcg(ranked, judged, cutoff=CUTOFF):
    def dcg(gains):
        return sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    gains = [max(judged.get(d, 0), 0) for d in ranked[:cutoff]]
    ideal = sorted((max(r, 0) for r in judged.values()), reverse=True)[:cutoff]
    best = dcg(ideal)
    return dcg(gains) / best if best > 0 else 0.0


def precision(ranked, judged, cutoff=CUTOFF):
    return sum(1 for d in ranked[:cutoff] if judged.get(d, 0) > 0) / cutoff


def evaluate(run, qrels):
    """Mean metrics over topics with at least one relevant story; a topic
    absent from the run scores 0."""
    scored = [q for q, j in qrels.items() if any(r > 0 for r in j.values())]
    per_topic = {}
    for qid in scored:
        ranked = [d for d, _ in run.get(qid, [])]
        per_topic[qid] = (average_precision(ranked, qrels[qid]),
                          ndcg(ranked, qrels[qid]), precision(ranked, qrels[qid]))
    n = len(scored)
    means = tuple(sum(v[i] for v in per_topic.values()) / n if n else 0.0
                  for i in range(3))
    return means, per_topic


def search_batch(args, db, topics, limit, snippets):
    """Runs every topic through one news-search --queries process; returns
    the parsed JSON objects in topic order."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False,
                                     encoding="utf-8") as f:
        for _, query in topics:
            f.write(query + "\n")
        queries = f.name
    cmd = [os.path.join(args.bin, "news-search"), "--db", db, "--queries", queries,
           "-n", str(limit)]
    if not snippets:
        cmd.append("--no-snippets")
    if args.ranking:
        cmd += ["--ranking", args.ranking]
    cmd += args.search_arg
    try:
        out = subprocess.run(cmd, check=False, capture_output=True, text=True)
    finally:
        os.unlink(queries)
    if out.returncode not in (0, 1):
        sys.exit("evaluate: news-search failed: " + out.stderr.strip())
    results = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    if len(results) != len(topics):
        sys.exit("evaluate: expected %d results, got %d" % (len(topics), len(results)))
    return results


def build_index(args, collection, db):
    docs = os.path.join(collection, "docs.jsonl.gz")
    cmd = [os.path.join(args.bin, "news-index"), "add", "--db", db, docs]
    out = subprocess.run(cmd, check=False, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("evaluate: news-index failed: " + out.stderr.strip())


def write_run(path, topics, results, tag):
    run = {}
    with open(path, "w", encoding="utf-8") as f:
        for (qid, _), res in zip(topics, results):
            hits = [(h["id"], h["score"]) for h in res.get("hits", [])]
            run[qid] = hits
            for rank, (docid, score) in enumerate(hits, start=1):
                f.write("%s Q0 %s %d %.4f %s\n" % (qid, docid, rank, score, tag))
    return run


def latency_p50(args, db, topics, snippets):
    """Median took_ms of top-10 queries, each topic run args.repeat times in
    one process (warm cache, no process start-up)."""
    times = []
    for _ in range(args.repeat):
        times += [r["took_ms"] for r in search_batch(args, db, topics, CUTOFF, snippets)]
    return statistics.median(times)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("collection", help="folder with docs.jsonl.gz, topics.tsv, qrels.txt")
    p.add_argument("--bin", required=True, help="directory holding news-index and news-search")
    p.add_argument("--db", help="index to use (built from docs.jsonl.gz when absent)")
    p.add_argument("--run", help="write the TREC run here (default: a temp file)")
    p.add_argument("--ranking", default="", help="news-search --ranking overrides")
    p.add_argument("--search-arg", action="append", default=[],
                   help="extra news-search argument (repeatable)")
    p.add_argument("--repeat", type=int, default=5, help="latency rounds (0: skip)")
    p.add_argument("--per-topic", action="store_true", help="print AP per topic")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = p.parse_args()

    topics = read_topics(os.path.join(args.collection, "topics.tsv"))
    qrels = read_qrels(os.path.join(args.collection, "qrels.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or os.path.join(tmp, "index")
        if not os.path.exists(db):
            build_index(args, args.collection, db)
        results = search_batch(args, db, topics, DEPTH, False)
        run_path = args.run or os.path.join(tmp, "run.txt")
        run = write_run(run_path, topics, results, args.ranking or "default")
        (map_, ndcg10, p10), per_topic = evaluate(run, qrels)
        p50 = latency_p50(args, db, topics, False) if args.repeat > 0 else float("nan")
        p50_snippets = latency_p50(args, db, topics, True) if args.repeat > 0 else float("nan")
    if args.per_topic:
        for qid, (ap, nd, pr) in sorted(per_topic.items()):
            print("%s\tAP %.4f\tnDCG@10 %.4f\tP@10 %.2f" % (qid, ap, nd, pr))
    figures = {"topics": len(per_topic), "map": map_, "ndcg10": ndcg10, "p10": p10,
               "p50_ms": p50, "p50_ms_snippets": p50_snippets, "ranking": args.ranking}
    if args.json:
        print(json.dumps(figures))
    else:
        print("topics %d  MAP %.4f  nDCG@10 %.4f  P@10 %.4f  p50 %.3f ms"
              " (%.3f ms with snippets)" %
              (len(per_topic), map_, ndcg10, p10, p50, p50_snippets))
    return 0


if __name__ == "__main__":
    sys.exit(main())
