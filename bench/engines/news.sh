# Adapter for ../shared/bench (copy into its engines/, see bench/README.md):
# our news-index / news-search through newscore. Variants by engine name
# (news_t1.sh, news_t2.sh, news_s2.sh, news_s2m.sh set these before
# sourcing this file):
#   NEWS_THREADS  --threads for news-index (default: cores)
#   NEWS_SHARDS   --shards for news-index (default 1)
#   NEWS_MERGE    1: rebuild --merge (the shards merged into one database)
: "${NEWS_BUILD:?set NEWS_BUILD to the build directory of /work/main}"
NEWS_THREADS=${NEWS_THREADS:-$(nproc)}
NEWS_SHARDS=${NEWS_SHARDS:-1}
NEWS_MERGE_FLAG=()
[ "${NEWS_MERGE:-0}" = 1 ] && NEWS_MERGE_FLAG=(--merge)
ENGINE_DESC="news-search (newscore, Xapian $(xapian-config --version 2>/dev/null | awk '{print $NF}')) rebuild --threads $NEWS_THREADS --shards $NEWS_SHARDS${NEWS_MERGE_FLAG[*]:+ ${NEWS_MERGE_FLAG[*]}}; all fields, body stored; top10/facets via news_bench_search"
engine_index() {  # CORPUS INDEXDIR WORKDIR
  "$NEWS_BUILD/news-index" rebuild -q --db "$2" --threads "$NEWS_THREADS" --shards "$NEWS_SHARDS" \
    "${NEWS_MERGE_FLAG[@]}" "$1"
}
engine_search() {  # INDEXDIR QUERIES MODE PASSES OUTPREFIX
  "$NEWS_BUILD/bench/news_bench_search" "$1" "$2" "$3" "$4" "$5"
}
