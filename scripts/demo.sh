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
echo
echo "== the web page and JSON API: build/news-search --db $db --serve 8080"
echo "   then open http://127.0.0.1:8080/ (JSON: http://127.0.0.1:8080/api/search?q=tariffs&facet=tag)"
