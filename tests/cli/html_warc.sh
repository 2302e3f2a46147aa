#!/usr/bin/env bash
# HTML pages recorded by a real crawler (issue 18, item 7): a folder of
# pages served by python3's http.server on 127.0.0.1 is recorded with
# Debian's `wget --warc-file`; indexing the WARC gives every page with the
# same fields as cleaning the HTML files directly; a damaged copy (a
# flipped byte in one record, a cut-off end) loses only the damaged record.
# Uses the committed samples (corpus/html) and, when ../shared is there,
# 20 pages of pages-auto as well.
source "$(dirname "$0")/lib.sh"

command -v wget >/dev/null || { echo "SKIP: wget not installed (scripts/install-deps.sh)"; exit 77; }
cd "$WORK"
mkdir -p site
cp "$SRC"/corpus/html/*.html site/
if [ -d "$SHARED/corpus/pages-auto" ]; then
  for f in $(ls "$SHARED"/corpus/pages-auto/*.html.gz | head -n 20); do
    zcat "$f" >"site/$(basename "$f" .gz)"
  done
else
  echo "note: $SHARED/corpus/pages-auto not found: samples only"
fi
PAGES="$(ls site | wc -l)"

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory site >http.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 300); do  # a loaded machine starts python slowly
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 1)" 2>/dev/null && break
  sleep 0.1
done
run_status rc wget -q --tries=3 --timeout=30 --warc-file="$WORK/crawl" -r -l 1 --no-parent \
  -P "$WORK/dl" "http://127.0.0.1:$PORT/"
kill "$SERVER"
check_eq "wget wrote a compressed WARC" True "$([ -s crawl.warc.gz ] && echo True)"

# Clean both ways; compare by title, without what only the crawl knows.
"$NEWS_INDEX" clean site/*.html >direct.jsonl 2>direct.err || true
run_status rc "$NEWS_INDEX" clean crawl.warc.gz >warc.jsonl 2>warc.err
check_eq "clean WARC: exit 1 (the directory listing and the home sample are rejected)" 1 "$rc"
check_contains "WARC rejection located FILE@OFFSET" "crawl.warc.gz@" "$(cat warc.err)"
python3 - "$PORT" <<'PY' >compare.txt
import json, sys
port = sys.argv[1]
direct = [json.loads(l) for l in open("direct.jsonl")]
warc = [json.loads(l) for l in open("warc.jsonl")]
by_title = {a["title"]: a for a in warc}
bad = []
for a in direct:
    w = by_title.get(a["title"])
    if w is None:
        bad.append("missing from the WARC: %s" % a["title"]); continue
    if "fetched" not in w:
        bad.append("no fetched date: %s" % a["title"])
    own_url = "url" in a
    keys = set(a) | set(w)
    keys -= {"fetched"} if own_url else {"fetched", "id", "url"}
    for k in sorted(keys):
        if a.get(k) != w.get(k):
            bad.append("%s: %s differs" % (a["title"], k))
    if not own_url and w.get("url", "").find("127.0.0.1:%s/" % port) < 0:
        bad.append("%s: url is not the fetched URL: %s" % (a["title"], w.get("url")))
print(len(direct), len(warc))
print("\n".join(bad))
PY
read -r N_DIRECT N_WARC <compare.txt
check_eq "every cleaned page is in the WARC" "$N_DIRECT" "$N_WARC"
check_eq "same fields from the WARC as from the HTML" "" "$(tail -n +2 compare.txt)"
check_eq "at least the four sample articles" True "$([ "$N_DIRECT" -ge 4 ] && echo True)"

# Index the WARC; the report counts the records that are not articles.
DB="$WORK/db"
run_status rc "$NEWS_INDEX" add --db "$DB" --report report.json crawl.warc.gz 2>add.err
check_eq "index WARC: exit 1 (rejections)" 1 "$rc"
check_eq "every article indexed" "$N_DIRECT" "$(total)"
check_eq "requests counted" "$((PAGES + 2))" \
  "$(json_get report.json 'j["not_articles"]["request record"]')"
check_contains "summary says what was skipped" "WARC records not articles, skipped" "$(tail -n 1 add.err)"
check_eq "a sample found by its words" 1 "$(total '"old sea wall"')"
check_eq "its authors searchable" 1 "$(total 'author:durand')"
# Fetched twice: the pages replace themselves.
"$NEWS_INDEX" add --db "$DB" crawl.warc.gz 2>/dev/null || true
check_eq "indexed twice, still one document a page" "$N_DIRECT" "$(total)"
# The HTML folder indexed directly gives the same documents (ids of pages
# with a URL of their own; the others take the fetched URL in the WARC).
"$NEWS_INDEX" add --db "$WORK/db-html" site 2>/dev/null || true
check_eq "HTML folder: same count" "$N_DIRECT" \
  "$("$NEWS_SEARCH" --db "$WORK/db-html" -n 0 --json | json_get /dev/stdin 'j["total"]')"

# Damaged copies: a flipped byte inside the largest member, a cut-off end.
python3 - <<'PY'
import zlib
data = open("crawl.warc.gz", "rb").read()
starts, i = [], 0
while i < len(data):
    d = zlib.decompressobj(31)
    d.decompress(data[i:])
    starts.append(i)
    i = len(data) - len(d.unused_data)
ends = starts[1:] + [len(data)]
k = max(range(len(starts)), key=lambda k: ends[k] - starts[k])
b = bytearray(data)
b[(starts[k] + ends[k]) // 2] ^= 0x55
open("flip.warc.gz", "wb").write(b)
open("flip.offset", "w").write(str(starts[k]))
# Cut in the middle of the same member; what comes before it is the
# file cut exactly at the member's start.
open("cut.warc.gz", "wb").write(data[: (starts[k] + ends[k]) // 2])
open("before.warc.gz", "wb").write(data[: starts[k]])
open("cut.offset", "w").write(str(starts[k]))
PY
# titles FILE: the sorted titles of a clean output.
titles() { python3 -c 'import json, sys; print("\n".join(sorted(json.loads(l)["title"] for l in open(sys.argv[1]))))' "$1"; }
for kind in flip cut; do
  run_status rc "$NEWS_INDEX" clean "$kind.warc.gz" >"$kind.jsonl" 2>"$kind.err"
  check_contains "$kind: damaged record located" "$kind.warc.gz@$(cat "$kind.offset"): " "$(cat "$kind.err")"
done
check_eq "flip: only the damaged record lost" 1 "$(comm -23 <(titles warc.jsonl) <(titles flip.jsonl) | wc -l)"
check_eq "flip: nothing else changed" "" "$(comm -13 <(titles warc.jsonl) <(titles flip.jsonl))"
"$NEWS_INDEX" clean before.warc.gz >before.jsonl 2>/dev/null || true
check_eq "cut: every record before the damage kept" "$(titles before.jsonl)" "$(titles cut.jsonl)"
check_eq "cut: the damaged record is an article" True \
  "$([ "$(wc -l <cut.jsonl)" -lt "$N_WARC" ] && echo True)"
run_status rc "$NEWS_INDEX" add --db "$WORK/db-flip" flip.warc.gz 2>flip-add.err
check_eq "flipped WARC indexed but one" "$((N_DIRECT - 1))" \
  "$("$NEWS_SEARCH" --db "$WORK/db-flip" -n 0 --json | json_get /dev/stdin 'j["total"]')"
finish
