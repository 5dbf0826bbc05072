#!/usr/bin/env bash
# Installs what is missing, then configures and builds costproof with the
# given CMake preset: dev (default, g++ -> ./build), check (clang, ASan+UBSan,
# tests and fuzzers -> ./build-check) or wasm (Emscripten -> ./build-wasm).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-dev}
case "$preset" in
  check) bash scripts/install-deps.sh --fuzz ;;       # clang and its sanitizer runtimes
  wasm) bash scripts/install-deps.sh --companion ;;  # Emscripten
  *) bash scripts/install-deps.sh ;;
esac
cmake --preset "$preset" > /dev/null
cmake --build --preset "$preset"
