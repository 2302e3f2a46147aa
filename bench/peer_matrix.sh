#!/usr/bin/env bash
# The peer benchmark matrix behind bench/RESULTS.md, in one run:
#   bench/peer_matrix.sh BENCH_DIR RESULTS.jsonl [CORPUS...]
# BENCH_DIR is a copy made by bench/setup.sh; NEWS_BUILD (a copy of the
# build directory, so that building meanwhile cannot change a run) and
# BENCH_CORPUS_DIR as for its run.sh. Corpora default to reuters21578,
# scale-100k and scale-1m. Each corpus: the plain Xapian peer, Lucene 8,
# Omega's scriptindex and SQLite FTS5 (not at 1M: in the peer's own
# RESULTS.md; scriptindex alone takes 15 minutes there), and our
# --threads 1, --threads 2, --shards 2, --shards 2 --merge and plain-BM25
# engines (at 1M --shards 2, --shards 2 --merge and --threads 2 only), one
# after the other; the --shards 2 index is then compacted and its sizes
# printed. One JSON line per engine
# is appended to RESULTS.jsonl, progress with the load goes to stderr.
set -euo pipefail
BENCH_DIR=$(cd "$1" && pwd)
OUT=$(realpath "$2")
shift 2
CORPORA=("$@")
[ ${#CORPORA[@]} -gt 0 ] || CORPORA=(reuters21578 scale-100k scale-1m)
: "${NEWS_BUILD:?set NEWS_BUILD to a copy of the build directory}"
: "${BENCH_CORPUS_DIR:?set BENCH_CORPUS_DIR to ../shared/corpus}"
export NEWS_BUILD BENCH_CORPUS_DIR BENCH_INDEX_REPS=1
cd "$BENCH_DIR"

run() {  # PASSES KEEP_INDEX ENGINE CORPUS
  echo "== $(date -u +%T) $3 $4, load $(cut -d' ' -f1 /proc/loadavg)" >&2
  BENCH_PASSES=$1 BENCH_KEEP_INDEX=$2 ./run.sh "$3" "$4" >>"$OUT"
}

compact_kept() {  # ENGINE CORPUS
  local index="work/$1/$2/index"
  "$NEWS_BUILD/news-index" compact --db "$index" >&2
  rm -rf "work/$1/$2"
}

for corpus in "${CORPORA[@]}"; do
  if [ "$corpus" = scale-1m ]; then
    run 1 1 news_s2 "$corpus"
    compact_kept news_s2 "$corpus"
    run 1 0 news_s2m "$corpus"
    run 1 0 news_t2 "$corpus"
    run 1 0 xapian "$corpus"
  else
    for engine in xapian lucene omega fts5 news_t1 news_t2 news_bm25 news_s2m news_s2m_bm25; do
      run 2 0 "$engine" "$corpus"
    done
    run 2 1 news_s2 "$corpus"
    compact_kept news_s2 "$corpus"
  fi
done
