#!/usr/bin/env bash
# Rewrites every golden case (or the ones named) from the current build.
# Review the diff (git diff tests/golden) before committing.
set -eu
cd "$(dirname "$0")/../.."
bin=${COSTPROOF_BIN:-build/cli/costproof}
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(tests/golden/cases/*.test)
for c in "${cases[@]}"; do UPDATE_GOLDEN=1 bash tests/golden/run-golden.sh "$bin" "$c"; done
