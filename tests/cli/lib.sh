# Shared helpers for the CLI tests (sourced, not run). Each test script:
#   source "$(dirname "$0")/lib.sh"
# gets $WORK (a temp dir removed on exit), $NEWS_INDEX, $NEWS_SEARCH,
# $SRC (source tree), $SHARED (../shared) and the helpers below.
set -euo pipefail

: "${NEWS_INDEX:?run through ctest}" "${NEWS_SEARCH:?run through ctest}"
SRC="${NEWS_SOURCE_DIR:?}"
SHARED="${NEWS_SHARED_DIR:-$SRC/../shared}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
FAILURES=0
CHECKS=0

fail() { echo "FAIL: $*" >&2; FAILURES=$((FAILURES + 1)); }
pass() { CHECKS=$((CHECKS + 1)); }

# check_eq WHAT EXPECTED ACTUAL
check_eq() {
  if [ "$2" == "$3" ]; then pass; else fail "$1: expected '$2', got '$3'"; fi
}

# check_contains WHAT NEEDLE HAYSTACK
check_contains() {
  if [[ "$3" == *"$2"* ]]; then pass; else fail "$1: '$2' not in: $3"; fi
}

# run_status VAR CMD... : runs CMD, stores its exit code in VAR, never aborts.
run_status() {
  local __var=$1; shift
  set +e; "$@"; local __rc=$?; set -e
  printf -v "$__var" '%s' "$__rc"
}

# skip_unless_file PATH: exit 77 (ctest: skipped) with a message when absent.
skip_unless_file() {
  if [ ! -e "$1" ]; then
    echo "SKIP: $1 not found (the shared corpora are not beside this checkout)"
    exit 77
  fi
}

# json_get FILE PYTHON_EXPR: evaluates EXPR with the parsed JSON bound to j.
json_get() { python3 -c "import json,sys; j=json.load(open(sys.argv[1])); print($2)" "$1"; }

# search ARGS...: news-search on the test's index $DB.
search() { "$NEWS_SEARCH" --db "$DB" "$@"; }

# total ARGS...: the exact total of `news-search --db $DB ARGS` (and says
# "not exact: ..." when the search does not claim an exact total).
total() {
  local out
  out="$("$NEWS_SEARCH" --db "$DB" -n 0 --json "$@" || true)"
  python3 -c '
import json, sys
j = json.loads(sys.argv[1])
print(j["total"] if j["total_exact"] is True and j["hits"] == [] else "not exact: %s" % j)
' "$out"
}

# canon < RESULT.json: the canonical form of a search result (total, hits
# as (score, id) sorted so that exact score ties may come in any order,
# facets), for comparing two ways of searching the same articles.
canon() {
  python3 -c '
import json, sys
j = json.load(sys.stdin)
hits = sorted((-round(h["score"], 9), h["id"]) for h in j["hits"])
print(json.dumps({"total": j["total"], "exact": j["total_exact"], "hits": hits,
                  "facets": j["facets"]}, sort_keys=True))'
}

finish() {
  echo "$CHECKS passed, $FAILURES failed"
  [ "$FAILURES" -eq 0 ]
}

# start_server DB [ARGS...]: news-search --serve on a free loopback port
# (the program picks it and prints the URL), waits for /healthz; sets $URL
# (no trailing slash) and $SERVER_PID. The server is stopped on exit; its
# stderr (access log) is $WORK/server.log.
start_server() {
  local db=$1; shift
  "$NEWS_SEARCH" --db "$db" "$@" --serve 127.0.0.1:0 2>"$WORK/server.log" &
  SERVER_PID=$!
  trap 'kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
  URL=""
  for _ in $(seq 200); do
    URL="$(sed -n 's|^news-search: serving \(http://[^ ]*\)/$|\1|p' "$WORK/server.log")"
    if [ -n "$URL" ] && curl -sf "$URL/healthz" >/dev/null; then return 0; fi
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.05
  done
  echo "FAIL: the server did not start:" >&2
  cat "$WORK/server.log" >&2
  exit 1
}

# http_status PATH [CURL ARGS...]: the status of GET $URL$PATH; the body is
# left in $WORK/body.
http_status() {
  local path=$1; shift
  curl -s --path-as-is -o "$WORK/body" -w '%{http_code}' "$@" "$URL$path"
}
