#!/usr/bin/env bash
# Builds the fuzzers (libFuzzer + ASan + UBSan) into build-fuzz/ and runs
# them one after another for SECONDS in all (default 60), shared equally:
# the page cleaner seeded with the shared sample pages, the query parser
# with fuzz/seed_queries.txt, the JSON record reader with
# fuzz/seed_records.txt (deep nesting, numbers out of range).
# Exits non-zero when a fuzzer finds a crash.
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${NEWS_SHARED_DIR:-$root/../shared}"
out="$root/build-fuzz"
mkdir -p "$out"

# build NAME SOURCES...: one fuzzer from the library sources it needs.
build() {
  local name=$1
  shift
  clang++ -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=undefined -I"$root/common" "$@" "$root/fuzz/$name.cc" -lxapian \
    -o "$out/$name"
}

build clean_fuzzer "$root"/common/clean/*.cc "$root"/common/text/text.cc \
  "$root"/common/text/dates.cc
# The query parser, its rewrites, the snippet marks, and MemoryBm25 against
# Xapian's BM25 on what the parser makes.
build query_fuzzer "$root"/common/search/query_parser.cc "$root"/common/search/memory_bm25.cc \
  "$root"/common/text/*.cc "$root"/common/schema.cc
build record_fuzzer "$root"/common/article.cc "$root"/common/text/*.cc

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pages" "$work/queries" "$work/records"
for f in "$shared"/corpus/pages/*.txt "$shared"/corpus/0*.txt; do
  [ -f "$f" ] && cp "$f" "$work/pages/"
done
# seed_lines FILE DIR: one seed per line.
seed_lines() {
  local n=0 line
  while IFS= read -r line; do
    n=$((n + 1))
    printf '%s' "$line" >"$2/seed-$n"
  done <"$1"
}
seed_lines "$root/fuzz/seed_queries.txt" "$work/queries"
seed_lines "$root/fuzz/seed_records.txt" "$work/records"

# TARGET SEEDS MAX_LEN
targets=(
  "clean_fuzzer pages 65536"
  "query_fuzzer queries 512"
  "record_fuzzer records 16384"
)
each=$((seconds / ${#targets[@]}))
[ "$each" -ge 1 ] || each=1
cd "$out"
for t in "${targets[@]}"; do
  read -r name seeds max_len <<<"$t"
  "$out/$name" -max_total_time="$each" -max_len="$max_len" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$work/$seeds"
done
