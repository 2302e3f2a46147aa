#!/usr/bin/env bash
# The web page in a real browser (headless Chromium driven by Selenium):
# search, tick a facet (the shown total is the CLI's), open an article, go
# back, phone width; and stories whose title, author, body and tags hold
# <script> and attribute-breaking markup show it as text and run nothing;
# three copies of one wire story are one hit with "+ 2 copies" until
# "Group copies" is unticked.
# Screenshots go to $NEWS_SCREENSHOTS when set (else the work dir).
source "$(dirname "$0")/lib.sh"
for tool in /usr/bin/chromium /usr/bin/chromedriver curl; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool not installed (apt-get install chromium chromium-driver)"; exit 77; }
done
/usr/bin/python3 -c 'import selenium' 2>/dev/null || { echo "SKIP: python3-selenium not installed"; exit 77; }

DB="$WORK/db"
python3 - >"$WORK/xss.jsonl" <<'PY'
import json
bad1, bad2 = "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'
for i, bad in enumerate([bad1, bad2, bad1 + " " + bad2]):
    print(json.dumps({"id": "xss-%d" % i, "title": "Hostile zebrafish %s" % bad,
                      "authors": ["Mallory %s" % bad], "tags": ["zebrafish %s" % bad],
                      "section": bad, "source": bad, "published": "2025-03-0%dT10:00:00Z" % (i + 1),
                      "body": "The zebrafish story %s quoted %s in its body." % (bad, bad2)}))
wire = " ".join("okapi herd number %d crossed the river at dawn" % i for i in range(12))
for i, source in enumerate(["AP", "Reuters", "AFP"]):
    print(json.dumps({"id": "copy-%d" % i, "title": "Okapi herd crosses river", "body": wire,
                      "source": source, "published": "2025-04-0%dT10:00:00Z" % (i + 1)}))
PY
"$NEWS_INDEX" rebuild -q --db "$DB" "$SRC/corpus/sample.jsonl" "$WORK/xss.jsonl"
start_server "$DB"
# The tag the page ticks first: the top tag of the search (its checkbox order).
TAG="$(curl -sf "$URL/api/search?q=tariffs&facet=tag&facet_limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["facets"]["tag"][0]["value"])')"
EXPECTED="$(total --filter "tag=$TAG" tariffs)"
SHOTS="${NEWS_SCREENSHOTS:-$WORK/screenshots}"
mkdir -p "$SHOTS"
run_status rc timeout 120 /usr/bin/python3 "$SRC/tests/cli/browser.py" "$URL" "$SHOTS" "$EXPECTED" zebrafish
check_eq "browser checks" 0 "$rc"
ls "$SHOTS"
finish
