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

finish() {
  echo "$CHECKS passed, $FAILURES failed"
  [ "$FAILURES" -eq 0 ]
}
