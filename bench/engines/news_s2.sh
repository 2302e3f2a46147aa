# news-index --threads 2 --shards 2 (see news.sh)
NEWS_THREADS=2 NEWS_SHARDS=2
source "$BENCH_DIR/engines/news.sh"
