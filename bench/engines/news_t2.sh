# news-index --threads 2 --shards 1 (see news.sh)
NEWS_THREADS=2 NEWS_SHARDS=1
source "$BENCH_DIR/engines/news.sh"
