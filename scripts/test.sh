#!/usr/bin/env bash
# Sets everything up and runs the whole test suite: a Release build and an
# AddressSanitizer + UBSan build, each with every ctest, then a bounded fuzz
# run of the page cleaner; in between, a ThreadSanitizer build of the two
# programs runs the threaded indexing test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs="$(nproc)"

# Formatting (.clang-format: Google style, 100 columns).
find common include indexer searcher server tests fuzz bench \( -name '*.cc' -o -name '*.h' -o -name '*.cpp' \) \
  -print0 | xargs -0 clang-format --dry-run --Werror

scripts/build.sh build
(cd build && ctest --output-on-failure -j "$jobs")

scripts/build.sh build-asan -DNEWS_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure -j "$jobs" -LE slow)

# ThreadSanitizer: the indexing pipeline's race check (threaded_runs.sh),
# with only the two programs built.
scripts/build.sh build-tsan -DNEWS_TSAN=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -- news-index news-search
(cd build-tsan && TSAN_OPTIONS="halt_on_error=1 exitcode=66" \
  ctest --output-on-failure -R '^cli_threaded_runs$')

if [ -x scripts/fuzz.sh ]; then
  scripts/fuzz.sh "${FUZZ_SECONDS:-120}"
fi
