#!/usr/bin/env bash
# Download Reuters-21578 (Distribution 1.0) from the UCI KDD archive and
# convert it to the corpus JSON Lines format (see corpus/README.md).
#
# Usage: corpus/fetch-reuters21578.sh [OUTPUT]
#   OUTPUT  default ./reuters21578.jsonl.gz (keep it outside the repository)
#
# Environment:
#   REUTERS21578_URL      download address (default: the UCI KDD archive)
#   REUTERS21578_TARBALL  use this already downloaded reuters21578.tar.gz
#   REUTERS21578_SHA256   if set, the tarball must have this SHA-256
#
# Needs bash, curl or wget, tar, gzip and python3 (standard library only).
# Never run in CI: it needs the network. Licence: the collection may be
# distributed freely "for research purposes only" (its README).
set -euo pipefail

url="${REUTERS21578_URL:-https://kdd.ics.uci.edu/databases/reuters21578/reuters21578.tar.gz}"
out="${1:-./reuters21578.jsonl.gz}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

case "$out" in -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
command -v python3 >/dev/null 2>&1 || { echo "error: python3 not found" >&2; exit 2; }

tmp="$(mktemp -d "${TMPDIR:-/tmp}/reuters21578.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

tarball="$tmp/reuters21578.tar.gz"
if [[ -n "${REUTERS21578_TARBALL:-}" ]]; then
    cp -- "$REUTERS21578_TARBALL" "$tarball"
elif command -v curl >/dev/null 2>&1; then
    echo "downloading $url" >&2
    curl -fL --retry 3 --connect-timeout 30 -o "$tarball" "$url"
elif command -v wget >/dev/null 2>&1; then
    echo "downloading $url" >&2
    wget --tries=3 --timeout=30 -O "$tarball" "$url"
else
    echo "error: need curl or wget to download $url" >&2
    exit 2
fi

if [[ -n "${REUTERS21578_SHA256:-}" ]]; then
    actual="$(sha256sum "$tarball" | cut -d' ' -f1)"
    if [[ "$actual" != "${REUTERS21578_SHA256,,}" ]]; then
        echo "error: SHA-256 of the tarball is $actual, expected $REUTERS21578_SHA256" >&2
        exit 2
    fi
fi

mkdir "$tmp/src"
tar -xzf "$tarball" -C "$tmp/src"
n="$(find "$tmp/src" -name 'reut2-*.sgm' | wc -l)"
if [[ "$n" -eq 0 ]]; then
    echo "error: no reut2-*.sgm files in the archive" >&2
    exit 2
elif [[ "$n" -ne 22 ]]; then
    echo "warning: expected 22 reut2-*.sgm files, found $n" >&2
fi

python3 "$here/convert_reuters21578.py" -o "$out" "$tmp/src"
