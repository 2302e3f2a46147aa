# news-index --threads 2 --shards 2 --merge, searched with plain BM25
# (news-search --ranking expand=0), see news.sh
NEWS_THREADS=2 NEWS_SHARDS=2 NEWS_MERGE=1
export NEWS_RANKING=expand=0
source "$BENCH_DIR/engines/news.sh"
