#!/usr/bin/env bash
# The front ends include the library's public face only (include/news/):
# no internal header of common/ and no <xapian.h>; a front end's own
# headers (beside its sources) are fine. Run by the build before each front
# end is compiled; exits 1 naming every offending line.
# usage: scripts/check-front-ends.sh DIR...
set -uo pipefail
status=0
while IFS= read -r hit; do
  file=${hit%%:*}
  included=$(sed -nE 's/^[^:]*:[0-9]+:\s*#\s*include\s*"([^"]*)".*/\1/p' <<<"$hit")
  if [[ "$hit" =~ \<xapian ]] || { [[ "$included" != news/* ]] && [ ! -f "$(dirname "$file")/$included" ]; }; then
    [ "$status" -eq 0 ] && echo "front ends must include only the public headers news/*.h:" >&2
    echo "$hit" >&2
    status=1
  fi
done < <(grep -rnE '^\s*#\s*include\s*(<xapian|")' "$@")
exit "$status"
