# news-index --threads 2 --shards 1, searched with plain BM25 (no feedback
# re-ranking: news-search --ranking expand=0), see news.sh
NEWS_THREADS=2 NEWS_SHARDS=1
export NEWS_RANKING=expand=0
source "$BENCH_DIR/engines/news.sh"
