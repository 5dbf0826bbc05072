#!/usr/bin/env bash
# Installs what is missing, then configures and builds costproof with the
# given CMake preset (default: dev -> ./build).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-dev}
bash scripts/install-deps.sh
cmake --preset "$preset" > /dev/null
cmake --build --preset "$preset"
