#!/usr/bin/env bash
# Bad HTML and WARC input (issue 18, item 7), a check each: binary garbage
# named .html, a 50 MB page, 100,000 nested <div>s, invalid JSON-LD,
# metadata that contradicts the page, windows-1252 without a declaration,
# a WARC whose Content-Length lies. Rejections name FILE:LINE (HTML) or
# FILE@OFFSET (WARC); the good inputs are indexed.
source "$(dirname "$0")/lib.sh"

cd "$WORK"
DB="$WORK/db"
ids() { search --format ids -n 1000 "$@" | sort || true; }
PROSE='<p>The committee met on Tuesday to discuss the new budget, which includes funding for roads, schools and the harbour.</p><p>Members agreed to meet again next month, after the public consultation closes and the figures are published.</p>'

# ------------------------------------------------ binary garbage named .html
head -c 20000 /dev/urandom >garbage.html
printf '\x89PNG\r\n\x1a\n' | cat - garbage.html | gzip -c >garbage2.html.gz
run_status rc "$NEWS_INDEX" add --db "$DB" garbage.html garbage2.html.gz 2>garbage.err
check_eq "garbage: exit 1" 1 "$rc"
check_contains "garbage rejected at FILE:LINE" "garbage.html:1: not an article: not HTML (binary data)" "$(cat garbage.err)"
check_contains "gzip garbage rejected" "garbage2.html.gz:1: not an article" "$(cat garbage.err)"

# ------------------------------------------------ windows-1252, no declaration
cp "$SRC/corpus/html/sample-cp1252.html" cafe.htm
run_status rc "$NEWS_INDEX" add --db "$DB" cafe.htm 2>cafe.err
check_eq "windows-1252 page: exit 0" 0 "$rc"
search --json -n 1 promenade >cafe.json
check_eq "windows-1252 decoded" "Café owners prepare for the summer season" \
  "$(json_get cafe.json 'j["hits"][0]["title"]')"
check_eq "author with accents" "Jürgen Weiß" "$(json_get cafe.json 'j["hits"][0]["authors"][0]')"

# ------------------------------------------------ invalid JSON-LD; contradicting metadata
cat >contradict.html <<HTML
<html lang="fr"><head>
<meta name="author" content="Example Media Group">
<meta property="og:title" content="A title the page never prints | Example">
<meta property="article:published_time" content="2024-02-03T10:00:00Z">
<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
</head><body><article><h1>Walruses return to the northern beach</h1>
<div class="byline">By Jane Doe</div>$PROSE</article>
<footer>© 2024 Example Media Group</footer></body></html>
HTML
run_status rc "$NEWS_INDEX" add --db "$DB" contradict.html 2>contradict.err
check_eq "invalid JSON-LD: still indexed" 0 "$rc"
search --json -n 1 walruses >c.json
check_eq "headline as printed" "Walruses return to the northern beach" "$(json_get c.json 'j["hits"][0]["title"]')"
check_eq "byline as printed, not the publisher" "['Jane Doe']" "$(json_get c.json 'j["hits"][0]["authors"]')"
check_eq "date from the meta tag" "2024-02-03T10:00:00Z" "$(json_get c.json 'j["hits"][0]["published"]')"
"$NEWS_INDEX" clean contradict.html >c-clean.json
check_eq "language from <html lang>" fr "$(json_get c-clean.json 'j["language"]')"

# ------------------------------------------------ 100,000 nested <div>s
python3 - "$PROSE" <<'PY'
import sys
with open("deep.html", "w") as f:
    f.write("<html><body><h1>Deep nesting does not sink the indexer</h1>")
    f.write("<div>" * 100000 + sys.argv[1] + "</div>" * 100000 + "</body></html>")
PY
run_status rc timeout 120 "$NEWS_INDEX" add --db "$DB" deep.html 2>deep.err
check_eq "100,000 nested divs: exit 0" 0 "$rc"
check_eq "deep page indexed" 1 "$(total 'title:"deep nesting"')"

# ------------------------------------------------ a 50 MB page
python3 - <<'PY'
para = "<p>Plankton bloom over the shelf again this spring, and the survey ship counted more of it than in any year since records began.</p>\n"
with open("huge.html", "w") as f:
    f.write("<html><head><title>A fifty megabyte page</title></head><body><article><h1>A fifty megabyte page</h1>")
    n = 0
    while n < 50 * 1000 * 1000:
        f.write(para)
        n += len(para)
    f.write("</article></body></html>")
