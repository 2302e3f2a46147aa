# news-index --threads 2 --shards 2 --merge: two shards written in
# parallel, merged into one compacted database (see news.sh)
NEWS_THREADS=2 NEWS_SHARDS=2 NEWS_MERGE=1
source "$BENCH_DIR/engines/news.sh"
