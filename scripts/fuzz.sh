#!/usr/bin/env bash
# Builds the fuzzers (libFuzzer + ASan + UBSan) into build-fuzz/ and runs
# each for SECONDS (default 60): the page cleaner seeded with the shared
# sample pages, the query parser with the queries of fuzz/seed_queries.txt.
# Exits non-zero when a fuzzer finds a crash.
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${NEWS_SHARED_DIR:-$root/../shared}"
out="$root/build-fuzz"
mkdir -p "$out"

# The cleaner's sources and the library text helpers it uses.
clang++ -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined \
  -fno-sanitize-recover=undefined -I"$root/common" \
  "$root"/common/clean/*.cc "$root"/common/text/text.cc "$root"/common/text/dates.cc \
  "$root/fuzz/clean_fuzzer.cc" -lxapian -o "$out/clean_fuzzer"

# The query parser, its rewrites, the snippet marks, and MemoryBm25 against
# Xapian's BM25 on what the parser makes.
clang++ -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined \
  -fno-sanitize-recover=undefined -I"$root/common" \
  "$root"/common/search/query_parser.cc "$root"/common/search/memory_bm25.cc \
  "$root"/common/text/*.cc "$root"/common/schema.cc \
  "$root/fuzz/query_fuzzer.cc" -lxapian -o "$out/query_fuzzer"

corpus="$(mktemp -d)"
queries="$(mktemp -d)"
trap 'rm -rf "$corpus" "$queries"' EXIT
for f in "$shared"/corpus/pages/*.txt "$shared"/corpus/0*.txt; do
  [ -f "$f" ] && cp "$f" "$corpus/"
done

n=0
while IFS= read -r q; do
  n=$((n + 1))
  printf '%s' "$q" >"$queries/seed-$n"
done <"$root/fuzz/seed_queries.txt"

cd "$out"
"$out/clean_fuzzer" -max_total_time="$seconds" -max_len=65536 \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$corpus"
"$out/query_fuzzer" -max_total_time="$seconds" -max_len=512 \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$queries"