PY
check_eq "huge page is 50 MB" True "$([ "$(wc -c <huge.html)" -ge 50000000 ] && echo True)"
TIME=()
if [ -x /usr/bin/time ]; then TIME=(/usr/bin/time -f '%M %e' -o "$WORK/huge.rss"); fi
run_status rc "${TIME[@]}" "$NEWS_INDEX" add --db "$DB" huge.html 2>huge.err
check_eq "50 MB page: exit 0" 0 "$rc"
check_eq "50 MB page findable" 1 "$(total 'title:"fifty megabyte"')"
if [ -s "$WORK/huge.rss" ] && ! ldd "$NEWS_INDEX" 2>/dev/null | grep -q asan; then
  read -r RSS_KB SECS <"$WORK/huge.rss"
  echo "50 MB page: ${SECS} s, peak RSS ${RSS_KB} kB"
  check_eq "50 MB page peak RSS under 2 GB (${RSS_KB} kB)" True "$([ "$RSS_KB" -lt 2000000 ] && echo True)"
fi
rm -f huge.html

# ------------------------------------------------ a WARC whose Content-Length lies
python3 - "$PROSE" <<'PY'
import sys
def record(n, lie=None):
    body = ("<html><body><h1>Crawled story number %d about lighthouses</h1>%s</body></html>" % (n, sys.argv[1])).encode()
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
    length = len(block) if lie is None else lie
    head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/%d\r\n"
            "WARC-Date: 2025-01-0%dT00:00:00Z\r\nContent-Length: %d\r\n\r\n" % (n, n, length)).encode()
    return head + block + b"\r\n\r\n"
recs = [record(1), record(2, lie=30), record(3), record(4, lie=5000), record(5)]
open("lies.warc", "wb").write(b"".join(recs))
open("lies.offsets", "w").write("%d %d\n" % (len(recs[0]), len(recs[0]) + len(recs[1]) + len(recs[2])))
PY
read -r OFF2 OFF4 <lies.offsets
run_status rc "$NEWS_INDEX" add --db "$DB" lies.warc 2>lies.err
check_eq "lying WARC: exit 1" 1 "$rc"
check_contains "short Content-Length located" "lies.warc@$OFF2: Content-Length 30" "$(cat lies.err)"
check_contains "long Content-Length located" "lies.warc@$OFF4: Content-Length 5000" "$(cat lies.err)"
check_eq "the honest records indexed" 3 "$(total lighthouses)"
search --json -n 5 lighthouses >l.json
check_eq "fetched URLs kept" "['http://example.org/1', 'http://example.org/3', 'http://example.org/5']" \
  "$(json_get l.json 'sorted(h["url"] for h in j["hits"])')"

# ------------------------------------------------ directories: every kind found
mkdir -p tree/a tree/b
cp "$SRC/corpus/html/sample-jsonld.html" tree/a/one.html
gzip -c "$SRC/corpus/html/sample-opengraph.html" >tree/b/two.htm.gz
gzip -c lies.warc >tree/b/three.warc.gz
run_status rc "$NEWS_INDEX" add --db "$WORK/db-tree" tree 2>tree.err
check_eq "directory: 2 pages + 3 WARC records" 5 \
  "$("$NEWS_SEARCH" --db "$WORK/db-tree" -n 0 --json | json_get /dev/stdin 'j["total"]')"
check_contains "gzip WARC record located by its member" "three.warc.gz@" "$(cat tree.err)"

# ------------------------------------------------ sync over HTML: a non-article page holds nothing back
mkdir -p synctree
cp "$SRC/corpus/html/sample-home.html" synctree/index.html
cp "$SRC/corpus/html/sample-jsonld.html" synctree/one.html
cp "$SRC/corpus/html/sample-opengraph.html" synctree/two.html
run_status rc "$NEWS_INDEX" sync --db "$WORK/db-sync" synctree 2>sync1.err
check_eq "sync with a home page: exit 1 (it is rejected)" 1 "$rc"
rm synctree/one.html
run_status rc "$NEWS_INDEX" sync --max-delete 1 --db "$WORK/db-sync" synctree 2>sync2.err
check_contains "sync deletes the page removed" "deleted 1" "$(tail -n 1 sync2.err)"
check_eq "1 document left" 1 \
  "$("$NEWS_SEARCH" --db "$WORK/db-sync" -n 0 --json | json_get /dev/stdin 'j["total"]')"
finish
