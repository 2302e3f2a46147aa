#!/usr/bin/env bash
# Prepares a writable copy of the peer benchmark (../shared/bench) with our
# engines plugged in:  bench/setup.sh [DEST]   (default /tmp/news-bench)
# Needs a Release build of this tree in $NEWS_BUILD (default build/), with
# the bench/news_bench_search target built.
set -euo pipefail
SRC_DIR=$(cd "$(dirname "$0")/.." && pwd)
DEST=${1:-/tmp/news-bench}
SHARED=${NEWS_SHARED_DIR:-$SRC_DIR/../shared}
[ -d "$DEST" ] || cp -r "$SHARED/bench" "$DEST"
chmod -R u+w "$DEST"
cp "$SRC_DIR"/bench/engines/*.sh "$DEST/engines/"
mkdir -p "$DEST/build"
# The plain Xapian peer; rapidjson-dev may be missing: use our shim then.
INC=()
[ -f /usr/include/rapidjson/document.h ] || INC=(-I"$SRC_DIR/bench/rapidjson_shim")
for prog in xap_index xap_search; do
  [ -x "$DEST/build/$prog" ] ||
    g++ -O2 -std=c++17 "${INC[@]}" -o "$DEST/build/$prog" "$DEST/src/$prog.cc" -lxapian -lz
done
echo "ready: cd $DEST && NEWS_BUILD=${NEWS_BUILD:-$SRC_DIR/build} BENCH_CORPUS_DIR=$SHARED/corpus ./run.sh news_t2 reuters21578"
