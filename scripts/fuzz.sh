#!/usr/bin/env bash
# Builds the fuzzers (libFuzzer + ASan + UBSan) into build-fuzz/ and runs
# them one after another for SECONDS in all (default 60), shared equally:
# the page cleaner seeded with the shared sample pages, the query parser
# with fuzz/seed_queries.txt, the JSON record reader with
# fuzz/seed_records.txt (deep nesting, numbers out of range), the HTML
# cleaner with corpus/html and the pages-auto HTML, the WARC reader with
# WARC records made from the samples.
# Exits non-zero when a fuzzer finds a crash.
set -euo pipefail

seconds="${1:-60}"
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${NEWS_SHARED_DIR:-$root/../shared}"
out="$root/build-fuzz"
mkdir -p "$out"

# build NAME SOURCES_AND_FLAGS...: one fuzzer from the library sources it needs.
build() {
  local name=$1
  shift
  clang++ -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=undefined -I"$root/common" -I"$root/include" "$@" "$root/fuzz/$name.cc" -lxapian \
    -o "$out/$name"
}

build clean_fuzzer "$root"/common/clean/*.cc "$root"/common/text/text.cc \
  "$root"/common/text/dates.cc
# The query parser, its rewrites, the snippet marks, and MemoryBm25 against
# Xapian's BM25 on what the parser makes.
build query_fuzzer "$root"/common/search/query_parser.cc "$root"/common/search/query_rewrite.cc \
  "$root"/common/columns/memory_bm25.cc \
  "$root"/common/text/*.cc "$root"/common/schema.cc
build record_fuzzer "$root"/common/article.cc "$root"/common/text/*.cc
# The HTML cleaner (libxml2, JSON-LD, charsets) with the text cleaner it
# falls back on.
# shellcheck disable=SC2046
build html_fuzzer $(pkg-config --cflags libxml-2.0) "$root"/common/html/*.cc \
  "$root"/common/clean/*.cc "$root"/common/text/text.cc "$root"/common/text/dates.cc \
  $(pkg-config --libs libxml-2.0)
# The WARC reader and its HTTP decoding.
build warc_fuzzer "$root/common/input/warc.cc" -lnettle -lz

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pages" "$work/queries" "$work/records" "$work/html" "$work/warcs"
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
cp "$root"/corpus/html/*.html "$work/html/"
for f in "$shared"/corpus/pages-auto/*.html.gz; do
  [ -f "$f" ] && { zcat "$f" | head -c 65536 >"$work/html/$(basename "$f" .gz)" || true; }
done
python3 - "$root/corpus/html" "$work/warcs" <<'PY'
import glob, os, sys
for i, f in enumerate(sorted(glob.glob(sys.argv[1] + "/*.html"))):
    body = open(f, "rb").read()
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
    http += b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n"
    rec = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/%d\r\n"
           b"Content-Length: %d\r\n\r\n" % (i, len(http))) + http + b"\r\n\r\n"
    req = b"WARC/1.1\r\nWARC-Type: request\r\nContent-Length: 4\r\n\r\nGET \r\n\r\n"
    open(os.path.join(sys.argv[2], "seed-%d.warc" % i), "wb").write(req + rec)
PY

# TARGET SEEDS MAX_LEN
targets=(
  "clean_fuzzer pages 65536"
  "query_fuzzer queries 512"
  "record_fuzzer records 16384"
  "html_fuzzer html 65536"
  "warc_fuzzer warcs 16384"
)
each=$((seconds / ${#targets[@]}))
[ "$each" -ge 1 ] || each=1
cd "$out"
for t in "${targets[@]}"; do
  read -r name seeds max_len <<<"$t"
  "$out/$name" -max_total_time="$each" -max_len="$max_len" \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$work/$seeds"
done
