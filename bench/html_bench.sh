#!/usr/bin/env bash
# Throughput of HTML input (issue 18, item 8), figures not pass/fail:
#  1. MB/s of HTML cleaned on one core: `news-index clean` over the
#     pages-auto pages, unpacked first (gzip time left out);
#  2. the indexing rate of a WARC of 2,000 pages: the pages-auto HTML
#     repeated as 2,000 response records (canonical and og:url links
#     renamed, so that each record's URL is its own), through
#     `news-index rebuild --threads T`.
# usage: bench/html_bench.sh [BUILD_DIR [THREADS]]   (default: build, 1)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
threads="${2:-1}"
pages="${NEWS_SHARED_DIR:-$root/../shared}/corpus/pages-auto"
[ -d "$pages" ] || { echo "no $pages"; exit 77; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/html"
for f in "$pages"/*.html.gz; do zcat "$f" >"$work/html/$(basename "$f" .gz)"; done
bytes="$(cat "$work"/html/*.html | wc -c)"
start="$(date +%s.%N)"
"$build/news-index" clean "$work"/html/*.html >/dev/null 2>&1 || true
end="$(date +%s.%N)"
python3 -c "import sys; b, s = int(sys.argv[1]), float(sys.argv[2]) - float(sys.argv[3]); print('clean: %d pages, %.1f MB in %.2f s: %.1f MB/s on one core' % (int(sys.argv[4]), b / 1e6, s, b / 1e6 / s))" \
  "$bytes" "$end" "$start" "$(ls "$work/html" | wc -l)"

python3 - "$work" <<'PY'
import glob, gzip, sys
work = sys.argv[1]
pages = [open(f, "rb").read().replace(b'rel="canonical"', b'rel="x-canonical"')
         .replace(b"og:url", b"og:x-url") for f in sorted(glob.glob(work + "/html/*.html"))]
with gzip.open(work + "/bench.warc.gz", "wb") as out:
    for i in range(2000):
        body = pages[i % len(pages)]
        block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body
        head = (b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://bench.example/%d\r\n"
                b"WARC-Date: 2025-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
                b"Content-Length: %d\r\n\r\n" % (i, len(block)))
        out.write(head + block + b"\r\n\r\n")
PY
echo "WARC: $(du -h "$work/bench.warc.gz" | cut -f1) compressed"
/usr/bin/time -f "rebuild: %e s wall, %U s user, peak RSS %M kB" \
  "$build/news-index" rebuild --db "$work/db" --threads "$threads" --quiet "$work/bench.warc.gz" \
  2>"$work/err" || true
grep -v ': not an article' "$work/err" | tail -n 1
"$build/news-index" stats --db "$work/db" | head -n 3
