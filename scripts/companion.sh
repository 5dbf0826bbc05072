#!/usr/bin/env bash
# Builds the listener companions of episode 050 and of the example episode and tests them in headless Chromium.
#   1. installs what the companion needs (Emscripten, Chromium, unzip; scripts/install-deps.sh --companion)
#   2. builds the program (preset dev) and the page's WebAssembly engine (preset wasm)
#   3. writes the bundles: costproof companion scenarios/ep050 --out build/companion, and
#      scenarios/ep-example-egress-serverless --out build/companion-example (its forms are generated from its folder)
#   4. runs web/test/companion-test.mjs (Playwright's playwright-core driving /usr/bin/chromium)
# Artefacts (screenshot, page results): build/companion-test/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --companion
bash scripts/build.sh dev
export NODE_PATH=/usr/share/nodejs   # Emscripten's optimiser needs Debian's node modules
cmake --preset wasm > /dev/null
cmake --build --preset wasm
./build/cli/costproof companion scenarios/ep050 --out build/companion --as-of 2026-11-27
example=scenarios/ep-example-egress-serverless
./build/cli/costproof companion "$example" --out build/companion-example --as-of 2026-11-27
(cd web/test && npm ci --no-audit --no-fund --loglevel=error)
node web/test/companion-test.mjs build/companion build/cli/costproof build/companion-test build/companion-example "$example"
