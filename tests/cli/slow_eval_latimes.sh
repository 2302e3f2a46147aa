# Ranking quality floor on the LA Times relevance set (../shared/eval/
# latimes-dev): eval/evaluate.py indexes it, runs the 33 topics through
# news-search --queries and the default ranking must keep MAP at or above
# the floor (measured 0.4926, nDCG@10 0.5538: BM25 + Bo1 re-ranking, metadata
# words as free text; docs/RANKING.md). A quality check, not a timing.
source "$(dirname "$0")/lib.sh"

COLLECTION="$SHARED/eval/latimes-dev"
skip_unless_file "$COLLECTION/docs.jsonl.gz"
MAP_FLOOR=0.45
NDCG_FLOOR=0.51

python3 "$SRC/eval/evaluate.py" --bin "$(dirname "$NEWS_SEARCH")" --repeat 0 --json \
  --run "$WORK/run.txt" "$COLLECTION" >"$WORK/figures.json"
cat "$WORK/figures.json"
check_eq "topics judged" "33" "$(json_get "$WORK/figures.json" "j['topics']")"
check_eq "MAP >= $MAP_FLOOR" "True" "$(json_get "$WORK/figures.json" "j['map'] >= $MAP_FLOOR")"
check_eq "nDCG@10 >= $NDCG_FLOOR" "True" "$(json_get "$WORK/figures.json" "j['ndcg10'] >= $NDCG_FLOOR")"
# The run is in TREC format: qid Q0 docid rank score tag.
check_eq "run format" "True" "$(python3 -c "
import sys
rows = [l.split() for l in open(sys.argv[1])]
print(bool(rows) and all(len(r) == 6 and r[1] == 'Q0' and r[3].isdigit() for r in rows))" "$WORK/run.txt")"

finish
