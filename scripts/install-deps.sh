#!/usr/bin/env bash
# Installs the Debian 12 packages casus builds and tests with. Idempotent.
set -euo pipefail
pkgs=(
  build-essential cmake pkg-config ca-certificates
  libicu-dev libsqlite3-dev libsimdjson-dev libcli11-dev libfmt-dev
  libgtest-dev libgmock-dev libbenchmark-dev wordnet-base libgeonames-dev nlohmann-json3-dev sqlite3 libgumbo-dev libcld2-dev zlib1g-dev libabsl-dev
)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
