#!/usr/bin/env bash
# news-search --serve on corpus/sample.jsonl: /api/search answers exactly
# what `news-search --json` prints for the same options (took_ms aside) on
# many queries with filters and facets; /api/article, /api/facet,
# /api/stats, /healthz; every error case (JSON errors, never a 500); the
# security headers and content types; the access log; a graceful stop.
source "$(dirname "$0")/lib.sh"
command -v curl >/dev/null || { echo "SKIP: curl not installed"; exit 77; }

SAMPLE="$SRC/corpus/sample.jsonl"
DB="$WORK/db"
"$NEWS_INDEX" rebuild --db "$DB" "$SAMPLE" 2>/dev/null
start_server "$DB"

# ------------------------------------------- /api/search = news-search --json
python3 - "$SAMPLE" >"$WORK/cases.json" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
queries = ["tariffs", "korea", "tariffs korea", "", '"south korea"', "climate OR heat",
           "tariffs AND NOT canada", "tarif*", 'tag:"tariffs and trade"', "author:lucey",
           "by:\"Jürgen Weiß\"", "place:switzerland", "date:2025-04..", "title:election",
           "U.S. trade", "zzzunknownword"]
options = [{}, {"facet": ["tag", "place"]}, {"filter": "tag=Tariffs and trade"},
           {"filter": ["place=South Korea", "place=Switzerland", "section=Business"],
            "facet": ["section"]},
           {"sort": "newest", "n": 5}, {"sort": "oldest", "offset": 2, "n": 3},
           {"since": "2025-01", "until": "2025-06-30", "facet": "month"},
           {"facet": ["author", "source", "year"], "facet_limit": 0, "n": 0},
           {"recent": "30d", "as_of": "2025-06-01"}]
cases = [dict(o, q=q) if q else dict(o) for q in queries for o in options]
cases += [{"similar": rows[0]["id"]}, {"similar": rows[7]["id"], "facet": "tag", "n": 3}]
cases += [{"q": "tariffs", "collapse": 1, "facet": "tag"}, {"collapse": 1, "n": 0},
          {"q": "tariffs", "facet": "tag", "facet_count": "clusters"}, {"copies": rows[2]["id"]}]
json.dump(cases, sys.stdout)
PY
run_status rc python3 "$SRC/tests/cli/api_compare.py" "$NEWS_SEARCH" "$DB" "$URL" "$WORK/cases.json"
check_eq "/api/search = news-search --json" 0 "$rc"
check_eq "cases compared" "yes" "$(json_get "$WORK/cases.json" '"yes" if len(j) >= 40 else len(j)')"

# ------------------------------------------------------- the other routes
ID="$(head -1 "$SAMPLE" | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["id"])')"
check_eq "article status" 200 "$(http_status "/api/article/$ID")"
check_eq "article is the stored one" "$(head -1 "$SAMPLE" | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["body"][:200])')" \
  "$(json_get "$WORK/body" 'j["body"][:200]')"
check_eq "facet status" 200 "$(http_status "/api/facet/author?prefix=jurg&limit=5")"
check_eq "facet prefix folds case and accents" "Jürgen Weiß 6" \
  "$(json_get "$WORK/body" '" ".join("%s %d" % (v["value"], v["count"]) for v in j["values"])')"
check_eq "facet limit" 3 "$(http_status "/api/facet/place?limit=3" >/dev/null; json_get "$WORK/body" 'len(j["values"])')"
check_eq "stats status" 200 "$(http_status /api/stats)"
"$NEWS_INDEX" stats --db "$DB" --json >"$WORK/stats.json"
check_eq "stats = news-index stats --json" "$(json_get "$WORK/stats.json" 'sorted(j.items())')" \
  "$(json_get "$WORK/body" 'sorted(j.items())')"
check_eq "healthz" 200 "$(http_status /healthz)"
check_eq "page" 200 "$(http_status /)"
check_contains "page is the app" '<script src="/app.js"' "$(cat "$WORK/body")"

