#!/usr/bin/env bash
# Quick start: install what is missing, build, and print episode 050's worked
# examples (Markdown show notes) from the shipped scenarios and price tables.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh dev
./build/cli/costproof run scenarios/ep050 "$@"
