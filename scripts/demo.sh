#!/usr/bin/env bash
# Sets everything up, indexes the bundled sample corpus, runs a faceted search.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh build
db="${NEWS_DB:-./news.db}"
echo "== news-index rebuild --db $db corpus/sample.jsonl"
build/news-index rebuild --db "$db" corpus/sample.jsonl
echo
echo "== news-search --db $db --facet tag --facet place --facet month -n 3 tariffs korea"
build/news-search --db "$db" --facet tag --facet place --facet month -n 3 tariffs korea
