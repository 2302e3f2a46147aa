#!/usr/bin/env bash
# Installs the Debian 12 packages news-search needs to build, test and run.
# Idempotent: skips apt entirely when everything is already installed.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  libxapian-dev xapian-tools zlib1g-dev nlohmann-json3-dev libjemalloc-dev
  libboost-program-options-dev libboost-test-dev
  libxml2-dev nettle-dev wget
  clang clang-format libclang-rt-14-dev python3 python3-jsonschema time groff-base
  libcpp-httplib-dev chromium chromium-driver python3-selenium wrk curl
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
