# news-index --threads 1 --shards 1 (see news.sh)
NEWS_THREADS=1 NEWS_SHARDS=1
source "$BENCH_DIR/engines/news.sh"
