#!/usr/bin/env bash
# The front ends include the library's public face only (include/news/):
# no internal header of common/ and no <xapian.h>. Run by the build before
# each front end is compiled; exits 1 naming every offending line.
# usage: scripts/check-front-ends.sh DIR...
set -uo pipefail
bad=$(grep -rnE '^\s*#\s*include\s*(<xapian|"[^"]*")' "$@" | grep -vE '#\s*include\s*"news/[a-z_]+\.h"')
if [ -n "$bad" ]; then
  echo "front ends must include only the public headers news/*.h:" >&2
  echo "$bad" >&2
  exit 1
fi
