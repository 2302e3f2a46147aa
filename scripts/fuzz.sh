#!/usr/bin/env bash
# Builds the page-cleaner fuzzer (libFuzzer + ASan + UBSan) into build-fuzz/
# and runs it for SECONDS (default 60) seeded with the shared sample pages.
# Exits non-zero when the fuzzer finds a crash.
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

corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
for f in "$shared"/corpus/pages/*.txt "$shared"/corpus/0*.txt; do
  [ -f "$f" ] && cp "$f" "$corpus/"
done

cd "$out"
"$out/clean_fuzzer" -max_total_time="$seconds" -max_len=65536 \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 "$corpus"
