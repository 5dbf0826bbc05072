#!/usr/bin/env bash
# Quick start: install what is missing, build, and run the whole test suite
# (unit + golden tests), the listener companion in headless Chromium, then the
# same suite under AddressSanitizer and UndefinedBehaviorSanitizer (clang,
# preset check), then every fuzz target for 60 seconds from that same build.
# Three compiles in all: dev (g++), check (clang), wasm (em++); ccache is used
# when present (scripts/install-deps.sh installs it). Wall time: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh dev
ctest --preset dev -j2
./build/cli/costproof episode scenarios/ep050 --as-of 2026-11-27 > /dev/null
bash scripts/companion.sh
bash scripts/build.sh check
ctest --preset check -j2
FUZZ_PARALLEL=2 bash scripts/fuzz.sh 60
echo "test.sh: all tests passed"
