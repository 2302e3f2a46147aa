#!/usr/bin/env bash
# Builds the fuzzers (libFuzzer + ASan + UBSan) into build-fuzz/ and runs
# them for 2 x SECONDS in all (default 60), shared evenly between the four
# targets so that CI time stays as it was with two: the page cleaner seeded
# with the shared sample pages, the query parser with the queries of
# fuzz/seed_queries.txt, the HTML cleaner with corpus/html and the
# pages-auto HTML, the WARC reader with WARC records made from the samples.
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

# The HTML cleaner (libxml2, JSON-LD, charsets) with the text cleaner it
# falls back on.
clang++ -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined \
  -fno-sanitize-recover=undefined -I"$root/common" $(pkg-config --cflags libxml-2.0) \
  "$root"/common/html/*.cc "$root"/common/clean/*.cc "$root"/common/text/text.cc \
  "$root"/common/text/dates.cc "$root/fuzz/html_fuzzer.cc" \
  $(pkg-config --libs libxml-2.0) -lxapian -o "$out/html_fuzzer"

# The WARC reader and its HTTP decoding.
clang++ -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined \
  -fno-sanitize-recover=undefined -I"$root/common" \
  "$root/common/input/warc.cc" "$root/fuzz/warc_fuzzer.cc" -lnettle -lz -o "$out/warc_fuzzer"

corpus="$(mktemp -d)"
queries="$(mktemp -d)"
pages="$(mktemp -d)"
warcs="$(mktemp -d)"
trap 'rm -rf "$corpus" "$queries" "$pages" "$warcs"' EXIT
cp "$root"/corpus/html/*.html "$pages/"
for f in "$shared"/corpus/pages-auto/*.html.gz; do
  [ -f "$f" ] && { zcat "$f" | head -c 65536 >"$pages/$(basename "$f" .gz)" || true; }
done
python3 - "$root/corpus/html" "$warcs" <<'PY'
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
each=$((seconds / 2))
[ "$each" -ge 1 ] || each=1
for f in "$shared"/corpus/pages/*.txt "$shared"/corpus/0*.txt; do
  [ -f "$f" ] && cp "$f" "$corpus/"
done

n=0
while IFS= read -r q; do
  n=$((n + 1))
  printf '%s' "$q" >"$queries/seed-$n"
done <"$root/fuzz/seed_queries.txt"

cd "$out"
"$out/clean_fuzzer" -max_total_time="$each" -max_len=65536 \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$corpus"
"$out/query_fuzzer" -max_total_time="$each" -max_len=512 \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$queries"
"$out/html_fuzzer" -max_total_time="$each" -max_len=65536 \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$pages"
"$out/warc_fuzzer" -max_total_time="$each" -max_len=16384 \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$warcs"
