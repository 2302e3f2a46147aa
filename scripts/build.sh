#!/usr/bin/env bash
# Configures and builds with CMake + Ninja (+ ccache when present).
# usage: scripts/build.sh [BUILD_DIR [extra cmake args...]]   (default: build, Release)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-build}"
shift || true
if [ ! -f "$dir/build.ninja" ]; then
  cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
fi
cmake --build "$dir" -j "$(nproc)"