# ------------------------------------------------------- headers
headers="$(curl -s -D - -o /dev/null "$URL/")"
check_contains "html type" "Content-Type: text/html; charset=utf-8" "$headers"
check_contains "csp" "Content-Security-Policy: default-src 'none'; script-src 'self'" "$headers"
check_contains "nosniff" "X-Content-Type-Options: nosniff" "$headers"
check_contains "js type" "Content-Type: text/javascript" "$(curl -s -D - -o /dev/null "$URL/app.js")"
check_contains "api type" "Content-Type: application/json" \
  "$(curl -s -D - -o /dev/null "$URL/api/search?q=x")"
check_contains "error headers too" "X-Content-Type-Options: nosniff" \
  "$(curl -s -D - -o /dev/null "$URL/api/search?n=abc")"

# ------------------------------------------------------- snippets are HTML-safe
check_eq "snippet marks" "True" "$(http_status '/api/search?q=tariffs' >/dev/null
  json_get "$WORK/body" '"<b>" in j["hits"][0]["snippet"]')"

# ------------------------------------------------------- errors: JSON, never 500
# PATH STATUS: one a line (curl options after a tab).
head -c 100000 /dev/zero | tr '\0' x >"$WORK/big"
while IFS=$'\t' read -r path want opts; do
  [ -z "$path" ] && continue
  opts="${opts//BIG/$WORK/big}"
  # shellcheck disable=SC2086
  got="$(http_status "$path" $opts)"
  check_eq "status of $path $opts" "$want" "$got"
  check_eq "JSON error for $path $opts" "True" \
    "$(python3 -c 'import json,sys; print(isinstance(json.load(open(sys.argv[1])).get("error"), str))' "$WORK/body" 2>&1)"
done <<'CASES'
/api/search?bogus=1	400
/api/search?n=-1	400
/api/search?n=abc	400
/api/search?n=	400
/api/search?n=101	400
/api/search?offset=9995&n=10	400
/api/search?offset=10001&n=0	400
/api/search?n=2&n=3	400
/api/search?facet=nope	400
/api/search?facet_limit=x	400
/api/search?since=2025-13-45	400
/api/search?until=tomorrowish	400
/api/search?sort=sideways	400
/api/search?filter=noequals	400
/api/search?filter=colour=red	400
/api/search?recent=abc	400
/api/search?q=a%20AND	400
/api/search?similar=no-such-story	400
/api/article/no-such-story	404
/api/article/	404
/api/facet/nope	400
/api/facet/tag?limit=-1	400
/api/facet/tag?bogus=1	400
/api/stats?x=1	400
/nope	404
/api/nope	404
/../../etc/passwd	404
/%2e%2e/%2e%2e/etc/passwd	404
/app.js/../../../etc/passwd	404
/api/search	405	-X POST
/api/search	405	-X DELETE
/	405	-X PUT
/api/search	413	-X GET --data-binary @BIG
CASES
check_eq "414 for a long URI" 414 "$(http_status "/api/search?q=$(head -c 10000 /dev/zero | tr '\0' a)")"
check_contains "414 is JSON" '"error"' "$(cat "$WORK/body")"
check_eq "still serving after bad input" 200 "$(http_status /healthz)"

# ------------------------------------------------------- access log, stop
check_contains "access log line" "GET /api/search?n=abc 400 " "$(cat "$WORK/server.log")"
check_eq "access log format" "" \
  "$(grep -vE '^(news-search: .*|([A-Z]+ /[^ ]*|- -) [0-9]{3} [0-9]+\.[0-9]{3}ms)$' "$WORK/server.log" | head -3)"
kill -TERM "$SERVER_PID"
run_status rc wait "$SERVER_PID"
check_eq "exit status after SIGTERM" 0 "$rc"
check_contains "says it stops" "stopping (signal 15)" "$(cat "$WORK/server.log")"

# ------------------------------------------------------- the address
run_status rc "$NEWS_SEARCH" --db "$DB" --serve 127.0.0.1:99999 2>"$WORK/err"
check_eq "bad port: exit 2" 2 "$rc"
check_contains "bad port: says so" "PORT" "$(cat "$WORK/err")"
finish
