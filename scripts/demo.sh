#!/usr/bin/env bash
# Quick start: install what is missing, build, and print episode 050's show
# notes: the worked examples and a verdict on every number the outline quotes.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh dev
./build/cli/costproof episode scenarios/ep050 "$@"
