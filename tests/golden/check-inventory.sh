#!/usr/bin/env bash
# Fails when a shipped scenario or a CLI command has no golden case, so new
# features cannot land without a golden file (the idea of ledger's CheckBaselineTests.py).
set -u
missing=0
for f in scenarios/*/*.json; do
  case "$(basename "$f")" in episode.json|claims.json) continue ;; esac
  if ! grep -lq -- "args: .*$f" tests/golden/cases/*.test; then
    echo "no golden case runs $f" >&2; missing=1
  fi
done
for cmd in "episode " "lint " "companion " "--version" "--help" "run " "pricing show" "pricing list" "pricing import" "pricing update" "pricing verify" "--format json"; do
  if ! grep -lq -- "args: .*$cmd" tests/golden/cases/*.test; then
    echo "no golden case uses '$cmd'" >&2; missing=1
  fi
done
exit $missing
