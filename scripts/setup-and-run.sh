#!/usr/bin/env bash
# Fresh machine to first events: installs Debian packages, builds, codes the
# bundled example articles into examples.sqlite and prints the events.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build -j2
# A fresh database each time (one left by an older casus may have another schema).
rm -f build/examples.sqlite build/examples.sqlite-wal build/examples.sqlite-shm
./build/casus code examples --db build/examples.sqlite --format jsonl
